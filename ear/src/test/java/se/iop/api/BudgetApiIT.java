package se.iop.api;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.iop.it.Api;
import se.iop.it.Deployments;
import se.iop.it.ItDatabase;
import se.iop.it.Rows;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The budget through the API: allocations, lines, payments, costs, reversals, the summary, the rules. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BudgetApiIT {

    private final Api admin = Api.admin();
    private final Api finance = Api.demo("ekonom");

    private long agreementId;
    private long phaseId;
    private long socialCommitteeId;
    private long careCommitteeId;
    private long stadsmissionId;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    /** A decided, active agreement between Nyköpings kommun and Sörmlands Stadsmission, with one phase. */
    @BeforeEach
    void agreementWithPhase() {
        JsonObject kommun = first(admin.get("api/organisations?q=" + enc("Nyköpings kommun")).json());
        long kommunId = kommun.getJsonNumber("id").longValue();
        stadsmissionId = first(admin.get("api/organisations?q=" + enc("Sörmlands Stadsmission")).json()).getJsonNumber("id").longValue();
        JsonObject kommunFull = admin.get("api/organisations/" + kommunId).json();
        for (var c : kommunFull.getJsonArray("committees").getValuesAs(JsonObject.class)) {
            if (c.getString("name").equals("Socialnämnden")) {
                socialCommitteeId = c.getJsonNumber("id").longValue();
            } else if (c.getString("name").equals("Vård- och omsorgsnämnden")) {
                careCommitteeId = c.getJsonNumber("id").longValue();
            }
        }
        String ref = "BUD-" + UUID.randomUUID();
        Api.Reply created = admin.post("api/agreements", """
                {"reference": "%s", "title": "Budgettest", "startDate": "2024-01-01", "endDate": "2025-12-31"}
                """.formatted(ref));
        assertEquals(201, created.status(), created.body());
        agreementId = created.json().getJsonNumber("id").longValue();
        ok(admin.post("api/agreements/" + agreementId + "/parties",
                "{\"organisationId\": %d, \"role\": \"PUBLIC_PARTNER\"}".formatted(kommunId)));
        ok(admin.post("api/agreements/" + agreementId + "/parties",
                "{\"organisationId\": %d, \"role\": \"NON_PROFIT_PARTNER\"}".formatted(stadsmissionId)));
        ok(admin.post("api/agreements/" + agreementId + "/decisions",
                "{\"committeeId\": %d, \"meetingDate\": \"2023-12-14\", \"amount\": 600000}".formatted(socialCommitteeId)));

        Api.Reply phase = finance.post("api/budgets/" + agreementId + "/phases",
                "{\"name\": \"Fas 1\", \"startDate\": \"2024-01-01\", \"endDate\": \"2024-12-31\"}");
        assertEquals(201, phase.status(), phase.body());
        phaseId = phase.json().getJsonNumber("id").longValue();
    }

    @Test
    void summaryAddsUpToTheOere() {
        ok(finance.post(phase("allocations"), "{\"committeeId\": %d, \"amount\": 600000.00}".formatted(socialCommitteeId)));
        ok(finance.post(phase("allocations"), "{\"committeeId\": %d, \"amount\": 400000.50}".formatted(careCommitteeId)));
        long staff = finance.post(phase("lines"), "{\"category\": \"STAFF\", \"name\": \"Boendestöd\", \"planned\": 700000}")
                .json().getJsonNumber("id").longValue();
        long rent = finance.post(phase("lines"), "{\"category\": \"HOUSING\", \"name\": \"Hyresgarantier\", \"planned\": 100000.25}")
                .json().getJsonNumber("id").longValue();

        long d1 = plan(250000);
        ok(finance.post("api/disbursements/" + d1 + "/approve", "{}"));
        ok(finance.post("api/disbursements/" + d1 + "/pay", "{\"paidOn\": \"2024-02-01\"}"));
        long d2 = plan(100000);
        ok(finance.post("api/disbursements/" + d2 + "/approve", "{}"));

        long e1 = book(staff, "2024-01-31", "55000.10", "V-" + UUID.randomUUID());
        book(staff, "2024-02-29", "60000.00", "V-" + UUID.randomUUID());
        book(rent, "2024-02-15", "120000.00", "V-" + UUID.randomUUID()); // over the line's plan
        Api.Reply reversal = finance.post("api/expenses/" + e1 + "/reverse",
                "{\"spentOn\": \"2024-03-01\", \"reason\": \"Fel rad\", \"voucher\": \"R-%s\"}".formatted(UUID.randomUUID()));
        assertEquals(201, reversal.status(), reversal.body());
        assertEquals(new BigDecimal("-55000.10"), reversal.json().getJsonNumber("amount").bigDecimalValue());

        JsonObject s = finance.get("api/budgets/" + agreementId).json();
        JsonObject total = s.getJsonObject("total");
        assertEquals(new BigDecimal("1000000.50"), total.getJsonNumber("allocated").bigDecimalValue());
        assertEquals(new BigDecimal("800000.25"), total.getJsonNumber("planned").bigDecimalValue());
        assertEquals(new BigDecimal("250000.00"), total.getJsonNumber("paid").bigDecimalValue());
        assertEquals(new BigDecimal("350000.00"), total.getJsonNumber("committed").bigDecimalValue());
        assertEquals(new BigDecimal("180000.00"), total.getJsonNumber("spent").bigDecimalValue());
        assertEquals(new BigDecimal("820000.50"), total.getJsonNumber("remaining").bigDecimalValue());
        assertEquals(new BigDecimal("18.0"), total.getJsonNumber("percentUsed").bigDecimalValue());

        var lines = s.getJsonArray("lines").getValuesAs(JsonObject.class);
        JsonObject rentLine = lines.stream().filter(l -> l.getString("label").equals("Hyresgarantier")).findFirst().orElseThrow();
        assertTrue(rentLine.getBoolean("overSpent"), "a line spent beyond its plan stands out");
        JsonObject staffLine = lines.stream().filter(l -> l.getString("label").equals("Boendestöd")).findFirst().orElseThrow();
        assertEquals(new BigDecimal("60000.00"), staffLine.getJsonNumber("spent").bigDecimalValue());

        JsonObject partner = s.getJsonArray("partners").getValuesAs(JsonObject.class).get(0);
        assertEquals(new BigDecimal("250000.00"), partner.getJsonNumber("paid").bigDecimalValue());

        var committees = s.getJsonArray("committees").getValuesAs(JsonObject.class);
        assertEquals(2, committees.size());

        var months = s.getJsonArray("months").getValuesAs(JsonObject.class);
        assertEquals(12, months.size(), "one point per month of the phase");
        assertEquals(new BigDecimal("55000.10"), months.get(0).getJsonNumber("spentToDate").bigDecimalValue());
        assertEquals(new BigDecimal("235000.10"), months.get(1).getJsonNumber("spentToDate").bigDecimalValue());
        assertEquals(new BigDecimal("180000.00"), months.get(2).getJsonNumber("spentToDate").bigDecimalValue());
        assertEquals(new BigDecimal("800000.25"), months.get(11).getJsonNumber("plannedToDate").bigDecimalValue());
    }

    @Test
    void paymentsNeverExceedTheAllocationEvenWhenApprovedAtOnce() throws Exception {
        ok(finance.post(phase("allocations"), "{\"committeeId\": %d, \"amount\": 100000}".formatted(socialCommitteeId)));
        long a = plan(70000);
        long b = plan(70000);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        for (long id : new long[] {a, b}) {
            Callable<Api.Reply> approve = () -> {
                start.await();
                return finance.post("api/disbursements/" + id + "/approve", "{}");
            };
            replies.add(pool.submit(approve));
        }
        start.countDown();
        int okCount = 0;
        int conflicts = 0;
        for (Future<Api.Reply> f : replies) {
            Api.Reply r = f.get();
            if (r.status() == 200) {
                okCount++;
            } else if (r.status() == 409) {
                conflicts++;
                assertEquals("amount", r.json().getString("field"), r.body());
            }
        }
        pool.shutdown();
        assertEquals(1, okCount);
        assertEquals(1, conflicts);
        assertEquals(1, Rows.count("select count(*) from disbursement where phase_id = " + phaseId + " and status = 'APPROVED'"));
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        long line = finance.post(phase("lines"), "{\"category\": \"STAFF\", \"name\": \"Personal\", \"planned\": 10}")
                .json().getJsonNumber("id").longValue();
        long before = Rows.count("select count(*) from expense where phase_id = " + phaseId);
        assertProblem(finance.post(phase("expenses"), expense(line, "2024-05-01", "-5", "V1")), 422, "amount");
        assertProblem(finance.post(phase("expenses"), expense(line, "2024-05-01", "10.123", "V1")), 422, "amount");
        assertProblem(finance.post(phase("expenses"), expense(line, "2025-05-01", "10", "V1")), 422, "spentOn");
        assertProblem(finance.post(phase("expenses"), expense(999999, "2024-05-01", "10", "V1")), 422, "lineId");
        assertProblem(finance.post(phase("allocations"), "{\"committeeId\": 999999, \"amount\": 10}"), 422, "committeeId");
        assertProblem(finance.post(phase("disbursements"),
                "{\"partnerId\": %d, \"amount\": 10, \"plannedOn\": \"2024-03-01\"}".formatted(stadsmissionId)), 409, "amount");
        String voucher = "V-" + UUID.randomUUID();
        book(line, "2024-05-01", "10", voucher);
        assertProblem(finance.post(phase("expenses"), expense(line, "2024-05-02", "12", voucher)), 409, "voucher");
        assertEquals(before + 1, Rows.count("select count(*) from expense where phase_id = " + phaseId));
    }

    @Test
    void rolesAndPartnersSeeOnlyWhatTheyMay() {
        assertEquals(200, Api.demo("stadsmissionen").get("api/budgets/" + agreementId).status());
        assertEquals(404, Api.demo("verdandi").get("api/budgets/" + agreementId).status());
        assertEquals(404, Api.demo("verdandi").get("api/phases/" + phaseId).status());
        assertEquals(403, Api.demo("hyresvard").get("api/budgets/" + agreementId).status());
        assertEquals(200, Api.demo("revisor").get("api/budgets/" + agreementId).status());
        assertEquals(403, Api.demo("revisor").post(phase("lines"), "{\"category\": \"STAFF\", \"name\": \"X\", \"planned\": 1}").status());
        assertEquals(403, admin.post(phase("lines"), "{\"category\": \"STAFF\", \"name\": \"X\", \"planned\": 1}").status());
    }

    private long plan(int amount) {
        Api.Reply r = finance.post(phase("disbursements"),
                "{\"partnerId\": %d, \"amount\": %d, \"plannedOn\": \"2024-03-01\"}".formatted(stadsmissionId, amount));
        assertEquals(201, r.status(), r.body());
        return r.json().getJsonNumber("id").longValue();
    }

    private long book(long line, String date, String amount, String voucher) {
        Api.Reply r = finance.post(phase("expenses"), expense(line, date, amount, voucher));
        assertEquals(201, r.status(), r.body());
        return r.json().getJsonNumber("id").longValue();
    }

    private static String expense(long line, String date, String amount, String voucher) {
        return "{\"lineId\": %d, \"spentOn\": \"%s\", \"amount\": %s, \"description\": \"Kostnad\", \"voucher\": \"%s\"}"
                .formatted(line, date, amount, voucher);
    }

    private String phase(String what) {
        return "api/phases/" + phaseId + "/" + what;
    }

    private static void ok(Api.Reply r) {
        assertTrue(r.status() == 200 || r.status() == 201, r.toString());
    }

    private static void assertProblem(Api.Reply r, int status, String field) {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertEquals(field, r.json().getString("field"), r.body());
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static JsonObject first(JsonObject page) {
        return page.getJsonArray("items").getJsonObject(0);
    }
}
