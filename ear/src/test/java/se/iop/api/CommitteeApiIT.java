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
import se.iop.it.Deployments;
import se.iop.it.Fixtures;
import se.iop.it.Rows;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Fixtures.agreement;
import static se.iop.it.Fixtures.createAgreement;
import static se.iop.it.Fixtures.created;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.ok;
import static se.iop.it.Fixtures.organisationNumber;
import static se.iop.it.Fixtures.unique;
import static se.iop.it.Problems.assertProblem;

/**
 * Committees renamed and deactivated (issue 13 §6): a name stays unique in any case within the municipality
 * (as V10's index says), a stale version is refused, only an administrator may change one; a deactivated
 * committee takes no new decisions but keeps those it took.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CommitteeApiIT {

    private final Api admin = Api.admin();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    /** A new municipality with the committees named, in that order; its JSON. */
    private JsonObject municipality(String... committees) {
        JsonObject kommun = created(admin.post("api/organisations", Json.createObjectBuilder()
                .add("name", unique("IT kommun")).add("organisationNumber", organisationNumber())
                .add("kind", "MUNICIPALITY").build().toString()));
        for (String name : committees) {
            kommun = created(admin.post("api/organisations/" + id(kommun) + "/committees",
                    Json.createObjectBuilder().add("name", name).build().toString()));
        }
        return kommun;
    }

    private static JsonObject committee(JsonObject organisation, String name) {
        return organisation.getJsonArray("committees").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals(name)).findFirst().orElseThrow();
    }

    private static String name(String name) {
        return Json.createObjectBuilder().add("name", name).build().toString();
    }

    private static String etag(JsonObject committee) {
        return "\"" + committee.getJsonNumber("version").longValue() + "\"";
    }

    @Test
    void aRenamedCommitteeKeepsItsNameUniqueInAnyCase() {
        JsonObject kommun = municipality("Socialnämnden", "Kulturnämnden");
        JsonObject kultur = committee(kommun, "Kulturnämnden");
        String path = "api/organisations/" + id(kommun) + "/committees/" + id(kultur);

        JsonObject problem = assertProblem(admin.put(path, name("SOCIALNÄMNDEN"), "If-Match", etag(kultur)), 409, "committee");
        assertTrue(problem.getString("detail").contains("SOCIALNÄMNDEN"), problem.toString());
        assertEquals("Kulturnämnden", Rows.value("select name from committee where id = ?", id(kultur)));

        // its own name in another case is no clash
        Api.Reply renamed = admin.put(path, name("Kultur- och fritidsnämnden"), "If-Match", etag(kultur));
        JsonObject after = ok(renamed);
        assertEquals("Kultur- och fritidsnämnden", after.getString("name"));
        assertEquals("\"" + after.getJsonNumber("version").longValue() + "\"", renamed.header("ETag"));
        ok(admin.put(path, name("KULTUR- OCH FRITIDSNÄMNDEN"), "If-Match", etag(after)));

        // the version read before the first rename is stale now
        assertProblem(admin.put(path, name("Fritidsnämnden"), "If-Match", etag(kultur)), 409, "version");
        assertProblem(admin.put(path, name(" "), "If-Match", etag(after)), 400, "name");
        assertEquals("KULTUR- OCH FRITIDSNÄMNDEN", Rows.value("select name from committee where id = ?", id(kultur)));
    }

    @Test
    void onlyAnAdministratorRenamesOrDeactivatesAndOnlyAtItsOwnMunicipality() {
        JsonObject kommun = municipality("Socialnämnden");
        JsonObject other = municipality("Tekniska nämnden");
        JsonObject social = committee(kommun, "Socialnämnden");
        String path = "api/organisations/" + id(kommun) + "/committees/" + id(social);
        for (String user : List.of("stadsmissionen", "ekonom", "revisor")) {
            assertEquals(403, Api.demo(user).put(path, name("Annan"), "If-Match", etag(social)).status(), user);
            assertEquals(403, Api.demo(user).post(path + "/deactivate", "", "If-Match", etag(social)).status(), user);
        }
        // a committee asked for under another municipality is not found there
        assertEquals(404, admin.put("api/organisations/" + id(other) + "/committees/" + id(social), name("Annan"),
                "If-Match", etag(social)).status());
        assertEquals(404, admin.post("api/organisations/" + id(other) + "/committees/" + id(social) + "/deactivate", "",
                "If-Match", etag(social)).status());
        assertEquals("Socialnämnden", Rows.value("select name from committee where id = ?", id(social)));
        assertEquals(Boolean.TRUE, Rows.value("select active from committee where id = ?", id(social)));
    }

    @Test
    void aDeactivatedCommitteeTakesNoNewDecisionsButKeepsItsOld() {
        JsonObject kommun = municipality("Socialnämnden", "Kommunstyrelsen");
        JsonObject social = committee(kommun, "Socialnämnden");
        JsonObject a = createAgreement(agreement());
        Fixtures.addParty(id(a), kommun.getString("name"), "PUBLIC_PARTNER", "2024-01-01");
        created(admin.post("api/agreements/" + id(a) + "/decisions", decision(id(social), "§ 1")));

        JsonObject deactivated = ok(admin.post("api/organisations/" + id(kommun) + "/committees/" + id(social) + "/deactivate",
                "", "If-Match", etag(social)));
        assertFalse(deactivated.getBoolean("active"));

        JsonObject problem = assertProblem(admin.post("api/agreements/" + id(a) + "/decisions", decision(id(social), "§ 2")),
                409, "committeeId");
        assertTrue(problem.getString("detail").contains("Socialnämnden"), problem.toString());
        JsonObject read = ok(admin.get("api/agreements/" + id(a)));
        assertEquals(1, read.getJsonArray("decisions").size());
        assertEquals("Socialnämnden", read.getJsonArray("decisions").getJsonObject(0).getString("committeeName"));
        // the municipality's other committee still decides
        long board = id(committee(kommun, "Kommunstyrelsen"));
        created(admin.post("api/agreements/" + id(a) + "/decisions", decision(board, "§ 3")));
        // nor does it grant new money: an allocation in its name is refused, the other committee's taken
        Api finance = Api.demo("ekonom");
        long phase = id(created(finance.post("api/budgets/" + id(a) + "/phases",
                "{\"name\": \"Fas 1\", \"startDate\": \"2024-01-01\", \"endDate\": \"2024-12-31\"}")));
        assertProblem(finance.post("api/phases/" + phase + "/allocations",
                "{\"committeeId\": %d, \"amount\": 1000}".formatted(id(social))), 409, "committeeId");
        created(finance.post("api/phases/" + phase + "/allocations", "{\"committeeId\": %d, \"amount\": 1000}".formatted(board)));
        assertEquals(1L, Rows.value("select count(*) from allocation where phase_id = ?", phase));
        // and the deactivated one can still be renamed, its old decisions showing the new name
        JsonObject renamed = ok(admin.put("api/organisations/" + id(kommun) + "/committees/" + id(social),
                name("Socialnämnden (t.o.m. 2025)"), "If-Match", etag(deactivated)));
        assertFalse(renamed.getBoolean("active"));
        assertTrue(ok(admin.get("api/agreements/" + id(a))).getJsonArray("decisions").getValuesAs(JsonObject.class)
                .stream().anyMatch(d -> d.getString("committeeName").equals("Socialnämnden (t.o.m. 2025)")));
    }

    private static String decision(long committeeId, String paragraph) {
        return Json.createObjectBuilder().add("committeeId", committeeId).add("meetingDate", "2023-12-14")
                .add("paragraph", paragraph).add("diarienummer", unique("SN")).add("text", "Beslut om IOP")
                .add("amount", "100000.00").build().toString();
    }
}
