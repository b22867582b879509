package se.iop.api;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
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
import se.iop.it.Rows;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.FollowUpFixtures.activeWith;
import static se.iop.it.Fixtures.STADSMISSION;
import static se.iop.it.Fixtures.created;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.ok;
import static se.iop.it.Fixtures.version;
import static se.iop.it.Problems.assertProblem;

/**
 * Fidelity self-assessments through the API: the scale read from the database, the review workflow like a report's
 * and the lock after approval, sums per domain, scores off the scale and unknown items refused naming them, a second
 * assessment of the same year refused, nothing of a refusal stored, and who may see and do what.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FidelityApiIT {

    private static final Api ADMIN = Api.admin();
    private static final Api STADSMISSIONEN = Api.demo("stadsmissionen");
    private static final Api VERDANDI_USER = Api.demo("verdandi");
    private static final Api AUDITOR = Api.demo("revisor");
    private static final Api FINANCE = Api.demo("ekonom");
    private static final Api LANDLORD = Api.demo("hyresvard");

    private long agreementId;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void agreementInForce() {
        agreementId = id(activeWith(STADSMISSION));
    }

    /** Every item of the seeded scale with the given score. */
    private static List<String> items() {
        JsonObject scale = ok(STADSMISSIONEN.get("api/fidelity/scale"));
        List<String> codes = new ArrayList<>();
        scale.getJsonArray("domains").getValuesAs(JsonObject.class)
                .forEach(d -> d.getJsonArray("items").getValuesAs(JsonObject.class).forEach(i -> codes.add(i.getString("code"))));
        return codes;
    }

    private static JsonArrayBuilder scores(List<String> codes, int score) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        codes.forEach(c -> a.add(Json.createObjectBuilder().add("item", c).add("score", score).add("comment", "Om " + c)));
        return a;
    }

    private String create(int year, JsonArrayBuilder scores) {
        return Json.createObjectBuilder().add("agreementId", agreementId).add("year", year).add("scores", scores)
                .build().toString();
    }

    private static long count(String where, Object... params) {
        return ((Number) Rows.value("select count(*) from fidelity_assessment where " + where, params)).longValue();
    }

    @Test
    void theScaleIsTheSeededData() {
        JsonObject scale = ok(AUDITOR.get("api/fidelity/scale"));
        assertEquals(1, scale.getInt("min"));
        assertEquals(4, scale.getInt("max"));
        assertEquals(5, scale.getJsonArray("domains").size());
        assertEquals("Boendeprocess och boendestruktur", scale.getJsonArray("domains").getJsonObject(0).getString("name"));
        assertEquals(((Number) Rows.value("select count(*) from fidelity_item")).intValue(), items().size());
    }

    @Test
    void aDraftIsSubmittedReturnedCorrectedAndApprovedThenLocked() {
        List<String> codes = items();
        // A draft may have gaps; its sums count what is scored against the whole scale's maximum.
        JsonObject draft = created(STADSMISSIONEN.post("api/fidelity", create(2025, scores(codes.subList(0, 3), 4))));
        long id = id(draft);
        assertEquals("DRAFT", draft.getString("status"));
        assertEquals(12, draft.getInt("total"));
        assertEquals(codes.size() * 4, draft.getInt("max"));
        assertFalse(draft.getBoolean("complete"));
        assertEquals(12, draft.getJsonArray("domains").getJsonObject(0).getInt("score"));

        // Not complete: refused naming the first item without a score.
        JsonObject gap = assertProblem(STADSMISSIONEN.post("api/fidelity/" + id + "/submit", "{}"), 422, "score");
        assertTrue(gap.getString("detail").contains(codes.get(3)), gap.toString());
        assertProblem(ADMIN.post("api/fidelity/" + id + "/approve", "{}"), 409, "status");

        JsonObject full = ok(STADSMISSIONEN.put("api/fidelity/" + id, Json.createObjectBuilder()
                .add("scores", scores(codes, 3)).add("version", version(draft)).build().toString()));
        assertTrue(full.getBoolean("complete"));
        assertEquals(codes.size() * 3, full.getInt("total"));
        assertProblem(STADSMISSIONEN.put("api/fidelity/" + id, Json.createObjectBuilder()
                .add("scores", scores(codes, 2)).add("version", version(draft)).build().toString()), 409, "version");

        JsonObject submitted = ok(STADSMISSIONEN.post("api/fidelity/" + id + "/submit", "{\"version\": " + version(full) + "}"));
        assertEquals("SUBMITTED", submitted.getString("status"));
        assertEquals(403, STADSMISSIONEN.post("api/fidelity/" + id + "/approve", "{}").status());
        assertProblem(STADSMISSIONEN.put("api/fidelity/" + id, "{\"scores\": []}"), 409, "status");
        assertEquals(1L, ((Number) Rows.value("select count(*) from registry_entry where document_kind = 'FIDELITY_ASSESSMENT'"
                + " and document_id = ?", id)).longValue(), "received in the diary like a report");

        assertProblem(ADMIN.post("api/fidelity/" + id + "/return", "{\"comment\": \" \"}"), 400, "comment");
        JsonObject returned = ok(ADMIN.post("api/fidelity/" + id + "/return",
                "{\"comment\": \"Beskriv teamets bemanning.\", \"version\": " + version(submitted) + "}"));
        assertEquals("RETURNED", returned.getString("status"));
        assertEquals("Beskriv teamets bemanning.", returned.getString("reviewComment"));

        JsonObject corrected = ok(STADSMISSIONEN.put("api/fidelity/" + id, Json.createObjectBuilder()
                .add("scores", scores(codes, 4)).build().toString()));
        ok(STADSMISSIONEN.post("api/fidelity/" + id + "/submit", "{\"version\": " + version(corrected) + "}"));
        JsonObject approved = ok(ADMIN.post("api/fidelity/" + id + "/approve", "{}"));
        assertEquals("APPROVED", approved.getString("status"));
        assertEquals(codes.size() * 4, approved.getInt("total"));
        assertEquals(1L, ((Number) Rows.value("select count(*) from registry_entry where document_kind = 'FIDELITY_ASSESSMENT'"
                + " and document_id = ?", id)).longValue(), "handed in again, it keeps its entry");

        assertProblem(STADSMISSIONEN.put("api/fidelity/" + id, "{\"scores\": []}"), 409, "status");
        assertProblem(STADSMISSIONEN.post("api/fidelity/" + id + "/submit", "{}"), 409, "status");
        assertProblem(ADMIN.post("api/fidelity/" + id + "/return", "{\"comment\": \"Ändra\"}"), 409, "status");
        assertEquals("APPROVED", Rows.value("select status from fidelity_assessment where id = ?", id));
        assertTrue(((Number) Rows.value("select count(*) from fidelity_assessment_aud where id = ?", id)).longValue() >= 5,
                "every step is in the history");
        assertTrue(((Number) Rows.value("select count(*) from fidelity_score_aud s join fidelity_score f on f.id = s.id"
                + " where f.assessment_id = ?", id)).longValue() >= codes.size(), "the scores too");

        JsonArray list = ok2(AUDITOR.get("api/fidelity?agreementId=" + agreementId));
        assertEquals(1, list.size());
        assertEquals(2025, list.getJsonObject(0).getInt("year"));
    }

    @Test
    void aScoreOffTheScaleOrAnUnknownItemIsRefusedNamingItAndNothingIsStored() {
        List<String> codes = items();
        JsonArrayBuilder five = scores(codes.subList(0, 1), 3)
                .add(Json.createObjectBuilder().add("item", codes.get(1)).add("score", 5));
        JsonObject off = assertProblem(STADSMISSIONEN.post("api/fidelity", create(2025, five)), 422, "score");
        assertTrue(off.getString("detail").contains(codes.get(1)), off.toString());
        JsonObject zero = assertProblem(STADSMISSIONEN.post("api/fidelity", create(2025,
                Json.createArrayBuilder().add(Json.createObjectBuilder().add("item", codes.get(2)).add("score", 0)))), 422, "score");
        assertTrue(zero.getString("detail").contains(codes.get(2)), zero.toString());
        JsonObject unknown = assertProblem(STADSMISSIONEN.post("api/fidelity", create(2025,
                scores(List.of(codes.get(0), "X99"), 2))), 422, "item");
        assertTrue(unknown.getString("detail").contains("X99"), unknown.toString());
        assertProblem(STADSMISSIONEN.post("api/fidelity", create(2025, scores(List.of(codes.get(0), codes.get(0)), 2))), 422, "item");
        assertProblem(STADSMISSIONEN.post("api/fidelity", create(2019, scores(codes, 2))), 422, "year");
        assertProblem(STADSMISSIONEN.post("api/fidelity", "{\"agreementId\": " + agreementId + ", \"year\": 2025, \"score\": 1}"),
                400, "score");
        assertProblem(STADSMISSIONEN.post("api/fidelity", "{\"agreementId\": " + agreementId + ", \"year\": \"tjugo\"}"),
                400, "year");
        assertEquals(0L, count("agreement_id = ?", agreementId), "nothing half-written");
        assertEquals(0L, ((Number) Rows.value("select count(*) from fidelity_score s join fidelity_assessment a"
                + " on a.id = s.assessment_id where a.agreement_id = ?", agreementId)).longValue());

        // In an existing draft: the refusal leaves its scores as they were.
        JsonObject draft = created(STADSMISSIONEN.post("api/fidelity", create(2025, scores(codes.subList(0, 2), 2))));
        assertProblem(STADSMISSIONEN.put("api/fidelity/" + id(draft), Json.createObjectBuilder()
                .add("scores", scores(codes.subList(0, 1), 3).add(Json.createObjectBuilder().add("item", codes.get(1))
                        .add("score", 9))).build().toString()), 422, "score");
        assertEquals(4, ok(STADSMISSIONEN.get("api/fidelity/" + id(draft))).getInt("total"));
    }

    @Test
    void aSecondAssessmentForTheSameAgreementAndYearIsAConflict() {
        List<String> codes = items();
        created(STADSMISSIONEN.post("api/fidelity", create(2024, scores(codes, 2))));
        JsonObject twice = assertProblem(STADSMISSIONEN.post("api/fidelity", create(2024, scores(codes, 3))), 409, "year");
        assertTrue(twice.getString("detail").contains("2024"), twice.toString());
        assertEquals(1L, count("agreement_id = ? and year = 2024", agreementId));
        created(STADSMISSIONEN.post("api/fidelity", create(2025, scores(codes, 3))));
        assertEquals(2, ok2(STADSMISSIONEN.get("api/fidelity?agreementId=" + agreementId)).size());
    }

    @Test
    void eachRoleSeesAndDoesOnlyWhatItMay() {
        List<String> codes = items();
        JsonObject draft = created(STADSMISSIONEN.post("api/fidelity", create(2025, scores(codes, 3))));
        long id = id(draft);
        String missing = assertProblem(VERDANDI_USER.get("api/fidelity/999999999"), 404, null).toString();
        // Another partner: the assessment does not exist to it, nor the agreement it is no party to.
        assertEquals(missing, assertProblem(VERDANDI_USER.get("api/fidelity/" + id), 404, null).toString());
        assertProblem(VERDANDI_USER.put("api/fidelity/" + id, "{\"scores\": []}"), 404, null);
        assertProblem(VERDANDI_USER.post("api/fidelity/" + id + "/submit", "{}"), 404, null);
        assertProblem(VERDANDI_USER.get("api/fidelity?agreementId=" + agreementId), 404, null);
        assertProblem(VERDANDI_USER.post("api/fidelity", create(2026, scores(codes, 3))), 404, null);
        // Landlords have no part in it at all.
        assertEquals(403, LANDLORD.get("api/fidelity/" + id).status());
        assertEquals(403, LANDLORD.get("api/fidelity/scale").status());
        assertEquals(403, LANDLORD.get("api/fidelity?agreementId=" + agreementId).status());
        // Finance and auditors read; only the partner writes and only an administrator decides.
        assertEquals(3 * codes.size(), ok(AUDITOR.get("api/fidelity/" + id)).getInt("total"));
        assertEquals(1, ok2(FINANCE.get("api/fidelity?agreementId=" + agreementId)).size());
        assertEquals(403, AUDITOR.put("api/fidelity/" + id, "{\"scores\": []}").status());
        assertEquals(403, FINANCE.post("api/fidelity/" + id + "/submit", "{}").status());
        assertEquals(403, ADMIN.post("api/fidelity", create(2026, scores(codes, 3))).status());
        ok(STADSMISSIONEN.post("api/fidelity/" + id + "/submit", "{}"));
        assertEquals(403, AUDITOR.post("api/fidelity/" + id + "/approve", "{}").status());
        assertEquals(403, FINANCE.post("api/fidelity/" + id + "/return", "{\"comment\": \"Nej\"}").status());
        assertEquals("SUBMITTED", Rows.value("select status from fidelity_assessment where id = ?", id));
        assertEquals(401, Api.anonymous().get("api/fidelity/" + id).status());
    }

    @Test
    void theCommitteeReportHasTheApprovedAssessmentsOfThePeriodsYears() throws Exception {
        List<String> codes = items();
        JsonObject y2024 = created(STADSMISSIONEN.post("api/fidelity", create(2024, scores(codes, 2))));
        ok(STADSMISSIONEN.post("api/fidelity/" + id(y2024) + "/submit", "{}"));
        ok(ADMIN.post("api/fidelity/" + id(y2024) + "/approve", "{}"));
        JsonObject y2025 = created(STADSMISSIONEN.post("api/fidelity", create(2025, scores(codes, 4))));
        ok(STADSMISSIONEN.post("api/fidelity/" + id(y2025) + "/submit", "{}")); // handed in, not approved: left out

        java.net.http.HttpResponse<byte[]> csv = se.iop.it.FollowUpFixtures.download("ekonom",
                "api/committee-reports/" + agreementId + "/csv?from=2024-01-01&to=2025-12-31");
        assertEquals(200, csv.statusCode());
        String text = new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8);
        int max = 4 * codes.size();
        assertTrue(text.contains("programtrohet 2024;totalt;" + 2 * codes.size() + ";av " + max + " (50,0 %), " + STADSMISSION), text);
        assertTrue(text.contains("programtrohet 2024;Boendeprocess och boendestruktur;8;av 16"), text);
        assertFalse(text.contains("programtrohet 2025"), text);

        java.net.http.HttpResponse<byte[]> pdf = se.iop.it.FollowUpFixtures.download("revisor",
                "api/committee-reports/" + agreementId + "/pdf?from=2024-01-01&to=2025-12-31");
        assertEquals(200, pdf.statusCode());
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String pdfText = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replace('\u00a0', ' ');
            assertTrue(pdfText.contains("7. Programtrohet"), pdfText);
            assertTrue(pdfText.contains("Totalt " + 2 * codes.size() + " av " + max + " (50,0 %)"), pdfText);
        }
    }

    private static JsonArray ok2(Api.Reply r) {
        assertEquals(200, r.status(), r.body());
        return Json.createReader(new java.io.StringReader(r.body())).readArray();
    }
}
