package se.iop.api;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import se.iop.it.Api;
import se.iop.it.Deployments;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.FollowUpFixtures.activeWith;
import static se.iop.it.FollowUpFixtures.approved;
import static se.iop.it.FollowUpFixtures.createReport;
import static se.iop.it.FollowUpFixtures.report;
import static se.iop.it.Fixtures.KOMMUN;
import static se.iop.it.Fixtures.SOCIALNAMNDEN;
import static se.iop.it.Fixtures.STADSMISSION;
import static se.iop.it.Fixtures.committeeId;
import static se.iop.it.Fixtures.created;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.ok;
import static se.iop.it.Fixtures.organisationId;

/**
 * The outcome figures behind the dashboards: summed per quarter from approved reports only (flows added,
 * stocks from the latest report), retention against the reference, milestones done and late, budget pace;
 * exact for administrators, small counts hidden for everyone else.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutcomesApiIT {

    private static final Api ADMIN = Api.admin();
    private static final Api STADSMISSIONEN = Api.demo("stadsmissionen");

    private long agreementId;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeAll
    void reportsMilestonesAndBudget() {
        agreementId = id(activeWith(STADSMISSION));
        approved(STADSMISSIONEN, report(agreementId, "2024-Q1", 0).add("peopleInContact", 20).add("householdsHoused", 4)
                .add("householdsHousedTotal", 4).add("leasesTakenOver", 1));
        String[] months = {"2024-04", "2024-05", "2024-06"};
        for (int i = 0; i < 3; i++) {
            approved(STADSMISSIONEN, report(agreementId, months[i], 0).add("peopleInContact", 21 + i).add("householdsHoused", 1)
                    .add("householdsHousedTotal", 5 + i).add("leasesTakenOver", i == 0 ? 0 : 1));
        }
        approved(STADSMISSIONEN, report(agreementId, "2025-Q2", 0).add("peopleInContact", 30).add("householdsHousedTotal", 12)
                .add("tenancies12Due", 5).add("tenancies12Kept", 4).add("tenancies6Due", 10).add("tenancies6Kept", 9)
                .add("leasesTakenOver", 2).add("evictions", 1));
        // Handed in but not approved: not an outcome yet.
        JsonObject pending = createReport(STADSMISSIONEN, report(agreementId, "2024-Q3", 50));
        ok(STADSMISSIONEN.post("api/reports/" + id(pending) + "/submit", "{}"));

        for (String[] m : new String[][] {{"Förberedelser", "2024-03-31", "DONE"}, {"Inflytt", "2024-06-30", "PLANNED"},
                {"Utvärdering", "2030-06-30", "PLANNED"}, {"Sen rapport", "2024-09-30", "LATE_DONE"}}) {
            JsonObject created = created(ADMIN.post("api/milestones", """
                    {"agreementId": %d, "title": "%s", "dueOn": "%s", "responsibleId": %d}"""
                    .formatted(agreementId, m[0], m[1], organisationId(KOMMUN))));
            if (m[2].equals("DONE")) {
                ok(ADMIN.post("api/milestones/" + id(created) + "/status", "{\"status\": \"DONE\", \"on\": \"2024-03-20\"}"));
            } else if (m[2].equals("LATE_DONE")) {
                ok(ADMIN.post("api/milestones/" + id(created) + "/status", "{\"status\": \"DONE\", \"on\": \"2024-11-15\"}"));
            }
        }

        Api finance = Api.demo("ekonom");
        long phase = id(created(finance.post("api/budgets/" + agreementId + "/phases",
                "{\"name\": \"Fas 1\", \"startDate\": \"2024-01-01\", \"endDate\": \"2026-12-31\"}")));
        created(finance.post("api/phases/" + phase + "/allocations",
                "{\"committeeId\": %d, \"amount\": 100000}".formatted(committeeId(KOMMUN, SOCIALNAMNDEN))));
        long line = id(created(finance.post("api/phases/" + phase + "/lines", "{\"category\": \"STAFF\", \"name\": \"Stöd\", \"planned\": 100000}")));
        created(finance.post("api/phases/" + phase + "/expenses", """
                {"lineId": %d, "spentOn": "2024-06-30", "amount": 25000, "description": "Löner", "voucher": "O-%d"}"""
                .formatted(line, agreementId)));
    }

    private static JsonObject quarter(JsonObject summary, String code) {
        return summary.getJsonArray("quarters").getValuesAs(JsonObject.class).stream()
                .filter(q -> q.getString("quarter").equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in " + summary));
    }

    private static JsonObject count(JsonObject quarter, String field) {
        return quarter.getJsonObject("counts").getJsonObject(field);
    }

    @Test
    void administratorsSeeExactSumsPerQuarterFromApprovedReports() {
        JsonObject s = ok(ADMIN.get("api/outcomes/" + agreementId));
        assertTrue(s.getBoolean("exact"));
        assertEquals(List.of("2024-Q1", "2024-Q2", "2025-Q2"), s.getJsonArray("quarters").getValuesAs(JsonObject.class)
                .stream().map(q -> q.getString("quarter")).toList(), "the submitted Q3 report is not counted");

        JsonObject q2 = quarter(s, "2024-Q2");
        assertEquals(3, q2.getInt("reports"));
        assertEquals(3, count(q2, "householdsHoused").getInt("value"), "a flow adds up over the months");
        assertEquals(7, count(q2, "householdsHousedTotal").getInt("value"), "a stock is the latest month's");
        assertEquals(23, count(q2, "peopleInContact").getInt("value"));
        assertEquals(2, count(q2, "leasesTakenOver").getInt("value"));
        assertFalse(count(q2, "leasesTakenOver").getBoolean("hidden"));
        assertEquals(3, q2.getJsonObject("leasesToDate").getInt("value"));

        JsonObject y2 = quarter(s, "2025-Q2");
        assertEquals(new BigDecimal("80.0"), y2.getJsonNumber("retention12").bigDecimalValue());
        assertEquals(new BigDecimal("90.0"), y2.getJsonNumber("retention6").bigDecimalValue());
        assertEquals(5, y2.getJsonObject("leasesToDate").getInt("value"));
        assertEquals(1, count(y2, "evictions").getInt("value"));

        JsonObject m = s.getJsonObject("milestones");
        assertEquals(1, m.getInt("doneOnTime"));
        assertEquals(1, m.getInt("doneLate"));
        assertEquals(1, m.getInt("late"));
        assertEquals(1, m.getInt("upcoming"));

        JsonObject pace = s.getJsonArray("budgets").getJsonObject(0);
        assertEquals(new BigDecimal("25.0"), pace.getJsonNumber("percentUsed").bigDecimalValue());
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Stockholm"));
        long days = ChronoUnit.DAYS.between(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31)) + 1;
        long gone = Math.min(days, ChronoUnit.DAYS.between(LocalDate.of(2024, 1, 1), today) + 1);
        assertEquals(BigDecimal.valueOf(gone * 100).divide(BigDecimal.valueOf(days), 1, RoundingMode.HALF_EVEN),
                pace.getJsonNumber("percentTimeElapsed").bigDecimalValue());
    }

    @Test
    void everyoneElseSeesCountsUnderThreeHidden() {
        for (String user : List.of("revisor", "stadsmissionen", "ekonom")) {
            JsonObject s = ok(Api.demo(user).get("api/outcomes/" + agreementId));
            assertFalse(s.getBoolean("exact"), user);
            JsonObject q1 = quarter(s, "2024-Q1");
            assertTrue(count(q1, "leasesTakenOver").getBoolean("hidden"), user);
            JsonObject leases = count(q1, "leasesTakenOver");
            assertTrue(!leases.containsKey("value") || leases.isNull("value"), "no value is given: " + leases);
            assertTrue(count(q1, "evictions").getBoolean("hidden"), "zero is under three too");
            assertEquals(4, count(q1, "householdsHoused").getInt("value"));
            JsonObject q2 = quarter(s, "2024-Q2");
            assertTrue(count(q2, "leasesTakenOver").getBoolean("hidden"));
            assertEquals(3, q2.getJsonObject("leasesToDate").getInt("value"));
            assertEquals(new BigDecimal("80.0"), quarter(s, "2025-Q2").getJsonNumber("retention12").bigDecimalValue(),
                    "five households stand behind the share");
        }
        assertEquals(404, Api.demo("verdandi").get("api/outcomes/" + agreementId).status());
        assertEquals(403, Api.demo("hyresvard").get("api/outcomes/" + agreementId).status());
        assertEquals(403, Api.demo("hyresvard").get("api/outcomes").status());
    }

    @Test
    void theOverallFiguresIncludeTheAgreement() {
        JsonObject all = ok(ADMIN.get("api/outcomes"));
        JsonObject q2 = quarter(all, "2024-Q2");
        assertTrue(count(q2, "householdsHoused").getInt("value") >= 3);
        assertTrue(all.getJsonObject("milestones").getInt("late") >= 1);
        assertTrue(all.getJsonArray("budgets").getValuesAs(JsonObject.class).stream()
                .anyMatch(b -> b.getJsonNumber("agreementId").longValue() == agreementId));
    }
}
