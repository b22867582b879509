package se.iop.ui;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import se.iop.identity.ItProviders;
import se.iop.it.Api;
import se.iop.it.Browser;
import se.iop.it.Deployments;
import se.iop.it.Fixtures;
import se.iop.it.Keycloak;
import se.iop.it.LandlordFixtures;
import se.iop.it.Rows;
import se.iop.it.Smtp;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Fixtures.created;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.ok;
import static se.iop.it.Widgets.steps;
import static se.iop.it.Widgets.waitForText;

/**
 * Sign-in through Keycloak's own login pages in a real browser: an invited partner user follows the e-mail's
 * link, signs in at the municipality's IdP, sees only their organisation's agreements and logs out (at Keycloak
 * too); an invited private landlord signs in with (demo) e-ID and acknowledges a packet; a person nobody invited
 * gets the page saying whom to ask, and no account.
 */
@ExtendWith({ArquillianExtension.class, ItProviders.Configured.class})
@RunAsClient
class SignInBrowserIT {

    private static final Pattern LINK = Pattern.compile("(http://\\S+/invitation\\.xhtml\\?token=[A-Za-z0-9_-]+)");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeAll
    static void mail() {
        Smtp.server();
    }

    /** Invites a person through the API and returns the link of the e-mail they get. */
    private static String invite(String role, String organisation, Long landlordId) {
        String email = "inbjuden-" + UUID.randomUUID().toString().substring(0, 8) + "@example.se";
        var body = Json.createObjectBuilder().add("email", email).add("displayName", "Inbjuden " + role).add("role", role);
        if (organisation != null) {
            body.add("organisationId", Fixtures.organisationId(organisation));
        }
        if (landlordId != null) {
            body.add("landlordId", landlordId);
        }
        Api.Reply r = Api.admin().post("api/invitations", body.build().toString());
        assertEquals(201, r.status(), r.body());
        try {
            MimeMessage m = Smtp.await(email, 1, Duration.ofSeconds(30)).get(0);
            Matcher link = LINK.matcher((String) m.getContent());
            assertTrue(link.find());
            return link.group(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Types user name and password into Keycloak's login page and sends it. */
    private static void atKeycloak(Browser b, String username) {
        b.waitUntil(ExpectedConditions.urlContains("127.0.0.1:" + Keycloak.PORT + "/realms/"));
        b.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        b.find(By.id("password")).sendKeys(Keycloak.PASSWORD);
        b.find(By.id("kc-login")).click();
    }

    @Test
    void anInvitedPartnerSignsInAtTheIdpSeesOnlyTheirAgreementsAndLogsOutThereToo() {
        String link = invite("PARTNER", Fixtures.VERDANDI, null);
        List<String> theirs = Api.demo("verdandi").get("api/agreements?max=100").json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().map(a -> a.getString("title")).toList();
        List<String> others = Api.demo("stadsmissionen").get("api/agreements?max=100").json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().map(a -> a.getString("title")).filter(t -> !theirs.contains(t)).toList();
        assertFalse(others.isEmpty(), "the demo has an agreement of Stadsmissionen's that Verdandi is no party to");
        try (Browser b = Browser.start()) {
            steps(b, "signin-invited-partner", () -> {
                b.driver().get(link);
                waitForText(b, "Nyköpings kommun");
                b.screenshot("signin-invitation");
                b.find(By.id("sso-staff")).click();
                atKeycloak(b, "ida.invited");
                b.waitUntil(ExpectedConditions.urlContains(Api.base() + "index.xhtml"));
                b.open("agreements/list.xhtml");
                String page = b.pageText();
                theirs.forEach(t -> assertTrue(page.contains(t), "their agreement " + t + " is listed"));
                others.forEach(t -> assertFalse(page.contains(t), "another organisation's " + t + " is not"));
                b.screenshot("signin-partner-agreements");

                b.find(By.id("userForm:logout")).click();
                // Keycloak asks to confirm (no ID token is kept to hand it); the person confirms
                b.waitUntil(ExpectedConditions.urlContains("127.0.0.1:" + Keycloak.PORT));
                b.screenshot("signin-logout-confirm");
                b.waitUntil(ExpectedConditions.elementToBeClickable(By.id("kc-logout"))).click();
                b.waitUntil(ExpectedConditions.urlContains(Api.base() + "login.xhtml"));
                waitForText(b, "Du är utloggad.");
                // the provider's session is over too: signing in again asks for the password
                b.find(By.id("provider-staff")).click();
                b.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
                b.open("agreements/list.xhtml");
                b.waitUntil(ExpectedConditions.urlContains("login.xhtml"));
            });
        }
    }

    @Test
    void anInvitedPrivateLandlordSignsInWithEidAndAcknowledgesAPacket() {
        String name = "Ulla Uthyrare " + Fixtures.unique("").strip();
        JsonObject landlord = created(Api.admin().post("api/landlords", Json.createObjectBuilder()
                .add("kind", "PERSON").add("name", name).add("address", "Privatvägen 9, Nyköping")
                .add("contact", Json.createObjectBuilder().add("name", name).add("email", LandlordFixtures.email("ulla")))
                .build().toString()));
        String title = Fixtures.unique("Till Ulla");
        JsonObject packet = LandlordFixtures.publishedPacket(title);
        LandlordFixtures.awaitSend(LandlordFixtures.send(id(packet), 1, LandlordFixtures.to(id(landlord))).json()
                .getJsonNumber("sendId").longValue(), Duration.ofSeconds(30));
        long version = ok(Api.admin().get("api/packets/" + id(packet) + "/versions/1")).getJsonNumber("id").longValue();
        String link = invite("LANDLORD", null, id(landlord));
        long linksBefore = (Long) Rows.value("select count(*) from account_identity where provider = 'eid'");
        try (Browser b = Browser.start()) {
            steps(b, "signin-private-landlord", () -> {
                b.driver().get(link);
                b.find(By.id("sso-eid")).click();
                atKeycloak(b, "198112189876");
                b.waitUntil(ExpectedConditions.urlContains(Api.base().toString()));
                b.open("portal/packet.xhtml?id=" + version);
                assertEquals(title, b.find(By.tagName("h1")).getText());
                b.waitUntil(ExpectedConditions.textToBe(By.id("deliveryStatus"), "Öppnad"));
                b.waitUntil(ExpectedConditions.elementToBeClickable(By.id("reader:acknowledge"))).click();
                b.waitUntil(ExpectedConditions.textToBe(By.id("deliveryStatus"), "Bekräftad"));
                assertFalse(b.pageText().contains("198112189876"), "the personal identity number is never shown");
                b.screenshot("signin-private-landlord");
            });
        }
        assertEquals(linksBefore + 1, Rows.value("select count(*) from account_identity where provider = 'eid'"));
        assertEquals(1L, Rows.value("select count(*) from account_identity i join account a on a.id = i.account_id"
                + " where i.provider = 'eid' and a.landlord_id = ?", id(landlord)),
                "the invitation linked the e-ID person to the private landlord's account");
    }

    @Test
    void aPersonNobodyInvitedGetsThePageSayingWhomToAsk() {
        long accounts = (Long) Rows.value("select count(*) from account");
        try (Browser b = Browser.start()) {
            steps(b, "signin-unknown", () -> {
                b.open("login.xhtml");
                b.find(By.id("provider-staff")).click();
                atKeycloak(b, "bo.unknown");
                b.waitUntil(ExpectedConditions.urlContains("unknown-person.xhtml"));
                b.screenshot("signin-unknown-person");
            });
        }
        assertEquals(accounts, Rows.value("select count(*) from account"));
    }
}
