package se.iop.api;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
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
import se.iop.it.ItDatabase;
import se.iop.it.LandlordFixtures;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Fixtures.created;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.ok;
import static se.iop.it.Fixtures.unique;
import static se.iop.it.Fixtures.version;
import static se.iop.it.LandlordFixtures.section;
import static se.iop.it.Problems.assertProblem;

/**
 * Information packets over the API: a draft is written and edited, publishing freezes it with the
 * agreement's support contacts, a change is a new version; the PDF carries version and date; a
 * packet without content and every other bad input is refused with nothing stored.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PacketApiIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private final Api admin = Api.admin();

    private static JsonObject refused(int status, String field, Supplier<Api.Reply> request) {
        Map<String, Long> before = LandlordFixtures.rows();
        JsonObject problem = assertProblem(request.get(), status, field);
        assertEquals(before, LandlordFixtures.rows(), "the database changed");
        return problem;
    }

    private static String path(JsonObject packet, int number) {
        return "api/packets/" + id(packet) + "/versions/" + number;
    }

    @Test
    void aVersionsHistoryShowsItsEditsSectionBySectionAndItsPublication() {
        String title = unique("IT Historik paket");
        JsonObject p = LandlordFixtures.draftPacket(title);
        JsonObject v1 = ok(admin.get(path(p, 1)));
        ok(Api.demo("handlaggare").put(path(p, 1), Json.createObjectBuilder().add("title", title + " B")
                .add("sections", Json.createArrayBuilder().add(section("Vad är Bostad först?", "En egen lägenhet först, sedan stöd."))
                        .add(section("Vem ringer jag dygnet runt?", "Jouren: 0155-00 00 98.")))
                .add("version", version(v1)).build().toString()));
        ok(admin.post(path(p, 1) + "/publish", "{}"));

        List<JsonObject> history = admin.get(path(p, 1) + "/history").jsonArray().getValuesAs(JsonObject.class);
        JsonObject published = history.get(0);
        assertEquals("version", published.getString("subject"));
        assertEquals("admin", published.getString("username"));
        List<String> publishedFields = published.getJsonArray("fields").getValuesAs(JsonObject.class).stream()
                .map(f -> f.getString("field") + "=" + f.getString("after", null)).toList();
        assertTrue(publishedFields.contains("status=PUBLISHED") && publishedFields.contains("publishedBy=admin"), publishedFields.toString());

        JsonObject edit = history.stream().filter(c -> c.getString("subject").equals("version")
                && c.getString("kind").equals("CHANGED") && c.getString("username").equals("handlaggare")).findFirst().orElseThrow();
        JsonObject titleChange = edit.getJsonArray("fields").getJsonObject(0);
        assertEquals(List.of("title", title, title + " B"), List.of(titleChange.getString("field"),
                titleChange.getString("before"), titleChange.getString("after")));
        JsonObject sectionEdit = history.stream().filter(c -> c.getString("subject").equals("section")
                && c.getString("kind").equals("CHANGED")).findFirst().orElseThrow();
        assertEquals("Vem ringer jag dygnet runt?", sectionEdit.getString("subjectName"));
        assertEquals("body", sectionEdit.getJsonArray("fields").getJsonObject(0).getString("field"), "only the text changed");
        assertEquals(1, sectionEdit.getJsonArray("fields").size(), sectionEdit.toString());
        assertEquals(2, history.stream().filter(c -> c.getString("subject").equals("section")
                && c.getString("kind").equals("CREATED")).count());

        assertEquals(200, Api.demo("revisor").get(path(p, 1) + "/history").status());
        assertProblem(Api.demo("hyresvard").get(path(p, 1) + "/history"), 403, null);
        assertProblem(admin.get(path(p, 9) + "/history"), 404, null);
    }

    @Test
    void aDraftIsEditedPublishedAndThenOnlyReplacedByANewVersion() {
        String title = unique("IT Information till hyresvärdar");
        JsonObject p = LandlordFixtures.draftPacket(title);
        assertEquals(1, p.getJsonArray("versions").size());
        assertEquals("DRAFT", p.getJsonArray("versions").getJsonObject(0).getString("status"));

        JsonObject v1 = ok(admin.get(path(p, 1)));
        assertEquals(title, v1.getString("title"));
        assertEquals(2, v1.getJsonArray("sections").size());
        List<String> supporters = v1.getJsonArray("supportContacts").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("organisation")).distinct().toList();
        assertEquals(List.of("Sörmlands Stadsmission", "Nyköpings kommun"), supporters, "the non-profit first");

        JsonArrayBuilder three = Json.createArrayBuilder()
                .add(section("Vad är Bostad först?", "En egen lägenhet först.").add("headingEn", "What is Housing First?")
                        .add("bodyEn", "A home first."))
                .add(section("Hyresavtalet", "Kommunen hyr i första hand; efter ungefär ett år tar hyresgästen över."))
                .add(section("Vid störningar", "Ring teamet."));
        JsonObject edited = ok(admin.put(path(p, 1), Json.createObjectBuilder().add("title", title)
                .add("titleEn", "Information for landlords").add("sections", three)
                .add("version", version(v1)).build().toString()));
        assertEquals(3, edited.getJsonArray("sections").size());
        assertEquals("Information for landlords", edited.getString("titleEn"));
        refused(409, "version", () -> admin.put(path(p, 1), Json.createObjectBuilder().add("title", "Gammal")
                .add("sections", Json.createArrayBuilder().add(section("A", "B"))).add("version", version(v1))
                .build().toString()));

        JsonObject published = ok(admin.post(path(p, 1) + "/publish", "{}"));
        assertEquals("PUBLISHED", published.getString("status"));
        assertEquals("admin", published.getString("publishedBy"));
        assertEquals(LocalDate.now(ZoneId.of("Europe/Stockholm")).toString(), published.getString("date"));
        long frozenContacts = ((Number) se.iop.it.Rows.value(
                "select count(*) from packet_support_contact where packet_version_id = ?", id(published))).longValue();
        assertTrue(frozenContacts >= 2, "support contacts kept with the version: " + frozenContacts);

        JsonObject problem = refused(409, "status", () -> admin.put(path(p, 1), Json.createObjectBuilder()
                .add("title", "Ändrad").add("sections", Json.createArrayBuilder().add(section("A", "B")))
                .build().toString()));
        assertTrue(problem.getString("detail").contains("make a new version"), problem.toString());
        refused(409, "status", () -> admin.post(path(p, 1) + "/publish", "{}"));

        JsonObject v2 = created(admin.post("api/packets/" + id(p) + "/versions", ""));
        assertEquals(2, v2.getInt("number"));
        assertEquals("DRAFT", v2.getString("status"));
        assertEquals(3, v2.getJsonArray("sections").size(), "starts from the published text");
        refused(409, "status", () -> admin.post("api/packets/" + id(p) + "/versions", ""));

        JsonObject packet = ok(admin.get("api/packets/" + id(p)));
        assertEquals(List.of("PUBLISHED", "DRAFT"), packet.getJsonArray("versions").getValuesAs(JsonObject.class)
                .stream().map(v -> v.getString("status")).toList());
        assertTrue(admin.get("api/packets").jsonArray().getValuesAs(JsonObject.class).stream()
                .anyMatch(s -> s.getJsonNumber("id").longValue() == id(p) && s.getInt("latestNumber") == 2));
    }

    @Test
    void thePdfIsMadeByTheServerWithVersionAndDate() throws Exception {
        String title = unique("IT PDF-paket");
        JsonObject p = LandlordFixtures.publishedPacket(title);
        HttpResponse<byte[]> r = LandlordFixtures.bytes("admin", ItDatabase.ADMIN_PASSWORD, path(p, 1) + "/pdf");
        assertEquals(200, r.statusCode());
        assertEquals("application/pdf", r.headers().firstValue("Content-Type").orElse(""));
        String today = LocalDate.now(ZoneId.of("Europe/Stockholm")).toString();
        try (PDDocument pdf = Loader.loadPDF(r.body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains(title), text);
            assertTrue(text.contains("Version 1, publicerad " + today), text);
            assertTrue(text.contains("Vem ringer jag dygnet runt?"), text);
            assertTrue(text.contains("Sörmlands Stadsmission"), text);
        }
        assertEquals(403, LandlordFixtures.bytes("stadsmissionen", "bostadforst", path(p, 1) + "/pdf").statusCode());
        assertEquals(404, LandlordFixtures.bytes("admin", ItDatabase.ADMIN_PASSWORD, path(p, 9) + "/pdf").statusCode());
    }

    @Test
    void aPacketWithoutContentAndOtherBadInputIsRefused() {
        long agreement = id(se.iop.it.Fixtures.draftWith(se.iop.it.Fixtures.STADSMISSION));
        JsonObject none = refused(422, "sections", () -> admin.post("api/packets", Json.createObjectBuilder()
                .add("agreementId", agreement).add("title", "Tomt paket").add("sections", Json.createArrayBuilder())
                .build().toString()));
        assertTrue(none.getString("detail").contains("no content"), none.toString());
        refused(422, "sections", () -> admin.post("api/packets", Json.createObjectBuilder()
                .add("agreementId", agreement).add("title", "Utan avsnitt").build().toString()));
        refused(422, "title", () -> admin.post("api/packets", Json.createObjectBuilder().add("agreementId", agreement)
                .add("sections", Json.createArrayBuilder().add(section("A", "B"))).build().toString()));
        refused(422, "sections[2].body", () -> admin.post("api/packets", Json.createObjectBuilder()
                .add("agreementId", agreement).add("title", "T")
                .add("sections", Json.createArrayBuilder().add(section("A", "B")).add(section("Rubrik", " ")))
                .build().toString()));
        refused(422, "sections[1].bodyEn", () -> admin.post("api/packets", Json.createObjectBuilder()
                .add("agreementId", agreement).add("title", "T").add("titleEn", "T")
                .add("sections", Json.createArrayBuilder().add(section("A", "B").add("headingEn", "Only a heading")))
                .build().toString()));
        refused(422, "agreementId", () -> admin.post("api/packets", Json.createObjectBuilder()
                .add("agreementId", 987654321L).add("title", "T")
                .add("sections", Json.createArrayBuilder().add(section("A", "B"))).build().toString()));
        refused(400, "agreementId", () -> admin.post("api/packets", "{\"agreementId\":\"fas 1\",\"title\":\"T\"}"));
        refused(404, null, () -> admin.get("api/packets/987654321"));
        refused(404, null, () -> admin.get("api/packets/987654321/versions/1"));

        JsonObject p = LandlordFixtures.draftPacket(unique("IT Tömt"));
        JsonObject v = ok(admin.get(path(p, 1)));
        refused(422, "sections", () -> admin.put(path(p, 1), Json.createObjectBuilder().add("title", "T")
                .add("sections", Json.createArrayBuilder()).add("version", version(v)).build().toString()));
        assertEquals(2, ok(admin.get(path(p, 1))).getJsonArray("sections").size(), "the draft is as it was");
    }

    @Test
    void onlyAdministratorsWritePacketsAndAuditorsReadThem() {
        JsonObject p = LandlordFixtures.draftPacket(unique("IT Roller"));
        assertEquals(200, Api.demo("revisor").get(path(p, 1)).status());
        assertProblem(Api.demo("revisor").post(path(p, 1) + "/publish", "{}"), 403, null);
        for (String user : List.of("stadsmissionen", "ekonom", "hyresvard")) {
            assertProblem(Api.demo(user).get(path(p, 1)), 403, null);
            assertProblem(Api.demo(user).get("api/packets"), 403, null);
        }
        assertFalse(ok(admin.get(path(p, 1))).getString("status").equals("PUBLISHED"));
    }
}
