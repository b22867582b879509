package se.iop.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import se.iop.it.Api;
import se.iop.it.Deployments;
import se.iop.it.Rows;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.FollowUpFixtures.approved;
import static se.iop.it.FollowUpFixtures.report;
import static se.iop.it.Fixtures.KOMMUN;
import static se.iop.it.Fixtures.SOCIALNAMNDEN;
import static se.iop.it.Fixtures.STADSMISSION;
import static se.iop.it.Fixtures.addParty;
import static se.iop.it.Fixtures.agreement;
import static se.iop.it.Fixtures.assessComplete;
import static se.iop.it.Fixtures.committeeId;
import static se.iop.it.Fixtures.createAgreement;
import static se.iop.it.Fixtures.created;
import static se.iop.it.Fixtures.decided;
import static se.iop.it.Fixtures.draftWith;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.moveTo;
import static se.iop.it.Fixtures.ok;
import static se.iop.it.Fixtures.unique;
import static se.iop.it.Problems.assertProblem;

/**
 * The public IOP register (issue 12 §2) as anyone reads it without a login: the partnerships in force and
 * ended, never drafts; parties, period, decided amount and decisions with their registration number; the
 * outcomes over time with counts under three hidden (the same rule as inside, also for zero); the same in
 * JSON, CSV and HTML with the documented field names; and nothing a partner wrote or a private landlord's
 * name in any of them. No answer makes a session.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicRegisterIT {

    private static final Api ADMIN = Api.admin();
    private static final Api STADSMISSIONEN = Api.demo("stadsmissionen");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String landlordName = "Gunborg Privatvärdsson " + unique("L");
    private final String narrative = "Hemlig berättelse " + unique("N");
    private final String decisionText = "Beslutstext som inte är offentlig " + unique("T");
    private String decisionNumber;
    private String inForceReference;
    private String endedReference;
    private String draftReference;
    private String decidedReference;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeAll
    void partnershipsReportsAndAPrivateLandlord() {
        created(ADMIN.post("api/landlords", Json.createObjectBuilder().add("kind", "PERSON").add("name", landlordName)
                .add("address", "Backvägen 9").build().toString()));

        // In force 2019–2020: the only partnership with reports in 2019, so its quarters are this test's alone.
        JsonObject a = createAgreement(agreement().add("startDate", "2019-01-01").add("endDate", "2020-12-31"));
        long inForce = id(a);
        inForceReference = a.getString("reference");
        addParty(inForce, KOMMUN, "PUBLIC_PARTNER", "2019-01-01");
        addParty(inForce, STADSMISSION, "NON_PROFIT_PARTNER", "2019-01-01");
        // The committee's own case reference, typed on the decision; the register shows the decision's number in
        // IOP's diary instead (the committee's series).
        String caseReference = unique("SN 2019/");
        created(ADMIN.post("api/agreements/" + inForce + "/decisions", Json.createObjectBuilder()
                .add("committeeId", committeeId(KOMMUN, SOCIALNAMNDEN)).add("meetingDate", "2018-12-13")
                .add("paragraph", "§ 77").add("diarienummer", caseReference)
                .add("text", decisionText + " – lägenhet hos " + landlordName).add("amount", "450000.00").build().toString()));
        decisionNumber = (String) Rows.value("select e.number from registry_entry e join committee_decision d"
                + " on e.document_kind = 'COMMITTEE_DECISION' and e.document_id = d.id where d.agreement_id = ?", inForce);
        assertTrue(decisionNumber.matches("SN \\d{4}/\\d{4}"), decisionNumber);
        JsonObject assessed = assessComplete(ok(ADMIN.get("api/agreements/" + inForce)));
        JsonObject decidedOne = ok(moveTo(ADMIN, assessed, "DECIDED"));
        ok(moveTo(ADMIN, decidedOne, "ACTIVE"));

        // 2019-Q2: two households housed (hidden), zero evictions (hidden), seven people in contact (shown).
        approved(STADSMISSIONEN, report(inForce, "2019-Q2", 0).add("narrative", narrative + " hos " + landlordName)
                .add("peopleInContact", 7).add("householdsHoused", 2).add("householdsHousedTotal", 2)
                .add("landlordsEngaged", 3));
        // 2019-Q3: exactly three housed, shown.
        approved(STADSMISSIONEN, report(inForce, "2019-Q3", 0).add("narrative", narrative)
                .add("peopleInContact", 9).add("householdsHoused", 3).add("householdsHousedTotal", 5)
                .add("landlordsEngaged", 4));

        JsonObject ended = ok(moveTo(ADMIN, decided(STADSMISSION), "ACTIVE"));
        endedReference = ended.getString("reference");
        ok(moveTo(ADMIN, ended, "ENDED"));

        draftReference = draftWith(STADSMISSION).getString("reference");
        decidedReference = decided(STADSMISSION).getString("reference");
    }

    private static HttpResponse<String> anonymous(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(Api.base().resolve(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertNoSession(HttpResponse<?> r) {
        assertFalse(r.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID")),
                r.uri() + " made a session: " + r.headers().map());
    }

    private static JsonObject partnership(JsonObject register, String reference) {
        return register.getJsonArray("partnerships").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("reference").equals(reference)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + reference + " in the register"));
    }

    private static boolean listed(JsonObject register, String reference) {
        return register.getJsonArray("partnerships").getValuesAs(JsonObject.class).stream()
                .anyMatch(p -> p.getString("reference").equals(reference));
    }

    private static JsonObject quarter(JsonObject register, String code) {
        return register.getJsonArray("outcomes").getValuesAs(JsonObject.class).stream()
                .filter(q -> q.getString("quarter").equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in " + register.getJsonArray("outcomes")));
    }

    @Test
    void anyoneReadsThePartnershipsInForceAndEndedButNoDraftOrMereDecision() {
        Api.Reply r = Api.anonymous().get("api/public/register");
        assertEquals(200, r.status(), r.body());
        assertNoSession(r.raw());
        JsonObject register = r.json();
        assertEquals("Nyköpings kommun", register.getString("municipality"));
        assertNotNull(register.getString("asOf"));

        JsonObject p = partnership(register, inForceReference);
        assertEquals("IN_FORCE", p.getString("status"));
        assertEquals("2019-01-01", p.getString("startDate"));
        assertEquals("2020-12-31", p.getString("endDate"));
        assertEquals(new BigDecimal("450000.00"), p.getJsonNumber("decidedAmount").bigDecimalValue());
        assertEquals(List.of("Nyköpings kommun:PUBLIC_PARTNER:2019-01-01", "Sörmlands Stadsmission:NON_PROFIT_PARTNER:2019-01-01"),
                p.getJsonArray("parties").getValuesAs(JsonObject.class).stream()
                        .map(x -> x.getString("organisation") + ":" + x.getString("role") + ":" + x.getString("joinedOn")).sorted().toList());
        JsonObject d = p.getJsonArray("decisions").getJsonObject(0);
        assertEquals(SOCIALNAMNDEN, d.getString("committee"));
        assertEquals("2018-12-13", d.getString("meetingDate"));
        assertEquals("§ 77", d.getString("paragraph"));
        assertEquals(decisionNumber, d.getString("registrationNumber"));
        assertEquals(new BigDecimal("450000.00"), d.getJsonNumber("amount").bigDecimalValue());

        JsonObject ended = partnership(register, endedReference);
        assertEquals("ENDED", ended.getString("status"));
        assertEquals("2026-12-31", ended.getString("closedOn"));

        assertFalse(listed(register, draftReference), "a draft is not public");
        assertFalse(listed(register, decidedReference), "a decided agreement not yet in force is not in the register");

        JsonObject onlyInForce = ok(Api.anonymous().get("api/public/register?status=inForce"));
        assertTrue(listed(onlyInForce, inForceReference));
        assertFalse(listed(onlyInForce, endedReference));
        JsonObject onlyEnded = ok(Api.anonymous().get("api/public/register?status=ended"));
        assertTrue(listed(onlyEnded, endedReference));
        assertFalse(listed(onlyEnded, inForceReference));
        assertProblem(Api.anonymous().get("api/public/register?status=draft"), 422, "status");
    }

    @Test
    void outcomeCountsUnderThreeAreHiddenEvenZero() {
        JsonObject register = ok(Api.anonymous().get("api/public/register"));
        JsonObject q2 = quarter(register, "2019-Q2");
        JsonObject housed = q2.getJsonObject("counts").getJsonObject("householdsHoused");
        assertTrue(housed.getBoolean("hidden"), "two households: " + housed);
        assertTrue(!housed.containsKey("value") || housed.isNull("value"), "no value given: " + housed);
        assertTrue(q2.getJsonObject("counts").getJsonObject("evictions").getBoolean("hidden"), "zero is under three too");
        assertEquals(7, q2.getJsonObject("counts").getJsonObject("peopleInContact").getInt("value"));
        assertEquals(3, q2.getJsonObject("counts").getJsonObject("landlordsEngaged").getInt("value"));
        JsonObject q3 = quarter(register, "2019-Q3");
        assertEquals(3, q3.getJsonObject("counts").getJsonObject("householdsHoused").getInt("value"), "three is shown");
        assertFalse(q3.getJsonObject("counts").getJsonObject("householdsHoused").getBoolean("hidden"));

        // The administrator inside sees the exact figures: only the public (and everyone but admins) get them hidden.
        JsonObject inside = ok(ADMIN.get("api/outcomes"));
        JsonObject insideQ2 = inside.getJsonArray("quarters").getValuesAs(JsonObject.class).stream()
                .filter(q -> q.getString("quarter").equals("2019-Q2")).findFirst().orElseThrow();
        assertEquals(2, insideQ2.getJsonObject("counts").getJsonObject("householdsHoused").getInt("value"));

        String csv = anonymous("api/public/register/outcomes.csv").body();
        Map<String, String> row = row(csv, "2019-Q2");
        assertEquals("< 3", row.get("householdsHoused"));
        assertEquals("< 3", row.get("evictions"));
        assertEquals("7", row.get("peopleInContact"));
        assertEquals("3", row(csv, "2019-Q3").get("householdsHoused"));

        String page = anonymous("public/register.xhtml").body();
        assertTrue(page.contains("&lt; 3"), "the page writes hidden counts as < 3");
    }

    /** The CSV row whose first cell is {@code first}, keyed by the header line's names. */
    private static Map<String, String> row(String csv, String first) {
        String[] lines = csv.replace("\uFEFF", "").split("\r\n");
        String[] header = lines[0].split(";", -1);
        String line = Arrays.stream(lines).filter(l -> l.startsWith(first + ";")).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + first + " in\n" + csv));
        String[] cells = line.split(";", -1);
        return java.util.stream.IntStream.range(0, header.length).boxed()
                .collect(Collectors.toMap(i -> header[i], i -> i < cells.length ? cells[i] : ""));
    }

    @Test
    void theCsvHasTheDocumentedFields() {
        HttpResponse<String> r = anonymous("api/public/register.csv");
        assertEquals(200, r.statusCode(), r.body());
        assertNoSession(r);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        String csv = r.body().replace("\uFEFF", "");
        assertEquals("record;reference;title;status;startDate;endDate;closedOn;decidedAmount;organisation;role;joinedOn;leftOn;"
                + "committee;meetingDate;paragraph;registrationNumber;amount", csv.split("\r\n")[0]);
        assertTrue(csv.contains("partnership;" + inForceReference + ";Testavtal " + inForceReference
                + ";IN_FORCE;2019-01-01;2020-12-31;;450000,00;"), csv);
        assertTrue(csv.contains("decision;" + inForceReference + ";;;;;;;;;;;" + SOCIALNAMNDEN + ";2018-12-13;§ 77;"
                + decisionNumber + ";450000,00"), csv);
        assertTrue(csv.contains("party;" + inForceReference + ";;;;;;;Sörmlands Stadsmission;NON_PROFIT_PARTNER;2019-01-01;"), csv);
        assertTrue(csv.contains("partnership;" + endedReference + ";"), csv);
        assertFalse(csv.contains(draftReference));

        String outcomes = anonymous("api/public/register/outcomes.csv").body().replace("\uFEFF", "");
        assertEquals("quarter;start;peopleInContact;householdsHoused;householdsHousedTotal;tenancies6Due;tenancies6Kept;"
                + "tenancies12Due;tenancies12Kept;leasesTakenOver;evictions;disturbanceCases;landlordsEngaged;"
                + "shelterNightsAvoided;experienceExperts;referralsOutreach;referralsSocialServices;referralsOther;waitingForFlat;"
                + "matchedToFlat;leasesToDate;retention12;retention6", outcomes.split("\r\n")[0]);
    }

    @Test
    void noNarrativeDecisionTextOrPrivateLandlordNameInAnyOutput() {
        List<HttpResponse<String>> outputs = List.of(anonymous("api/public/register"), anonymous("api/public/register.csv"),
                anonymous("api/public/register/outcomes.csv"), anonymous("public/register.xhtml"),
                anonymous("public/register.xhtml?status=inForce"), anonymous("api/public/register?status=inForce"));
        String surname = landlordName.split(" ")[1];
        for (HttpResponse<String> r : outputs) {
            assertEquals(200, r.statusCode(), r.uri() + ": " + r.body());
            assertNoSession(r);
            String body = r.body();
            assertFalse(body.contains(surname), "a private landlord's name in " + r.uri());
            assertFalse(body.contains(narrative), "a partner's narrative in " + r.uri());
            assertFalse(body.contains(decisionText), "a decision's text in " + r.uri());
            assertFalse(body.contains("Boendestöd och hembesök"), "the reports' narrative in " + r.uri());
        }
        // The seeded texts are there to be found: the test would catch them.
        assertEquals(2L, ((Number) Rows.value("select count(*) from activity_report where narrative like ?", narrative + "%")).longValue());
        assertEquals(1L, ((Number) Rows.value("select count(*) from landlord where person_name = ?", landlordName)).longValue());
        assertEquals(1L, ((Number) Rows.value("select count(*) from committee_decision where decision_text like ?", decisionText + "%")).longValue());
        String html = outputs.get(3).body();
        assertTrue(html.contains(inForceReference) && html.contains(decisionNumber) && html.contains("Sörmlands Stadsmission"),
                "the page shows the partnership, its decision and parties");
    }
}
