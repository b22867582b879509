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
import se.iop.account.entity.PasswordHash;
import se.iop.it.Api;
import se.iop.it.Deployments;
import se.iop.it.Fixtures;
import se.iop.it.ItDatabase;
import se.iop.it.LandlordFixtures;
import se.iop.it.Rows;
import se.iop.it.Smtp;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Fixtures.created;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.ok;
import static se.iop.it.Fixtures.organisationId;
import static se.iop.it.Fixtures.unique;
import static se.iop.it.LandlordFixtures.awaitSend;
import static se.iop.it.LandlordFixtures.send;
import static se.iop.it.LandlordFixtures.to;
import static se.iop.it.Problems.assertProblem;

/**
 * A private-person landlord signs in with a LANDLORD account bound to its own landlord record (made by an
 * administrator through the accounts API) and sees exactly what a housing company's user sees of its own
 * packets: the list, the packet, the PDF, opening and acknowledging, its contact needs. Another landlord's
 * packet is 404, byte for byte as an id that does not exist, and nothing of others is in its lists. The
 * binding is refused by name when wrong, by the account and by the database, and changing it ends the
 * user's sessions.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PrivateLandlordIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PASSWORD = "privat-hyresvard-1";
    private static final long NONE = 987654321L;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeAll
    static void smtp() {
        Smtp.server();
    }

    /** A new private landlord (kind PERSON) with one contact at a unique address. */
    private static JsonObject person(String who) {
        return created(Api.admin().post("api/landlords", Json.createObjectBuilder()
                .add("kind", "PERSON").add("name", unique(who)).add("address", "Privatvägen 1, Nyköping")
                .add("contact", Json.createObjectBuilder().add("name", who).add("role", "Privat hyresvärd")
                        .add("email", LandlordFixtures.email(who.toLowerCase().replace(' ', '.'))))
                .build().toString()));
    }

    private static JsonObjectBuilder account(String username, String role) {
        return Json.createObjectBuilder().add("username", username).add("displayName", "Privat hyresvärd")
                .add("roles", Json.createArrayBuilder().add(role)).add("password", PASSWORD);
    }

    /** A LANDLORD account for this private landlord, created by the administrator through the API. */
    private static JsonObject accountFor(JsonObject landlord) {
        String username = username("it-privat");
        Api.Reply r = Api.admin().post("api/accounts", account(username, "LANDLORD").add("landlordId", id(landlord))
                .build().toString());
        JsonObject a = created(r);
        assertTrue(r.header("Location").endsWith("/api/accounts/" + id(a)), r.header("Location"));
        return a;
    }

    /** A user name no other test uses, e.g. {@code it-privat-k3j9x0a}. */
    private static String username(String prefix) {
        return unique(prefix).replace(' ', '-').toLowerCase();
    }

    /** JSON-B leaves out a null. */
    private static boolean absent(JsonObject o, String key) {
        return !o.containsKey(key) || o.isNull(key);
    }

    private static Api as(JsonObject account) {
        return Api.as(account.getString("username"), PASSWORD);
    }

    /** A new published packet sent to these landlords; the id of its version 1. */
    private static Sent sent(String title, long... landlordIds) {
        JsonObject p = LandlordFixtures.publishedPacket(unique(title));
        awaitSend(send(id(p), 1, to(landlordIds)).json().getJsonNumber("sendId").longValue(), WAIT);
        return new Sent(id(p), ok(Api.admin().get("api/packets/" + id(p) + "/versions/1")).getJsonNumber("id").longValue());
    }

    private record Sent(long packetId, long versionId) {
    }

    private static JsonObject delivery(Sent s, long landlordId) {
        return LandlordFixtures.deliveries(s.packetId(), 1).stream()
                .filter(d -> d.getJsonNumber("landlordId").longValue() == landlordId).findFirst().orElseThrow();
    }

    private static List<Long> versions(Api api) {
        return api.get("api/portal/packets").jsonArray().getValuesAs(JsonObject.class).stream()
                .map(p -> p.getJsonNumber("versionId").longValue()).toList();
    }

    @Test
    void aPrivateLandlordReadsOpensGetsThePdfAndAcknowledgesItsPacket() throws Exception {
        JsonObject karin = person("Karin Privat");
        JsonObject account = accountFor(karin);
        assertEquals(List.of("LANDLORD"), account.getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals(id(karin), account.getJsonNumber("landlordId").longValue());
        assertTrue(absent(account, "organisationId"));
        assertEquals(karin.getString("name"), account.getString("actsFor"));
        assertFalse(account.toString().contains(PASSWORD) || account.toString().toLowerCase().contains("hash"));

        Sent s = sent("IT Privat", id(karin));
        Api me = as(account);
        List<JsonObject> mine = me.get("api/portal/packets").jsonArray().getValuesAs(JsonObject.class);
        assertEquals(1, mine.size(), mine.toString());
        assertEquals(s.versionId(), mine.get(0).getJsonNumber("versionId").longValue());
        assertEquals("SENT", mine.get(0).getString("status"));

        JsonObject doc = ok(me.get("api/portal/packets/" + s.versionId()));
        assertEquals(2, doc.getJsonArray("sections").size());
        ok(me.post("api/portal/packets/" + s.versionId() + "/opened", ""));
        assertEquals("OPENED", delivery(s, id(karin)).getString("status"));

        HttpResponse<byte[]> pdf = LandlordFixtures.bytes(account.getString("username"), PASSWORD,
                "api/portal/packets/" + s.versionId() + "/pdf");
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        try (PDDocument d = Loader.loadPDF(pdf.body())) {
            assertTrue(new PDFTextStripper().getText(d).contains("Version 1, publicerad"));
        }

        JsonObject ack = ok(me.post("api/portal/packets/" + s.versionId() + "/acknowledge", ""));
        assertEquals("ACKNOWLEDGED", ack.getString("status"));
        JsonObject acknowledged = delivery(s, id(karin));
        assertEquals("ACKNOWLEDGED", acknowledged.getString("status"));
        assertEquals(account.getString("username"), acknowledged.getString("acknowledgedBy"));
        assertEquals(1, ok(Api.admin().get("api/packets/" + s.packetId() + "/versions/1/overview")).getInt("acknowledged"));
    }

    @Test
    void aPrivateLandlordsContactNeedReachesTheAdministratorUnderItsName() {
        JsonObject olle = person("Olle Privat");
        JsonObject account = accountFor(olle);
        Api me = as(account);
        String text = unique("Hyresgästen har inte hörts av på en vecka");
        JsonObject need = created(me.post("api/portal/contact-needs", Json.createObjectBuilder()
                .add("category", "OTHER").add("description", text).build().toString()));
        assertEquals(olle.getString("name"), need.getString("landlordName"));
        List<JsonObject> mine = me.get("api/portal/contact-needs").jsonArray().getValuesAs(JsonObject.class);
        assertEquals(1, mine.size(), "only its own need, not the demo's or anyone else's: " + mine);
        assertEquals(text, mine.get(0).getString("description"));

        JsonObject listed = Api.admin().get("api/contact-needs?open=true").jsonArray().getValuesAs(JsonObject.class)
                .stream().filter(n -> n.getString("description").equals(text)).findFirst().orElseThrow();
        assertEquals(olle.getString("name"), listed.getString("landlordName"));
        assertEquals(account.getString("username"), listed.getString("reportedBy"));
    }

    @Test
    void anotherLandlordsPacketIsExactlyAsMissingAndNothingOfOthersIsListed() {
        JsonObject mineLandlord = person("Mia Privat");
        JsonObject otherPerson = person("Otto Privat");
        JsonObject company = LandlordFixtures.company(LandlordFixtures.email("bolag-privat"));
        JsonObject account = accountFor(mineLandlord);
        Api me = as(account);
        Sent mine = sent("IT Privat min", id(mineLandlord));
        Sent theirs = sent("IT Privat annan", id(otherPerson));
        Sent companys = sent("IT Privat bolag", id(company));
        Sent both = sent("IT Privat båda", id(mineLandlord), id(company));
        String otherNeed = unique("Annans behov");
        created(as(accountFor(otherPerson)).post("api/portal/contact-needs", Json.createObjectBuilder()
                .add("category", "OTHER").add("description", otherNeed).build().toString()));

        assertEquals(List.of(both.versionId(), mine.versionId()), versions(me), "its own, newest first, and nothing else");
        assertTrue(me.get("api/portal/contact-needs").jsonArray().isEmpty(), "no one else's need");

        for (Sent other : List.of(theirs, companys)) {
            long v = other.versionId();
            Map<String, Long> ids = Map.of("version", v);
            same("GET", me.get("api/portal/packets/" + v), me.get("api/portal/packets/" + NONE), ids);
            same("GET pdf", me.send("GET", "api/portal/packets/" + v + "/pdf", null, null, "Accept", "*/*"),
                    me.send("GET", "api/portal/packets/" + NONE + "/pdf", null, null, "Accept", "*/*"), ids);
            same("POST opened", me.post("api/portal/packets/" + v + "/opened", ""),
                    me.post("api/portal/packets/" + NONE + "/opened", ""), ids);
            same("POST acknowledge", me.post("api/portal/packets/" + v + "/acknowledge", ""),
                    me.post("api/portal/packets/" + NONE + "/acknowledge", ""), ids);
        }
        assertEquals("SENT", delivery(theirs, id(otherPerson)).getString("status"), "nothing of theirs changed");
        assertEquals("SENT", delivery(companys, id(company)).getString("status"));

        // Acknowledging the packet sent to both acknowledges only my delivery.
        ok(me.post("api/portal/packets/" + both.versionId() + "/acknowledge", ""));
        assertEquals("ACKNOWLEDGED", delivery(both, id(mineLandlord)).getString("status"));
        assertEquals("SENT", delivery(both, id(company)).getString("status"));

        // And the company's user and the other private landlord see none of mine.
        assertFalse(versions(LandlordFixtures.landlordUser(company.getJsonNumber("organisationId").longValue()).api())
                .contains(mine.versionId()));
        assertFalse(versions(Api.demo("hyresvard")).contains(mine.versionId()));
    }

    /** Same status, type and body but for the instance path, and no id in it (as NotFoundApiIT). */
    private static void same(String what, Api.Reply other, Api.Reply missing, Map<String, Long> ids) {
        assertEquals(404, other.status(), what + ": " + other);
        assertEquals(missing.status(), other.status(), what);
        assertProblem(other, 404, null);
        assertEquals(missing.contentType(), other.contentType(), what);
        assertEquals(withoutInstance(missing.body()), withoutInstance(other.body()), what);
        ids.values().forEach(id -> assertFalse(other.body().contains(Long.toString(id)), what + ": " + other.body()));
    }

    private static String withoutInstance(String body) {
        return body.replaceAll("\"instance\"\\s*:\\s*\"[^\"]*\"\\s*,?", "");
    }

    @Test
    void theDemosPrivateLandlordSignsInAndSeesTheDemoPacket() {
        Api karin = Api.demo("karin");
        List<JsonObject> packets = karin.get("api/portal/packets").jsonArray().getValuesAs(JsonObject.class);
        assertTrue(packets.stream().anyMatch(p -> p.getString("title").equals("Bostad först – information till hyresvärdar")),
                packets.toString());
        assertTrue(karin.get("api/portal/contact-needs").jsonArray().isEmpty(), "Nyköpingshem's need is not hers");
        JsonObject listed = Api.admin().get("api/accounts").jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("username").equals("karin")).findFirst().orElseThrow();
        assertEquals("Karin Exempelsson (exempel)", listed.getString("actsFor"));
        assertTrue(absent(listed, "organisationId"));
        assertProblem(karin.get("api/agreements"), 403, null);
        assertProblem(karin.get("api/accounts"), 403, null);
    }

    @Test
    void aWrongBindingIsRefusedByNameAndStoresNothing() {
        JsonObject karin = person("Kerstin Privat");
        JsonObject company = LandlordFixtures.company(LandlordFixtures.email("bolag-fel"));
        long housingCompany = company.getJsonNumber("organisationId").longValue();
        long before = accounts();
        String name = username("it-fel");

        refusal(account(name, "LANDLORD").add("landlordId", id(company)), "landlordId");
        refusal(account(name, "LANDLORD").add("landlordId", id(karin)).add("organisationId", housingCompany), "landlordId");
        refusal(account(name, "LANDLORD").add("landlordId", NONE), "landlordId");
        refusal(account(name, "PARTNER").add("landlordId", id(karin)).add("organisationId", organisationId(Fixtures.STADSMISSION)),
                "landlordId");
        refusal(account(name, "LANDLORD"), "organisationId");
        assertProblem(Api.admin().post("api/accounts", account(name, "LANDLORD").add("landlordId", "ett").build().toString()),
                400, "landlordId");
        assertProblem(Api.demo("revisor").post("api/accounts", account(name, "LANDLORD").add("landlordId", id(karin))
                .build().toString()), 403, null);
        assertEquals(before, accounts(), "no account stored");

        // The same rules when changing an account.
        JsonObject a = accountFor(karin);
        String path = "api/accounts/" + id(a);
        assertProblem(Api.admin().put(path, update(a).add("landlordId", id(company)).build().toString()), 422, "landlordId");
        assertProblem(Api.admin().put(path, update(a).add("landlordId", id(karin)).add("organisationId", housingCompany)
                .build().toString()), 422, "landlordId");
        assertEquals(id(karin), ok(Api.admin().get(path)).getJsonNumber("landlordId").longValue(), "unchanged");

        // A municipality role keeps no landlord.
        JsonObject auditor = ok(Api.admin().put(path, update(a).add("landlordId", id(karin))
                .add("roles", Json.createArrayBuilder().add("AUDITOR")).build().toString()));
        assertTrue(absent(auditor, "landlordId"));
        assertTrue(absent(auditor, "actsFor"));
    }

    private static String refusal(JsonObjectBuilder body, String field) {
        return assertProblem(Api.admin().post("api/accounts", body.build().toString()), 422, field).getString("detail");
    }

    private static JsonObjectBuilder update(JsonObject a) {
        return Json.createObjectBuilder().add("displayName", a.getString("displayName"))
                .add("roles", Json.createArrayBuilder().add("LANDLORD")).add("version", Fixtures.version(a));
    }

    private static long accounts() {
        return ((Number) Rows.value("select count(*) from account")).longValue();
    }

    @Test
    void movingTheAccountToAnotherLandlordEndsItsSessionAndChangesWhatItSees() throws Exception {
        JsonObject first = person("Frida Privat");
        JsonObject second = person("Sune Privat");
        JsonObject account = accountFor(first);
        Sent toFirst = sent("IT Privat första", id(first));
        Sent toSecond = sent("IT Privat andra", id(second));

        Api.Reply basic = as(account).get("api/portal/packets");
        assertEquals(200, basic.status(), basic.body());
        String cookie = basic.raw().headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse(null);
        assertNotNull(cookie, "HTTP Basic opens a session");
        assertEquals(200, Api.anonymous().send("GET", "api/portal/packets", null, null, "Cookie", cookie).status());

        JsonObject moved = ok(Api.admin().put("api/accounts/" + id(account), update(account).add("landlordId", id(second))
                .build().toString()));
        assertEquals(id(second), moved.getJsonNumber("landlordId").longValue());
        assertEquals(401, Api.anonymous().send("GET", "api/portal/packets", null, null, "Cookie", cookie).status(),
                "the session of the old binding is over");
        assertEquals(List.of(toSecond.versionId()), versions(as(account)));
        assertEquals(404, as(account).get("api/portal/packets/" + toFirst.versionId()).status());
    }

    @Test
    void theDatabaseHoldsTheBindingToo() throws Exception {
        JsonObject karin = person("Karl Privat");
        JsonObject company = LandlordFixtures.company(LandlordFixtures.email("bolag-db"));
        long housingCompany = company.getJsonNumber("organisationId").longValue();
        String hash = PasswordHash.of(PASSWORD.toCharArray()).replace("'", "''");
        try (Connection c = ItDatabase.database().connect()) {
            // A company's landlord record is never bound directly.
            refusedByTheDatabase(c, "insert into account (username, password_hash, display_name, landlord_id)"
                    + " values ('" + username("db-a") + "', '" + hash + "', 'X', " + id(company) + ")");
            // Never both.
            refusedByTheDatabase(c, "insert into account (username, password_hash, display_name, landlord_id, organisation_id)"
                    + " values ('" + username("db-b") + "', '" + hash + "', 'X', " + id(karin) + ", "
                    + housingCompany + ")");
            // Only a LANDLORD account has one (checked at commit, over the account's roles).
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("insert into account (username, password_hash, display_name, landlord_id) values ('"
                        + username("db-c") + "', '" + hash + "', 'X', " + id(karin) + ")");
                s.execute("insert into account_role (account_id, role) values (currval('account_id_seq'), 'ADMIN')");
                assertThrows(SQLException.class, c::commit);
            } finally {
                c.rollback();
            }
            // A LANDLORD account has one of the two.
            try (Statement s = c.createStatement()) {
                s.execute("insert into account (username, password_hash, display_name) values ('"
                        + username("db-d") + "', '" + hash + "', 'X')");
                s.execute("insert into account_role (account_id, role) values (currval('account_id_seq'), 'LANDLORD')");
                SQLException e = assertThrows(SQLException.class, c::commit);
                assertEquals("23514", e.getSQLState(), e.getMessage());
            } finally {
                c.rollback();
            }
        }
        assertNull(Rows.value("select max(id) from account where username like 'db-%'"));
    }

    private static void refusedByTheDatabase(Connection c, String sql) {
        assertThrows(SQLException.class, () -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }, sql);
    }
}
