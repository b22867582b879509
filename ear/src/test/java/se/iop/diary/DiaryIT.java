package se.iop.diary;

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
import se.iop.it.ItDatabase;
import se.iop.it.Management;
import se.iop.it.Rows;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Fixtures.STADSMISSION;
import static se.iop.it.Fixtures.agreement;
import static se.iop.it.Fixtures.created;
import static se.iop.it.Fixtures.createAgreement;
import static se.iop.it.Fixtures.decided;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.ok;
import static se.iop.it.Fixtures.unique;
import static se.iop.it.FollowUpFixtures.activeWith;
import static se.iop.it.FollowUpFixtures.createReport;
import static se.iop.it.FollowUpFixtures.pdf;
import static se.iop.it.FollowUpFixtures.report;
import static se.iop.it.FollowUpFixtures.upload;
import static se.iop.it.LandlordFixtures.company;
import static se.iop.it.LandlordFixtures.publishedPacket;
import static se.iop.it.LandlordFixtures.send;
import static se.iop.it.LandlordFixtures.to;
import static se.iop.it.Problems.assertProblem;

/**
 * The diary (registration and the public diary) against the real server and database: numbers in the configured
 * format and series, distinct under concurrency, an entry for every kind of document where it is made, received
 * or sent, the demo numbered by the migration, secrecy in every public output, and who may mark.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DiaryIT {

    private static final Api ADMIN = Api.admin();
    private static final Api PUBLIC = Api.anonymous();
    private static final int YEAR = LocalDate.now(ZoneId.of("Europe/Stockholm")).getYear();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    /** The entry of a document: number, direction, counterpart, counterpart_private, description, secret. */
    private static List<Object> entry(String kind, long documentId) {
        try (Connection c = ItDatabase.database().connect(); PreparedStatement ps = c.prepareStatement(
                "select number, direction, counterpart, counterpart_private, description, secret, id from registry_entry"
                        + " where document_kind = ? and document_id = ?")) {
            ps.setString(1, kind);
            ps.setLong(2, documentId);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "no diary entry for " + kind + " " + documentId);
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= 7; i++) {
                    row.add(rs.getObject(i));
                }
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String number(String kind, long documentId) {
        return (String) entry(kind, documentId).get(0);
    }

    private static long entryId(String kind, long documentId) {
        return ((Number) entry(kind, documentId).get(6)).longValue();
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void numbersFollowTheFormatOfTheirCommitteesSeries() {
        JsonObject a = decided(STADSMISSION);
        String agreementNumber = number("AGREEMENT", id(a));
        assertTrue(Pattern.matches("IOP " + YEAR + "/\\d{4}", agreementNumber), agreementNumber);
        long decision = a.getJsonArray("decisions").getJsonObject(0).getJsonNumber("id").longValue();
        String decisionNumber = number("COMMITTEE_DECISION", decision);
        assertTrue(Pattern.matches("SN " + YEAR + "/\\d{4}", decisionNumber), "Socialnämnden's own series: " + decisionNumber);
        assertEquals("DRAWN_UP", entry("COMMITTEE_DECISION", decision).get(1));

        JsonObject next = createAgreement(agreement());
        int first = Integer.parseInt(agreementNumber.substring(agreementNumber.indexOf('/') + 1));
        String nextNumber = number("AGREEMENT", id(next));
        assertTrue(Integer.parseInt(nextNumber.substring(nextNumber.indexOf('/') + 1)) > first, nextNumber);
        assertEquals(1L, Rows.value("select count(*) from registry_series where prefix = 'IOP' and series_year = ?", YEAR));
    }

    @Test
    void twoRegistrationsAtOnceGetDistinctNumbers() throws Exception {
        int writers = 12;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<JsonObject>> made = new ArrayList<>();
        try {
            for (int i = 0; i < writers; i++) {
                made.add(pool.submit(() -> {
                    start.await();
                    return created(ADMIN.post("api/agreements", agreement().build().toString()));
                }));
            }
            start.countDown();
            Set<String> numbers = new HashSet<>();
            Set<Integer> sequences = new HashSet<>();
            for (Future<JsonObject> f : made) {
                String n = number("AGREEMENT", id(f.get()));
                numbers.add(n);
                sequences.add(Integer.parseInt(n.substring(n.indexOf('/') + 1)));
            }
            assertEquals(writers, numbers.size(), "each registration its own number: " + numbers);
            int low = sequences.stream().min(Integer::compare).orElseThrow();
            int high = sequences.stream().max(Integer::compare).orElseThrow();
            assertEquals(writers - 1, high - low, "no number lost or given twice: " + sequences);
        } finally {
            pool.shutdownNow();
        }
        // The database's own guard: a second entry with a number already given is refused.
        try (Connection c = ItDatabase.database().connect(); PreparedStatement ps = c.prepareStatement(
                "insert into registry_entry (number, prefix, series_year, sequence, document_kind, document_id, direction,"
                        + " document_date, registered_on, registered_at, registered_by, description)"
                        + " select number, prefix, series_year, sequence + 100000, document_kind, document_id + 100000,"
                        + " direction, document_date, registered_on, registered_at, registered_by, description"
                        + " from registry_entry order by id desc limit 1")) {
            SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, ps::executeUpdate);
            assertEquals("23505", refused.getSQLState());
        }
    }

    @Test
    void everyKindOfDocumentIsRegisteredWhereItIsMadeReceivedOrSent() {
        JsonObject a = activeWith(STADSMISSION);
        long agreementId = id(a);
        assertEquals("DRAWN_UP", entry("AGREEMENT", agreementId).get(1));
        long decision = a.getJsonArray("decisions").getJsonObject(0).getJsonNumber("id").longValue();
        assertEquals("DRAWN_UP", entry("COMMITTEE_DECISION", decision).get(1));

        JsonObject amended = created(ADMIN.post("api/agreements/" + agreementId + "/amendments", Json.createObjectBuilder()
                .add("effectiveOn", "2024-06-01").add("description", "Ändrad tid för uppföljning")
                .add("decisionId", decision).build().toString()));
        List<Object> amendment = entry("AMENDMENT", id(amended.getJsonArray("amendments").getJsonObject(0)));
        assertTrue(((String) amendment.get(0)).startsWith("SN "), "decided by Socialnämnden: " + amendment);

        Api partner = Api.demo("stadsmissionen");
        JsonObject r = createReport(partner, report(agreementId, "2024-Q1", 5));
        long attachment = id(created(upload("stadsmissionen", id(r), "underlag.pdf", "application/pdf", pdf())));
        assertEquals(0L, Rows.value("select count(*) from registry_entry where document_kind = 'ACTIVITY_REPORT'"
                + " and document_id = ?", id(r)), "a draft is not yet received");
        ok(partner.post("api/reports/" + id(r) + "/submit", "{}"));
        List<Object> received = entry("ACTIVITY_REPORT", id(r));
        assertEquals("INCOMING", received.get(1));
        assertEquals(STADSMISSION, received.get(2));
        assertEquals("INCOMING", entry("REPORT_ATTACHMENT", attachment).get(1));

        JsonObject need = created(Api.demo("hyresvard").post("api/portal/contact-needs", Json.createObjectBuilder()
                .add("category", "OTHER").add("description", "Ring oss om trapphus C").build().toString()));
        List<Object> needEntry = entry("CONTACT_NEED", id(need));
        assertEquals("INCOMING", needEntry.get(1));
        assertEquals("Nyköpingshem AB", needEntry.get(2));
        assertFalse(((String) needEntry.get(4)).contains("trapphus"), "the landlord's words stay out of the diary");

        JsonObject privateNeed = created(Api.demo("karin").post("api/portal/contact-needs", Json.createObjectBuilder()
                .add("category", "OTHER").add("description", "Ring mig").build().toString()));
        assertEquals(Boolean.TRUE, entry("CONTACT_NEED", id(privateNeed)).get(3), "a private person");

        JsonObject packet = publishedPacket(unique("Diariepaket"));
        long versionId = id(ok(ADMIN.get("api/packets/" + id(packet) + "/versions/1")));
        JsonObject landlord = company(unique("diary").replace(' ', '-') + "@example.se");
        assertEquals(202, send(id(packet), 1, to(id(landlord))).status());
        assertEquals("OUTGOING", entry("PACKET_VERSION", versionId).get(1));
    }

    @Test
    void theMigrationNumberedTheDemoInOrder() {
        // Every demo document that the application would have registered has its entry.
        for (String sql : List.of(
                "select count(*) from agreement d where not exists (select 1 from registry_entry e where e.document_kind = 'AGREEMENT' and e.document_id = d.id)",
                "select count(*) from committee_decision d where not exists (select 1 from registry_entry e where e.document_kind = 'COMMITTEE_DECISION' and e.document_id = d.id)",
                "select count(*) from amendment d where not exists (select 1 from registry_entry e where e.document_kind = 'AMENDMENT' and e.document_id = d.id)",
                "select count(*) from activity_report d where d.submitted_on is not null and not exists (select 1 from registry_entry e where e.document_kind = 'ACTIVITY_REPORT' and e.document_id = d.id)",
                "select count(*) from contact_need d where not exists (select 1 from registry_entry e where e.document_kind = 'CONTACT_NEED' and e.document_id = d.id)",
                "select count(*) from packet_version d where exists (select 1 from packet_send s where s.packet_version_id = d.id) and not exists (select 1 from registry_entry e where e.document_kind = 'PACKET_VERSION' and e.document_id = d.id)")) {
            assertEquals(0L, Rows.value(sql), sql);
        }
        // The demo's decisions: Vård- och omsorgsnämnden 7 Sept 2023, Socialnämnden 14 Sept 2023, each the first of its
        // committee's 2023 series; Socialnämnden's decision of May 2024 opens its 2024 series.
        assertEquals("VON 2023/0001", Rows.value("select e.number from registry_entry e join committee_decision d"
                + " on e.document_kind = 'COMMITTEE_DECISION' and e.document_id = d.id where d.meeting_date = '2023-09-07'"));
        assertEquals("SN 2023/0001", Rows.value("select e.number from registry_entry e join committee_decision d"
                + " on e.document_kind = 'COMMITTEE_DECISION' and e.document_id = d.id where d.meeting_date = '2023-09-14'"));
        assertEquals("SN 2024/0001", Rows.value("select e.number from registry_entry e join committee_decision d"
                + " on e.document_kind = 'COMMITTEE_DECISION' and e.document_id = d.id where d.meeting_date = '2024-05-16'"));
        // Within a series, by date: a later document never has a smaller number.
        assertEquals(0L, Rows.value("select count(*) from registry_entry a join registry_entry b on a.prefix = b.prefix"
                + " and a.series_year = b.series_year and a.registered_by = 'system' and b.registered_by = 'system'"
                + " where a.document_date < b.document_date and a.sequence > b.sequence"));
    }

    @Test
    void aSecretEntryShowsNothingOfItsContentInAnyPublicOutput() {
        String word = unique("Hemligord").replace(' ', '-');
        JsonObject a = createAgreement(agreement().add("title", "Avtal om " + word));
        long entryId = entryId("AGREEMENT", id(a));
        String number = number("AGREEMENT", id(a));

        // Before the marking: found by its words, description shown.
        JsonObject before = ok(PUBLIC.get("api/public/diary?text=" + q(word)));
        assertEquals(1, before.getInt("total"), before.toString());
        assertTrue(before.getJsonArray("entries").getJsonObject(0).getString("description").contains(word));

        JsonObject marked = ok(ADMIN.put("api/diary/" + entryId + "/secrecy", Json.createObjectBuilder()
                .add("secrecyReference", "26 kap. 1 § OSL").add("secrecyReason", "Uppgifter om enskilds personliga förhållanden")
                .build().toString()));
        assertTrue(marked.getBoolean("secret"));

        // JSON: the entry is listed by its number, without description.
        JsonObject byNumber = ok(PUBLIC.get("api/public/diary?number=" + q(number)));
        assertEquals(1, byNumber.getInt("total"), byNumber.toString());
        JsonObject shown = byNumber.getJsonArray("entries").getJsonObject(0);
        assertEquals(number, shown.getString("number"));
        assertTrue(shown.getBoolean("secret"));
        assertEquals("26 kap. 1 § OSL", shown.getString("secrecyReference"));
        assertFalse(shown.containsKey("description"), shown.toString());
        assertNotNull(shown.getString("requestFrom"));
        assertFalse(byNumber.toString().contains(word));
        assertFalse(byNumber.toString().contains("personliga"), "the reason is not public");

        // Search by the hidden text finds nothing, in JSON, CSV and the page.
        assertEquals(0, ok(PUBLIC.get("api/public/diary?text=" + q(word))).getInt("total"));
        Api.Reply csv = PUBLIC.send("GET", "api/public/diary.csv", null, null, "Accept", "text/csv");
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.body().contains(number), "listed in the CSV");
        assertFalse(csv.body().contains(word), "its content is not");
        assertTrue(csv.body().startsWith("\uFEFFnumber;kind;direction;date;registeredOn;counterpart;counterpartWithheld;"
                + "description;secret;secrecyReference;requestFrom"), csv.body().substring(0, 120));
        Api.Reply csvSearch = PUBLIC.send("GET", "api/public/diary.csv?text=" + q(word), null, null, "Accept", "text/csv");
        assertEquals(1, csvSearch.body().strip().split("\r\n").length, "only the header: " + csvSearch.body());

        Api.Reply page = PUBLIC.send("GET", "public/diary.xhtml?number=" + q(number), null, null, "Accept", "text/html");
        assertEquals(200, page.status());
        assertTrue(page.body().contains(number));
        assertTrue(page.body().contains("26 kap. 1 § OSL"));
        assertFalse(page.body().contains(word));
        Api.Reply pageSearch = PUBLIC.send("GET", "public/diary.xhtml?text=" + q(word), null, null, "Accept", "text/html");
        assertFalse(pageSearch.body().contains(number));
        assertFalse(pageSearch.body().contains(word.substring(0, 8) + "-") && pageSearch.body().contains("data-number"),
                "no entry row for the hidden word");

        // Inside, the administrator and the auditor read it whole and find it by its words.
        JsonObject inside = ok(Api.demo("revisor").get("api/diary?text=" + q(word)));
        assertEquals(1, inside.getInt("total"));
        assertTrue(inside.getJsonArray("entries").getJsonObject(0).getString("description").contains(word));

        // Lifted: public again.
        ok(ADMIN.delete("api/diary/" + entryId + "/secrecy"));
        assertEquals(1, ok(PUBLIC.get("api/public/diary?text=" + q(word))).getInt("total"));
    }

    @Test
    void aPrivatePersonIsNeverNamedPublicly() {
        created(Api.demo("karin").post("api/portal/contact-needs", Json.createObjectBuilder()
                .add("category", "OTHER").add("description", "Ring mig om lägenheten").build().toString()));
        String all = PUBLIC.send("GET", "api/public/diary.csv", null, null, "Accept", "text/csv").body();
        assertFalse(all.contains("Karin"), "no private landlord's name in the public CSV");
        assertTrue(all.contains("CONTACT_NEED;INCOMING"), all);
        assertEquals(0, ok(PUBLIC.get("api/public/diary?counterpart=Karin")).getInt("total"));
        assertEquals(0, ok(PUBLIC.get("api/public/diary?text=Exempelsson")).getInt("total"));
        JsonObject json = ok(PUBLIC.get("api/public/diary?size=200"));
        assertFalse(json.toString().contains("Karin"));
        assertFalse(PUBLIC.send("GET", "public/diary.xhtml?text=CONTACT", null, null).body().contains("Karin"));
        assertTrue(ok(ADMIN.get("api/diary?counterpart=Karin")).getInt("total") >= 1, "inside, the name is kept");
    }

    @Test
    void onlyAnAdministratorMarksAndEveryMarkingIsAudited() {
        JsonObject a = createAgreement(agreement());
        long entryId = entryId("AGREEMENT", id(a));
        String body = Json.createObjectBuilder().add("secrecyReference", "21 kap. 1 § OSL")
                .add("secrecyReason", "Hälsa").build().toString();
        for (String user : List.of("revisor", "ekonom", "stadsmissionen", "hyresvard")) {
            assertEquals(403, Api.demo(user).put("api/diary/" + entryId + "/secrecy", body).status(), user);
        }
        assertEquals(401, PUBLIC.put("api/diary/" + entryId + "/secrecy", body).status());
        assertEquals(Boolean.FALSE, entry("AGREEMENT", id(a)).get(5));

        // Bad input names its field and changes nothing.
        assertProblem(ADMIN.put("api/diary/" + entryId + "/secrecy", Json.createObjectBuilder()
                .add("secrecyReference", "sekretess").add("secrecyReason", "Hälsa").build().toString()), 422, "secrecyReference");
        assertProblem(ADMIN.put("api/diary/" + entryId + "/secrecy", Json.createObjectBuilder()
                .add("secrecyReference", "21 kap. 1 § OSL").add("secrecyReason", " ").build().toString()), 422, "secrecyReason");
        assertProblem(ADMIN.put("api/diary/" + entryId + "/secrecy", "{\"secrecyReference\": \"21 kap. 1 § OSL\"}"),
                400, "secrecyReason");
        assertProblem(ADMIN.put("api/diary/" + entryId + "/secrecy", body, "If-Match", "\"7\""), 409, "version");
        assertProblem(ADMIN.delete("api/diary/" + entryId + "/secrecy"), 409, "secret");
        assertProblem(ADMIN.put("api/diary/999999999/secrecy", body), 404, null);
        assertEquals(Boolean.FALSE, entry("AGREEMENT", id(a)).get(5));
        assertEquals(1L, Rows.value("select count(*) from registry_entry_aud where id = ?", entryId), "its creation only");

        JsonObject marked = ok(ADMIN.put("api/diary/" + entryId + "/secrecy", body));
        ok(ADMIN.send("DELETE", "api/diary/" + entryId + "/secrecy", null, null, "If-Match", "\"" + marked.getInt("version") + "\""));
        assertEquals(List.of("admin|false|", "admin|true|21 kap. 1 § OSL", "admin|false|"), Rows.values("select r.username || '|' || a.secret"
                + " || '|' || coalesce(a.secrecy_reference, '') from registry_entry_aud a join revision r on r.id = a.rev"
                + " where a.id = ? order by a.rev", entryId));
    }

    @Test
    void badSearchesAreRefusedNamingTheField() {
        assertProblem(PUBLIC.get("api/public/diary?from=2024-13-01"), 422, "from");
        assertProblem(PUBLIC.get("api/public/diary?from=2024-05-01&to=2024-04-01"), 422, "to");
        assertProblem(PUBLIC.get("api/public/diary?size=0"), 422, "size");
        assertProblem(PUBLIC.get("api/public/diary?size=201"), 422, "size");
        assertProblem(PUBLIC.get("api/public/diary?page=-1"), 422, "page");
        assertProblem(PUBLIC.get("api/public/diary?page=x"), 422, "page");
        assertProblem(PUBLIC.get("api/public/diary?text=" + q("a\u0000b")), 422, "text");
        assertProblem(PUBLIC.send("GET", "api/public/diary.csv?to=" + q("igår"), null, null, "Accept", "text/csv"), 422, "to");
        Api.Reply page = PUBLIC.send("GET", "public/diary.xhtml?from=2024-13-01", null, null, "Accept", "text/html");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("href=\"#from\""), "the page names the field");
        assertTrue(page.body().contains("ÅÅÅÅ-MM-DD"), "and says what is wrong");

        // Paging and the date range.
        JsonObject two = ok(PUBLIC.get("api/public/diary?size=2&page=1"));
        assertEquals(1, two.getInt("page"));
        assertTrue(two.getJsonArray("entries").size() <= 2);
        JsonObject in2023 = ok(PUBLIC.get("api/public/diary?from=2023-01-01&to=2023-12-31&size=200"));
        assertTrue(in2023.getInt("total") >= 3, in2023.toString());
        in2023.getJsonArray("entries").getValuesAs(JsonObject.class)
                .forEach(e -> assertTrue(e.getString("date").startsWith("2023-"), e.toString()));
    }

    @Test
    void thePublicRecordsNeedNoLoginAndMakeNoSessionWhileTheRestStaysProtected() {
        for (String path : List.of("public/diary.xhtml", "api/public/diary", "api/public/diary.csv")) {
            Api.Reply r = PUBLIC.send("GET", path, null, null, "Accept", path.endsWith(".csv") ? "text/csv" : "*/*");
            assertEquals(200, r.status(), path + ": " + r.body());
            assertTrue(r.raw().headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("JSESSIONID")),
                    path + " makes no session");
        }
        assertEquals(401, PUBLIC.get("api/diary").status());
        assertEquals(401, PUBLIC.get("api/agreements").status());
        for (String page : List.of("diary/list.xhtml", "agreements/list.xhtml", "index.xhtml")) {
            Api.Reply r = PUBLIC.send("GET", page, null, null, "Accept", "text/html");
            assertEquals(302, r.status(), page);
            assertTrue(r.header("Location").contains("login.xhtml"), page);
        }
        assertEquals(403, Api.demo("ekonom").get("api/diary").status());
        assertEquals(200, Api.demo("revisor").get("api/diary").status());
    }

    @Test
    void aPatternThatCouldCollideIsRefusedAndNothingIsStored() {
        try (Management m = Management.itServer()) {
            m.systemProperty("iop.diary.pattern", "{prefix} {year}");
            try {
                String reference = unique("IT");
                assertProblem(ADMIN.post("api/agreements", agreement().add("reference", reference).build().toString()),
                        409, "IOP_DIARY_PATTERN");
                assertEquals(0L, Rows.value("select count(*) from agreement where reference = ?", reference));
            } finally {
                m.systemProperty("iop.diary.pattern", null);
            }
            // Socialnämnden's series (SN, given at start-up) cannot also be the default one.
            m.systemProperty("iop.diary.defaultPrefix", "SN");
            try {
                assertProblem(ADMIN.post("api/agreements", agreement().build().toString()), 409, "IOP_DIARY_PREFIXES");
            } finally {
                m.systemProperty("iop.diary.defaultPrefix", null);
            }
        }
        created(ADMIN.post("api/agreements", agreement().build().toString()));
    }

    @Test
    void anEntryForAThingAlreadyRegisteredIsItsOwn() {
        JsonObject a = createAgreement(agreement());
        assertNull(Rows.value("select number from registry_entry where document_kind = 'AGREEMENT' and document_id = ?"
                + " group by number having count(*) > 1", id(a)));
    }
}
