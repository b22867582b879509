package se.iop.api;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.iop.it.Api;
import se.iop.it.Deployments;
import se.iop.it.Documents;
import se.iop.it.Rows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Fixtures.STADSMISSION;
import static se.iop.it.Fixtures.created;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.ok;
import static se.iop.it.FollowUpFixtures.PDF_TYPE;
import static se.iop.it.FollowUpFixtures.activeWith;
import static se.iop.it.FollowUpFixtures.download;
import static se.iop.it.FollowUpFixtures.pdf;
import static se.iop.it.Problems.assertProblem;

/**
 * Evidence on a fidelity self-assessment through the API, by the rules a report's attachments follow: the size, type and
 * content checks and the refusal of a personal identity number, nothing stored of a refusal; evidence for one item or the
 * whole; taken only while the partner may change the assessment; registered in the diary when handed in; read by the
 * partner itself, administrators and auditors, not by finance, landlords or another partner (to whom it does not
 * exist); and disposed of by the document plan like a report's attachment.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FidelityEvidenceIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Api ADMIN = Api.admin();
    private static final Api STADSMISSIONEN = Api.demo("stadsmissionen");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    /** A new draft of the given year on a new agreement of Stadsmissionen's, every item scored. */
    private static long draft(long agreementId, int year) {
        JsonArrayBuilder scores = Json.createArrayBuilder();
        Rows.values("select code from fidelity_item").forEach(c -> scores.add(Json.createObjectBuilder()
                .add("item", String.valueOf(c)).add("score", 3)));
        return id(created(STADSMISSIONEN.post("api/fidelity", Json.createObjectBuilder().add("agreementId", agreementId)
                .add("year", year).add("scores", scores).build().toString())));
    }

    private static Api.Reply upload(String username, long assessmentId, String item, String filename, String contentType,
                                    byte[] bytes) {
        String query = "filename=" + URLEncoder.encode(filename, StandardCharsets.UTF_8)
                + (item == null ? "" : "&item=" + URLEncoder.encode(item, StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(Api.base().resolve("api/fidelity/" + assessmentId + "/attachments?" + query))
                .timeout(Duration.ofSeconds(60)).header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((username + ":bostadforst").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Reply(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void evidenceFollowsTheAttachmentRulesOnlyWhileEditableAndIsReadOnlyByThoseWhoMay() {
        long agreementId = id(activeWith(STADSMISSION));
        long id = draft(agreementId, 2025);
        long contentBefore = Rows.count("select count(*) from attachment_content");

        assertProblem(upload("stadsmissionen", id, null, "stor.pdf", PDF_TYPE, Arrays.copyOf(pdf(), 5 * 1024 * 1024 + 1)), 422, "file");
        assertProblem(upload("stadsmissionen", id, null, "bild.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 1}), 422, "file");
        assertProblem(upload("stadsmissionen", id, null, "falsk.pdf", PDF_TYPE, "<script>alert(1)</script>".getBytes()), 422, "file");
        assertProblem(upload("stadsmissionen", id, null, "tom.pdf", PDF_TYPE, new byte[0]), 422, "file");
        JsonObject person = assertProblem(upload("stadsmissionen", id, null, "lista.pdf", PDF_TYPE,
                Documents.pdf("Bemanning", "Hyresgäst 811218-9876 har stöd")), 422, "file");
        assertTrue(person.getString("detail").toLowerCase().contains("person"), person.toString());
        assertProblem(upload("stadsmissionen", id, "Z9", "rutin.pdf", PDF_TYPE, pdf()), 422, "item");
        assertEquals(0L, Rows.count("select count(*) from fidelity_attachment where assessment_id = ?", id), "nothing of a refusal");
        assertEquals(contentBefore, Rows.count("select count(*) from attachment_content"));

        Api.Reply whole = upload("stadsmissionen", id, null, "Rutin för boendestöd.pdf", PDF_TYPE, pdf());
        assertEquals(201, whole.status(), whole.body());
        assertTrue(!whole.json().containsKey("item") || whole.json().isNull("item"), "for the whole: " + whole.body());
        long wholeId = whole.json().getJsonNumber("id").longValue();
        Api.Reply forItem = upload("stadsmissionen", id, "a1", "Val av bostad.docx", Documents.DOCX, Documents.docx("Hyresgästen väljer"));
        assertEquals(201, forItem.status(), forItem.body());
        assertEquals("A1", forItem.json().getString("item"));
        long itemId = forItem.json().getJsonNumber("id").longValue();
        assertEquals(2, ok(STADSMISSIONEN.get("api/fidelity/" + id)).getJsonArray("attachments").size());

        String path = "api/fidelity/" + id + "/attachments/" + wholeId;
        HttpResponse<byte[]> file = download("stadsmissionen", path);
        assertEquals(200, file.statusCode());
        assertArrayEquals(pdf(), file.body());
        assertEquals(PDF_TYPE, file.headers().firstValue("Content-Type").orElse(""));
        assertTrue(file.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"));
        assertEquals(200, download("handlaggare", path).statusCode());
        assertEquals(200, download("revisor", path).statusCode());
        assertEquals(403, download("ekonom", path).statusCode(), "finance reads the assessment, not its evidence");
        assertEquals(403, download("hyresvard", path).statusCode());
        assertEquals(404, download("verdandi", path).statusCode(), "another partner's does not exist to it");
        assertEquals(404, download("stadsmissionen", "api/fidelity/" + id + "/attachments/987654321").statusCode());
        assertEquals(2, ok(Api.demo("ekonom").get("api/fidelity/" + id)).getJsonArray("attachments").size(),
                "finance sees that it is there");
        assertProblem(upload("verdandi", id, null, "a.pdf", PDF_TYPE, pdf()), 404, null);
        assertEquals(403, upload("handlaggare", id, null, "a.pdf", PDF_TYPE, pdf()).status());
        assertProblem(Api.demo("verdandi").delete("api/fidelity/" + id + "/attachments/" + itemId), 404, null);

        assertEquals(204, STADSMISSIONEN.delete("api/fidelity/" + id + "/attachments/" + itemId).status());
        assertEquals(1, ok(STADSMISSIONEN.get("api/fidelity/" + id)).getJsonArray("attachments").size());
        assertEquals(contentBefore + 1, Rows.count("select count(*) from attachment_content"), "the removed file's bytes are gone too");

        // Handed in: no more evidence, none removed; what it has is received in the diary with it.
        JsonObject submitted = ok(STADSMISSIONEN.post("api/fidelity/" + id + "/submit", "{}"));
        assertProblem(upload("stadsmissionen", id, null, "sen.pdf", PDF_TYPE, pdf()), 409, "status");
        assertProblem(STADSMISSIONEN.delete("api/fidelity/" + id + "/attachments/" + wholeId), 409, "status");
        assertEquals(1L, Rows.count("select count(*) from registry_entry where document_kind = 'FIDELITY_ATTACHMENT'"
                + " and document_id = ? and direction = 'INCOMING'", wholeId));
        assertTrue(((String) Rows.value("select description from registry_entry where document_kind = 'FIDELITY_ATTACHMENT'"
                + " and document_id = ?", wholeId)).contains("Rutin för boendestöd.pdf"));

        // Returned: evidence may be added again; handed in again, the new file gets its entry, the first keeps its own.
        ok(ADMIN.post("api/fidelity/" + id + "/return", Json.createObjectBuilder().add("comment", "Bifoga bemanningen")
                .add("version", submitted.getJsonNumber("version").longValue()).build().toString()));
        Api.Reply later = upload("stadsmissionen", id, "E1", "Bemanning.pdf", PDF_TYPE, Documents.pdf("Bemanning", "Fem heltider"));
        assertEquals(201, later.status(), later.body());
        ok(STADSMISSIONEN.post("api/fidelity/" + id + "/submit", "{}"));
        assertEquals(2L, Rows.count("select count(*) from registry_entry where document_kind = 'FIDELITY_ATTACHMENT'"
                + " and document_id in (?, ?)", wholeId, later.json().getJsonNumber("id").longValue()));
        ok(ADMIN.post("api/fidelity/" + id + "/approve", "{}"));
        assertProblem(upload("stadsmissionen", id, null, "godkänd.pdf", PDF_TYPE, pdf()), 409, "status");
        assertEquals(200, download("revisor", path).statusCode(), "approved, it is still read");
        assertTrue(Rows.count("select count(*) from fidelity_attachment_aud where id = ?", wholeId) > 0, "the history has it");
    }

    @Test
    void theDocumentPlanDisposesOfEvidenceLikeAReportsAttachment() {
        long agreementId = id(activeWith(STADSMISSION));
        long id = draft(agreementId, 2024);
        Api.Reply stored = upload("stadsmissionen", id, null, "Protokoll.pdf", PDF_TYPE, pdf());
        assertEquals(201, stored.status(), stored.body());
        long attachmentId = stored.json().getJsonNumber("id").longValue();
        JsonObject plan = ok2(ADMIN.get("api/retention/plan")).stream().map(v -> v.asJsonObject())
                .filter(p -> p.getString("documentType").equals("FIDELITY_ATTACHMENT")).findFirst().orElseThrow();
        assertEquals("AFTER_AGREEMENT_END", plan.getString("retention"));
        assertEquals(2, plan.getInt("years"), "as a report's attachments");
        // The agreement ended long ago: its evidence is due for disposal.
        Rows.update("update agreement set status = 'ENDED', start_date = date '2013-01-01', end_date = date '2014-12-31'"
                + " where id = ?", agreementId);
        JsonObject due = ok2(ADMIN.get("api/retention/preview")).stream().map(v -> v.asJsonObject())
                .filter(d -> d.getString("documentType").equals("FIDELITY_ATTACHMENT")
                        && d.getJsonNumber("recordId").longValue() == attachmentId).findFirst().orElseThrow();
        assertEquals("2016-12-31", due.getString("dueOn"));
        JsonObject act = created(ADMIN.post("api/retention/disposals", Json.createObjectBuilder().add("items",
                Json.createArrayBuilder().add(Json.createObjectBuilder().add("documentType", "FIDELITY_ATTACHMENT")
                        .add("recordId", attachmentId))).build().toString()));
        assertEquals(1, act.getInt("items"));
        assertEquals(0L, Rows.count("select length(c.bytes) from attachment_content c join fidelity_attachment a"
                + " on a.content_id = c.id where a.id = ?", attachmentId));
        JsonObject listed = ok(STADSMISSIONEN.get("api/fidelity/" + id)).getJsonArray("attachments").getJsonObject(0);
        assertEquals("Protokoll.pdf", listed.getString("filename"), "the record stays");
        assertTrue(!listed.isNull("disposedOn"), listed.toString());
        assertProblem(Api.demo("stadsmissionen").get("api/fidelity/" + id + "/attachments/" + attachmentId), 409, "attachment");
        assertNull(ok2(ADMIN.get("api/retention/preview")).stream().map(v -> v.asJsonObject())
                .filter(d -> d.getString("documentType").equals("FIDELITY_ATTACHMENT")
                        && d.getJsonNumber("recordId").longValue() == attachmentId).findFirst().orElse(null));
    }

    private static List<jakarta.json.JsonValue> ok2(Api.Reply r) {
        assertEquals(200, r.status(), r.body());
        return r.jsonArray();
    }
}
