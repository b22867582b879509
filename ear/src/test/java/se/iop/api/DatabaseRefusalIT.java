package se.iop.api;

import jakarta.json.Json;
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
import se.iop.it.Problems;
import se.iop.it.Rows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Fixtures.KOMMUN;
import static se.iop.it.Fixtures.SOCIALNAMNDEN;
import static se.iop.it.Fixtures.committeeId;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.organisationId;
import static se.iop.it.Problems.assertProblem;

/**
 * What the database refuses is the client's problem, never the server's: the requests that answered
 * 500 before (a NUL in a text, a phase renamed to another phase's name, hours no column holds) and two
 * requests racing for the same name answer 4xx problem details, and nothing of them is stored. A property
 * the API does not know is refused naming it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DatabaseRefusalIT {

    private static final Api ADMIN = Api.admin();
    private static final Api FINANCE = Api.demo("ekonom");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    /** Refused as a problem detail with this status, whether or not it names a field yet; the table unchanged. */
    private static JsonObject refused(int status, String table, Supplier<Api.Reply> request) {
        long before = Rows.rowsOf(table);
        Api.Reply r = request.get();
        assertEquals(status, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        Problems.assertNoLeak(r.body());
        assertEquals(before, Rows.rowsOf(table), table + " changed");
        return r.json();
    }

    @Test
    void aPhaseRenamedToAnotherPhasesNameIsAConflictNamingTheName() {
        BudgetSetup s = BudgetSetup.agreement();
        JsonObject second = Fixtures.created(FINANCE.post("api/budgets/" + s.agreementId + "/phases",
                "{\"name\": \"Fas 2\", \"startDate\": \"2025-01-01\", \"endDate\": \"2025-06-30\"}"));
        for (String name : new String[] {"Fas 1", "fas 1", " FAS 1 "}) {
            JsonObject p = assertProblem(FINANCE.put("api/phases/" + id(second),
                    "{\"name\": \"%s\", \"startDate\": \"2025-01-01\", \"endDate\": \"2025-06-30\"}".formatted(name)), 409, "name");
            assertTrue(p.getString("detail").contains(name.strip()), p.toString());
        }
        assertEquals("Fas 2", Rows.value("select name from phase where id = ?", id(second)));
    }

    @Test
    void twoRequestsForTheSameNameAtTheSameMomentMakeOnePhaseAndOneConflict() {
        BudgetSetup s = BudgetSetup.agreement();
        Api other = Api.demo("ekonom");
        for (int round = 0; round < 10; round++) {
            String body = "{\"name\": \"Samtidig %d\", \"startDate\": \"2025-01-01\", \"endDate\": \"2025-03-31\"}".formatted(round);
            String upper = body.replace("Samtidig", "SAMTIDIG");
            List<CompletableFuture<Api.Reply>> both = new ArrayList<>();
            both.add(CompletableFuture.supplyAsync(() -> FINANCE.post("api/budgets/" + s.agreementId + "/phases", body)));
            both.add(CompletableFuture.supplyAsync(() -> other.post("api/budgets/" + s.agreementId + "/phases", upper)));
            int created = 0;
            for (CompletableFuture<Api.Reply> f : both) {
                Api.Reply r = f.join();
                if (r.status() == 201) {
                    created++;
                } else {
                    assertProblem(r, 409, "name");
                }
            }
            assertEquals(1, created, "round " + round);
            assertEquals(1L, ((Number) Rows.value("select count(*) from phase where agreement_id = ? and lower(name) = ?",
                    s.agreementId, "samtidig " + round)).longValue());
        }
    }

    @Test
    void hoursNoColumnHoldsAreRefusedNamingTheField() {
        BudgetSetup s = BudgetSetup.agreement();
        long party = ((Number) Rows.value("select id from agreement_party where agreement_id = ? order by id limit 1",
                s.agreementId)).longValue();
        for (String hours : new String[] {"1e308", "-99999999999.999", "100000000", "12.345"}) {
            JsonObject p = refused(422, "contribution", () -> FINANCE.post(s.phase("contributions"), """
                    {"partyId": %d, "kind": "VOLUNTEER_HOURS", "description": "Volontärer", "value": 1000, "hours": %s}
                    """.formatted(party, hours)));
            assertEquals("hours", p.getString("field"), p.toString());
        }
        Fixtures.created(FINANCE.post(s.phase("contributions"), """
                {"partyId": %d, "kind": "VOLUNTEER_HOURS", "description": "Volontärer", "value": 1000, "hours": 99999999.99}
                """.formatted(party)));
    }

    @Test
    void aNulInATextIsRefusedAndNothingIsStored() {
        JsonObject a = Fixtures.createAgreement(Fixtures.agreement());
        long committee = committeeId(KOMMUN, SOCIALNAMNDEN);
        for (String field : new String[] {"paragraph", "diarienummer", "text"}) {
            refused(422, "committee_decision", () -> ADMIN.post("api/agreements/" + id(a) + "/decisions",
                    Json.createObjectBuilder().add("committeeId", committee).add("meetingDate", "2023-12-14")
                            .add(field, "§ 1\u0000").build().toString()));
        }
        long agreement = ((Number) Rows.value("select id from agreement order by id limit 1")).longValue();
        refused(422, "milestone", () -> ADMIN.post("api/milestones", Json.createObjectBuilder()
                .add("agreementId", agreement).add("title", "Milstolpe").add("description", "Före\u0000efter")
                .add("dueOn", "2024-06-30").add("responsibleId", organisationId(KOMMUN)).build().toString()));
        Object[] contact = {Rows.value("select landlord_id from landlord_contact order by id limit 1"),
                Rows.value("select id from landlord_contact order by id limit 1")};
        refused(422, "landlord_contact_note", () -> ADMIN.post("api/landlords/%s/contacts/%s/notes".formatted(contact[0],
                contact[1]), "{\"text\": \"Ring\\u0000 tillbaka\"}"));
    }

    @Test
    void aPropertyTheApiDoesNotKnowIsRefusedNamingIt() {
        long before = Rows.rowsOf("agreement");
        JsonObject p = assertProblem(ADMIN.post("api/agreements", Fixtures.agreement().add("titel", "Stavfel").build().toString()),
                400, "titel");
        assertTrue(p.getString("detail").contains("titel"), p.toString());
        JsonObject a = Fixtures.createAgreement(Fixtures.agreement());
        // What was read is not what an update takes: each property it does not take is named, the first as the field.
        JsonObject echoed = assertProblem(ADMIN.put("api/agreements/" + id(a), Json.createObjectBuilder(a).build().toString()),
                400, "amendments");
        assertTrue(echoed.getString("detail").contains("'id'") && echoed.getString("detail").contains("'status'"), echoed.toString());
        JsonObject nested = assertProblem(ADMIN.post("api/agreements/" + id(a) + "/amendments", Json.createObjectBuilder()
                .add("effectiveOn", "2024-06-01").add("description", "Ny part")
                .add("joining", Json.createObjectBuilder().add("organisationId", organisationId(KOMMUN))
                        .add("role", "ASSOCIATED").add("rol", "x")).build().toString()), 400, "rol");
        assertTrue(nested.getString("detail").contains("joining.rol"), nested.toString());
        assertEquals(before + 1, Rows.rowsOf("agreement"));
    }
}
