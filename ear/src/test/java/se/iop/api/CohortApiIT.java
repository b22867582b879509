package se.iop.api;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
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

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.FollowUpFixtures.activeWith;
import static se.iop.it.FollowUpFixtures.approved;
import static se.iop.it.FollowUpFixtures.createReport;
import static se.iop.it.FollowUpFixtures.download;
import static se.iop.it.FollowUpFixtures.report;
import static se.iop.it.Fixtures.STADSMISSION;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.ok;
import static se.iop.it.Fixtures.version;
import static se.iop.it.Problems.assertProblem;

/**
 * Intake cohorts and the referral flow in the period reports, through the API: valid cohorts give the
 * 12-month figure and the cohort summary, figures that break a rule or contradict an earlier approved report
 * (a cohort growing after its quarter) are refused naming the cohort and the field with nothing stored, small
 * counts are hidden from all but the administrators and the reporting partner, and another partner sees nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CohortApiIT {

    private static final Api ADMIN = Api.admin();
    private static final Api STADSMISSIONEN = Api.demo("stadsmissionen");
    private static final Api VERDANDI_USER = Api.demo("verdandi");
    private static final Api AUDITOR = Api.demo("revisor");

    private long agreementId;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void agreementInForce() {
        agreementId = id(activeWith(STADSMISSION));
    }

    private static JsonObjectBuilder cohort(String quarter, Integer housed, Integer retained12, Integer retained24,
                                            Integer movedOn, Integer evictions, Integer homeless, Integer leases) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("cohort", quarter);
        put(b, "housed", housed);
        put(b, "retained12", retained12);
        put(b, "retained24", retained24);
        put(b, "movedOn", movedOn);
        put(b, "evictions", evictions);
        put(b, "returnedHomeless", homeless);
        put(b, "leasesOwn", leases);
        return b;
    }

    private static void put(JsonObjectBuilder b, String name, Integer value) {
        if (value == null) {
            b.add(name, JsonValue.NULL);
        } else {
            b.add(name, value);
        }
    }

    /** A report body with every count 4 but the 12-month ones (they come from the cohorts), with the cohorts given. */
    private JsonObjectBuilder withCohorts(String period, JsonObjectBuilder... cohorts) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (JsonObjectBuilder c : cohorts) {
            list.add(c);
        }
        return report(agreementId, period, 4).add("tenancies12Due", JsonValue.NULL).add("tenancies12Kept", JsonValue.NULL)
                .add("cohorts", list);
    }

    private long reports(String period) {
        return ((Number) Rows.value("select count(*) from activity_report where agreement_id = ? and period_start = cast(? as date)",
                agreementId, period)).longValue();
    }

    private static JsonObject cohortIn(JsonArray cohorts, String quarter) {
        return cohorts.stream().map(JsonValue::asJsonObject).filter(c -> c.getString("cohort").equals(quarter)).findFirst()
                .orElseThrow(() -> new AssertionError("no cohort " + quarter + " in " + cohorts));
    }

    @Test
    void cohortsAreReportedAndGiveTheTwelveMonthFigureAndTheSummary() {
        JsonObject draft = createReport(STADSMISSIONEN, withCohorts("2025-Q1",
                cohort("2024-Q1", 5, 4, null, 1, null, null, 2), cohort("2024-Q3", 2, null, null, null, null, null, null)));
        JsonArray cohorts = draft.getJsonArray("cohorts");
        assertEquals(2, cohorts.size());
        assertEquals(5, cohortIn(cohorts, "2024-Q1").getInt("housed"));
        assertEquals(new BigDecimal("80.0"), cohortIn(cohorts, "2024-Q1").getJsonNumber("retention12").bigDecimalValue());
        assertEquals(2, cohortIn(cohorts, "2024-Q3").getInt("housed"), "the reporting partner sees its exact counts");
        // The 12-month figure is the cohorts': 5 households due, 4 kept.
        assertEquals(5, draft.getJsonObject("counts").getInt("tenancies12Due"));
        assertEquals(4, draft.getJsonObject("counts").getInt("tenancies12Kept"));
        assertEquals(new BigDecimal("80.0"), draft.getJsonNumber("retention12").bigDecimalValue());

        JsonObject submitted = ok(STADSMISSIONEN.post("api/reports/" + id(draft) + "/submit", "{\"version\": " + version(draft) + "}"));
        ok(ADMIN.post("api/reports/" + id(draft) + "/approve", "{\"version\": " + version(submitted) + "}"));
        assertEquals(2L, ((Number) Rows.value("select count(*) from report_cohort where report_id = ?", id(draft))).longValue());
        assertTrue(((Number) Rows.value("select count(*) from report_cohort_aud a join report_cohort c on c.id = a.id"
                + " where c.report_id = ?", id(draft))).longValue() >= 2, "the cohorts are in the history");

        // An auditor reads the report with the small cohort hidden.
        JsonObject audited = ok(AUDITOR.get("api/reports/" + id(draft)));
        JsonObject small = cohortIn(audited.getJsonArray("cohorts"), "2024-Q3");
        assertTrue(!small.containsKey("housed") || small.isNull("housed"), small.toString());
        assertTrue(small.getJsonArray("suppressed").toString().contains("housed"));
        assertEquals(5, cohortIn(audited.getJsonArray("cohorts"), "2024-Q1").getInt("housed"));

        // The agreement's cohorts: exact for the administrator, small counts hidden for the others.
        JsonArray exact = ok(ADMIN.get("api/outcomes/" + agreementId)).getJsonArray("cohorts");
        JsonObject q1 = cohortIn(exact, "2024-Q1");
        assertEquals(5, q1.getJsonObject("housed").getInt("value"));
        assertEquals(4, q1.getJsonObject("retained12").getInt("value"));
        assertEquals(new BigDecimal("80.0"), q1.getJsonNumber("retention12").bigDecimalValue());
        assertEquals(2, cohortIn(exact, "2024-Q3").getJsonObject("housed").getInt("value"));
        for (Api reader : new Api[] {AUDITOR, STADSMISSIONEN}) {
            JsonArray hidden = ok(reader.get("api/outcomes/" + agreementId)).getJsonArray("cohorts");
            assertTrue(cohortIn(hidden, "2024-Q3").getJsonObject("housed").getBoolean("hidden"));
            JsonObject housed = cohortIn(hidden, "2024-Q3").getJsonObject("housed");
            assertTrue(!housed.containsKey("value") || housed.isNull("value"), housed.toString());
            assertTrue(cohortIn(hidden, "2024-Q1").getJsonObject("movedOn").getBoolean("hidden"), "1 moved on is under three");
        }
        // The dashboard's 12-month retention reads the same figures.
        JsonArray quarters = ok(ADMIN.get("api/outcomes/" + agreementId)).getJsonArray("quarters");
        assertEquals(new BigDecimal("80.0"), quarters.getJsonObject(quarters.size() - 1).getJsonNumber("retention12").bigDecimalValue());
    }

    @Test
    void figuresThatBreakARuleAreRefusedNamingTheCohortAndTheField() {
        record Case(JsonObjectBuilder body, String field) {
        }
        for (Case c : new Case[] {
                new Case(withCohorts("2025-Q2", cohort("2024-Q1", 5, 6, null, null, null, null, null)), "cohorts[2024-Q1].retained12"),
                new Case(withCohorts("2025-Q2", cohort("2023-Q1", 8, 5, 6, null, null, null, null)), "cohorts[2023-Q1].retained24"),
                new Case(withCohorts("2025-Q2", cohort("2024-Q1", 5, 4, null, 2, 2, 2, null)), "cohorts[2024-Q1].evictions"),
                new Case(withCohorts("2025-Q2", cohort("2024-Q1", 5, 4, null, null, null, null, 6)), "cohorts[2024-Q1].leasesOwn"),
                new Case(withCohorts("2025-Q2", cohort("2025-Q3", 3, null, null, null, null, null, null)), "cohorts[2025-Q3].housed"),
                new Case(withCohorts("2025-Q2", cohort("2025-Q1", 3, 3, null, null, null, null, null)), "cohorts[2025-Q1].retained12"),
                new Case(withCohorts("2025-Q2", cohort("2024-Q1", null, 3, null, null, null, null, null)), "cohorts[2024-Q1].housed"),
                new Case(withCohorts("2025-Q2", cohort("2024-05", 3, null, null, null, null, null, null)), "cohorts[0].cohort"),
                new Case(withCohorts("2025-Q2", cohort("2024-Q1", 5, 4, null, null, null, null, null),
                        cohort("2024-K1", 5, 4, null, null, null, null, null)), "cohorts[2024-Q1].housed"),
                new Case(withCohorts("2025-Q2", cohort("2024-Q1", 5, 4, null, null, null, null, null)).add("tenancies12Due", 7),
                        "tenancies12Due")}) {
            JsonObject p = assertProblem(STADSMISSIONEN.post("api/reports", c.body().build().toString()), 422, c.field());
            if (c.field().startsWith("cohorts[20")) {
                assertTrue(p.getString("detail").contains(c.field().substring(8, 15)), "the message names the cohort: " + p);
            }
        }
        assertProblem(STADSMISSIONEN.post("api/reports", withCohorts("2025-Q2",
                cohort("2024-Q1", -1, null, null, null, null, null, null)).build().toString()), 422, "cohorts[2024-Q1].housed");
        assertEquals(0, reports("2025-04-01"), "nothing of a refusal is stored");
        assertEquals(0L, ((Number) Rows.value("select count(*) from report_cohort c join activity_report r on r.id = c.report_id"
                + " where r.agreement_id = ?", agreementId)).longValue());
    }

    @Test
    void figuresContradictingAnEarlierApprovedReportAreRefused() {
        approved(STADSMISSIONEN, withCohorts("2025-Q1", cohort("2024-Q1", 5, 4, null, 1, 1, null, 2)));

        // The cohort of 2024-Q1 grows a year after its quarter.
        JsonObject grows = assertProblem(STADSMISSIONEN.post("api/reports", withCohorts("2025-Q2",
                cohort("2024-Q1", 6, 4, null, 1, 1, null, 2)).build().toString()), 422, "cohorts[2024-Q1].housed");
        assertTrue(grows.getString("detail").contains("2025-Q1"), "the message names the earlier report: " + grows);
        // Retention once stated changes, an eviction disappears, a lease is given back.
        assertProblem(STADSMISSIONEN.post("api/reports", withCohorts("2025-Q2",
                cohort("2024-Q1", 5, 3, null, 1, 1, null, 2)).build().toString()), 422, "cohorts[2024-Q1].retained12");
        assertProblem(STADSMISSIONEN.post("api/reports", withCohorts("2025-Q2",
                cohort("2024-Q1", 5, 4, null, 1, 0, null, 2)).build().toString()), 422, "cohorts[2024-Q1].evictions");
        assertProblem(STADSMISSIONEN.post("api/reports", withCohorts("2025-Q2",
                cohort("2024-Q1", 5, 4, null, 1, 1, null, 1)).build().toString()), 422, "cohorts[2024-Q1].leasesOwn");
        assertEquals(0, reports("2025-04-01"));

        // Consistent figures (one more eviction, a new cohort) are taken.
        JsonObject later = createReport(STADSMISSIONEN, withCohorts("2025-Q2", cohort("2024-Q1", 5, 4, null, 1, 2, null, 2),
                cohort("2025-Q1", 3, null, null, null, null, null, null)));
        assertEquals(2, later.getJsonArray("cohorts").size());
        // A change that would contradict is refused on revising too, and the draft stays as it was.
        assertProblem(STADSMISSIONEN.put("api/reports/" + id(later), withCohorts("2025-Q2", cohort("2024-Q1", 7, 4, null, 1, 2, null, 2))
                .add("version", version(later)).build().toString()), 422, "cohorts[2024-Q1].housed");
        assertEquals(5, ((Number) Rows.value("select c.housed from report_cohort c where c.report_id = ? and c.cohort_start = date '2024-01-01'",
                id(later))).intValue());
    }

    @Test
    void anEarlierReportApprovedMeanwhileIsCheckedWhenTheLaterIsHandedIn() {
        JsonObject earlier = createReport(STADSMISSIONEN, withCohorts("2025-Q1", cohort("2024-Q1", 5, 4, null, null, null, null, null)));
        JsonObject earlierIn = ok(STADSMISSIONEN.post("api/reports/" + id(earlier) + "/submit", "{}"));
        // While the earlier one is only handed in, the later may say otherwise…
        JsonObject later = createReport(STADSMISSIONEN, withCohorts("2025-Q2", cohort("2024-Q1", 6, 5, null, null, null, null, null)));
        ok(ADMIN.post("api/reports/" + id(earlier) + "/approve", "{\"version\": " + version(earlierIn) + "}"));
        // … but not once it is approved.
        assertProblem(STADSMISSIONEN.post("api/reports/" + id(later) + "/submit", "{}"), 422, "cohorts[2024-Q1].housed");
        assertEquals("DRAFT", Rows.value("select status from activity_report where id = ?", id(later)));
    }

    @Test
    void theReferralFlowIsReportedAndSummedWithSmallCountsHidden() {
        approved(STADSMISSIONEN, report(agreementId, "2025-Q1", 4).add("referralsOutreach", 6).add("referralsSocialServices", 2)
                .add("referralsOther", 0).add("waitingForFlat", 5).add("matchedToFlat", 3).add("householdsHoused", 3));
        JsonArray exact = ok(ADMIN.get("api/outcomes/" + agreementId)).getJsonArray("quarters");
        JsonObject counts = exact.getJsonObject(exact.size() - 1).getJsonObject("counts");
        assertEquals(6, counts.getJsonObject("referralsOutreach").getInt("value"));
        assertEquals(2, counts.getJsonObject("referralsSocialServices").getInt("value"));
        assertEquals(5, counts.getJsonObject("waitingForFlat").getInt("value"));
        assertEquals(3, counts.getJsonObject("matchedToFlat").getInt("value"));
        JsonArray hidden = ok(AUDITOR.get("api/outcomes/" + agreementId)).getJsonArray("quarters");
        JsonObject shown = hidden.getJsonObject(hidden.size() - 1).getJsonObject("counts");
        assertTrue(shown.getJsonObject("referralsSocialServices").getBoolean("hidden"));
        assertTrue(shown.getJsonObject("referralsOther").getBoolean("hidden"), "none is a count under three too");
        assertEquals(6, shown.getJsonObject("referralsOutreach").getInt("value"));

        assertProblem(STADSMISSIONEN.post("api/reports", report(agreementId, "2025-Q2", 4).add("referralsOther", -1).build().toString()),
                422, "referralsOther");
    }

    @Test
    void theCommitteeReportCarriesTheCohortsAndTheReferralFlowWithSmallCountsHidden() {
        approved(STADSMISSIONEN, withCohorts("2025-Q1", cohort("2024-Q1", 5, 4, null, 1, null, null, 3),
                cohort("2024-Q3", 2, null, null, null, null, null, null)).add("referralsOutreach", 7).add("referralsSocialServices", 1));
        HttpResponse<byte[]> r = download("revisor", "api/committee-reports/" + agreementId + "/csv?from=2025-01-01&to=2025-03-31");
        assertEquals(200, r.statusCode());
        String csv = new String(r.body(), StandardCharsets.UTF_8);
        assertTrue(csv.contains("kohort Kvartal 1 2024;flyttade in;5;"), csv);
        assertTrue(csv.contains("kohort Kvartal 1 2024;bor kvar efter 12 månader;4;80,0 %"), csv);
        assertTrue(csv.contains("kohort Kvartal 1 2024;flyttat vidare till annan bostad;< 3;"), csv);
        assertTrue(csv.contains("kohort Kvartal 3 2024;flyttade in;< 3;"), csv);
        assertTrue(csv.contains("utfall;Remisser från uppsökande arbete;7;referralsOutreach"), csv);
        assertTrue(csv.contains("utfall;Remisser från socialtjänsten;< 3;referralsSocialServices"), csv);
        assertFalse(csv.contains("kohort Kvartal 3 2024;flyttade in;2;"), csv);
        HttpResponse<byte[]> pdf = download("revisor", "api/committee-reports/" + agreementId + "/pdf?from=2025-01-01&to=2025-03-31");
        assertEquals(200, pdf.statusCode());
    }

    @Test
    void anotherPartnerSeesNothingOfTheCohorts() {
        JsonObject r = approved(STADSMISSIONEN, withCohorts("2025-Q1", cohort("2024-Q1", 5, 4, null, null, null, null, null)));
        assertProblem(VERDANDI_USER.get("api/reports/" + id(r)), 404, null);
        assertProblem(VERDANDI_USER.get("api/outcomes/" + agreementId), 404, null);
        assertFalse(VERDANDI_USER.get("api/reports?agreementId=" + agreementId).body().contains("\"id\":" + id(r)));
        // Nor can it write cohorts on an agreement it is no party to.
        assertProblem(VERDANDI_USER.post("api/reports", withCohorts("2025-Q2",
                cohort("2024-Q1", 9, null, null, null, null, null, null)).build().toString()), 404, null);
        assertEquals(403, ADMIN.post("api/reports", withCohorts("2025-Q2", cohort("2024-Q1", 5, 4, null, null, null, null, null))
                .build().toString()).status());
    }
}
