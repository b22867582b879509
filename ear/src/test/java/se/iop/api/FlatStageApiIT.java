package se.iop.api;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.iop.it.Api;
import se.iop.it.Deployments;
import se.iop.it.Fixtures;
import se.iop.it.LandlordFixtures;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Fixtures.created;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.ok;
import static se.iop.it.Problems.assertProblem;

/**
 * A flat's way from offer to home over the API: forward one stage at a time, back and off the way only with
 * a reason, no date before the previous stage's, a stale version 409, a withdrawal that keeps the flat and its
 * history; a landlord sees its own flats' stages and no other's; only administrators move flats.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FlatStageApiIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private final Api admin = Api.admin();

    /** A new company landlord with one flat offered from 10 January 2026: the landlord and the flat's id. */
    private long[] landlordWithFlat() {
        JsonObject l = LandlordFixtures.company(LandlordFixtures.email("flat"));
        JsonObject withFlat = created(admin.post("api/landlords/" + id(l) + "/flats", Json.createObjectBuilder()
                .add("address", Fixtures.unique("Stegvägen 1")).add("areaSqm", 33.5).add("rooms", 1)
                .add("availableFrom", "2026-01-10").build().toString()));
        return new long[] {id(l), id(withFlat.getJsonArray("flats").getJsonObject(0)),
                withFlat.getJsonNumber("organisationId").longValue()};
    }

    private static String stages(long[] f) {
        return "api/landlords/" + f[0] + "/flats/" + f[1] + "/stages";
    }

    private static String step(String stage, String date, String reason, Long version) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        if (stage != null) {
            b.add("stage", stage);
        }
        if (date != null) {
            b.add("date", date);
        }
        if (reason != null) {
            b.add("reason", reason);
        }
        if (version != null) {
            b.add("version", version);
        }
        return b.build().toString();
    }

    private static JsonObject refused(int status, String field, Supplier<Api.Reply> request) {
        Map<String, Long> before = LandlordFixtures.rows();
        JsonObject problem = assertProblem(request.get(), status, field);
        assertEquals(before, LandlordFixtures.rows(), "the database changed");
        return problem;
    }

    private static List<String> tos(JsonObject s) {
        return s.getJsonArray("steps").getValuesAs(JsonObject.class).stream().map(o -> o.getString("to")).toList();
    }

    @Test
    void forwardOneStageAtATimeAndBackOnlyWithAReason() {
        long[] f = landlordWithFlat();
        Api.Reply read = admin.get(stages(f));
        JsonObject offered = ok(read);
        assertEquals("OFFERED", offered.getString("stage"));
        assertEquals("2026-01-10", offered.getString("stageOn"), "offered on the day it is available from");
        assertEquals(List.of("OFFERED"), tos(offered));
        assertTrue(read.header("ETag") != null, "an ETag to move on from");

        JsonObject matched = ok(admin.post(stages(f), step("MATCHED", "2026-01-20", null, Fixtures.version(offered))));
        assertEquals("MATCHED", matched.getString("stage"));
        assertEquals("2026-01-20", matched.getString("stageOn"));
        JsonObject last = matched.getJsonArray("steps").getJsonObject(1);
        assertEquals("OFFERED", last.getString("from"));
        assertEquals("admin", last.getString("by"));

        refused(409, "stage", () -> admin.post(stages(f), step("LEASE_TAKEN_OVER", "2026-02-01", "hoppa", null)));
        refused(409, "stage", () -> admin.post(stages(f), step("MATCHED", "2026-02-01", null, null)));
        JsonObject moved = ok(admin.post(stages(f), step("MOVED_IN", "2026-02-01", null, null)));
        assertEquals("MOVED_IN", moved.getString("stage"));

        refused(422, "reason", () -> admin.post(stages(f), step("MATCHED", "2026-02-02", null, null)));
        refused(422, "reason", () -> admin.post(stages(f), step("MATCHED", "2026-02-02", "   ", null)));
        JsonObject back = ok(admin.post(stages(f), step("MATCHED", "2026-02-02", "Inflyttningen sköts upp", null)));
        assertEquals("MATCHED", back.getString("stage"));
        assertEquals("Inflyttningen sköts upp", back.getJsonArray("steps").getJsonObject(3).getString("reason"));
        assertEquals(List.of("OFFERED", "MATCHED", "MOVED_IN", "MATCHED"), tos(ok(admin.get(stages(f)))));

        // No tenant data: the flat and its steps carry none.
        Api.Reply landlord = admin.get("api/landlords/" + f[0]);
        JsonObject flat = ok(landlord).getJsonArray("flats").getJsonObject(0);
        assertEquals("MATCHED", flat.getString("stage"));
        assertEquals("2026-02-02", flat.getString("stageOn"));
    }

    @Test
    void badDatesAndStagesAreRefusedNamingTheField() {
        long[] f = landlordWithFlat();
        refused(422, "date", () -> admin.post(stages(f), step("MATCHED", "2026-01-09", null, null)));
        refused(422, "date", () -> admin.post(stages(f), step("MATCHED", null, null, null)));
        refused(422, "stage", () -> admin.post(stages(f), step(null, "2026-01-12", null, null)));
        refused(400, "date", () -> admin.post(stages(f), step("MATCHED", "2026-13-01", null, null)));
        Map<String, Long> before = LandlordFixtures.rows();
        refused(400, "stage", () -> admin.post(stages(f), step("MOVING", "2026-01-12", null, null)));
        assertEquals(before, LandlordFixtures.rows());
        refused(400, "reason", () -> admin.post(stages(f), step("WITHDRAWN", "2026-01-12", "x".repeat(501), null)));
        refused(404, null, () -> admin.post("api/landlords/" + f[0] + "/flats/" + (f[1] + 100000) + "/stages",
                step("MATCHED", "2026-01-12", null, null)));
        assertEquals("OFFERED", ok(admin.get(stages(f))).getString("stage"));
    }

    @Test
    void aStaleVersionIsAConflict() {
        long[] f = landlordWithFlat();
        JsonObject offered = ok(admin.get(stages(f)));
        ok(admin.post(stages(f), step("MATCHED", "2026-01-20", null, Fixtures.version(offered))));
        refused(409, "version", () -> admin.post(stages(f), step("MOVED_IN", "2026-01-25", null, Fixtures.version(offered))));
    }

    @Test
    void withdrawingKeepsTheFlatAndItsHistory() {
        long[] f = landlordWithFlat();
        ok(admin.post(stages(f), step("MATCHED", "2026-01-20", null, null)));
        JsonObject after = ok(admin.delete("api/landlords/" + f[0] + "/flats/" + f[1]));
        JsonObject flat = after.getJsonArray("flats").getJsonObject(0);
        assertEquals(f[1], id(flat), "the flat stays");
        assertEquals("WITHDRAWN", flat.getString("stage"));
        JsonObject s = ok(admin.get(stages(f)));
        assertEquals(List.of("OFFERED", "MATCHED", "WITHDRAWN"), tos(s));
        assertFalse(s.getJsonArray("steps").getJsonObject(2).getString("reason").isBlank(), "withdrawn for a reason");
        assertEquals(1L, ((Number) se.iop.it.Rows.value("select count(*) from offered_flat where id = ?", f[1])).longValue());

        refused(409, "stage", () -> admin.delete("api/landlords/" + f[0] + "/flats/" + f[1]));
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Stockholm")).toString();
        refused(422, "reason", () -> admin.post(stages(f), step("OFFERED", today, null, null)));
        JsonObject corrected = ok(admin.post(stages(f), step("OFFERED", today, "Återtagen av misstag", null)));
        assertEquals("OFFERED", corrected.getString("stage"));

        long[] g = landlordWithFlat();
        JsonObject reasoned = ok(admin.delete("api/landlords/" + g[0] + "/flats/" + g[1] + "?reason=S%C3%A5ld"));
        assertEquals("WITHDRAWN", reasoned.getJsonArray("flats").getJsonObject(0).getString("stage"));
        JsonArray steps = ok(admin.get(stages(g))).getJsonArray("steps");
        assertEquals("Såld", steps.getJsonObject(1).getString("reason"));
    }

    @Test
    void aLandlordSeesItsOwnFlatsStagesAndNoOthers() {
        long[] mine = landlordWithFlat();
        long[] other = landlordWithFlat();
        ok(admin.post(stages(mine), step("MATCHED", "2026-01-20", null, null)));
        Api landlord = LandlordFixtures.landlordUser(mine[2]).api();

        Api.Reply flats = landlord.get("api/portal/flats");
        assertEquals(200, flats.status(), flats.body());
        List<JsonObject> seen = flats.jsonArray().getValuesAs(JsonObject.class);
        assertEquals(List.of(mine[1]), seen.stream().map(o -> o.getJsonNumber("flatId").longValue()).toList());
        assertEquals("MATCHED", seen.get(0).getString("stage"));
        assertEquals("2026-01-20", seen.get(0).getString("stageOn"));
        assertFalse(flats.body().contains("admin"), "who recorded a step is not the landlord's business");

        assertEquals(403, landlord.get(stages(other)).status());
        assertEquals(403, landlord.get(stages(mine)).status(), "the register's view is the staff's");
        refused(403, null, () -> landlord.post(stages(mine), step("MOVED_IN", "2026-01-25", null, null)));
        refused(403, null, () -> Api.demo("ekonom").post(stages(mine), step("MOVED_IN", "2026-01-25", null, null)));
        assertEquals(403, Api.demo("ekonom").get("api/portal/flats").status());
    }
}
