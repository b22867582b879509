package se.iop.ui;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import se.iop.it.Api;
import se.iop.it.Browser;
import se.iop.it.Deployments;
import se.iop.it.Fixtures;
import se.iop.it.LandlordFixtures;
import se.iop.it.LandlordFixtures.User;
import se.iop.it.Smtp;
import se.iop.it.Widgets;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.ok;

/**
 * A landlord's start (issue 13 §6): after logging in, a landlord lands on its packets — not on a start page about
 * agreements it cannot see — with the packet it has not confirmed first, even when an older one, and confirms it
 * from the list.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LandlordStartBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeAll
    static void smtp() {
        Smtp.server();
    }

    /** A packet sent to the landlord: its id and its version 1's id. */
    private record Sent(long packetId, long versionId) {
    }

    private static Sent sentTo(long landlord, String title) {
        JsonObject p = LandlordFixtures.publishedPacket(title);
        LandlordFixtures.awaitSend(LandlordFixtures.send(id(p), 1, LandlordFixtures.to(landlord)).json()
                .getJsonNumber("sendId").longValue(), Duration.ofSeconds(30));
        return new Sent(id(p), ok(Api.admin().get("api/packets/" + id(p) + "/versions/1")).getJsonNumber("id").longValue());
    }

    @Test
    void aLandlordLandsOnItsUnreadPacketFirstAndConfirmsItFromTheList() {
        JsonObject landlord = LandlordFixtures.company(LandlordFixtures.email("start"));
        User user = LandlordFixtures.landlordUser(landlord.getJsonNumber("organisationId").longValue());
        String older = Fixtures.unique("Äldre paket");
        String newer = Fixtures.unique("Nyare paket");
        Sent olderSent = sentTo(id(landlord), older);
        Sent newerSent = sentTo(id(landlord), newer);
        ok(user.api().post("api/portal/packets/" + newerSent.versionId() + "/acknowledge", ""));

        try (Browser b = Browser.start()) {
            b.login(user.username(), user.password());
            b.waitUntil(ExpectedConditions.urlContains("portal/packets.xhtml"));
            List<WebElement> rows = b.driver().findElements(By.cssSelector("[id='list:packets'] tbody tr"));
            assertEquals(2, rows.size());
            assertTrue(rows.get(0).getText().contains(older), "the unconfirmed packet first, though older: " + rows.get(0).getText());
            assertTrue(rows.get(1).getText().contains(newer));
            assertEquals(1, rows.get(0).findElements(By.cssSelector("button[id$=':acknowledge']")).size());
            assertEquals(0, rows.get(1).findElements(By.cssSelector("button[id$=':acknowledge']")).size(), "the confirmed one has no button");
            assertEquals(2, b.driver().findElements(By.cssSelector("a[id$=':contact'][href$='#need']")).size());
            b.screenshot("landlord-start");

            rows.get(0).findElement(By.cssSelector("button[id$=':acknowledge']")).click();
            Widgets.ajaxDone(b);
            b.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("unacknowledged"), "Allt är bekräftat"));
            assertEquals(0, b.driver().findElements(By.cssSelector("button[id$=':acknowledge']")).size());
            b.screenshot("landlord-start-confirmed");

            b.open("index.xhtml");
            b.waitUntil(ExpectedConditions.urlContains("portal/packets.xhtml"));
        }
        assertEquals("ACKNOWLEDGED", LandlordFixtures.deliveries(olderSent.packetId(), 1).get(0).getString("status"));
        assertEquals(user.username(), LandlordFixtures.deliveries(olderSent.packetId(), 1).get(0).getString("acknowledgedBy"));
    }
}
