package se.iop.api;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.iop.it.Api;
import se.iop.it.Deployments;
import se.iop.it.Fixtures;
import se.iop.it.FollowUpFixtures;
import se.iop.it.ItAccounts;
import se.iop.it.ItDatabase;
import se.iop.it.LandlordFixtures;
import se.iop.it.Rows;
import se.iop.it.Smtp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.unique;

/**
 * A mail whose worker died at its end (issue 11 §2): the worker commits ENDING on its claim before the line that ends
 * the message reaches the mail server, and SENT only after the server's 250, so a node killed between the two leaves
 * a row ending with a lease that runs out. Such rows are written straight into the database here, as the dead node
 * would have left them. They are never mailed again by the retry job (every 2 s in the tests) — the mail may have
 * arrived — but shown as uncertain, and an administrator, and nobody else, sends each again once. A claim that died
 * before its end is mailed again as before.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MailEndingIT {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final List<Long> ACCOUNTS = new ArrayList<>();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeAll
    static void smtp() {
        Smtp.server();
    }

    /** Users with an address would be reminded of this test's agreement for ever: they leave when it is done. */
    @AfterAll
    static void leave() {
        for (long account : ACCOUNTS) {
            Rows.update("update account set active = false where id = ?", account);
        }
    }

    /** A delivery row as a dead node left it: queued, claimed until {@code until}, ending since {@code ending} (or not). */
    private static long leftBehind(Connection c, long versionId, JsonObject landlord, String email, String claim,
                                   Instant until, Instant ending) throws Exception {
        long contact = ((Number) Rows.value("select id from landlord_contact where landlord_id = ?", id(landlord))).longValue();
        try (PreparedStatement ps = c.prepareStatement("insert into packet_delivery (version, packet_version_id,"
                + " landlord_id, contact_id, send_number, email, channel, status, requested_at, requested_by, attempts,"
                + " last_attempt_at, claim, claimed_until, ending_at) values (0, ?, ?, ?, 0, ?, 'EMAIL', 'QUEUED', now(),"
                + " 'it', ?, ?, ?, ?, ?) returning id")) {
            ps.setLong(1, versionId);
            ps.setLong(2, id(landlord));
            ps.setLong(3, contact);
            ps.setString(4, email);
            ps.setInt(5, ending == null ? 0 : 1);
            ps.setTimestamp(6, ending == null ? null : Timestamp.from(ending));
            ps.setString(7, claim);
            ps.setTimestamp(8, Timestamp.from(until));
            ps.setTimestamp(9, ending == null ? null : Timestamp.from(ending));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static JsonObject delivery(long packetId, long deliveryId) {
        return LandlordFixtures.deliveries(packetId, 1).stream().filter(d -> id(d) == deliveryId).findFirst().orElseThrow();
    }

    @Test
    void aDeliveryWhoseWorkerDiedAtTheEndIsShownUncertainNeverRetriedAndSentAgainOnceByAnAdministrator() throws Exception {
        JsonObject p = LandlordFixtures.publishedPacket(unique("IT Osäker"));
        long packetId = id(p);
        long versionId = ((Number) Rows.value("select id from packet_version where packet_id = ? and number = 1", packetId)).longValue();
        String uncertainEmail = LandlordFixtures.email("osaker");
        String endingEmail = LandlordFixtures.email("slutar");
        String lapsedEmail = LandlordFixtures.email("fore-slutet");
        Instant now = Instant.now();
        Instant liveUntil = now.plusSeconds(6);
        long uncertain;
        long ending;
        long lapsed;
        try (Connection c = ItDatabase.database().connect()) {
            c.setAutoCommit(true);
            // Died at the end: ending since 10 s, its lease ran out 1 s ago.
            uncertain = leftBehind(c, versionId, LandlordFixtures.company(uncertainEmail), uncertainEmail, "dead-at-end",
                    now.minusSeconds(1), now.minusSeconds(10));
            // At the end now, its worker waiting for the server's answer for 6 s more (then it too is uncertain).
            ending = leftBehind(c, versionId, LandlordFixtures.company(endingEmail), endingEmail, "at-end",
                    liveUntil, now.minusSeconds(1));
            // Died before the end: the server kept nothing, any worker mails it again.
            lapsed = leftBehind(c, versionId, LandlordFixtures.company(lapsedEmail), lapsedEmail, "dead-before-end",
                    now.minusSeconds(1), null);
        }
        assertEquals(1, Smtp.await(lapsedEmail, 1, WAIT).size());
        long end = System.nanoTime() + WAIT.toNanos();
        while (!"SENT".equals(Rows.value("select status from packet_delivery where id = ?", lapsed)) && System.nanoTime() < end) {
            Smtp.sleep(200);
        }
        assertEquals("SENT", Rows.value("select status from packet_delivery where id = ?", lapsed));
        assertEquals(1L, Rows.count("select attempts from packet_delivery where id = ? and claim is null and ending_at is null", lapsed));

        JsonObject u = delivery(packetId, uncertain);
        assertTrue(u.getBoolean("uncertain"), u.toString());
        assertEquals("QUEUED", u.getString("status"), "its row as the dead worker left it");
        assertFalse(delivery(packetId, lapsed).getBoolean("uncertain"));
        JsonObject ov = Fixtures.ok(Api.admin().get("api/packets/" + packetId + "/versions/1/overview"));
        assertTrue(ov.getInt("uncertain") >= 1, ov.toString());
        assertEquals(ov.getInt("total"), ov.getInt("pending") + ov.getInt("received") + ov.getInt("opened")
                + ov.getInt("acknowledged") + ov.getInt("failed") + ov.getInt("uncertain"), ov.toString());

        // Past the live one's lease, and several runs of the retry job: neither is mailed.
        while (Instant.now().isBefore(liveUntil.plusSeconds(5))) {
            Smtp.sleep(200);
        }
        assertEquals(0, Smtp.to(uncertainEmail).size(), "may have arrived: never sent again by itself");
        assertEquals(0, Smtp.to(endingEmail).size());
        assertTrue(delivery(packetId, ending).getBoolean("uncertain"), "its worker never came back");
        ov = Fixtures.ok(Api.admin().get("api/packets/" + packetId + "/versions/1/overview"));
        assertEquals(2, ov.getInt("uncertain"), ov.toString());
        assertEquals(0, ov.getInt("pending"), ov.toString());
        assertEquals("dead-at-end", Rows.value("select claim from packet_delivery where id = ?", uncertain));

        // Only an administrator sends it again: finance, the auditor and a landlord are refused, nothing changes.
        for (String user : List.of("ekonom", "revisor", "hyresvard")) {
            Api.Reply r = Api.demo(user).post("api/deliveries/" + uncertain + "/send-again", "");
            assertEquals(403, r.status(), user + ": " + r.body());
        }
        assertTrue(delivery(packetId, uncertain).getBoolean("uncertain"));
        assertEquals(0L, Rows.count("select count(*) from mail_resend where mail = 'packet_delivery' and mail_id = ?", uncertain));

        Api.Reply again = Api.admin().post("api/deliveries/" + uncertain + "/send-again", "");
        assertEquals(204, again.status(), again.body());
        Api.Reply twice = Api.admin().post("api/deliveries/" + uncertain + "/send-again", "");
        assertEquals(409, twice.status(), "sent again once: " + twice.body());
        assertEquals(404, Api.admin().post("api/deliveries/0/send-again", "").status());
        assertEquals(409, Api.admin().post("api/deliveries/" + lapsed + "/send-again", "").status(), "sent: nothing uncertain");

        assertEquals(1, Smtp.await(uncertainEmail, 1, WAIT).size());
        end = System.nanoTime() + WAIT.toNanos();
        while (!"SENT".equals(Rows.value("select status from packet_delivery where id = ?", uncertain)) && System.nanoTime() < end) {
            Smtp.sleep(200);
        }
        assertEquals("SENT", Rows.value("select status from packet_delivery where id = ?", uncertain));
        assertEquals(2L, Rows.count("select attempts from packet_delivery where id = ?", uncertain), "the dead attempt and this one");
        assertEquals(1L, Rows.count("select count(*) from mail_resend where mail = 'packet_delivery' and mail_id = ?"
                + " and resent_by = 'admin' and ending_at < resent_at", uncertain));
        assertFalse(delivery(packetId, uncertain).getBoolean("uncertain"));

        // A few more runs of the retry job: the one sent again went once, the other uncertain one not at all.
        Smtp.sleep(5000);
        assertEquals(1, Smtp.to(uncertainEmail).size());
        assertEquals(0, Smtp.to(endingEmail).size());
        assertEquals(1, Smtp.to(lapsedEmail).size());
    }

    @Test
    void aReminderWhoseWorkerDiedAtTheEndIsShownUncertainNeverRetriedAndSentAgainOnceByAnAdministrator() {
        String partnerName = unique("IT Osäker påminnelse");
        Fixtures.created(Api.admin().post("api/organisations", Json.createObjectBuilder().add("name", partnerName)
                .add("organisationNumber", Fixtures.organisationNumber()).add("kind", "NON_PROFIT").build().toString()));
        long agreementId = id(FollowUpFixtures.activeWith(partnerName));
        String email = unique("osaker-paminnelse").strip().toLowerCase().replace(' ', '-') + "@stadsmissionen.example";
        long account = ItAccounts.create("PARTNER", Fixtures.organisationId(partnerName));
        Rows.update("update account set email = ? where id = ?", email, account);
        ACCOUNTS.add(account);

        // The job reminds the partner's user of the quarters not handed in; one of them is then left as by a worker
        // that died at its end.
        long end = System.nanoTime() + WAIT.toNanos();
        while ((Rows.count("select count(*) from report_reminder where account_id = ?", account) == 0
                || Rows.count("select count(*) from report_reminder where account_id = ? and status <> 'SENT'", account) > 0)
                && System.nanoTime() < end) {
            Smtp.sleep(200);
        }
        long reminder = Rows.count("select min(id) from report_reminder where account_id = ? and status = 'SENT'", account);
        Smtp.sleep(3000); // the job's run that sent it is over
        int mails = Smtp.to(email).size();
        long reminders = Rows.count("select count(*) from report_reminder where account_id = ?", account);
        assertEquals(reminders, mails, "one mail per reminder so far");
        Rows.update("update report_reminder set status = 'QUEUED', sent_at = null, claim = 'dead-at-end',"
                + " claimed_until = now() - interval '1 second', ending_at = now() - interval '10 seconds' where id = ?",
                reminder);

        JsonObject listed = listed(agreementId, reminder);
        assertEquals("UNCERTAIN", listed.getString("status"), listed.toString());
        Smtp.sleep(5000);
        assertEquals(mails, Smtp.to(email).size(), "may have arrived: never sent again by itself");
        assertEquals("UNCERTAIN", listed(agreementId, reminder).getString("status"));

        for (String user : List.of("ekonom", "revisor", "stadsmissionen")) {
            Api.Reply r = Api.demo(user).post("api/reminders/" + reminder + "/send-again", "");
            assertEquals(403, r.status(), user + ": " + r.body());
        }
        Api.Reply again = Api.admin().post("api/reminders/" + reminder + "/send-again", "");
        assertEquals(204, again.status(), again.body());
        assertEquals(409, Api.admin().post("api/reminders/" + reminder + "/send-again", "").status(), "once");
        Smtp.await(email, mails + 1, WAIT);
        end = System.nanoTime() + WAIT.toNanos();
        while (!"SENT".equals(listed(agreementId, reminder).getString("status")) && System.nanoTime() < end) {
            Smtp.sleep(200);
        }
        assertEquals("SENT", listed(agreementId, reminder).getString("status"));
        assertEquals(1L, Rows.count("select count(*) from mail_resend where mail = 'report_reminder' and mail_id = ?"
                + " and resent_by = 'admin'", reminder));
        Smtp.sleep(5000);
        assertEquals(mails + 1, Smtp.to(email).size(), "sent again once");
    }

    private static JsonObject listed(long agreementId, long reminder) {
        JsonArray list = Api.admin().get("api/reminders?agreementId=" + agreementId).jsonArray();
        return list.stream().map(v -> v.asJsonObject()).filter(r -> id(r) == reminder).findFirst().orElseThrow();
    }
}
