package se.iop.api;

import jakarta.json.Json;
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
import se.iop.it.Rows;

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
import static se.iop.it.Problems.assertProblem;

/**
 * The landlord register over the API: companies and private persons, contacts with checked
 * addresses, notes, offered flats, search and filters; bad input refused naming the field with
 * nothing stored; only administrators change it and only they and auditors see it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LandlordApiIT {

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

    private static JsonObjectBuilder person(String name) {
        return Json.createObjectBuilder().add("kind", "PERSON").add("name", name).add("address", "Backvägen 9");
    }

    @Test
    void aCompanyIsRegisteredWithItsOrganisationAndAFirstContact() {
        String email = LandlordFixtures.email("kim");
        JsonObject l = LandlordFixtures.company(email);
        assertEquals("COMPANY", l.getString("kind"));
        assertTrue(l.getString("name").startsWith("IT Fastigheter AB"));
        assertTrue(l.getString("organisationNumber").matches("\\d{6}-\\d{4}"));
        JsonObject contact = l.getJsonArray("contacts").getJsonObject(0);
        assertEquals(email, contact.getString("email"));
        assertEquals("0155-12 34 56", contact.getString("phone"));

        // The organisation is now in the register as a housing company.
        JsonObject org = ok(admin.get("api/organisations/" + l.getJsonNumber("organisationId").longValue()));
        assertEquals("HOUSING_COMPANY", org.getString("kind"));

        JsonObject found = ok(admin.get("api/landlords/" + id(l)));
        assertEquals(l.getString("name"), found.getString("name"));
        assertEquals(id(l), found.getJsonNumber("id").longValue());
    }

    @Test
    void anExistingHousingCompanyBecomesALandlordOnce() {
        long org = id(created(admin.post("api/organisations", Json.createObjectBuilder()
                .add("name", unique("IT Bostäder AB")).add("organisationNumber", Fixtures.organisationNumber())
                .add("kind", "HOUSING_COMPANY").build().toString())));
        JsonObject l = created(admin.post("api/landlords", Json.createObjectBuilder().add("kind", "COMPANY")
                .add("organisationId", org).build().toString()));
        assertEquals(org, l.getJsonNumber("organisationId").longValue());
        refused(409, "organisationId", () -> admin.post("api/landlords", Json.createObjectBuilder()
                .add("kind", "COMPANY").add("organisationId", org).build().toString()));
        long ngo = Fixtures.organisationId(Fixtures.STADSMISSION);
        JsonObject p = refused(422, "organisationId", () -> admin.post("api/landlords", Json.createObjectBuilder()
                .add("kind", "COMPANY").add("organisationId", ngo).build().toString()));
        assertTrue(p.getString("detail").contains("Sörmlands Stadsmission"), p.toString());
    }

    @Test
    void aPrivatePersonWithContactsNotesAndFlats() {
        String name = unique("IT Privatperson");
        JsonObject l = created(admin.post("api/landlords", person(name).build().toString()));
        assertEquals("PERSON", l.getString("kind"));
        assertEquals(name, l.getString("name"));
        assertFalse(l.containsKey("organisationNumber") && !l.isNull("organisationNumber"));
        long id = id(l);

        JsonObject withContact = created(admin.post("api/landlords/" + id + "/contacts", Json.createObjectBuilder()
                .add("name", "Privat Person").add("phone", "070-000 12 34").build().toString()));
        JsonObject contact = withContact.getJsonArray("contacts").getJsonObject(0);
        long contactId = id(contact);
        JsonObject noted = created(admin.post("api/landlords/" + id + "/contacts/" + contactId + "/notes",
                "{\"text\":\"Ringde om en etta på Backvägen.\"}"));
        JsonObject note = noted.getJsonArray("contacts").getJsonObject(0).getJsonArray("notes").getJsonObject(0);
        assertEquals("admin", note.getString("writtenBy"));
        assertEquals("Ringde om en etta på Backvägen.", note.getString("text"));

        JsonObject updated = ok(admin.put("api/landlords/" + id + "/contacts/" + contactId, Json.createObjectBuilder()
                .add("name", "Privat Person").add("email", LandlordFixtures.email("privat")).add("phone", "070-000 12 34")
                .add("version", Fixtures.version(contact)).build().toString()));
        assertTrue(updated.getJsonArray("contacts").getJsonObject(0).getString("email").endsWith("@example.se"));
        refused(409, "version", () -> admin.put("api/landlords/" + id + "/contacts/" + contactId, Json.createObjectBuilder()
                .add("name", "Gammal").add("phone", "070-000 12 34").add("version", Fixtures.version(contact))
                .build().toString()));

        JsonObject flat = created(admin.post("api/landlords/" + id + "/flats", Json.createObjectBuilder()
                .add("address", "Backvägen 9, lgh 1001").add("areaSqm", 28.5).add("rooms", 1)
                .add("availableFrom", "2026-09-01").build().toString()));
        JsonObject f = flat.getJsonArray("flats").getJsonObject(0);
        assertEquals("28.5", f.getJsonNumber("areaSqm").bigDecimalValue().toPlainString());
        assertEquals("2026-09-01", f.getString("availableFrom"));

        JsonObject withoutFlat = ok(admin.delete("api/landlords/" + id + "/flats/" + id(f)));
        // Withdrawing keeps the flat, WITHDRAWN, with its history (FlatStageApiIT has the rest).
        assertEquals("WITHDRAWN", withoutFlat.getJsonArray("flats").getJsonObject(0).getString("stage"));
        JsonObject renamed = ok(admin.put("api/landlords/" + id, Json.createObjectBuilder().add("name", name + " B")
                .add("address", "Nya vägen 1").add("version", Fixtures.version(withoutFlat)).build().toString()));
        assertEquals(name + " B", renamed.getString("name"));
        assertEquals("Nya vägen 1", renamed.getString("address"));
    }

    @Test
    void searchAndFilters() {
        String marker = unique("ITsök");
        JsonObject reachable = created(admin.post("api/landlords", person(marker + " Ett").add("contact",
                Json.createObjectBuilder().add("name", "A").add("email", LandlordFixtures.email("sok"))).build().toString()));
        JsonObject phoneOnly = created(admin.post("api/landlords", person(marker + " Två").add("contact",
                Json.createObjectBuilder().add("name", "B").add("phone", "0155-11 11 11")).build().toString()));
        JsonObject withFlat = created(admin.post("api/landlords/" + id(phoneOnly) + "/flats", Json.createObjectBuilder()
                .add("address", "X 1").add("areaSqm", 30).add("rooms", 1).build().toString()));

        JsonObject all = ok(admin.get("api/landlords?q=" + marker.replace(" ", "%20").toLowerCase()));
        assertEquals(2, all.getInt("total"), all.toString());
        JsonObject first = all.getJsonArray("items").getJsonObject(0);
        assertEquals(marker + " Ett", first.getString("name"));
        assertEquals(1, first.getInt("addressees"));

        List<String> noAddress = names(ok(admin.get("api/landlords?withoutAddress=true&max=1000&q=" + marker.replace(" ", "%20"))));
        assertEquals(List.of(marker + " Två"), noAddress);
        assertEquals(List.of(marker + " Två"), names(ok(admin.get("api/landlords?withFlats=true&q=" + marker.replace(" ", "%20")))));
        // A withdrawn flat is kept with its history but no longer counts as one the landlord has.
        ok(admin.delete("api/landlords/" + id(phoneOnly) + "/flats/" + id(withFlat.getJsonArray("flats").getJsonObject(0))));
        assertEquals(List.of(), names(ok(admin.get("api/landlords?withFlats=true&q=" + marker.replace(" ", "%20")))));
        assertEquals(0, ok(admin.get("api/landlords?q=" + marker.replace(" ", "%20") + "%20Två")).getJsonArray("items")
                .getJsonObject(0).getInt("flats"));
        assertEquals(2, ok(admin.get("api/landlords?kind=PERSON&q=" + marker.replace(" ", "%20"))).getInt("total"));
        assertEquals(0, ok(admin.get("api/landlords?kind=COMPANY&q=" + marker.replace(" ", "%20"))).getInt("total"));

        ok(admin.post("api/landlords/" + id(reachable) + "/deactivate", "{}"));
        assertEquals(1, ok(admin.get("api/landlords?q=" + marker.replace(" ", "%20"))).getInt("total"));
        assertEquals(2, ok(admin.get("api/landlords?inactive=true&q=" + marker.replace(" ", "%20"))).getInt("total"));
        // By a contact's e-mail too.
        String email = reachable.getJsonArray("contacts").getJsonObject(0).getString("email");
        assertEquals(1, ok(admin.get("api/landlords?inactive=true&q=" + email)).getInt("total"));
    }

    private static List<String> names(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(o -> o.getString("name")).toList();
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
        String good = LandlordFixtures.email("ok");
        refused(422, "kind", () -> admin.post("api/landlords", "{\"name\":\"Utan sort\"}"));
        refused(400, "kind", () -> admin.post("api/landlords", "{\"kind\":\"CASTLE\",\"name\":\"X\"}"));
        refused(422, "name", () -> admin.post("api/landlords", "{\"kind\":\"PERSON\",\"name\":\"  \"}"));
        refused(422, "organisationNumber", () -> admin.post("api/landlords", Json.createObjectBuilder()
                .add("kind", "COMPANY").add("name", unique("IT Fel AB")).add("organisationNumber", "556036-4713")
                .build().toString()));
        // An invalid e-mail in the first contact: neither the organisation nor the landlord is kept.
        JsonObject p = refused(422, "email", () -> admin.post("api/landlords", Json.createObjectBuilder()
                .add("kind", "COMPANY").add("name", unique("IT Halv AB")).add("organisationNumber", Fixtures.organisationNumber())
                .add("contact", Json.createObjectBuilder().add("name", "Kim").add("email", "kim@@example"))
                .build().toString()));
        assertEquals("Not a valid e-mail address.", p.getString("detail"));
        refused(422, "email", () -> admin.post("api/landlords", person("IT Ingen adress").add("contact",
                Json.createObjectBuilder().add("name", "Kim")).build().toString()));
        refused(422, "phone", () -> admin.post("api/landlords", person("IT Fel telefon").add("contact",
                Json.createObjectBuilder().add("name", "Kim").add("email", good).add("phone", "ring mig")).build().toString()));

        long id = id(created(admin.post("api/landlords", person(unique("IT Bra")).build().toString())));
        refused(422, "email", () -> admin.post("api/landlords/" + id + "/contacts", "{\"name\":\"A\",\"email\":\"a b@example.se\"}"));
        refused(422, "areaSqm", () -> admin.post("api/landlords/" + id + "/flats", "{\"address\":\"X\",\"areaSqm\":-3,\"rooms\":1}"));
        refused(422, "rooms", () -> admin.post("api/landlords/" + id + "/flats", "{\"address\":\"X\",\"areaSqm\":30,\"rooms\":25}"));
        refused(400, "areaSqm", () -> admin.post("api/landlords/" + id + "/flats", "{\"address\":\"X\",\"areaSqm\":\"stor\",\"rooms\":2}"));
        long contact = id(created(admin.post("api/landlords/" + id + "/contacts", "{\"name\":\"A\",\"phone\":\"0155-1 23 45\"}"))
                .getJsonArray("contacts").getJsonObject(0));
        refused(422, "text", () -> admin.post("api/landlords/" + id + "/contacts/" + contact + "/notes", "{\"text\":\" \"}"));
        refused(404, null, () -> admin.post("api/landlords/" + id + "/contacts/1/notes", "{\"text\":\"not this landlord's\"}"));
        refused(404, null, () -> admin.get("api/landlords/987654321"));
        refused(404, null, () -> admin.post("api/landlords/" + id + "/contacts/987654321/notes", "{\"text\":\"x\"}"));
    }

    @Test
    void theHistoryShowsEveryChangeOfTheLandlordItsContactsNotesAndFlatsToAdministratorsAndAuditorsOnly() {
        String name = unique("IT Historik");
        long id = id(created(admin.post("api/landlords", person(name).build().toString())));
        JsonObject withContact = created(Api.demo("handlaggare").post("api/landlords/" + id + "/contacts",
                Json.createObjectBuilder().add("name", "Historisk Kontakt").add("phone", "070-111 22 33").build().toString()));
        long contactId = id(withContact.getJsonArray("contacts").getJsonObject(0));
        created(admin.post("api/landlords/" + id + "/contacts/" + contactId + "/notes", "{\"text\":\"Ringde om trapphuset.\"}"));
        JsonObject withFlat = created(admin.post("api/landlords/" + id + "/flats", Json.createObjectBuilder()
                .add("address", "Historiegatan 2, lgh 1101").add("areaSqm", 35.0).add("rooms", 1)
                .add("availableFrom", "2026-10-01").build().toString()));
        long flatId = id(withFlat.getJsonArray("flats").getJsonObject(0));
        JsonObject withoutFlat = ok(admin.delete("api/landlords/" + id + "/flats/" + flatId));
        ok(Api.demo("handlaggare").put("api/landlords/" + id, Json.createObjectBuilder().add("name", name)
                .add("address", "Nya historiegatan 3").add("version", Fixtures.version(withoutFlat)).build().toString()));

        List<JsonObject> history = changes(admin.get("api/landlords/" + id + "/history"));
        JsonObject moved = history.get(0);
        assertEquals("landlord", moved.getString("subject"));
        assertEquals("CHANGED", moved.getString("kind"));
        assertEquals("handlaggare", moved.getString("username"));
        assertEquals(List.of(List.of("address", "Backvägen 9", "Nya historiegatan 3")), fields(moved), "only the address changed");
        assertEquals(List.of("landlord CHANGED", "flat CHANGED", "flat CREATED", "note CREATED", "contact CREATED", "landlord CREATED"),
                history.stream().map(c -> c.getString("subject") + " " + c.getString("kind")).toList());
        JsonObject withdrawnFlat = history.get(1);
        assertEquals("Historiegatan 2, lgh 1101", withdrawnFlat.getString("subjectName"));
        assertTrue(fields(withdrawnFlat).contains(List.of("stage", "OFFERED", "WITHDRAWN")), withdrawnFlat.toString());
        assertEquals("Ringde om trapphuset.", history.get(3).getString("subjectName"));
        assertEquals("handlaggare", history.get(4).getString("username"));
        assertTrue(fields(history.get(5)).contains(java.util.Arrays.asList("name", null, name)), history.get(5).toString());

        assertEquals(history, changes(Api.demo("revisor").get("api/landlords/" + id + "/history")), "the auditor reads the same");
        for (String user : List.of("stadsmissionen", "ekonom", "hyresvard")) {
            assertProblem(Api.demo(user).get("api/landlords/" + id + "/history"), 403, null);
        }
        assertProblem(admin.get("api/landlords/987654321/history"), 404, null);
    }

    private static List<JsonObject> changes(Api.Reply r) {
        assertEquals(200, r.status(), r.body());
        return r.jsonArray().getValuesAs(JsonObject.class);
    }

    /** A change's fields as [field, before, after]. */
    private static List<List<String>> fields(JsonObject change) {
        return change.getJsonArray("fields").getValuesAs(JsonObject.class).stream()
                .map(f -> java.util.Arrays.asList(f.getString("field"), f.getString("before", null), f.getString("after", null)))
                .toList();
    }

    @Test
    void onlyAdministratorsChangeTheRegisterAndOnlyTheyAndAuditorsSeeIt() {
        long id = id(LandlordFixtures.company(LandlordFixtures.email("roll")));
        assertEquals(200, Api.demo("revisor").get("api/landlords/" + id).status());
        assertEquals(200, Api.demo("revisor").get("api/landlords").status());
        assertProblem(Api.demo("revisor").post("api/landlords", person("Revisorn").build().toString()), 403, null);
        for (String user : List.of("stadsmissionen", "ekonom", "hyresvard")) {
            assertProblem(Api.demo(user).get("api/landlords/" + id), 403, null);
            assertProblem(Api.demo(user).get("api/landlords"), 403, null);
            assertProblem(Api.demo(user).post("api/landlords", person("X").build().toString()), 403, null);
        }
        assertEquals(401, Api.anonymous().get("api/landlords").status());
        assertEquals(0L, ((Number) Rows.value("select count(*) from landlord where person_name = 'X'")).longValue());
    }
}
