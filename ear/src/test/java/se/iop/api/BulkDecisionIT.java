package se.iop.api;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.iop.it.Api;
import se.iop.it.BudgetSetup;
import se.iop.it.Deployments;
import se.iop.it.Fixtures;
import se.iop.it.Rows;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.FollowUpFixtures.activeWith;
import static se.iop.it.FollowUpFixtures.createReport;
import static se.iop.it.FollowUpFixtures.report;
import static se.iop.it.Problems.assertProblem;

/**
 * Bulk decisions (issue 13 §5): an administrator approves several handed-in reports in one action, finance approves
 * or pays several payments; each item on its own rules, in a transaction of its own, so what is refused is left
 * as it was and the rest is done; the answer says which and why. Roles as for one item.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BulkDecisionIT {

    private static final Api STADSMISSIONEN = Api.demo("stadsmissionen");
    private final Api finance = Api.demo("ekonom");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private static JsonObject submitted(long agreement, String period) {
        JsonObject r = createReport(STADSMISSIONEN, report(agreement, period, 5));
        return Fixtures.ok(STADSMISSIONEN.post("api/reports/" + Fixtures.id(r) + "/submit", "{}"));
    }

    private static String items(String... items) {
        return "{\"items\": [" + String.join(", ", items) + "]}";
    }

    private static String item(JsonObject o) {
        return "{\"id\": %d, \"version\": %d}".formatted(Fixtures.id(o), Fixtures.version(o));
    }

    private static String status(String path) {
        return Fixtures.ok(Api.admin().get(path)).getString("status");
    }

    private static JsonObject outcome(JsonObject result, long id) {
        return result.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getJsonNumber("id").longValue() == id).findFirst().orElseThrow();
    }

    @Test
    void anAdministratorApprovesThreeReportsAtOnceAndWhatCannotBeApprovedIsLeftAsItWasWithItsReason() {
        long agreement = Fixtures.id(activeWith(Fixtures.STADSMISSION));
        JsonObject q1 = submitted(agreement, "2024-Q1");
        JsonObject q2 = submitted(agreement, "2024-Q2");
        JsonObject q3 = submitted(agreement, "2024-Q3");
        JsonObject draft = createReport(STADSMISSIONEN, report(agreement, "2024-Q4", 5));
        JsonObject changed = submitted(agreement, "2025-Q1");
        // returned and handed in again since the administrator's page showed it: a newer version
        Fixtures.ok(Api.admin().post("api/reports/" + Fixtures.id(changed) + "/return",
                "{\"comment\": \"Komplettera\", \"version\": %d}".formatted(Fixtures.version(changed))));
        Fixtures.ok(STADSMISSIONEN.post("api/reports/" + Fixtures.id(changed) + "/submit", "{}"));

        JsonObject result = Fixtures.ok(Api.admin().post("api/reports/approvals",
                items(item(q1), item(q2), item(draft), item(q3), item(changed), "{\"id\": 999999999}")));

        assertEquals(3, result.getInt("done"), result.toString());
        assertEquals(3, result.getInt("refused"), result.toString());
        JsonArray listed = result.getJsonArray("items");
        assertEquals(List.of(Fixtures.id(q1), Fixtures.id(q2), Fixtures.id(draft), Fixtures.id(q3), Fixtures.id(changed), 999999999L),
                listed.getValuesAs(JsonObject.class).stream().map(i -> i.getJsonNumber("id").longValue()).collect(Collectors.toList()),
                "each item's outcome, in the order sent");
        for (JsonObject r : List.of(q1, q2, q3)) {
            JsonObject o = outcome(result, Fixtures.id(r));
            assertEquals("DONE", o.getString("outcome"));
            assertEquals("APPROVED", o.getString("state"));
            assertEquals("APPROVED", status("api/reports/" + Fixtures.id(r)));
            assertEquals(Fixtures.version(Fixtures.ok(Api.admin().get("api/reports/" + Fixtures.id(r)))),
                    o.getJsonNumber("version").longValue(), "the version the client goes on from");
        }
        JsonObject notHandedIn = outcome(result, Fixtures.id(draft));
        assertEquals("REFUSED", notHandedIn.getString("outcome"));
        assertEquals("status", notHandedIn.getString("field"));
        assertTrue(notHandedIn.getString("detail").length() > 10, notHandedIn.toString());
        assertEquals("DRAFT", status("api/reports/" + Fixtures.id(draft)));
        JsonObject stale = outcome(result, Fixtures.id(changed));
        assertEquals("version", stale.getString("field"), stale.toString());
        assertEquals("SUBMITTED", status("api/reports/" + Fixtures.id(changed)), "a report changed since is left as it is");
        assertEquals("REFUSED", outcome(result, 999999999L).getString("outcome"));
    }

    @Test
    void onlyAnAdministratorApprovesReportsAndAPartnerOrFinanceAskingChangesNothing() {
        long agreement = Fixtures.id(activeWith(Fixtures.STADSMISSION));
        JsonObject q1 = submitted(agreement, "2024-Q1");
        assertProblem(STADSMISSIONEN.post("api/reports/approvals", items(item(q1))), 403, null);
        assertProblem(finance.post("api/reports/approvals", items(item(q1))), 403, null);
        assertEquals("SUBMITTED", status("api/reports/" + Fixtures.id(q1)));
    }

    @Test
    void aDecisionWithoutItemsWithTooManyOrWithOneItemTwiceIsRefusedWhole() {
        long agreement = Fixtures.id(activeWith(Fixtures.STADSMISSION));
        JsonObject q1 = submitted(agreement, "2024-Q1");
        assertProblem(Api.admin().post("api/reports/approvals", items()), 400, "items");
        assertProblem(Api.admin().post("api/reports/approvals", "{}"), 400, "items");
        assertProblem(Api.admin().post("api/reports/approvals", items(item(q1), item(q1))), 422, "items");
        String many = String.join(", ", java.util.Collections.nCopies(201, item(q1)));
        assertProblem(Api.admin().post("api/reports/approvals", items(many)), 400, "items");
        assertEquals("SUBMITTED", status("api/reports/" + Fixtures.id(q1)), "nothing done");
    }

    @Test
    void financeApprovesSeveralPaymentsAndOneOverWhatThePhaseHasLeftIsRefusedAlone() {
        BudgetSetup s = BudgetSetup.agreement();
        s.allocate("100000.00");
        long a = plan(s, "40000.00", "2024-02-01");
        long b = plan(s, "40000.00", "2024-03-01");
        long c = plan(s, "40000.00", "2024-04-01");
        long d = plan(s, "15000.00", "2024-05-01");

        JsonObject result = Fixtures.ok(finance.post("api/disbursements/approvals",
                items("{\"id\": %d}".formatted(a), "{\"id\": %d}".formatted(b), "{\"id\": %d}".formatted(c),
                        "{\"id\": %d}".formatted(d))));

        assertEquals(3, result.getInt("done"), result.toString());
        JsonObject over = outcome(result, c);
        assertEquals("REFUSED", over.getString("outcome"));
        assertEquals("amount", over.getString("field"));
        assertTrue(over.getString("detail").contains("20"), "says what the phase had left: " + over);
        assertEquals("APPROVED", status("api/disbursements/" + a));
        assertEquals("APPROVED", status("api/disbursements/" + b));
        assertEquals("PLANNED", status("api/disbursements/" + c));
        assertEquals("APPROVED", status("api/disbursements/" + d));
        assertEquals(95000, Rows.count("select sum(amount) from disbursement where phase_id = " + s.phaseId
                + " and status = 'APPROVED'"));
    }

    @Test
    void financePaysSeveralApprovedPaymentsOnOneDayAndAPlannedOneIsRefused() {
        BudgetSetup s = BudgetSetup.agreement();
        s.allocate("100000.00");
        long a = plan(s, "10000.00", "2024-02-01");
        long b = plan(s, "10000.00", "2024-03-01");
        long planned = plan(s, "10000.00", "2024-04-01");
        Fixtures.ok(finance.post("api/disbursements/approvals", items("{\"id\": %d}".formatted(a), "{\"id\": %d}".formatted(b))));

        assertProblem(finance.post("api/disbursements/payments", items("{\"id\": %d}".formatted(a))), 400, "paidOn");
        JsonObject result = Fixtures.ok(finance.post("api/disbursements/payments", """
                {"paidOn": "2024-06-10", "items": [{"id": %d}, {"id": %d}, {"id": %d}]}""".formatted(a, planned, b)));

        assertEquals(2, result.getInt("done"), result.toString());
        assertEquals("PAID", outcome(result, a).getString("state"));
        assertEquals("status", outcome(result, planned).getString("field"));
        JsonObject paid = Fixtures.ok(finance.get("api/disbursements/" + b));
        assertEquals("PAID", paid.getString("status"));
        assertEquals("2024-06-10", paid.getString("paidOn"));
        assertEquals("PLANNED", status("api/disbursements/" + planned));
        // an administrator is not finance: refused whole, nothing paid
        long c = plan(s, "10000.00", "2024-05-01");
        assertProblem(Api.admin().post("api/disbursements/approvals", items("{\"id\": %d}".formatted(c))), 403, null);
        assertEquals("PLANNED", status("api/disbursements/" + c));
    }

    private long plan(BudgetSetup s, String amount, String on) {
        return Fixtures.id(Fixtures.created(finance.post(s.phase("disbursements"),
                "{\"partnerId\": %d, \"amount\": %s, \"plannedOn\": \"%s\"}".formatted(s.stadsmissionId, amount, on))));
    }
}
