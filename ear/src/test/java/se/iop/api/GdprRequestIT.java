package se.iop.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.iop.it.Api;
import se.iop.it.Deployments;
import se.iop.it.Fixtures;
import se.iop.it.ItAccounts;
import se.iop.it.ItDatabase;
import se.iop.it.LandlordFixtures;
import se.iop.it.Rows;
import se.iop.it.Smtp;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Fixtures.created;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.ok;
import static se.iop.it.Problems.assertProblem;

/**
 * GDPR requests against a person seeded in every kind of place IOP keeps personal data: an organisation's
 * contact (with an old value in its history), a landlord's contact with a note and a packet delivered to it, a
 * private landlord with a flat and a contact need, a published packet naming the person as support contact, an
 * account that acted (a revision and a contact need under its name) with an API token and failed sign-ins, and
 * an invited account. Another person sits next to it in the same records. Every datum of the person is in the
 * extract (JSON and PDF) and none of the other's; after the erasure, a scan of every text column of every table
 * finds the person only where the README says it is kept, the history tables included, and the other
 * person's data is as it was. Auditors see the requests without the personal data; only administrators make them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GdprRequestIT {

    private static final String PASSWORD = "gdpr-person-password-1";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeAll
    static void smtp() {
        Smtp.server();
    }

    /** Everything seeded about one person; {@code marker} is in every text of theirs and nowhere else. */
    private record Person(String marker, String email, String name, String phone, String oldPhone, long organisationId,
                          long contactId, long companyLandlordId, long landlordContactId, String noteText,
                          long privateLandlordId, String privateName, String privateAddress, String flatAddress,
                          long accountId, String username, String tokenName, String needText, long invitedAccountId,
                          String supportRole, List<String> data) {
    }

    /** A person in every place; the company landlord and the organisation are shared when given (another person's). */
    private static Person seed(String first, Long organisationId, Long companyLandlordId) {
        String marker = ("zq" + Fixtures.unique("").strip()).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String email = first.toLowerCase(Locale.ROOT) + "." + marker + "@example.se";
        String name = first + " " + marker;
        String phone = "0155-" + (100000 + Math.floorMod(marker.hashCode(), 900000));
        String oldPhone = "0155-old-" + marker;
        Api admin = Api.admin();

        long org = organisationId != null ? organisationId : id(created(admin.post("api/organisations", Json.createObjectBuilder()
                .add("name", Fixtures.unique("IT GDPR förening")).add("organisationNumber", Fixtures.organisationNumber())
                .add("kind", "NON_PROFIT").build().toString())));
        created(admin.post("api/organisations/" + org + "/contacts", Json.createObjectBuilder()
                .add("name", name).add("role", "Samordnare " + marker).add("email", email).add("phone", phone)
                .build().toString()));
        long contactId = Rows.count("select id from contact where email = ?", email);
        // An earlier value the contact had, as Envers keeps it: a change made before today.
        Rows.update("insert into revision (changed_at, username) values (0, 'admin')");
        Rows.update("insert into contact_aud (id, rev, revtype, organisation_id, name, role, email, phone)"
                + " values (?, (select max(id) from revision), 1, ?, ?, null, ?, ?)", contactId, org, name, email, oldPhone);

        long company;
        if (companyLandlordId != null) {
            company = companyLandlordId;
        } else {
            company = id(LandlordFixtures.company(LandlordFixtures.email("gdpr-bolag")));
        }
        created(admin.post("api/landlords/" + company + "/contacts", Json.createObjectBuilder()
                .add("name", name).add("role", "Förvaltare " + marker).add("email", email).add("phone", phone)
                .build().toString()));
        long landlordContactId = Rows.count("select id from landlord_contact where email = ? and landlord_id = ?", email, company);
        String noteText = "Ringde " + marker + " om nyckeln";
        created(admin.post("api/landlords/" + company + "/contacts/" + landlordContactId + "/notes",
                Json.createObjectBuilder().add("text", noteText).build().toString()));

        String privateName = first + " Privat " + marker;
        String privateAddress = "Privatvägen " + marker;
        JsonObject person = created(admin.post("api/landlords", Json.createObjectBuilder()
                .add("kind", "PERSON").add("name", privateName).add("address", privateAddress)
                .add("contact", Json.createObjectBuilder().add("name", name).add("email", email))
                .build().toString()));
        long privateLandlordId = id(person);
        String flatAddress = "Lägenhetsgatan " + marker;
        created(admin.post("api/landlords/" + privateLandlordId + "/flats", Json.createObjectBuilder()
                .add("address", flatAddress).add("areaSqm", 41.5).add("rooms", 2).build().toString()));

        String username = "gdpr-" + marker;
        JsonObject account = created(admin.post("api/accounts", Json.createObjectBuilder().add("username", username)
                .add("displayName", name).add("email", email).add("roles", Json.createArrayBuilder().add("LANDLORD"))
                .add("landlordId", privateLandlordId).add("password", PASSWORD).build().toString()));
        String tokenName = "Nyckel " + marker;
        created(admin.post("api/accounts/" + id(account) + "/tokens",
                Json.createObjectBuilder().add("name", tokenName).build().toString()));
        String needText = "Störning i trapphuset, " + marker;
        created(Api.as(username, PASSWORD).post("api/portal/contact-needs", Json.createObjectBuilder()
                .add("category", "DISTURBANCE").add("description", needText).build().toString()));
        // A failed sign-in under the name, as the throttle records it.
        Rows.update("insert into login_failure (key, failures, last_failure) values (?, 2, now())", "name:" + username);

        JsonObject invitation = created(admin.post("api/invitations", Json.createObjectBuilder()
                .add("email", "inbjuden." + email).add("displayName", first + " Inbjuden " + marker).add("role", "AUDITOR")
                .build().toString()));
        long invitedAccountId = invitation.getJsonNumber("accountId").longValue();

        // Named as support contact in a packet sent out (published), and the packet delivered to the landlord contact.
        JsonObject packet = LandlordFixtures.publishedPacket(Fixtures.unique("IT GDPR paket"));
        LandlordFixtures.awaitSend(LandlordFixtures.send(id(packet), 1, LandlordFixtures.to(company)).json()
                .getJsonNumber("sendId").longValue(), WAIT);
        long versionId = ok(admin.get("api/packets/" + id(packet) + "/versions/1")).getJsonNumber("id").longValue();
        String supportRole = "Stödperson " + marker;
        Rows.update("insert into packet_support_contact (packet_version_id, position, organisation_name, name, role, email, phone)"
                + " values (?, 99, (select name from organisation where id = ?), ?, ?, ?, ?)", versionId, org, name, supportRole, email, phone);

        List<String> data = List.of(email, name, phone, oldPhone, "Samordnare " + marker, "Förvaltare " + marker, noteText,
                privateName, privateAddress, flatAddress, username, tokenName, needText, "inbjuden." + email,
                first + " Inbjuden " + marker, supportRole);
        return new Person(marker, email, name, phone, oldPhone, org, contactId, company, landlordContactId, noteText,
                privateLandlordId, privateName, privateAddress, flatAddress, id(account), username, tokenName, needText,
                invitedAccountId, supportRole, data);
    }

    private static JsonObjectBuilder request(Person p) {
        return Json.createObjectBuilder().add("email", p.email()).add("kind", "PRIVATE_LANDLORD").add("id", p.privateLandlordId());
    }

    @Test
    void theExtractHoldsEveryDatumOfThePersonAndNothingOfAnother() throws Exception {
        Person anna = seed("Anna", null, null);
        Person bertil = seed("Bertil", anna.organisationId(), anna.companyLandlordId());
        // The invited account is found by its own address.
        Api.Reply r = Api.admin().post("api/privacy/extracts", request(anna).build().toString());
        JsonObject extract = ok(r);
        String json = extract.toString();
        for (String datum : anna.data()) {
            if (!datum.startsWith("inbjuden") && !datum.startsWith("Anna Inbjuden")) {
                assertTrue(json.contains(datum), "the extract lacks '" + datum + "': " + json);
            }
        }
        for (String place : List.of("contact", "contact_aud", "packet_support_contact", "landlord_contact", "landlord_contact_aud",
                "landlord_contact_note", "landlord_contact_note_aud", "packet_delivery", "landlord", "landlord_aud", "offered_flat",
                "offered_flat_aud", "contact_need", "contact_need_aud", "account", "account_aud", "api_token", "login_failure", "acts")) {
            assertTrue(extract.getJsonArray("sections").getValuesAs(JsonObject.class).stream()
                    .anyMatch(s -> s.getString("place").equals(place)), "no section " + place + ": " + json);
        }
        assertFalse(json.contains(bertil.marker()), "another person's data is in the extract: " + json);

        JsonObject invited = ok(Api.admin().post("api/privacy/extracts",
                Json.createObjectBuilder().add("email", "inbjuden." + anna.email()).build().toString()));
        assertTrue(invited.toString().contains("Anna Inbjuden " + anna.marker()), invited.toString());
        assertTrue(invited.getJsonArray("sections").getValuesAs(JsonObject.class).stream()
                .anyMatch(s -> s.getString("place").equals("invitation")), invited.toString());
        assertFalse(invited.toString().contains(bertil.marker()));

        HttpResponse<byte[]> pdf = pdf(request(anna).build().toString());
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        try (PDDocument d = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(d);
            assertTrue(text.contains("Registerutdrag"), text);
            for (String datum : List.of(anna.phone(), anna.oldPhone(), anna.tokenName(), anna.flatAddress(), anna.privateAddress())) {
                assertTrue(text.contains(datum), "the PDF lacks '" + datum + "'");
            }
            assertFalse(text.contains(bertil.marker()));
        }

        // Recorded for the auditor, without any of the data.
        long requestId = extract.getJsonNumber("requestId").longValue();
        JsonObject seen = auditorSees(requestId);
        assertEquals("EXTRACT", seen.getString("kind"));
        assertEquals("EMAIL_AND_RECORD", seen.getString("foundBy"));
        assertTrue(seen.getString("subjects").contains("PRIVATE_LANDLORD " + anna.privateLandlordId()), seen.toString());
        assertEquals("admin", seen.getString("requestedBy"));
        assertFalse(seen.toString().contains(anna.marker()), seen.toString());
    }

    @Test
    void erasureRemovesThePersonFromTheTablesAndTheirHistoryAndKeepsTheRest() {
        Person anna = seed("Anna", null, null);
        Person bertil = seed("Bertil", anna.organisationId(), anna.companyLandlordId());
        Map<String, Long> bertilBefore = occurrences(bertil.marker());
        long deliveries = Rows.count("select count(*) from packet_delivery where contact_id = ?", anna.landlordContactId());
        assertTrue(occurrences(anna.marker()).containsKey("contact_aud.phone"), "seeded in the history");

        JsonObject erasure = ok(Api.admin().post("api/privacy/erasures", request(anna).build().toString()));
        ok(Api.admin().post("api/privacy/erasures", Json.createObjectBuilder().add("email", "inbjuden." + anna.email()).build().toString()));

        // Scanned by SQL, every text column of every table, current and history: only what the README says is kept.
        Map<String, Long> left = occurrences(anna.marker());
        // (a private landlord's name as the counterpart of its diary entries: the diary is kept, the name never shown)
        assertEquals(List.of("contact_need.description", "contact_need_aud.description", "packet_support_contact.email",
                "packet_support_contact.name", "packet_support_contact.role", "registry_entry.counterpart",
                "registry_entry_aud.counterpart"), new ArrayList<>(left.keySet()),
                "the person is still in " + left);
        assertEquals(0, Rows.count("select count(*) from contact where id = ?", anna.contactId()));
        assertEquals(0, Rows.count("select count(*) from contact_aud where id = ?", anna.contactId()));
        assertEquals(0, Rows.count("select count(*) from landlord_contact_note where contact_id = ?", anna.landlordContactId()));
        assertEquals("Raderad kontaktperson", Rows.value("select name from landlord_contact where id = ?", anna.landlordContactId()));
        assertEquals(0, Rows.count("select count(*) from landlord_contact_aud where id = ? and (email is not null or name <> 'Raderad kontaktperson')",
                anna.landlordContactId()));
        assertEquals(deliveries, Rows.count("select count(*) from packet_delivery where contact_id = ?", anna.landlordContactId()),
                "the record of the packet sent stays");
        assertEquals("Raderad hyresvärd", Rows.value("select person_name from landlord where id = ?", anna.privateLandlordId()));
        assertEquals(0, Rows.count("select count(*) from landlord_aud where id = ? and person_name <> 'Raderad hyresvärd'", anna.privateLandlordId()));
        assertEquals("raderad-" + anna.accountId(), Rows.value("select username from account where id = ?", anna.accountId()));
        assertEquals(Boolean.FALSE, Rows.value("select active from account where id = ?", anna.accountId()));
        assertTrue(Rows.count("select count(*) from revision where username = ?", "raderad-" + anna.accountId()) > 0,
                "her changes stay on record under the pseudonym");
        assertEquals(0, Rows.count("select count(*) from account_aud where id = ? and (email is not null or display_name <> 'Raderad användare')",
                anna.accountId()));
        assertEquals(401, Api.as(anna.username(), PASSWORD).get("api/me").status(), "the old sign-in is gone");
        assertEquals(401, Api.as("raderad-" + anna.accountId(), PASSWORD).get("api/me").status());

        // The rest intact: the other person, in the same organisation and at the same landlord, is exactly as before.
        assertEquals(bertilBefore, occurrences(bertil.marker()));
        assertEquals(bertil.email(), Rows.value("select email from contact where id = ?", bertil.contactId()));
        assertEquals(bertil.email(), Rows.value("select email from landlord_contact where id = ?", bertil.landlordContactId()));
        assertEquals(1L, Rows.count("select count(*) from organisation where id = ?", anna.organisationId()));

        String text = erasure.toString();
        assertFalse(text.contains(anna.marker()), text);
        JsonObject seen = auditorSees(erasure.getJsonNumber("requestId").longValue());
        assertEquals("ERASURE", seen.getString("kind"));
        assertTrue(seen.getString("outcome").contains("contact_aud erased 2"), seen.toString());
        assertTrue(seen.getString("outcome").contains("packet_support_contact kept 1"), seen.toString());
        assertFalse(seen.toString().contains(anna.marker()), seen.toString());
    }

    @Test
    void onlyAdministratorsMakeRequestsAndAnUnknownPersonIsRefusedByNameWithNothingDone() {
        Person anna = seed("Anna", null, null);
        long before = Rows.count("select count(*) from gdpr_request");
        for (String who : List.of("revisor", "ekonom", "stadsmissionen")) {
            assertProblem(Api.demo(who).post("api/privacy/extracts", request(anna).build().toString()), 403, null);
            assertProblem(Api.demo(who).post("api/privacy/erasures", request(anna).build().toString()), 403, null);
        }
        assertProblem(Api.demo("stadsmissionen").get("api/privacy/requests"), 403, null);

        Api admin = Api.admin();
        assertProblem(admin.post("api/privacy/extracts", Json.createObjectBuilder()
                .add("email", "ingen." + anna.marker() + "@example.se").build().toString()), 422, "email");
        assertProblem(admin.post("api/privacy/extracts", Json.createObjectBuilder()
                .add("kind", "CONTACT").add("id", 987654321L).build().toString()), 422, "id");
        assertProblem(admin.post("api/privacy/extracts", "{}"), 422, "email");
        assertProblem(admin.post("api/privacy/extracts", Json.createObjectBuilder().add("kind", "ACCOUNT").build().toString()), 422, "id");
        assertProblem(admin.post("api/privacy/extracts", Json.createObjectBuilder().add("id", 5).build().toString()), 422, "kind");
        assertProblem(admin.post("api/privacy/extracts", Json.createObjectBuilder()
                .add("kind", "PRIVATE_LANDLORD").add("id", anna.companyLandlordId()).build().toString()), 422, "id");
        // A known e-mail with an unknown record: refused whole, nothing of the known person erased.
        Map<String, Long> held = occurrences(anna.marker());
        assertProblem(admin.post("api/privacy/erasures", Json.createObjectBuilder().add("email", anna.email())
                .add("kind", "ACCOUNT").add("id", 987654321L).build().toString()), 422, "id");
        long adminId = Rows.count("select id from account where username = 'admin'");
        assertProblem(admin.post("api/privacy/erasures", Json.createObjectBuilder().add("email", anna.email())
                .add("kind", "ACCOUNT").add("id", adminId).build().toString()), 409, "id");
        assertEquals(held, occurrences(anna.marker()));
        assertEquals(before, Rows.count("select count(*) from gdpr_request"), "a refused request leaves no record");
    }

    // ---- helpers ----

    private static JsonObject auditorSees(long requestId) {
        long auditor = ItAccounts.create("AUDITOR", null);
        String username = (String) Rows.value("select username from account where id = ?", auditor);
        Api.Reply list = Api.as(username, ItAccounts.PASSWORD).get("api/privacy/requests");
        assertEquals(200, list.status(), list.body());
        return list.jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(o -> o.getJsonNumber("id").longValue() == requestId).findFirst()
                .orElseThrow(() -> new AssertionError("the auditor does not see request " + requestId + ": " + list.body()));
    }

    private static HttpResponse<byte[]> pdf(String body) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(Api.base().resolve("api/privacy/extracts/pdf"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("admin:" + ItDatabase.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").header("Accept", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Where in the whole database the marker occurs: "table.column" → rows, every text column of every table. */
    private static Map<String, Long> occurrences(String marker) {
        Map<String, Long> found = new TreeMap<>();
        try (Connection c = ItDatabase.database().connect()) {
            List<String[]> columns = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select c.table_name, c.column_name from information_schema.columns c
                      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                     where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
                       and c.data_type in ('character varying', 'text')""");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            for (String[] col : columns) {
                try (PreparedStatement ps = c.prepareStatement("select count(*) from " + col[0] + " where lower(" + col[1] + ") like ?")) {
                    ps.setString(1, "%" + marker + "%");
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            found.put(col[0] + "." + col[1], rs.getLong(1));
                        }
                    }
                }
            }
            // Bytes too: idempotency keys keep the answers they gave.
            try (PreparedStatement ps = c.prepareStatement("select count(*) from idempotency_key where position(? in body) > 0")) {
                ps.setBytes(1, marker.getBytes(StandardCharsets.UTF_8));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        found.put("idempotency_key.body", rs.getLong(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }
}
