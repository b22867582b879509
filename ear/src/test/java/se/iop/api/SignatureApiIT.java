package se.iop.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Fixtures.KOMMUN;
import static se.iop.it.Fixtures.STADSMISSION;
import static se.iop.it.Fixtures.VERDANDI;
import static se.iop.it.Fixtures.created;
import static se.iop.it.Fixtures.decided;
import static se.iop.it.Fixtures.editable;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.ok;
import static se.iop.it.FollowUpFixtures.download;
import static se.iop.it.Problems.assertProblem;

/**
 * Signing through the API: the PDF to sign, signatures on paper and as uploaded PDFs (checksum kept and checked on
 * the way out, registered in the diary), ACTIVE only when every party has signed, bad input naming the field with
 * nothing stored, and who may record and read.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignatureApiIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final byte[] SIGNED_PDF = Documents.pdf("Avtal om idéburet offentligt partnerskap", "Underskrivet av Erik Exempel");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void activeNeedsEveryPartysSignatureAndNamesTheOneMissing() throws Exception {
        JsonObject a = decided(STADSMISSION);
        long id = id(a);
        List<JsonObject> parties = signatures(Api.admin(), id);
        assertEquals(2, parties.size());
        assertTrue(parties.stream().allMatch(p -> p.getBoolean("required") && unsigned(p)));

        JsonObject refused = assertProblem(activate(a), 422, "signatures");
        assertTrue(refused.getString("detail").contains(KOMMUN) && refused.getString("detail").contains(STADSMISSION),
                refused.toString());
        assertEquals("DECIDED", ok(Api.admin().get("api/agreements/" + id)).getString("status"));

        JsonObject kommun = party(parties, KOMMUN);
        JsonObject paper = created(Api.admin().post("api/agreements/" + id + "/signatures", paper(number(kommun, "partyId"),
                "Anna Exempel, förvaltningschef", "2023-12-20")));
        assertEquals("PAPER", paper.getString("method"));
        assertEquals("Anna Exempel, förvaltningschef", paper.getString("signedBy"));
        assertEquals("2023-12-20", paper.getString("signedOn"));
        assertEquals("admin", paper.getString("recordedBy"));
        assertProblem(Api.admin().post("api/agreements/" + id + "/signatures", paper(number(kommun, "partyId"), "Anna", "2023-12-21")),
                409, "partyId");

        refused = assertProblem(activate(ok(Api.admin().get("api/agreements/" + id))), 422, "signatures");
        assertTrue(refused.getString("detail").contains(STADSMISSION), refused.toString());
        assertFalse(refused.getString("detail").contains(KOMMUN), refused.toString());

        long stadsmission = number(party(parties, STADSMISSION), "partyId");
        long contentBefore = Rows.rowsOf("attachment_content");
        assertProblem(upload(id, stadsmission, "Erik", "2023-12-22", "avtal.txt", "text/plain",
                "Underskrivet".getBytes(StandardCharsets.UTF_8)), 422, "file");
        assertProblem(upload(id, stadsmission, "Erik", "2023-12-22", "avtal.pdf", "application/pdf",
                Documents.pdf("Erik Exempel 811218-9876")), 422, "file");
        assertProblem(upload(id, stadsmission, "Erik", "2023-12-22", "avtal.pdf", "application/pdf", new byte[0]), 422, "file");
        assertProblem(upload(id, stadsmission, "Erik", "2023-12-22", "avtal.pdf", "application/pdf",
                new byte[5 * 1024 * 1024 + 1]), 422, "file");
        assertProblem(upload(id, stadsmission, "Erik", "21 december", "avtal.pdf", "application/pdf", SIGNED_PDF), 422, "signedOn");
        assertEquals(contentBefore, Rows.rowsOf("attachment_content"));

        JsonObject uploaded = created(upload(id, stadsmission, "Erik Exempel, verksamhetsledare", "2023-12-22",
                "Avtal signerat.pdf", "application/pdf", SIGNED_PDF));
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(SIGNED_PDF));
        assertEquals("UPLOAD", uploaded.getString("method"));
        assertEquals("Avtal signerat.pdf", uploaded.getString("filename"));
        assertEquals(sha256, uploaded.getString("sha256"));
        assertEquals(SIGNED_PDF.length, uploaded.getJsonNumber("sizeBytes").longValue());
        long signatureId = number(uploaded, "signatureId");
        assertEquals(sha256, Rows.value("select sha256 from agreement_signature where id = ?", signatureId));
        assertArrayEquals(SIGNED_PDF, (byte[]) Rows.value("select c.bytes from attachment_content c"
                + " join agreement_signature s on s.content_id = c.id where s.id = ?", signatureId));
        // A document received from the party: in the diary, as the list says.
        String number = uploaded.getString("diaryNumber");
        assertEquals(number, Rows.value("select number from registry_entry where document_kind = 'SIGNED_AGREEMENT'"
                + " and document_id = ? and direction = 'INCOMING'", signatureId));
        assertEquals(number, party(signatures(Api.admin(), id), STADSMISSION).getString("diaryNumber"));

        HttpResponse<byte[]> document = download("handlaggare", documentPath(id, signatureId));
        assertEquals(200, document.statusCode());
        assertArrayEquals(SIGNED_PDF, document.body());
        assertEquals("sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)) + ":",
                document.headers().firstValue("Repr-Digest").orElseThrow());

        JsonObject active = ok(activate(ok(Api.admin().get("api/agreements/" + id))));
        assertEquals("ACTIVE", active.getString("status"));
        // Signed once a party has: not again, not in another way.
        assertProblem(upload(id, stadsmission, "Erik", "2023-12-22", "igen.pdf", "application/pdf", SIGNED_PDF), 409, "partyId");
        assertEquals(2L, Rows.value("select count(*) from agreement_signature where agreement_id = ?", id));
    }

    @Test
    void aPartyNotInTheAgreementIsRefusedNamingTheFieldAndNothingIsStored() {
        long id = id(decided(STADSMISSION));
        long otherParty = number(party(signatures(Api.admin(), id(decided(VERDANDI))), VERDANDI), "partyId");
        long signaturesBefore = Rows.rowsOf("agreement_signature");
        long contentBefore = Rows.rowsOf("attachment_content");
        long diaryBefore = Rows.rowsOf("registry_entry");

        assertProblem(Api.admin().post("api/agreements/" + id + "/signatures", paper(otherParty, "Sara", "2023-12-20")),
                422, "partyId");
        assertProblem(Api.admin().post("api/agreements/" + id + "/signatures", paper(987654321L, "Sara", "2023-12-20")),
                422, "partyId");
        assertProblem(upload(id, otherParty, "Sara", "2023-12-20", "avtal.pdf", "application/pdf", SIGNED_PDF), 422, "partyId");
        assertProblem(Api.admin().post("api/agreements/" + id + "/signatures", "{\"signedBy\": \"Sara\", \"signedOn\": \"2023-12-20\"}"),
                400, "partyId");
        long kommun = number(party(signatures(Api.admin(), id), KOMMUN), "partyId");
        String tomorrow = LocalDate.now(ZoneId.of("Europe/Stockholm")).plusDays(1).toString();
        assertProblem(Api.admin().post("api/agreements/" + id + "/signatures", paper(kommun, "Anna", tomorrow)), 422, "signedOn");
        assertProblem(Api.admin().post("api/agreements/" + id + "/signatures", paper(kommun, "Anna 811218-9876", "2023-12-20")),
                422, "signedBy");

        assertEquals(signaturesBefore, Rows.rowsOf("agreement_signature"));
        assertEquals(contentBefore, Rows.rowsOf("attachment_content"));
        assertEquals(diaryBefore, Rows.rowsOf("registry_entry"));
    }

    @Test
    void onceAPartyHasSignedTheTitleAndClausesAreAsSignedAndAChangeIsRefusedNamingTheField() {
        JsonObject a = decided(STADSMISSION);
        long id = id(a);
        // Before any signature a decided agreement's text may still change.
        a = ok(Api.admin().put("api/agreements/" + id, editable(a).add("goals", "Mål före underskrift").build().toString()));
        long kommun = number(party(signatures(Api.admin(), id), KOMMUN), "partyId");
        created(Api.admin().post("api/agreements/" + id + "/signatures", paper(kommun, "Anna Exempel", "2023-12-20")));
        a = ok(Api.admin().get("api/agreements/" + id));

        assertProblem(Api.admin().put("api/agreements/" + id, editable(a).add("goals", "Andra mål").build().toString()),
                409, "goals");
        assertProblem(Api.admin().put("api/agreements/" + id, editable(a).add("title", "Ny titel").build().toString()),
                409, "title");
        assertEquals("Mål före underskrift", Rows.value("select goals from agreement where id = ?", id));
        assertEquals(a.getString("title"), Rows.value("select title from agreement where id = ?", id));

        // The same words with another end date: taken.
        JsonObject saved = ok(Api.admin().put("api/agreements/" + id, editable(a).add("endDate", "2026-06-30").build().toString()));
        assertEquals("2026-06-30", saved.getString("endDate"));
        assertEquals("Mål före underskrift", saved.getString("goals"));
    }

    @Test
    void aDraftIsNotSigned() {
        JsonObject draft = se.iop.it.Fixtures.draftWith(STADSMISSION);
        long party = number(party(signatures(Api.admin(), id(draft)), KOMMUN), "partyId");
        assertProblem(Api.admin().post("api/agreements/" + id(draft) + "/signatures", paper(party, "Anna", "2023-12-20")),
                409, "status");
    }

    @Test
    void aDocumentChangedSinceItWasUploadedIsNotHandedOut() {
        long id = id(decided(STADSMISSION));
        long kommun = number(party(signatures(Api.admin(), id), KOMMUN), "partyId");
        long signatureId = number(created(upload(id, kommun, "Anna", "2023-12-20", "avtal.pdf", "application/pdf", SIGNED_PDF)),
                "signatureId");
        assertEquals(200, download("revisor", documentPath(id, signatureId)).statusCode());
        Rows.update("update attachment_content set bytes = ? where id = (select content_id from agreement_signature where id = ?)",
                Arrays.copyOf(SIGNED_PDF, SIGNED_PDF.length - 1), signatureId);
        HttpResponse<byte[]> refused = download("revisor", documentPath(id, signatureId));
        assertEquals(409, refused.statusCode());
        assertTrue(new String(refused.body(), StandardCharsets.UTF_8).contains("\"field\":\"sha256\""),
                new String(refused.body(), StandardCharsets.UTF_8));
    }

    @Test
    void theAgreementToSignIsAPdfWithClausesPartiesDecisionsBudgetAndSignatureBlocks() throws IOException {
        long id = id(decided(STADSMISSION));
        JsonObject agreement = ok(Api.admin().get("api/agreements/" + id));
        HttpResponse<byte[]> pdf = download("handlaggare", "api/agreements/" + id + "/signatures/pdf");
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElseThrow());
        try (PDDocument d = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(d);
            for (String expected : List.of(agreement.getString("title"), agreement.getString("reference"), KOMMUN,
                    STADSMISSION, "Fler i eget boende", "Socialnämnden", "850 000", "Budget", "Underskrifter",
                    "Namnförtydligande", "Ort och datum")) {
                assertTrue(text.contains(expected), expected + " in " + text);
            }
        }
        assertEquals(200, download("stadsmissionen", "api/agreements/" + id + "/signatures/pdf").statusCode());
        assertEquals(404, download("verdandi", "api/agreements/" + id + "/signatures/pdf").statusCode());
    }

    @Test
    void administratorsRecordPartiesReadOnlyTheirOwnAgreements() {
        long id = id(decided(STADSMISSION));
        long kommun = number(party(signatures(Api.admin(), id), KOMMUN), "partyId");
        long signatureId = number(created(upload(id, kommun, "Anna", "2023-12-20", "avtal.pdf", "application/pdf", SIGNED_PDF)),
                "signatureId");
        long stadsmission = number(party(signatures(Api.admin(), id), STADSMISSION), "partyId");

        for (String reader : List.of("handlaggare", "ekonom", "revisor", "stadsmissionen")) {
            assertEquals(2, signatures(Api.demo(reader), id).size(), reader);
            assertEquals(200, download(reader, documentPath(id, signatureId)).statusCode(), reader);
        }
        // To another organisation's partner the agreement does not exist: 404 as for an id that is none.
        assertProblem(Api.demo("verdandi").get("api/agreements/" + id + "/signatures"), 404, null);
        assertEquals(404, download("verdandi", documentPath(id, signatureId)).statusCode());
        assertEquals(404, download("handlaggare", documentPath(id, signatureId + 100000)).statusCode());
        assertEquals(403, download("hyresvard", documentPath(id, signatureId)).statusCode());

        for (String user : List.of("stadsmissionen", "ekonom", "revisor", "hyresvard")) {
            assertProblem(Api.demo(user).post("api/agreements/" + id + "/signatures", paper(stadsmission, "Erik", "2023-12-20")),
                    403, null);
        }
        assertTrue(unsigned(party(signatures(Api.admin(), id), STADSMISSION)));
    }

    // --- helpers -------------------------------------------------------------------------------

    private static List<JsonObject> signatures(Api api, long agreementId) {
        Api.Reply r = api.get("api/agreements/" + agreementId + "/signatures");
        assertEquals(200, r.status(), r.body());
        return r.jsonArray().getValuesAs(JsonObject.class);
    }

    private static JsonObject party(List<JsonObject> parties, String organisation) {
        return parties.stream().filter(p -> p.getString("organisation").equals(organisation)).findFirst()
                .orElseThrow(() -> new AssertionError("no party " + organisation + " in " + parties));
    }

    /** Nulls are left out of the answers. */
    private static boolean unsigned(JsonObject party) {
        return !party.containsKey("signatureId") || party.isNull("signatureId");
    }

    private static long number(JsonObject o, String field) {
        assertNotNull(o.get(field), o.toString());
        return o.getJsonNumber(field).longValue();
    }

    private static String paper(long partyId, String signedBy, String signedOn) {
        return Json.createObjectBuilder().add("partyId", partyId).add("signedBy", signedBy).add("signedOn", signedOn)
                .build().toString();
    }

    /** The status change itself, without the fixtures' signing ({@code Fixtures.moveTo} signs first). */
    private static Api.Reply activate(JsonObject agreement) {
        return Api.admin().post("api/agreements/" + id(agreement) + "/status", Json.createObjectBuilder()
                .add("status", "ACTIVE").add("version", agreement.getJsonNumber("version").longValue()).build().toString());
    }

    private static String documentPath(long agreementId, long signatureId) {
        return "api/agreements/" + agreementId + "/signatures/" + signatureId + "/document";
    }

    /** The signed PDF as the body, the rest as query parameters, as the administrator {@code handlaggare}. */
    private static Api.Reply upload(long agreementId, long partyId, String signedBy, String signedOn, String filename,
                                    String contentType, byte[] bytes) {
        HttpRequest request = HttpRequest.newBuilder(Api.base().resolve("api/agreements/" + agreementId + "/signatures"
                        + "?partyId=" + partyId + "&signedBy=" + URLEncoder.encode(signedBy, StandardCharsets.UTF_8)
                        + "&signedOn=" + URLEncoder.encode(signedOn, StandardCharsets.UTF_8)
                        + "&filename=" + URLEncoder.encode(filename, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(60)).header("Accept", "application/json").header("Content-Type", contentType)
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("handlaggare:bostadforst".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Api.Reply(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
