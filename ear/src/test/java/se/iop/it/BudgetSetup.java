package se.iop.it;

import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An agreement between Nyköpings kommun and Sörmlands Stadsmission with one phase (2024) and budget
 * lines, made through the API, for the budget import and export tests; and downloads of files.
 */
public final class BudgetSetup {

    public final long agreementId;
    public final String reference;
    public final long phaseId;
    public final long socialCommitteeId;
    public final long stadsmissionId;

    private final Api finance = Api.demo("ekonom");

    private BudgetSetup(long agreementId, String reference, long phaseId, long socialCommitteeId, long stadsmissionId) {
        this.agreementId = agreementId;
        this.reference = reference;
        this.phaseId = phaseId;
        this.socialCommitteeId = socialCommitteeId;
        this.stadsmissionId = stadsmissionId;
    }

    /** The agreement with the phase "Fas 1" (2024-01-01 – 2024-12-31), nothing allocated or planned yet. */
    public static BudgetSetup agreement() {
        Api admin = Api.admin();
        long kommun = Fixtures.organisationId(Fixtures.KOMMUN);
        long stadsmission = Fixtures.organisationId(Fixtures.STADSMISSION);
        long social = Fixtures.committeeId(Fixtures.KOMMUN, Fixtures.SOCIALNAMNDEN);
        String reference = "SN 2024/" + UUID.randomUUID().toString().substring(0, 8);
        long agreement = Fixtures.id(Fixtures.created(admin.post("api/agreements", """
                {"reference": "%s", "title": "Bostad först – budgetfiler", "startDate": "2024-01-01", "endDate": "2025-12-31"}
                """.formatted(reference))));
        Fixtures.created(admin.post("api/agreements/" + agreement + "/parties",
                "{\"organisationId\": %d, \"role\": \"PUBLIC_PARTNER\"}".formatted(kommun)));
        Fixtures.created(admin.post("api/agreements/" + agreement + "/parties",
                "{\"organisationId\": %d, \"role\": \"NON_PROFIT_PARTNER\"}".formatted(stadsmission)));
        long phase = Fixtures.id(Fixtures.created(Api.demo("ekonom").post("api/budgets/" + agreement + "/phases",
                "{\"name\": \"Fas 1\", \"startDate\": \"2024-01-01\", \"endDate\": \"2024-12-31\"}")));
        return new BudgetSetup(agreement, reference, phase, social, stadsmission);
    }

    public String phase(String what) {
        return "api/phases/" + phaseId + "/" + what;
    }

    public void allocate(String amount) {
        Fixtures.created(finance.post(phase("allocations"),
                "{\"committeeId\": %d, \"amount\": %s}".formatted(socialCommitteeId, amount)));
    }

    /** A budget line; {@code account} may be null for the category's default. */
    public long line(String category, String name, String planned, String account) {
        String acc = account == null ? "" : ", \"account\": \"" + account + "\"";
        return Fixtures.id(Fixtures.created(finance.post(phase("lines"),
                "{\"category\": \"%s\", \"name\": \"%s\", \"planned\": %s%s}".formatted(category, name, planned, acc))));
    }

    public JsonObject book(long line, String date, String amount, String description, String voucher) {
        return Fixtures.created(finance.post(phase("expenses"), jakarta.json.Json.createObjectBuilder()
                .add("lineId", line).add("spentOn", date).add("amount", new java.math.BigDecimal(amount))
                .add("description", description).add("voucher", voucher).add("partnerId", stadsmissionId)
                .build().toString()));
    }

    public JsonObject reverse(long expense, String date, String reason, String voucher) {
        return Fixtures.created(finance.post("api/expenses/" + expense + "/reverse",
                "{\"spentOn\": \"%s\", \"reason\": \"%s\", \"voucher\": \"%s\"}".formatted(date, reason, voucher)));
    }

    /** A payment planned, approved and paid. */
    public long pay(String amount, String plannedOn, String paidOn, String reference) {
        long id = Fixtures.id(Fixtures.created(finance.post(phase("disbursements"),
                "{\"partnerId\": %d, \"amount\": %s, \"plannedOn\": \"%s\", \"reference\": \"%s\"}"
                        .formatted(stadsmissionId, amount, plannedOn, reference))));
        Fixtures.ok(finance.post("api/disbursements/" + id + "/approve", "{}"));
        Fixtures.ok(finance.post("api/disbursements/" + id + "/pay", "{\"paidOn\": \"%s\"}".formatted(paidOn)));
        return id;
    }

    /** Posts a CSV file to the import as the given user. */
    public Api.Reply importCsv(Api as, String csv) {
        return as.send("POST", "api/budgets/" + agreementId + "/expenses/import", "text/csv; charset=UTF-8", csv);
    }

    /** A file downloaded as bytes, with its status and headers. */
    public record Download(int status, byte[] body, HttpResponse<byte[]> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String text(java.nio.charset.Charset charset) {
            return new String(body, charset);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** GET as a demo user (password "bostadforst"), the way a browser follows a download link. */
    public static Download download(String username, String path) {
        HttpRequest request = HttpRequest.newBuilder(Api.base().resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (username + ":bostadforst").getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET().build();
        try {
            HttpResponse<byte[]> r = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Download(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static void assertOk(Download d) {
        assertEquals(200, d.status(), () -> d.text(StandardCharsets.UTF_8));
        assertTrue(d.header("Content-Disposition").startsWith("attachment; filename="), d.header("Content-Disposition"));
    }
}
