package se.iop.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Follow-up test data: an agreement in force with a partner, report bodies with every count, and
 * attachments sent as raw bodies (which {@link Api} does not do).
 */
public final class FollowUpFixtures {

    public static final String PDF_TYPE = "application/pdf";
    public static final String DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private FollowUpFixtures() {
    }

    /** A new agreement in force from 2024-01-01 to 2026-12-31 between Nyköpings kommun and the given non-profits. */
    public static JsonObject activeWith(String nonProfit, String... more) {
        JsonObject decided = Fixtures.decided(nonProfit, more);
        return Fixtures.ok(Fixtures.moveTo(Api.admin(), decided, "ACTIVE"));
    }

    /** A report body for the period with every count set to {@code n}, a narrative and costs. */
    public static JsonObjectBuilder report(long agreementId, String period, int n) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("agreementId", agreementId).add("period", period)
                .add("narrative", "Boendestöd och hembesök under perioden.").add("costs", "98500.50");
        for (String field : new String[] {"peopleInContact", "householdsHoused", "householdsHousedTotal", "tenancies6Due",
                "tenancies6Kept", "tenancies12Due", "tenancies12Kept", "leasesTakenOver", "evictions", "disturbanceCases",
                "landlordsEngaged", "shelterNightsAvoided", "experienceExperts"}) {
            b.add(field, n);
        }
        return b;
    }

    public static JsonObject createReport(Api partner, JsonObjectBuilder body) {
        return Fixtures.created(partner.post("api/reports", body.build().toString()));
    }

    /** Creates, submits and approves a report; returns it approved. */
    public static JsonObject approved(Api partner, JsonObjectBuilder body) {
        JsonObject r = createReport(partner, body);
        JsonObject submitted = Fixtures.ok(partner.post("api/reports/" + Fixtures.id(r) + "/submit", "{}"));
        return Fixtures.ok(Api.admin().post("api/reports/" + Fixtures.id(submitted) + "/approve",
                "{\"version\": " + Fixtures.version(submitted) + "}"));
    }

    /** Sends a file as the body of a POST, as the given demo user. */
    /** An agreement that ended at the end of 2014 (so its retention has run out), with a draft report and an attachment. */
    public record Ended(long agreementId, long reportId, long attachmentId) {
    }

    public static Ended endedLongAgo() {
        long agreementId = Fixtures.id(activeWith(Fixtures.STADSMISSION));
        long reportId = Fixtures.id(createReport(Api.demo("stadsmissionen"), report(agreementId, "2024-Q1", 5)));
        long attachmentId = Fixtures.id(Fixtures.created(upload("stadsmissionen", reportId, "protokoll.pdf", PDF_TYPE, pdf())));
        Rows.update("update agreement set status = 'ENDED', start_date = date '2013-01-01', end_date = date '2014-12-31'"
                + " where id = ?", agreementId);
        return new Ended(agreementId, reportId, attachmentId);
    }

    public static Api.Reply upload(String username, long reportId, String filename, String contentType, byte[] bytes) {
        HttpRequest.Builder b = HttpRequest.newBuilder(Api.base().resolve("api/reports/" + reportId
                        + "/attachments?filename=" + URLEncoder.encode(filename, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(60)).header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((username + ":bostadforst").getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b);
    }

    /** The raw bytes of a download, as the given demo user. */
    public static HttpResponse<byte[]> download(String username, String path) {
        HttpRequest request = HttpRequest.newBuilder(Api.base().resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((username + ":bostadforst").getBytes(StandardCharsets.UTF_8))).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Api.Reply send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Reply(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // Made once: a new document would carry a new id and time, and tests compare what they get back.
    private static final byte[] PDF = Documents.pdf("Protokoll från styrgruppen", "Org.nr 802003-5120, 12 hushåll i eget boende.");
    private static final byte[] DOCX = Documents.docx("Sammanfattning", "Boendestöd och hembesök under perioden.");

    /** A small genuine PDF, readable by the check for personal identity numbers. */
    public static byte[] pdf() {
        return PDF.clone();
    }

    /** A small genuine Word document. */
    public static byte[] docx() {
        return DOCX.clone();
    }

    public static URI base() {
        return Api.base();
    }

    public static void assertStatus(int expected, Api.Reply r) {
        assertEquals(expected, r.status(), r.body());
    }
}
