package se.iop.api;

import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.iop.it.Deployments;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.unique;
import static se.iop.it.LandlordFixtures.awaitSend;
import static se.iop.it.LandlordFixtures.send;
import static se.iop.it.LandlordFixtures.to;

/**
 * Deliveries are claimed in the database (issue 11 §2), so that any worker on any node may mail any of them and none
 * is mailed twice. What a node that stopped mid-send leaves behind — deliveries it had claimed, and deliveries it
 * never came to — is written straight into the database here, as such a node would have left it; the retry job of
 * the running server (every 2 s in the tests) mails them, the claimed ones only once their claims have run out.
 * And a send's own workers racing the retry job over the same queued deliveries mail each exactly once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeliveryClaimsIT {

    private static final Duration WAIT = Duration.ofSeconds(40);

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeAll
    static void smtp() {
        Smtp.server();
    }

    /** A delivery row as a node that stopped would have left it: queued, with or without a claim of its own. */
    private static long leftBehind(Connection c, long versionId, JsonObject landlord, String email, String claim,
                                   Instant claimedUntil) throws Exception {
        long contact = ((Number) Rows.value("select id from landlord_contact where landlord_id = ?", id(landlord))).longValue();
        try (PreparedStatement ps = c.prepareStatement("insert into packet_delivery (version, packet_version_id,"
                + " landlord_id, contact_id, send_number, email, channel, status, requested_at, requested_by, attempts,"
                + " claim, claimed_until) values (0, ?, ?, ?, 0, ?, 'EMAIL', 'QUEUED', now(), 'it', 0, ?, ?) returning id")) {
            ps.setLong(1, versionId);
            ps.setLong(2, id(landlord));
            ps.setLong(3, contact);
            ps.setString(4, email);
            ps.setString(5, claim);
            ps.setTimestamp(6, claimedUntil == null ? null : Timestamp.from(claimedUntil));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void whatAStoppedNodeLeftIsMailedOnceAndWhatItHadClaimedOnlyOnceItsClaimsHaveRunOut() throws Exception {
        JsonObject p = LandlordFixtures.publishedPacket(unique("IT Kvar"));
        long versionId = ((Number) Rows.value("select id from packet_version where packet_id = ? and number = 1", id(p))).longValue();
        Instant held = Instant.now().plusSeconds(8);
        Map<Long, String> emails = new HashMap<>();
        List<Long> claimed = new ArrayList<>();
        try (Connection c = ItDatabase.database().connect()) {
            c.setAutoCommit(true);
            for (int i = 0; i < 6; i++) {
                String email = LandlordFixtures.email("kvar" + i);
                JsonObject landlord = LandlordFixtures.company(email);
                // Two claimed by the stopped node until 8 s from now, two whose claims have run out, two never claimed.
                String claim = i < 4 ? "stopped-node-" + i : null;
                Instant until = i < 2 ? held : i < 4 ? Instant.now().minusSeconds(1) : null;
                long delivery = leftBehind(c, versionId, landlord, email, claim, until);
                emails.put(delivery, email);
                if (i < 2) {
                    claimed.add(delivery);
                }
            }
        }
        for (String email : emails.values()) {
            assertEquals(1, Smtp.await(email, 1, WAIT).size(), email);
        }
        for (Map.Entry<Long, String> d : emails.entrySet()) {
            assertEquals("SENT", Rows.value("select status from packet_delivery where id = ?", d.getKey()), d.getValue());
            assertEquals(1, ((Number) Rows.value("select attempts from packet_delivery where id = ?", d.getKey())).intValue());
        }
        for (long d : claimed) {
            Instant sent = ((Timestamp) Rows.value("select sent_at from packet_delivery where id = ?", d)).toInstant();
            assertFalse(sent.isBefore(held), "a delivery another node held was mailed before its claim ran out: " + sent);
        }
        // A few more rounds of the retry job (every 2 s): nothing goes out again.
        Smtp.sleep(5000);
        for (String email : emails.values()) {
            assertEquals(1, Smtp.to(email).size(), email);
        }
    }

    @Test
    void aSendsOwnWorkersAndTheRetryJobRacingOverTheSameDeliveriesMailEachExactlyOnce() throws Exception {
        JsonObject p = LandlordFixtures.publishedPacket(unique("IT Kapplöpning"));
        int n = 45;
        List<String> emails = new ArrayList<>();
        long[] landlords = new long[n];
        for (int i = 0; i < n; i++) {
            String email = LandlordFixtures.email("lopp" + i);
            emails.add(email);
            landlords[i] = id(LandlordFixtures.company(email));
        }
        // 45 deliveries: three workers of the send at once, while the retry job (every 2 s) takes what is queued too.
        JsonObject accepted = send(id(p), 1, to(landlords)).json();
        JsonObject done = awaitSend(accepted.getJsonNumber("sendId").longValue(), WAIT);
        assertEquals(n, done.getInt("sent"), done.toString());
        Smtp.sleep(5000);
        for (String email : emails) {
            List<MimeMessage> got = Smtp.to(email);
            assertEquals(1, got.size(), email);
        }
        assertEquals(0L, ((Number) Rows.value("select count(*) from packet_delivery d join packet_version v on"
                + " v.id = d.packet_version_id where v.packet_id = ? and (d.status <> 'SENT' or d.attempts <> 1)", id(p))).longValue());
        assertTrue(((Number) Rows.value("select count(*) from job_run where job = 'landlord-mail-retries'")).longValue() > 0,
                "the retry job ran, each period once (the primary key refuses a second run)");
    }
}
