package se.iop.ui;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import se.iop.it.Api;
import se.iop.it.Browser;
import se.iop.it.Deployments;
import se.iop.it.Fixtures;
import se.iop.it.LandlordFixtures;
import se.iop.it.Smtp;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Fixtures.created;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.ok;
import static se.iop.it.Fixtures.unique;
import static se.iop.it.Widgets.choose;
import static se.iop.it.Widgets.press;
import static se.iop.it.Widgets.steps;
import static se.iop.it.Widgets.tickOption;
import static se.iop.it.Widgets.type;
import static se.iop.it.Widgets.waitForText;

/**
 * A private-person landlord in a real browser: the administrator makes its account in the account form,
 * bound to the private landlord's record (both an organisation and a private landlord refused, naming the
 * private landlord's menu), and the private landlord signs in, finds its packet in the portal — not another
 * landlord's — reads it, opens the PDF, acknowledges it and asks the support team to get in touch.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PrivateLandlordBrowserIT {

    private static final String PASSWORD = "privat-hyresvard-1";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeAll
    static void smtp() {
        Smtp.server();
    }

    private static JsonObject person(String name) {
        return created(Api.admin().post("api/landlords", Json.createObjectBuilder()
                .add("kind", "PERSON").add("name", name).add("address", "Privatvägen 3, Nyköping")
                .add("contact", Json.createObjectBuilder().add("name", name).add("email", LandlordFixtures.email("privat")))
                .build().toString()));
    }

    private record Sent(String title, long packetId, long versionId) {
    }

    /** A new packet, published and sent to the landlord. */
    private static Sent sentTo(JsonObject landlord, String title) {
        JsonObject p = LandlordFixtures.publishedPacket(title);
        LandlordFixtures.awaitSend(LandlordFixtures.send(id(p), 1, LandlordFixtures.to(id(landlord))).json()
                .getJsonNumber("sendId").longValue(), Duration.ofSeconds(30));
        return new Sent(title, id(p), ok(Api.admin().get("api/packets/" + id(p) + "/versions/1")).getJsonNumber("id").longValue());
    }

    @Test
    void theAdministratorMakesAPrivateLandlordsAccountAndTheLandlordAcknowledgesItsPacket() {
        String suffix = Fixtures.unique("").strip();
        String name = "Pia Privatsson " + suffix;
        JsonObject pia = person(name);
        JsonObject other = person("Otto Annansson " + suffix);
        Sent mine = sentTo(pia, unique("Till Pia"));
        Sent theirs = sentTo(other, unique("Till Otto"));
        String username = "pia." + suffix;
        try (Browser b = Browser.start()) {
            steps(b, "private-landlord-account", () -> {
                b.login("handlaggare", "bostadforst");
                b.open("accounts/edit.xhtml");
                type(b, "account:username", username);
                type(b, "account:displayName", name);
                tickOption(b, "account:roles", "Hyresvärd");
                choose(b, "account:organisationId", Fixtures.NYKOPINGSHEM);
                choose(b, "account:landlordId", name);
                type(b, "account:password", PASSWORD);
                type(b, "account:passwordRepeat", PASSWORD);
                press(b, "account:save");
                waitForText(b, "Privat hyresvärd: Ett hyresvärdskonto hör antingen till ett bostadsbolag eller till en privat hyresvärd, inte båda.");
                assertTrue(b.find(By.id("account:landlordId")).getAttribute("class").contains("ui-state-error"),
                        "the private landlord's menu is marked");

                choose(b, "account:organisationId", "Ingen organisation");
                type(b, "account:password", PASSWORD);
                type(b, "account:passwordRepeat", PASSWORD);
                b.find(By.id("account:save")).click();
                b.waitUntil(ExpectedConditions.urlContains("accounts/view.xhtml?id="));
                waitForText(b, "Kontot är skapat.");
                assertEquals("Hyresvärd", b.find(By.id("roles")).getText());
                assertEquals(name, b.find(By.id("organisation")).getText());
                b.screenshot("private-landlord-account");
                b.find(By.id("userForm:logout")).click();
                b.waitUntil(ExpectedConditions.urlContains("login.xhtml"));
            });

            steps(b, "private-landlord-portal", () -> {
                b.login(username, PASSWORD);
                b.open("portal/packets.xhtml");
                String list = b.find(By.id("list:packets")).getText();
                assertTrue(list.contains(mine.title()), list);
                assertFalse(list.contains(theirs.title()), "another landlord's packet is not listed: " + list);
                b.find(By.linkText(mine.title())).click();
                b.waitUntil(ExpectedConditions.urlContains("portal/packet.xhtml?id=" + mine.versionId()));
                assertEquals(mine.title(), b.find(By.tagName("h1")).getText());
                b.waitUntil(ExpectedConditions.textToBe(By.id("deliveryStatus"), "Öppnad"));
                assertEquals("200 application/pdf", fetch(b, b.find(By.id("reader:pdf")).getAttribute("href")));
                b.find(By.id("reader:acknowledge")).click();
                b.waitUntil(ExpectedConditions.textToBe(By.id("deliveryStatus"), "Bekräftad"));
                waitForText(b, "Tack! Er bekräftelse är registrerad.");
                b.screenshot("private-landlord-acknowledged");

                b.open("portal/packets.xhtml");
                String need = "Hyresgästen svarar inte i dörren " + suffix;
                choose(b, "need:category", "Störning");
                b.find(By.id("need:description")).sendKeys(need);
                b.find(By.id("need:send")).click();
                waitForText(b, "Tack! Stödteamet har fått ert meddelande.");
                assertTrue(b.find(By.id("needs")).getText().contains(need));
                assertTrue(b.find(By.id("list:packets")).getText().contains("Bekräftad"));
                b.screenshot("private-landlord-portal");

                b.open("portal/packet.xhtml?id=" + theirs.versionId());
                waitForText(b, "Informationspaketet finns inte, eller så är det inte skickat till er.");
                assertFalse(b.pageText().contains(theirs.title()));
            });
        }
        JsonObject delivery = LandlordFixtures.deliveries(mine.packetId(), 1).get(0);
        assertEquals("ACKNOWLEDGED", delivery.getString("status"));
        assertEquals(username, delivery.getString("acknowledgedBy"));
        assertEquals("SENT", LandlordFixtures.deliveries(theirs.packetId(), 1).get(0).getString("status"));
    }

    private static String fetch(Browser b, String url) {
        return (String) ((JavascriptExecutor) b.driver()).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(function (r) {"
                        + " done(r.status + ' ' + r.headers.get('Content-Type')); }).catch(function (e) { done('error ' + e); });",
                url);
    }
}
