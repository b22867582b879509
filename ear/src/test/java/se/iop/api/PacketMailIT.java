package se.iop.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
import se.iop.it.LandlordFixtures;
import se.iop.it.Rows;
import se.iop.it.SilentSmtp;
import se.iop.it.Smtp;

import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.ok;
import static se.iop.it.Fixtures.unique;
import static se.iop.it.LandlordFixtures.awaitSend;
import static se.iop.it.LandlordFixtures.deliveries;
import static se.iop.it.LandlordFixtures.send;
import static se.iop.it.LandlordFixtures.to;
import static se.iop.it.Problems.assertProblem;

/**
 * Sending packets by e-mail, received by a real SMTP server in the test JVM: the message goes to the
 * contact with the subject, the letter, the personal link and the PDF; a mail server that is down
 * fails the delivery with its reason and the retry timer delivers it once the server is back, and so
 * does one that accepts the connection and then never answers (the mail session's timeouts); a
 * version reaches a person once unless a re-send is asked for; bad requests send nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PacketMailIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern LINK = Pattern.compile("(http://\\S+/portal/packet\\.xhtml\\?token=([A-Za-z0-9_-]+))");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeAll
    static void smtp() {
        Smtp.server();
    }

    @AfterAll
    static void keepSmtpRunning() {
        Smtp.server(); // a test that stopped it must not leave the next class without one
    }

    private static JsonObject refused(int status, String field, Supplier<Api.Reply> request) {
        Map<String, Long> before = LandlordFixtures.rows();
        JsonObject problem = assertProblem(request.get(), status, field);
        assertEquals(before, LandlordFixtures.rows(), "the database changed");
        return problem;
    }

    static String letter(MimeMessage m) throws Exception {
        return (String) ((Multipart) m.getContent()).getBodyPart(0).getContent();
    }

    @Test
    void theMessageCarriesTheLetterThePersonalLinkAndThePdf() throws Exception {
        String email = LandlordFixtures.email("mottagare");
        JsonObject landlord = LandlordFixtures.company(email);
        String title = unique("IT Utskick");
        JsonObject p = LandlordFixtures.publishedPacket(title);

        Api.Reply r = send(id(p), 1, to(id(landlord)));
        assertEquals(202, r.status(), r.body());
        JsonObject accepted = r.json();
        assertEquals(1, accepted.getInt("queued"));
        assertTrue(r.header("Location").endsWith("/api/sends/" + accepted.getJsonNumber("sendId").longValue()), r.header("Location"));
        JsonObject done = awaitSend(accepted.getJsonNumber("sendId").longValue(), WAIT);
        assertEquals(1, done.getInt("sent"));
        assertEquals(0, done.getInt("failed"));
        assertEquals(100, done.getInt("percent"));

        MimeMessage m = Smtp.await(email, 1, WAIT).get(0);
        assertEquals(title + " (version 1)", m.getSubject());
        assertEquals("bostadforst@example.se", m.getFrom()[0].toString());
        String letter = letter(m);
        assertTrue(letter.startsWith("Hej Kim Kontakt,"), letter);
        assertTrue(letter.contains(landlord.getString("name")), letter);
        assertTrue(letter.contains("Sörmlands Stadsmission: Erik Exempel"), "whom to call: " + letter);

        Matcher link = LINK.matcher(letter);
        assertTrue(link.find(), letter);
        assertEquals(Api.base() + "portal/packet.xhtml?token=" + link.group(2), link.group(1), "points at this server");
        JsonObject delivery = deliveries(id(p), 1).get(0);
        assertEquals("SENT", delivery.getString("status"));
        assertEquals(email, delivery.getString("email"));
        assertEquals("EMAIL", delivery.getString("channel"));
        assertEquals(1, delivery.getInt("attempts"));
        assertEquals(1L, ((Number) Rows.value("select count(*) from packet_delivery where id = ?"
                + " and token_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')", id(delivery), link.group(2))).longValue(),
                "the link is this delivery's own (the database keeps its hash)");

        Part attachment = ((Multipart) m.getContent()).getBodyPart(1);
        assertEquals(Part.ATTACHMENT, attachment.getDisposition());
        assertTrue(attachment.getContentType().startsWith("application/pdf"), attachment.getContentType());
        assertEquals("informationspaket-" + id(p) + "-v1.pdf", attachment.getFileName());
        try (InputStream in = attachment.getInputStream(); PDDocument pdf = Loader.loadPDF(in.readAllBytes())) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains(title), text);
            assertTrue(text.contains("Version 1, publicerad " + LocalDate.now(ZoneId.of("Europe/Stockholm"))), text);
            assertTrue(text.contains("Vad är Bostad först?"), text);
        }
    }

    @Test
    void aMailServerThatIsDownFailsTheDeliveryAndTheRetryDeliversItLater() throws Exception {
        String email = LandlordFixtures.email("nere");
        JsonObject landlord = LandlordFixtures.company(email);
        JsonObject p = LandlordFixtures.publishedPacket(unique("IT Nere"));
        Smtp.stop();
        try {
            JsonObject accepted = send(id(p), 1, to(id(landlord))).json();
            JsonObject progress = awaitSend(accepted.getJsonNumber("sendId").longValue(), WAIT);
            assertEquals(1, progress.getInt("failed"), progress.toString());
            JsonObject failed = deliveries(id(p), 1).get(0);
            assertEquals("FAILED", failed.getString("status"));
            assertEquals("SERVER_UNREACHABLE", failed.getString("failureCode"), failed.toString());
            assertTrue(failed.getString("failureReason").matches("Could not connect to the mail server (localhost|127\\.0\\.0\\.1):"
                    + Smtp.port() + " .*"), failed.toString());
            assertTrue(failed.getInt("attempts") >= 1);
            assertTrue(failed.containsKey("nextAttemptAt"), failed.toString());
            // The problem stays with the delivery; the reason names no class and leaks no trace.
            se.iop.it.Problems.assertNoLeak(failed.getString("failureReason"));
        } finally {
            Smtp.server();
        }
        JsonObject delivered = awaitDelivery(id(p), 1, d -> d.getString("status").equals("SENT"));
        assertTrue(delivered.getInt("attempts") >= 2, delivered.toString());
        assertTrue(!delivered.containsKey("failureReason") || delivered.isNull("failureReason"), delivered.toString());
        assertTrue(!delivered.containsKey("failureCode") || delivered.isNull("failureCode"), delivered.toString());
        assertNull(Rows.value("select failure_code from packet_delivery where id = ?", id(delivered)));
        assertEquals(1, Smtp.await(email, 1, WAIT).size());
    }

    @Test
    void aMailServerThatAcceptsButNeverAnswersFailsTheDeliveryOnItsTimeoutInsteadOfHanging() throws Exception {
        String email = LandlordFixtures.email("tyst");
        JsonObject landlord = LandlordFixtures.company(email);
        JsonObject p = LandlordFixtures.publishedPacket(unique("IT Tyst"));
        Smtp.stop();
        try (SilentSmtp silent = new SilentSmtp(Smtp.port())) {
            JsonObject accepted = send(id(p), 1, to(id(landlord))).json();
            // The test server's read timeout is 5 s (arquillian.xml): well inside the wait, had the worker hung it would not end.
            JsonObject progress = awaitSend(accepted.getJsonNumber("sendId").longValue(), WAIT);
            assertEquals(1, progress.getInt("failed"), progress.toString());
            JsonObject failed = deliveries(id(p), 1).get(0);
            assertEquals("FAILED", failed.getString("status"));
            assertEquals("SERVER_TIMEOUT", failed.getString("failureCode"), failed.toString());
            assertEquals("SERVER_TIMEOUT", Rows.value("select failure_code from packet_delivery where id = ?", id(failed)));
            assertTrue(failed.getString("failureReason").matches("The mail server (localhost|127\\.0\\.0\\.1):" + Smtp.port()
                    + " did not answer in time \\(Read timed out\\)"), failed.toString());
            assertTrue(failed.containsKey("nextAttemptAt"), "tried again later: " + failed);
            assertTrue(silent.connections() >= 1, "the server was reached and stayed silent");
        } finally {
            Smtp.server();
        }
        JsonObject delivered = awaitDelivery(id(p), 1, d -> d.getString("status").equals("SENT"));
        assertTrue(delivered.getInt("attempts") >= 2, delivered.toString());
        assertEquals(1, Smtp.await(email, 1, WAIT).size());
    }

    private static JsonObject awaitDelivery(long packetId, int number, java.util.function.Predicate<JsonObject> done) {
        long end = System.nanoTime() + WAIT.toNanos();
        JsonObject d = deliveries(packetId, number).get(0);
        while (!done.test(d) && System.nanoTime() < end) {
            Smtp.sleep(250);
            d = deliveries(packetId, number).get(0);
        }
        assertTrue(done.test(d), d.toString());
        return d;
    }

    @Test
    void nothingIsSentTwiceToTheSamePersonUnlessAskedFor() {
        String email = LandlordFixtures.email("en-gang");
        JsonObject landlord = LandlordFixtures.company(email);
        JsonObject p = LandlordFixtures.publishedPacket(unique("IT En gång"));
        awaitSend(send(id(p), 1, to(id(landlord))).json().getJsonNumber("sendId").longValue(), WAIT);
        Smtp.await(email, 1, WAIT);

        JsonObject again = refused(409, "landlordIds", () -> send(id(p), 1, to(id(landlord))));
        assertTrue(again.getString("detail").contains("already have version 1"), again.toString());
        // A concurrent duplicate cannot get in underneath either: the database holds the key.
        long version = ((Number) Rows.value("select packet_version_id from packet_delivery d join landlord_contact c"
                + " on c.id = d.contact_id where c.email = ?", email)).longValue();
        long contact = ((Number) Rows.value("select id from landlord_contact where email = ?", email)).longValue();
        try (var c = se.iop.it.ItDatabase.database().connect(); var s = c.prepareStatement(
                "insert into packet_delivery (packet_version_id, landlord_id, contact_id, send_number, email, channel,"
                        + " status, requested_at, requested_by) values (?, ?, ?, 0, ?, 'EMAIL', 'QUEUED', now(), 'x')")) {
            s.setLong(1, version);
            s.setLong(2, id(landlord));
            s.setLong(3, contact);
            s.setString(4, email);
            java.sql.SQLException e = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class, s::executeUpdate);
            assertEquals("23505", e.getSQLState(), "unique violation");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }

        JsonObject resent = send(id(p), 1, to(id(landlord)).add("resend", true)).json();
        assertEquals(1, resent.getInt("queued"));
        awaitSend(resent.getJsonNumber("sendId").longValue(), WAIT);
        assertEquals(2, Smtp.await(email, 2, WAIT).size());
        List<Integer> numbers = new ArrayList<>(deliveries(id(p), 1).stream().map(d -> d.getInt("sendNumber")).toList());
        numbers.sort(null);
        assertEquals(List.of(0, 1), numbers);
        Smtp.sleep(3000); // two retry ticks: nothing more goes out
        assertEquals(2, Smtp.to(email).size());
    }

    @Test
    void allNotYetReachedGetsOnlyThoseWithoutTheVersion() {
        String first = LandlordFixtures.email("forst");
        String later = LandlordFixtures.email("senare");
        JsonObject a = LandlordFixtures.company(first);
        JsonObject p = LandlordFixtures.publishedPacket(unique("IT Ej nådda"));
        awaitSend(send(id(p), 1, to(id(a))).json().getJsonNumber("sendId").longValue(), WAIT);
        JsonObject b = LandlordFixtures.company(later);

        JsonObject all = send(id(p), 1, Json.createObjectBuilder().add("notYetReached", true)).json();
        JsonObject progress = awaitSend(all.getJsonNumber("sendId").longValue(), Duration.ofSeconds(60));
        assertEquals(all.getInt("queued"), progress.getInt("total"));
        assertEquals(progress.getInt("total"), progress.getInt("sent") + progress.getInt("failed"));
        assertTrue(all.getInt("withoutAddress") >= 1, "the demo's landlord reached only by phone: " + all);
        assertEquals(1, Smtp.await(later, 1, WAIT).size());
        Smtp.sleep(500);
        assertEquals(1, Smtp.to(first).size(), "the landlord who had it got nothing more");
        assertTrue(deliveries(id(p), 1).stream().anyMatch(d -> d.getJsonNumber("landlordId").longValue() == id(b)));

        JsonObject overview = ok(Api.admin().get("api/packets/" + id(p) + "/versions/1/overview"));
        assertEquals(0, overview.getInt("landlordsNotReached") - countWithoutAddress(), overview.toString());
        refused(409, "landlordIds", () -> send(id(p), 1, Json.createObjectBuilder().add("notYetReached", true)));
    }

    private static long countWithoutAddress() {
        return ((Number) Rows.value("select count(*) from landlord l where l.active and not exists (select 1 from"
                + " landlord_contact c where c.landlord_id = l.id and c.email is not null)")).longValue();
    }

    @Test
    void badSendsAreRefusedAndSendNothing() {
        JsonObject reachable = LandlordFixtures.company(LandlordFixtures.email("bra"));
        JsonObject draft = LandlordFixtures.draftPacket(unique("IT Utkast"));
        JsonObject p = refused(409, "version", () -> send(id(draft), 1, to(id(reachable))));
        assertTrue(p.getString("detail").contains("not published"), p.toString());

        JsonObject published = LandlordFixtures.publishedPacket(unique("IT Fel"));
        long phoneOnly = id(se.iop.it.Fixtures.created(Api.admin().post("api/landlords", Json.createObjectBuilder()
                .add("kind", "PERSON").add("name", unique("IT Bara telefon")).add("contact", Json.createObjectBuilder()
                        .add("name", "P").add("phone", "0155-99 99 99")).build().toString())));
        JsonObject noAddress = refused(422, "landlordIds", () -> send(id(published), 1, to(id(reachable), phoneOnly)));
        assertTrue(noAddress.getString("detail").contains("no contact with an e-mail address"), noAddress.toString());
        refused(422, "landlordIds", () -> send(id(published), 1, Json.createObjectBuilder()));
        refused(422, "landlordIds", () -> send(id(published), 1, to(987654321L)));
        refused(400, "landlordIds", () -> Api.admin().post("api/packets/" + id(published) + "/versions/1/sends",
                "{\"landlordIds\":\"alla\"}"));
        refused(404, null, () -> send(id(published), 7, to(id(reachable))));
        assertProblem(Api.demo("revisor").post("api/packets/" + id(published) + "/versions/1/sends",
                to(id(reachable)).build().toString()), 403, null);
        assertEquals(0, deliveries(id(published), 1).size());
    }
}
