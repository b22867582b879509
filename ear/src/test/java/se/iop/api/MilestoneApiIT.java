package se.iop.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.iop.it.Api;
import se.iop.it.Deployments;
import se.iop.it.Rows;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.FollowUpFixtures.activeWith;
import static se.iop.it.Fixtures.KOMMUN;
import static se.iop.it.Fixtures.NYKOPINGSHEM;
import static se.iop.it.Fixtures.STADSMISSION;
import static se.iop.it.Fixtures.created;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.ok;
import static se.iop.it.Fixtures.organisationId;
import static se.iop.it.Fixtures.version;
import static se.iop.it.Problems.assertProblem;

/** Milestones through the API: planned and followed up by administrators, read by the agreement's partners. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MilestoneApiIT {

    private static final Api ADMIN = Api.admin();

    private long agreementId;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void agreementInForce() {
        agreementId = id(activeWith(STADSMISSION));
    }

    private JsonObjectBuilder milestone(String title, String dueOn, String responsible) {
        return Json.createObjectBuilder().add("agreementId", agreementId).add("title", title)
                .add("description", "Enligt avtalets plan").add("dueOn", dueOn)
                .add("responsibleId", organisationId(responsible));
    }

    @Test
    void milestonesArePlannedFollowedUpAndLateOnesStandOut() {
        JsonObject first = created(ADMIN.post("api/milestones", milestone("Förberedelser startar", "2024-03-31", KOMMUN).build().toString()));
        JsonObject late = created(ADMIN.post("api/milestones", milestone("Första hyresgästerna flyttar in", "2024-06-30", STADSMISSION).build().toString()));
        created(ADMIN.post("api/milestones", milestone("Utvärdering", "2030-01-31", KOMMUN).build().toString()));
        assertEquals("PLANNED", first.getString("status"));
        assertTrue(first.getBoolean("late"), "past due and not done");

        JsonObject started = ok(ADMIN.post("api/milestones/" + id(late) + "/status",
                "{\"status\": \"IN_PROGRESS\", \"version\": " + version(late) + "}"));
        assertEquals("IN_PROGRESS", started.getString("status"));
        assertTrue(started.getBoolean("late"));
        JsonObject done = ok(ADMIN.post("api/milestones/" + id(first) + "/status", "{\"status\": \"DONE\", \"on\": \"2024-03-15\"}"));
        assertEquals("DONE", done.getString("status"));
        assertEquals("2024-03-15", done.getString("completedOn"));
        assertFalse(done.getBoolean("late"));
        assertFalse(done.getBoolean("doneLate"));
        assertProblem(ADMIN.post("api/milestones/" + id(first) + "/status", "{\"status\": \"CANCELLED\", \"reason\": \"x\"}"), 409, "status");
        assertProblem(ADMIN.post("api/milestones/" + id(late) + "/status", "{\"status\": \"DONE\"}"), 422, "completedOn");
        assertProblem(ADMIN.post("api/milestones/" + id(late) + "/status", "{\"status\": \"FINISHED\"}"), 422, "status");

        List<JsonObject> list = ADMIN.get("api/milestones?agreementId=" + agreementId).jsonArray().getValuesAs(JsonObject.class);
        assertEquals(List.of("Förberedelser startar", "Första hyresgästerna flyttar in", "Utvärdering"),
                list.stream().map(m -> m.getString("title")).toList(), "by due date");
        assertEquals(List.of(false, true, false), list.stream().map(m -> m.getBoolean("late")).toList());
        assertEquals(STADSMISSION, list.get(1).getString("responsibleName"));
    }

    @Test
    void aStaleRevisionAndBadInputAreRefusedNamingTheField() {
        JsonObject m = created(ADMIN.post("api/milestones", milestone("Verdandi ansluter", "2024-06-01", KOMMUN).build().toString()));
        String path = "api/milestones/" + id(m);
        JsonObject revised = ok(ADMIN.put(path, milestone("Verdandi ansluter", "2024-09-01", KOMMUN).add("version", version(m)).build().toString()));
        assertEquals("2024-09-01", revised.getString("dueOn"));
        assertProblem(ADMIN.put(path, milestone("Verdandi ansluter", "2024-10-01", KOMMUN).add("version", version(m)).build().toString()), 409, "version");
        assertProblem(ADMIN.put(path, milestone("Inflytt 811218-9876", "2024-10-01", KOMMUN).build().toString()), 422, "title");
        assertProblem(ADMIN.put(path, milestone("Inflytt", "2024-10-01", KOMMUN).add("description", "Tolvan 121212-1212").build().toString()),
                422, "description");
        assertProblem(ADMIN.post("api/milestones", milestone("Hyresvärden", "2024-10-01", NYKOPINGSHEM).build().toString()), 422, "responsibleId");
        assertProblem(ADMIN.post("api/milestones", milestone(" ", "2024-10-01", KOMMUN).build().toString()), 400, "title");
        assertProblem(ADMIN.post("api/milestones", milestone("Utan datum", "2024-10-01", KOMMUN).remove("dueOn").build().toString()), 400, "dueOn");
        assertEquals("2024-09-01", Rows.value("select cast(due_on as varchar) from milestone where id = ?", id(m)));
        assertEquals(1L, ((Number) Rows.value("select count(*) from milestone where agreement_id = ?", agreementId)).longValue());
    }

    @Test
    void partnersReadTheirAgreementsMilestonesOnlyAndOnlyAdministratorsChangeThem() {
        JsonObject m = created(ADMIN.post("api/milestones", milestone("Förberedelser startar", "2023-11-30", KOMMUN).build().toString()));
        String path = "api/milestones/" + id(m);
        assertEquals(200, Api.demo("stadsmissionen").get(path).status());
        assertEquals(1, Api.demo("stadsmissionen").get("api/milestones?agreementId=" + agreementId).jsonArray().size());
        assertProblem(Api.demo("verdandi").get(path), 404, null);
        assertProblem(Api.demo("verdandi").get("api/milestones?agreementId=" + agreementId), 404, null);
        assertEquals(403, Api.demo("hyresvard").get(path).status());
        assertEquals(403, Api.demo("hyresvard").get("api/milestones?agreementId=" + agreementId).status());
        assertEquals(200, Api.demo("revisor").get(path).status());
        for (String user : List.of("stadsmissionen", "revisor", "ekonom")) {
            Api api = Api.demo(user);
            assertEquals(403, api.post("api/milestones", milestone("X", "2024-10-01", KOMMUN).build().toString()).status(), user);
            assertEquals(403, api.put(path, milestone("X", "2024-10-01", KOMMUN).build().toString()).status(), user);
            assertEquals(403, api.post(path + "/status", "{\"status\": \"IN_PROGRESS\"}").status(), user);
        }
        assertEquals("PLANNED", Rows.value("select status from milestone where id = ?", id(m)));
        assertProblem(ADMIN.get("api/milestones/999999999"), 404, null);
    }

    @Test
    void theDemoTellsTheNykopingMilestones() {
        long demo = ADMIN.get("api/agreements?q=" + java.net.URLEncoder.encode("fas 1", java.nio.charset.StandardCharsets.UTF_8))
                .json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("title").equals("Bostad först Nyköping – fas 1")).findFirst().map(a -> id(a)).orElseThrow();
        List<JsonObject> list = Api.demo("stadsmissionen").get("api/milestones?agreementId=" + demo).jsonArray().getValuesAs(JsonObject.class);
        JsonObject preparations = list.stream().filter(m -> m.getString("title").equals("Förberedelser startar")).findFirst().orElseThrow();
        assertEquals("DONE", preparations.getString("status"));
        assertTrue(preparations.getString("completedOn").startsWith("2023-"), "autumn 2023");
        JsonObject tenants = list.stream().filter(m -> m.getString("title").equals("Första hyresgästerna flyttar in")).findFirst().orElseThrow();
        assertTrue(tenants.getString("dueOn").startsWith("2024-0"), "spring 2024");
        assertTrue(list.stream().anyMatch(m -> m.getString("title").equals("Verdandi ansluter")));
        assertTrue(list.stream().anyMatch(m -> m.getBoolean("late")), "a late one stands out in the demo");
    }
}
