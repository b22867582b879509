package se.iop.api;

import jakarta.json.Json;
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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.FollowUpFixtures.activeWith;
import static se.iop.it.FollowUpFixtures.createReport;
import static se.iop.it.FollowUpFixtures.report;
import static se.iop.it.Fixtures.KOMMUN;
import static se.iop.it.Fixtures.STADSMISSION;
import static se.iop.it.Fixtures.VERDANDI;
import static se.iop.it.Fixtures.created;
import static se.iop.it.Fixtures.decided;
import static se.iop.it.Fixtures.draftWith;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.moveTo;
import static se.iop.it.Fixtures.ok;
import static se.iop.it.Fixtures.organisationId;
import static se.iop.it.Fixtures.organisationNumber;
import static se.iop.it.Fixtures.unique;
import static se.iop.it.Problems.assertProblem;

/**
 * Rules said once and kept by every caller, seen from outside on the real database:
 * <ul>
 * <li>"an agreement in force": agreements in every status, each with a late milestone; the dashboard's
 * totals (the overall outcomes) count exactly the agreements its list shows — ACTIVE, ENDED and TERMINATED,
 * never DRAFT or DECIDED (they used to count DECIDED ones the list left out) — the reports due and a partner's
 * new report keep the same line;</li>
 * <li>a role that needs an organisation: the kind of an organisation cannot change under its partner accounts.</li>
 * </ul>
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneRuleIT {

    private final Map<String, Long> byStatus = new LinkedHashMap<>();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeAll
    void agreementsInEveryStatusEachWithALateMilestone() {
        byStatus.put("DRAFT", milestoned(draftWith(STADSMISSION)));
        byStatus.put("DECIDED", milestoned(decided(STADSMISSION)));
        byStatus.put("ACTIVE", milestoned(activeWith(STADSMISSION)));
        JsonObject toEnd = activeWith(STADSMISSION);
        milestoned(toEnd);
        byStatus.put("ENDED", id(ok(moveTo(Api.admin(), ok(Api.admin().get("api/agreements/" + id(toEnd))), "ENDED"))));
        JsonObject toTerminate = activeWith(STADSMISSION);
        milestoned(toTerminate);
        byStatus.put("TERMINATED", id(ok(moveTo(Api.admin(), ok(Api.admin().get("api/agreements/" + id(toTerminate))), "TERMINATED"))));
    }

    private static long milestoned(JsonObject agreement) {
        created(Api.admin().post("api/milestones", """
                {"agreementId": %d, "title": "Informationsträff", "dueOn": "2024-02-29", "responsibleId": %d}"""
                .formatted(id(agreement), organisationId(KOMMUN))));
        return id(agreement);
    }

    @Test
    void theDashboardCountsExactlyTheAgreementsItLists() {
        for (Api who : List.of(Api.admin(), Api.demo("ekonom"), Api.demo("revisor"), Api.demo("stadsmissionen"))) {
            JsonObject overall = ok(who.get("api/outcomes"));
            Set<Long> listed = overall.getJsonArray("agreements").getValuesAs(JsonObject.class).stream()
                    .map(a -> a.getJsonNumber("id").longValue()).collect(Collectors.toSet());
            for (String status : List.of("ACTIVE", "ENDED", "TERMINATED")) {
                assertTrue(listed.contains(byStatus.get(status)), status + " is or was in force: listed");
            }
            for (String status : List.of("DRAFT", "DECIDED")) {
                assertFalse(listed.contains(byStatus.get(status)), status + " is not in force: neither listed nor counted");
            }
            overall.getJsonArray("agreements").getValuesAs(JsonObject.class).forEach(a ->
                    assertTrue(Set.of("ACTIVE", "ENDED", "TERMINATED").contains(a.getString("status")), a.toString()));

            // The totals are the sum over the list, agreement by agreement: nothing counted that is not shown.
            long milestones = 0;
            long late = 0;
            for (long id : listed) {
                JsonObject one = ok(who.get("api/outcomes/" + id)).getJsonObject("milestones");
                milestones += one.getInt("doneOnTime") + one.getInt("doneLate") + one.getInt("late") + one.getInt("upcoming")
                        + one.getInt("cancelled");
                late += one.getInt("late");
            }
            JsonObject tally = overall.getJsonObject("milestones");
            assertEquals(milestones, tally.getInt("doneOnTime") + tally.getInt("doneLate") + tally.getInt("late")
                    + tally.getInt("upcoming") + tally.getInt("cancelled"), "milestones counted = milestones of the listed");
            assertEquals(late, tally.getInt("late"));
            overall.getJsonArray("budgets").getValuesAs(JsonObject.class).forEach(b ->
                    assertTrue(listed.contains(b.getJsonNumber("agreementId").longValue()), "budget pace of a listed agreement"));
        }
    }

    @Test
    void reportsFallDueAndAreWrittenOnlyOnAgreementsInForce() {
        Set<Long> dueOn = ok(Api.admin().get("api/outcomes")).getJsonArray("agreements").getValuesAs(JsonObject.class)
                .stream().map(a -> a.getJsonNumber("id").longValue()).collect(Collectors.toSet());
        Api.Reply due = Api.admin().get("api/reports/due");
        assertEquals(200, due.status(), due.body());
        Set<Long> withDue = due.jsonArray().getValuesAs(JsonObject.class).stream()
                .map(d -> d.getJsonNumber("agreementId").longValue()).collect(Collectors.toSet());
        assertTrue(dueOn.containsAll(withDue), "reports fall due only on listed agreements");
        assertTrue(withDue.contains(byStatus.get("ACTIVE")) && withDue.contains(byStatus.get("ENDED")));
        assertFalse(withDue.contains(byStatus.get("DECIDED")) || withDue.contains(byStatus.get("DRAFT")));

        Api partner = Api.demo("stadsmissionen");
        assertProblem(partner.post("api/reports", report(byStatus.get("DECIDED"), "2024-Q1", 0).build().toString()), 409, "agreementId");
        assertProblem(partner.post("api/reports", report(byStatus.get("DRAFT"), "2024-Q1", 0).build().toString()), 409, "agreementId");
        createReport(partner, report(byStatus.get("ENDED"), "2024-Q1", 0));
    }

    @Test
    void anOrganisationsKindCannotChangeUnderItsPartnerAccounts() {
        long verdandi = organisationId(VERDANDI);
        JsonObject o = ok(Api.admin().get("api/organisations/" + verdandi));
        JsonObject problem = assertProblem(Api.admin().put("api/organisations/" + verdandi, input(o, "MUNICIPALITY")), 409, "kind");
        assertTrue(problem.getString("detail").contains("1"), problem.toString());
        assertEquals("NON_PROFIT", ok(Api.admin().get("api/organisations/" + verdandi)).getString("kind"), "unchanged");

        JsonObject fresh = created(Api.admin().post("api/organisations", Json.createObjectBuilder()
                .add("name", unique("Förening")).add("organisationNumber", organisationNumber()).add("kind", "NON_PROFIT")
                .build().toString()));
        assertEquals("HOUSING_COMPANY", ok(Api.admin().put("api/organisations/" + id(fresh), input(fresh, "HOUSING_COMPANY")))
                .getString("kind"), "no account holds it");
    }

    /** What an update takes of an organisation as read, with another kind. */
    private static String input(JsonObject o, String kind) {
        var b = Json.createObjectBuilder().add("name", o.getString("name"))
                .add("organisationNumber", o.getString("organisationNumber")).add("kind", kind)
                .add("version", o.getJsonNumber("version").longValue());
        for (String field : List.of("address", "email", "phone")) {
            if (o.containsKey(field) && !o.isNull(field)) {
                b.add(field, o.getString(field));
            }
        }
        return b.build().toString();
    }
}
