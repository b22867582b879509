package se.iop.api;

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
import se.iop.it.Fixtures;
import se.iop.it.Rows;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.FollowUpFixtures.DOCX_TYPE;
import static se.iop.it.FollowUpFixtures.PDF_TYPE;
import static se.iop.it.FollowUpFixtures.activeWith;
import static se.iop.it.FollowUpFixtures.approved;
import static se.iop.it.FollowUpFixtures.createReport;
import static se.iop.it.FollowUpFixtures.docx;
import static se.iop.it.FollowUpFixtures.download;
import static se.iop.it.FollowUpFixtures.pdf;
import static se.iop.it.FollowUpFixtures.report;
import static se.iop.it.FollowUpFixtures.upload;
import static se.iop.it.Fixtures.STADSMISSION;
import static se.iop.it.Fixtures.VERDANDI;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.ok;
import static se.iop.it.Fixtures.version;
import static se.iop.it.Problems.assertProblem;

/**
 * Activity reports through the API: the review workflow and the lock after approval, overlapping
 * periods (also written at the same moment), access per role including guessed ids, attachment limits,
 * identity numbers refused and nothing of a refusal stored.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReportApiIT {

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

    private static long reports(String where, Object... params) {
        return ((Number) Rows.value("select count(*) from activity_report where " + where, params)).longValue();
    }

    @Test
    void aReportIsSubmittedReturnedCorrectedResubmittedAndApprovedThenLocked() {
        JsonObject draft = createReport(STADSMISSIONEN, report(agreementId, "2024-Q1", 5));
        long id = id(draft);
        assertEquals("DRAFT", draft.getString("status"));
        assertEquals("2024-Q1", draft.getString("period"));
        assertEquals("2024-04-30", draft.getString("dueOn"));
        assertEquals(STADSMISSION, draft.getString("partnerName"));
        assertEquals(5, draft.getJsonObject("counts").getInt("evictions"));
        assertEquals(new BigDecimal("98500.50"), draft.getJsonNumber("costs").bigDecimalValue());

        // The administrator cannot review a draft, nor the partner approve its own report.
        assertProblem(ADMIN.post("api/reports/" + id + "/approve", "{}"), 409, "status");
        assertProblem(STADSMISSIONEN.post("api/reports/" + id + "/submit", "{\"version\": 99}"), 409, "version");
        JsonObject submitted = ok(STADSMISSIONEN.post("api/reports/" + id + "/submit", "{\"version\": " + version(draft) + "}"));
        assertEquals("SUBMITTED", submitted.getString("status"));
        assertEquals(403, STADSMISSIONEN.post("api/reports/" + id + "/approve", "{}").status());
        assertProblem(STADSMISSIONEN.put("api/reports/" + id, report(agreementId, "2024-Q1", 6).build().toString()), 409, "status");

        assertProblem(ADMIN.post("api/reports/" + id + "/return", "{\"comment\": \" \"}"), 400, "comment");
        JsonObject returned = ok(ADMIN.post("api/reports/" + id + "/return",
                "{\"comment\": \"Förklara ökningen av störningsärenden.\", \"version\": " + version(submitted) + "}"));
        assertEquals("RETURNED", returned.getString("status"));
        assertEquals("Förklara ökningen av störningsärenden.", returned.getString("reviewComment"));
        assertEquals("admin", returned.getString("reviewedBy"));

        JsonObject corrected = ok(STADSMISSIONEN.put("api/reports/" + id, report(agreementId, "2024-Q1", 6)
                .add("narrative", "Två störningsärenden löstes med hyresvärden.").add("version", version(returned))
                .build().toString()));
        JsonObject resubmitted = ok(STADSMISSIONEN.post("api/reports/" + id + "/submit", "{\"version\": " + version(corrected) + "}"));
        assertEquals("SUBMITTED", resubmitted.getString("status"));
        JsonObject approved = ok(ADMIN.post("api/reports/" + id + "/approve", "{\"version\": " + version(resubmitted) + "}"));
        assertEquals("APPROVED", approved.getString("status"));
        assertEquals(6, approved.getJsonObject("counts").getInt("evictions"));

        // Locked: no change, no new step, no attachment, no deletion — and the database still says 6.
        assertProblem(STADSMISSIONEN.put("api/reports/" + id, report(agreementId, "2024-Q1", 7).build().toString()), 409, "status");
        assertProblem(STADSMISSIONEN.post("api/reports/" + id + "/submit", "{}"), 409, "status");
        assertProblem(ADMIN.post("api/reports/" + id + "/return", "{\"comment\": \"Ändra\"}"), 409, "status");
        assertProblem(ADMIN.post("api/reports/" + id + "/approve", "{}"), 409, "status");
        assertProblem(upload("stadsmissionen", id, "sen.pdf", PDF_TYPE, pdf()), 409, "status");
        assertProblem(STADSMISSIONEN.delete("api/reports/" + id), 409, "status");
        assertEquals(6, ((Number) Rows.value("select evictions from activity_report where id = ?", id)).intValue());
        assertEquals("APPROVED", Rows.value("select status from activity_report where id = ?", id));
        assertTrue(((Number) Rows.value("select count(*) from activity_report_aud where id = ?", id)).longValue() >= 5,
                "every step is in the history");
    }

    @Test
    void aStaleSaveIsRefused() {
        JsonObject draft = createReport(STADSMISSIONEN, report(agreementId, "2024-Q2", 4));
        ok(STADSMISSIONEN.put("api/reports/" + id(draft), report(agreementId, "2024-Q2", 5).add("version", version(draft)).build().toString()));
        assertProblem(STADSMISSIONEN.put("api/reports/" + id(draft), report(agreementId, "2024-Q2", 9)
                .add("version", version(draft)).build().toString()), 409, "version");
        assertProblem(STADSMISSIONEN.post("api/reports/" + id(draft) + "/submit", "{}", "If-Match", "\"" + version(draft) + "\""),
                409, "version");
        assertEquals(5, ((Number) Rows.value("select evictions from activity_report where id = ?", id(draft))).intValue());
    }

    @Test
    void overlappingPeriodsOfOnePartnerAreRefused() {
        createReport(STADSMISSIONEN, report(agreementId, "2024-Q3", 3));
        assertProblem(STADSMISSIONEN.post("api/reports", report(agreementId, "2024-Q3", 3).build().toString()), 409, "period");
        assertProblem(STADSMISSIONEN.post("api/reports", report(agreementId, "2024-08", 3).build().toString()), 409, "period");
        JsonObject october = createReport(STADSMISSIONEN, report(agreementId, "2024-10", 3));
        assertProblem(STADSMISSIONEN.post("api/reports", report(agreementId, "2024-Q4", 3).build().toString()), 409, "period");
        createReport(STADSMISSIONEN, report(agreementId, "2024-11", 3));
        // Moving a report onto another's period is refused too.
        assertProblem(STADSMISSIONEN.put("api/reports/" + id(october), report(agreementId, "2024-11", 3).build().toString()),
                409, "period");
        assertEquals(3, reports("agreement_id = ?", agreementId));

        // Another partner of the same agreement reports the same quarter on its own.
        Fixtures.created(ADMIN.post("api/agreements/" + agreementId + "/amendments", """
                {"effectiveOn": "2024-01-01", "description": "Verdandi ansluter",
                 "joining": {"organisationId": %d, "role": "NON_PROFIT_PARTNER"}}"""
                .formatted(Fixtures.organisationId(VERDANDI))));
        createReport(VERDANDI_USER, report(agreementId, "2024-Q3", 3));
        assertEquals(4, reports("agreement_id = ?", agreementId));
    }

    @Test
    void twoReportsForTheSamePeriodWrittenAtOnceCannotBothBeStored() throws Exception {
        String[][] races = {{"2025-Q1", "2025-Q1"}, {"2025-Q2", "2025-05"}, {"2025-07", "2025-Q3"}};
        for (String[] race : races) {
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Api.Reply>> replies = new ArrayList<>();
            for (String period : race) {
                Callable<Api.Reply> create = () -> {
                    start.await();
                    return STADSMISSIONEN.post("api/reports", report(agreementId, period, 4).build().toString());
                };
                replies.add(pool.submit(create));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Api.Reply> f : replies) {
                Api.Reply r = f.get();
                statuses.add(r.status());
                if (r.status() != 201) {
                    assertProblem(r, 409, "period");
                }
            }
            pool.shutdown();
            statuses.sort(Integer::compare);
            assertEquals(List.of(201, 409), statuses, Arrays.toString(race));
        }
        assertEquals(3, reports("agreement_id = ?", agreementId));
        assertEquals(0L, ((Number) Rows.value("select count(*) from (select month from activity_report_month"
                + " where agreement_id = ? group by partner_id, month having count(*) > 1) d", agreementId)).longValue());
    }

    @Test
    void eachRoleSeesOnlyWhatItMayAndGuessedIdsAreNotFound() {
        JsonObject r = createReport(STADSMISSIONEN, report(agreementId, "2024-Q1", 2));
        long id = id(r);
        String path = "api/reports/" + id;

        // Verdandi is not a party: to it the report and the agreement do not exist.
        assertProblem(VERDANDI_USER.get(path), 404, null);
        assertProblem(VERDANDI_USER.put(path, report(agreementId, "2024-Q1", 9).build().toString()), 404, null);
        assertProblem(VERDANDI_USER.post(path + "/submit", "{}"), 404, null);
        assertProblem(VERDANDI_USER.delete(path), 404, null);
        assertProblem(upload("verdandi", id, "a.pdf", PDF_TYPE, pdf()), 404, null);
        assertProblem(VERDANDI_USER.post("api/reports", report(agreementId, "2024-Q2", 9).build().toString()), 404, null);
        assertFalse(VERDANDI_USER.get("api/reports").body().contains("\"id\":" + id + ","));
        assertFalse(VERDANDI_USER.get("api/reports/due").body().contains(STADSMISSION));

        // The landlord has no part in follow-up at all.
        assertEquals(403, LANDLORD.get(path).status());
        assertEquals(403, LANDLORD.get("api/reports").status());
        assertEquals(403, LANDLORD.get("api/reports/due").status());
        assertEquals(403, LANDLORD.post("api/reports", report(agreementId, "2024-Q2", 9).build().toString()).status());

        // Auditors and finance read, with small counts hidden; they change nothing.
        JsonObject audited = ok(AUDITOR.get(path));
        assertTrue(audited.getJsonObject("counts").isNull("evictions"), audited.toString());
        assertTrue(audited.getJsonArray("suppressed").toString().contains("evictions"));
        assertTrue(ok(FINANCE.get(path)).getJsonObject("counts").isNull("peopleInContact"));
        assertEquals(403, AUDITOR.put(path, report(agreementId, "2024-Q1", 9).build().toString()).status());
        assertEquals(403, AUDITOR.post(path + "/submit", "{}").status());
        assertEquals(403, AUDITOR.post(path + "/approve", "{}").status());
        assertEquals(403, AUDITOR.post("api/reports", report(agreementId, "2024-Q2", 9).build().toString()).status());

        // The partner and the administrators see the exact counts; administrators write no reports.
        assertEquals(2, ok(STADSMISSIONEN.get(path)).getJsonObject("counts").getInt("evictions"));
        assertEquals(2, ok(ADMIN.get(path)).getJsonObject("counts").getInt("evictions"));
        assertEquals(403, ADMIN.post("api/reports", report(agreementId, "2024-Q2", 9).build().toString()).status());
        assertEquals(403, ADMIN.put(path, report(agreementId, "2024-Q1", 9).build().toString()).status());
        assertProblem(ADMIN.get("api/reports/999999999"), 404, null);

        assertEquals(2, ((Number) Rows.value("select evictions from activity_report where id = ?", id)).intValue(),
                "no refused request changed anything");
        assertEquals(1, reports("agreement_id = ?", agreementId));
    }

    @Test
    void attachmentsAreCheckedForSizeTypeAndContent() {
        long id = id(createReport(STADSMISSIONEN, report(agreementId, "2024-Q2", 4)));
        long before = ((Number) Rows.value("select count(*) from report_attachment")).longValue();
        long contentBefore = ((Number) Rows.value("select count(*) from attachment_content")).longValue();

        byte[] tooLarge = Arrays.copyOf(pdf(), 5 * 1024 * 1024 + 1);
        assertProblem(upload("stadsmissionen", id, "stor.pdf", PDF_TYPE, tooLarge), 422, "file");
        assertProblem(upload("stadsmissionen", id, "bild.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2}), 422, "file");
        assertProblem(upload("stadsmissionen", id, "sida.html", "text/html", "<html></html>".getBytes()), 422, "file");
        assertProblem(upload("stadsmissionen", id, "falsk.pdf", PDF_TYPE, "<script>alert(1)</script>".getBytes()), 422, "file");
        assertProblem(upload("stadsmissionen", id, "fel-typ.pdf", "text/plain", pdf()), 422, "file");
        assertProblem(upload("stadsmissionen", id, "tom.pdf", PDF_TYPE, new byte[0]), 422, "file");
        assertProblem(upload("stadsmissionen", id, "811218-9876.pdf", PDF_TYPE, pdf()), 422, "file");
        assertEquals(before, ((Number) Rows.value("select count(*) from report_attachment")).longValue());
        assertEquals(contentBefore, ((Number) Rows.value("select count(*) from attachment_content")).longValue());

        Api.Reply stored = upload("stadsmissionen", id, "Protokoll styrgrupp.pdf", PDF_TYPE, pdf());
        assertEquals(201, stored.status(), stored.body());
        long attachmentId = stored.json().getJsonNumber("id").longValue();
        assertEquals("Protokoll styrgrupp.pdf", stored.json().getString("filename"));
        Api.Reply word = upload("stadsmissionen", id, "Sammanfattning.docx", DOCX_TYPE, docx());
        assertEquals(201, word.status(), word.body());

        HttpResponse<byte[]> file = download("stadsmissionen", "api/reports/" + id + "/attachments/" + attachmentId);
        assertEquals(200, file.statusCode());
        assertArrayEquals(pdf(), file.body());
        assertEquals(PDF_TYPE, file.headers().firstValue("Content-Type").orElse(""));
        assertTrue(file.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"));
        assertEquals(200, download("revisor", "api/reports/" + id + "/attachments/" + attachmentId).statusCode());
        assertEquals(404, download("verdandi", "api/reports/" + id + "/attachments/" + attachmentId).statusCode());
        assertEquals(403, download("hyresvard", "api/reports/" + id + "/attachments/" + attachmentId).statusCode());
        assertEquals(2, ok(STADSMISSIONEN.get("api/reports/" + id)).getJsonArray("attachments").size());

        assertEquals(204, STADSMISSIONEN.delete("api/reports/" + id + "/attachments/" + attachmentId).status());
        assertEquals(1, ok(STADSMISSIONEN.get("api/reports/" + id)).getJsonArray("attachments").size());
        assertEquals(contentBefore + 1, ((Number) Rows.value("select count(*) from attachment_content")).longValue(),
                "the removed file's bytes are gone too");
    }

    @Test
    void identityNumbersAreRefusedInEveryFreeTextAndNothingIsStored() {
        long before = reports("agreement_id = ?", agreementId);
        for (String number : List.of("19811218-9876", "811218-9876", "8112189876", "198112189876", "701063-2391")) {
            assertProblem(STADSMISSIONEN.post("api/reports", report(agreementId, "2024-Q1", 4)
                    .add("narrative", "Ny hyresgäst " + number + " flyttade in.").build().toString()), 422, "narrative");
        }
        assertEquals(before, reports("agreement_id = ?", agreementId));

        // A number with a wrong check digit, and an organisation number, are no personal data.
        JsonObject r = createReport(STADSMISSIONEN, report(agreementId, "2024-Q1", 4)
                .add("narrative", "Referens 811218-9870 och Stadsmissionen 802003-5120."));
        JsonObject submitted = ok(STADSMISSIONEN.post("api/reports/" + id(r) + "/submit", "{}"));
        assertProblem(ADMIN.post("api/reports/" + id(r) + "/return", "{\"comment\": \"Gäller 121212-1212?\"}"), 422, "comment");
        assertEquals("SUBMITTED", Rows.value("select status from activity_report where id = ?", id(r)));
        assertEquals(version(submitted), ((Number) Rows.value("select version from activity_report where id = ?", id(r))).longValue());
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        long before = reports("agreement_id = ?", agreementId);
        assertProblem(STADSMISSIONEN.post("api/reports", report(agreementId, "2024-Q5", 4).build().toString()), 422, "period");
        assertProblem(STADSMISSIONEN.post("api/reports", report(agreementId, "2023-Q4", 4).build().toString()), 422, "period");
        assertProblem(STADSMISSIONEN.post("api/reports", report(agreementId, "2027-Q1", 4).build().toString()), 422, "period");
        assertProblem(STADSMISSIONEN.post("api/reports", report(agreementId, "2024-Q1", 4).add("evictions", -1).build().toString()),
                422, "evictions");
        assertProblem(STADSMISSIONEN.post("api/reports", report(agreementId, "2024-Q1", 4).add("tenancies12Kept", 5).build().toString()),
                422, "tenancies12Kept");
        assertProblem(STADSMISSIONEN.post("api/reports", report(agreementId, "2024-Q1", 4).add("costs", "10.123").build().toString()),
                422, "costs");
        assertProblem(STADSMISSIONEN.post("api/reports", report(agreementId, "2024-Q1", 4).add("evictions", 1.5).build().toString()),
                400, "evictions");
        assertProblem(STADSMISSIONEN.post("api/reports", report(agreementId, "2024-Q1", 4).remove("agreementId").build().toString()),
                422, "agreementId");
        assertEquals(before, reports("agreement_id = ?", agreementId));

        // A draft may lack counts; handing it in names the first one missing.
        JsonObject partial = createReport(STADSMISSIONEN, report(agreementId, "2024-Q1", 4).add("householdsHoused", jakarta.json.JsonValue.NULL));
        assertProblem(STADSMISSIONEN.post("api/reports/" + id(partial) + "/submit", "{}"), 422, "householdsHoused");
        // The quarter now under way can be drafted but not handed in before its last day.
        JsonObject current = createReport(STADSMISSIONEN, report(agreementId, "2026-Q4", 4));
        assertProblem(STADSMISSIONEN.post("api/reports/" + id(current) + "/submit", "{}"), 409, "period");
        assertEquals(204, STADSMISSIONEN.delete("api/reports/" + id(current)).status(), "a draft can be thrown away");
    }

    @Test
    void dueReportsAreListedForThePartnerAndTheAdministrator() {
        approved(STADSMISSIONEN, report(agreementId, "2024-Q1", 4));
        createReport(STADSMISSIONEN, report(agreementId, "2024-Q2", 4));
        List<JsonObject> mine = STADSMISSIONEN.get("api/reports/due").jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getJsonNumber("agreementId").longValue() == agreementId).toList();
        List<String> periods = mine.stream().map(d -> d.getString("period")).toList();
        assertFalse(periods.contains("2024-Q1"), "approved");
        assertEquals("2024-Q2", periods.get(0));
        assertEquals("DRAFT", mine.get(0).getString("status"), "the draft for it is pointed to");
        assertTrue(mine.get(0).getBoolean("overdue"));
        assertTrue(periods.contains("2026-Q3"));
        assertFalse(periods.contains("2026-Q4"), "the quarter under way is not due yet");
        assertEquals(10, periods.size(), periods.toString());
        long forAdmin = ADMIN.get("api/reports/due").jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getJsonNumber("agreementId").longValue() == agreementId).count();
        assertEquals(10, forAdmin);
    }

    @Test
    void theDemoHasApprovedQuarterlyReportsOfTheStadsmission() {
        List<JsonObject> demo = ADMIN.get("api/reports?partnerId=" + Fixtures.organisationId(STADSMISSION)).jsonArray()
                .getValuesAs(JsonObject.class).stream().filter(r -> r.getString("agreementTitle").equals("Bostad först Nyköping – fas 1"))
                .toList();
        assertTrue(demo.stream().filter(r -> r.getString("status").equals("APPROVED")).count() >= 3, demo.toString());
        assertTrue(demo.stream().allMatch(r -> r.getString("period").matches("\\d{4}-Q[1-4]")), "quarterly");
        JsonObject one = ok(ADMIN.get("api/reports/" + id(demo.get(demo.size() - 1))));
        assertTrue(one.getString("narrative").contains("(exempel)"), one.getString("narrative"));
    }
}
