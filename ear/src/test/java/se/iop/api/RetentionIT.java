package se.iop.api;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.iop.it.Api;
import se.iop.it.Deployments;
import se.iop.it.FollowUpFixtures.Ended;
import se.iop.it.Rows;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Fixtures.created;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.ok;
import static se.iop.it.FollowUpFixtures.endedLongAgo;
import static se.iop.it.FollowUpFixtures.pdf;
import static se.iop.it.FollowUpFixtures.report;
import static se.iop.it.Problems.assertProblem;

/**
 * Retention and disposal against agreements that ended long ago: the plan is read and changed (409 when stale, 422
 * naming the field for a rule it breaks), the preview lists what is due, a legal hold stops a disposal whole (409,
 * nothing done), and a disposal removes the content — a narrative, an attachment's bytes, a contact need's text —
 * from the rows and from the Envers history, keeping the records and a disposal record.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RetentionIT {

    private static final Api STADSMISSIONEN = Api.demo("stadsmissionen");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private static JsonArrayBuilder items(Object... typeAndId) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (int i = 0; i < typeAndId.length; i += 2) {
            a.add(Json.createObjectBuilder().add("documentType", (String) typeAndId[i]).add("recordId", (Long) typeAndId[i + 1]));
        }
        return a;
    }

    private static Api.Reply dispose(JsonArrayBuilder items) {
        return Api.admin().post("api/retention/disposals", Json.createObjectBuilder().add("items", items).build().toString());
    }

    private static JsonObject due(String type, long id) {
        Api.Reply r = Api.admin().get("api/retention/preview");
        assertEquals(200, r.status(), r.body());
        return r.jsonArray()
                .getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("documentType").equals(type) && d.getJsonNumber("recordId").longValue() == id)
                .findFirst().orElse(null);
    }

    @Test
    void aDisposalRemovesTheContentAndItsHistoryKeepsTheRecordsAndRespectsAHold() {
        Ended free = endedLongAgo();
        Ended held = endedLongAgo();
        long needId = ((Number) Rows.value("""
                insert into contact_need (landlord_id, category, description, reported_by, reported_at)
                values ((select min(id) from landlord), 'OTHER', 'Hyresgästen hörde av sig om nyckeln', 'hyresvard', timestamptz '2015-03-01 10:00+01')
                returning id""")).longValue();
        // registered as the portal would have registered it in 2015 (the diary's own numbering function), so that
        // the disposal is seen to keep the registration entry
        Rows.update("insert into registry_entry (number, prefix, series_year, sequence, document_kind, document_id, direction,"
                + " document_date, registered_on, registered_at, registered_by, description)"
                + " select 'IOP 2015/' || lpad(n::text, 4, '0'), 'IOP', 2015, n, 'CONTACT_NEED', ?, 'INCOMING', date '2015-03-01',"
                + " date '2015-03-01', timestamptz '2015-03-01 10:00+01', 'hyresvard', 'Begäran om kontakt från hyresvärd'"
                + " from diary_next_number('IOP', 2015) n", needId);
        Rows.update("insert into revision (changed_at, username) values (0, 'hyresvard')");
        Rows.update("insert into contact_need_aud (id, rev, revtype, landlord_id, category, description, reported_by, reported_at)"
                + " select id, (select max(id) from revision), 0, landlord_id, category, description, reported_by, reported_at"
                + " from contact_need where id = ?", needId);
        assertTrue(Rows.count("select count(*) from activity_report_aud where id = ? and narrative is not null", free.reportId()) > 0,
                "the narrative is in the history before");

        JsonObject report = due("ACTIVITY_REPORT", free.reportId());
        assertEquals(false, report.getBoolean("held"));
        assertEquals("2024-12-31", report.getString("dueOn"), "ten years after the agreement ended");
        // what the item is, for the page that offers it
        assertEquals(Rows.value("select reference from agreement where id = ?", free.agreementId()), report.getString("agreementReference"));
        assertEquals(Rows.value("select o.name from activity_report r join organisation o on o.id = r.partner_id where r.id = ?",
                free.reportId()), report.getString("subject"));
        assertEquals("protokoll.pdf", due("REPORT_ATTACHMENT", free.attachmentId()).getString("subject"));
        assertEquals("2015-03-01", due("CONTACT_NEED", needId).getString("countedFrom"));
        assertEquals("2016-12-31", due("REPORT_ATTACHMENT", free.attachmentId()).getString("dueOn"));
        assertEquals("2017-03-01", due("CONTACT_NEED", needId).getString("dueOn"), "two years after it came in");

        ok(Api.admin().put("api/retention/holds/" + held.agreementId(),
                Json.createObjectBuilder().add("reason", "Begäran om utlämnande under prövning").build().toString()));
        assertTrue(due("ACTIVITY_REPORT", held.reportId()).getBoolean("held"));

        // A hold on one of the items stops the whole act: nothing is done.
        long acts = Rows.count("select count(*) from disposal_act");
        assertProblem(dispose(items("ACTIVITY_REPORT", free.reportId(), "ACTIVITY_REPORT", held.reportId())), 409, "items");
        assertProblem(dispose(items("REPORT_ATTACHMENT", held.attachmentId())), 409, "items");
        assertProblem(dispose(items("ACTIVITY_REPORT", 987654321L)), 422, "items");
        assertProblem(dispose(items()), 422, "items");
        assertEquals(acts, Rows.count("select count(*) from disposal_act"));
        assertEquals(0L, Rows.count("select count(*) from disposal where record_id in (?, ?)", free.reportId(), held.reportId()));
        assertTrue(Rows.value("select narrative from activity_report where id = ?", free.reportId()) != null);

        JsonObject act = created(dispose(items("ACTIVITY_REPORT", free.reportId(), "REPORT_ATTACHMENT", free.attachmentId(),
                "CONTACT_NEED", needId)));
        assertEquals(3, act.getInt("items"));
        assertEquals("admin", act.getString("disposedBy"));

        // Content gone, from the rows and from the history.
        assertNull(Rows.value("select narrative from activity_report where id = ?", free.reportId()));
        assertEquals(0L, Rows.count("select count(*) from activity_report_aud where id = ? and narrative is not null", free.reportId()));
        assertEquals(0L, Rows.count("select length(c.bytes) from attachment_content c join report_attachment a on a.content_id = c.id where a.id = ?",
                free.attachmentId()));
        assertEquals("Gallrad", Rows.value("select description from contact_need where id = ?", needId));
        assertEquals(0L, Rows.count("select count(*) from contact_need_aud where id = ? and description <> 'Gallrad'", needId));
        // The records kept, and a disposal record for each.
        assertEquals("protokoll.pdf", Rows.value("select filename from report_attachment where id = ?", free.attachmentId()));
        // The report says since when its narrative is gone; it still lists the attachment, saying since when it is
        // disposed of; its content is refused.
        JsonObject disposedReport = ok(Api.admin().get("api/reports/" + free.reportId()));
        assertNull(disposedReport.getString("narrative", null), disposedReport.toString());
        assertEquals(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Stockholm")).toString(),
                disposedReport.getString("narrativeDisposedOn"), disposedReport.toString());
        assertNull(ok(Api.admin().get("api/reports/" + held.reportId())).getString("narrativeDisposedOn", null),
                "a kept one says nothing");
        JsonObject listedAttachment = disposedReport.getJsonArray("attachments").getJsonObject(0);
        assertEquals(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Stockholm")).toString(),
                listedAttachment.getString("disposedOn"), listedAttachment.toString());
        assertProblem(Api.admin().get("api/reports/" + free.reportId() + "/attachments/" + free.attachmentId()), 409,
                "attachment");
        JsonObject keptAttachment = ok(Api.admin().get("api/reports/" + held.reportId())).getJsonArray("attachments")
                .getJsonObject(0);
        assertTrue(!keptAttachment.containsKey("disposedOn") || keptAttachment.isNull("disposedOn"), keptAttachment.toString());
        assertEquals(200, Api.admin().get("api/reports/" + held.reportId() + "/attachments/" + held.attachmentId()).status());
        assertEquals(1L, Rows.count("select count(*) from activity_report where id = ?", free.reportId()));
        // the registration entry stays: the diary keeps that the document was there
        assertEquals(1L, Rows.count("select count(*) from registry_entry where document_kind = 'CONTACT_NEED' and document_id = ?", needId));
        assertEquals(3L, Rows.count("select count(*) from disposal where act_id = ?", id(act)));
        assertEquals(free.agreementId(), Rows.count("select agreement_id from disposal where document_type = 'ACTIVITY_REPORT' and record_id = ?",
                free.reportId()));
        assertNull(due("ACTIVITY_REPORT", free.reportId()), "disposed of once");
        // Under the hold, untouched.
        assertTrue(Rows.value("select narrative from activity_report where id = ?", held.reportId()) != null);
        assertTrue(Rows.count("select length(c.bytes) from attachment_content c join report_attachment a on a.content_id = c.id where a.id = ?",
                held.attachmentId()) > 0);

        assertEquals(204, Api.admin().delete("api/retention/holds/" + held.agreementId()).status());
        created(dispose(items("ACTIVITY_REPORT", held.reportId())));
        assertNull(Rows.value("select narrative from activity_report where id = ?", held.reportId()));

        JsonObject listed = Api.demo("revisor").get("api/retention/disposals").jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getJsonNumber("id").longValue() == id(act)).findFirst().orElseThrow();
        assertEquals("ACTIVITY_REPORT 1, CONTACT_NEED 1, REPORT_ATTACHMENT 1", listed.getString("summary"));
        assertEquals(java.util.Set.of("id", "disposedBy", "disposedAt", "items", "summary"), listed.keySet(), "the record's fields only");
        // the act item by item, as the auditor reads it
        JsonObject detail = ok(Api.demo("revisor").get("api/retention/disposals/" + id(act)));
        assertEquals(id(act), detail.getJsonObject("act").getJsonNumber("id").longValue());
        List<JsonObject> disposed = detail.getJsonArray("disposed").getValuesAs(JsonObject.class);
        assertEquals(3, disposed.size(), detail.toString());
        assertTrue(disposed.stream().anyMatch(d -> d.getString("documentType").equals("CONTACT_NEED")
                && d.getJsonNumber("recordId").longValue() == needId && !d.containsKey("agreementId")), detail.toString());
        assertTrue(disposed.stream().anyMatch(d -> d.getString("documentType").equals("ACTIVITY_REPORT")
                && d.getString("agreementReference").equals(report.getString("agreementReference"))
                && d.getString("dueOn").equals("2024-12-31")), detail.toString());
    }

    @Test
    void thePlanIsChangedByAdministratorsOnlyWithTheVersionTheyRead() {
        List<JsonObject> plan = Api.demo("revisor").get("api/retention/plan").jsonArray().getValuesAs(JsonObject.class);
        JsonObject attachments = plan.stream().filter(p -> p.getString("documentType").equals("REPORT_ATTACHMENT")).findFirst().orElseThrow();
        assertTrue(plan.stream().anyMatch(p -> p.getString("documentType").equals("AGREEMENT") && p.getString("retention").equals("PERMANENT")));
        long version = attachments.getJsonNumber("version").longValue();
        int years = attachments.getInt("years");

        JsonObject changed = ok(Api.admin().put("api/retention/plan/REPORT_ATTACHMENT", Json.createObjectBuilder()
                .add("retention", "AFTER_AGREEMENT_END").add("years", years + 1).add("version", version).build().toString()));
        assertEquals(years + 1, changed.getInt("years"));
        assertEquals("admin", changed.getString("changedBy"));
        assertProblem(Api.admin().put("api/retention/plan/REPORT_ATTACHMENT", Json.createObjectBuilder()
                .add("retention", "AFTER_AGREEMENT_END").add("years", 1).add("version", version).build().toString()), 409, "version");
        assertProblem(Api.admin().put("api/retention/plan/AGREEMENT", Json.createObjectBuilder()
                .add("retention", "AFTER_CREATION").add("years", 5).add("version", 0).build().toString()), 422, "retention");
        assertProblem(Api.admin().put("api/retention/plan/CONTACT_NEED", Json.createObjectBuilder()
                .add("retention", "AFTER_AGREEMENT_END").add("years", 5).add("version", 0).build().toString()), 422, "retention");
        assertProblem(Api.admin().put("api/retention/plan/CONTACT_NEED", Json.createObjectBuilder()
                .add("retention", "AFTER_CREATION").add("years", 101).add("version", 0).build().toString()), 422, "years");
        assertProblem(Api.demo("revisor").put("api/retention/plan/REPORT_ATTACHMENT", Json.createObjectBuilder()
                .add("retention", "PERMANENT").add("version", version + 1).build().toString()), 403, null);
        assertProblem(Api.demo("revisor").post("api/retention/disposals", Json.createObjectBuilder()
                .add("items", items("ACTIVITY_REPORT", 1L)).build().toString()), 403, null);
        assertProblem(Api.demo("stadsmissionen").get("api/retention/preview"), 403, null);
        // Back as it was, for the other tests.
        ok(Api.admin().put("api/retention/plan/REPORT_ATTACHMENT", Json.createObjectBuilder()
                .add("retention", "AFTER_AGREEMENT_END").add("years", years).add("version", version + 1).build().toString()));
        assertFalse(plan.isEmpty());
    }

    @Test
    void everyRoleRuleIsHeldByTheServer() {
        List<JsonObject> plan = Api.demo("revisor").get("api/retention/plan").jsonArray().getValuesAs(JsonObject.class);
        JsonObject reports = plan.stream().filter(p -> p.getString("documentType").equals("ACTIVITY_REPORT")).findFirst().orElseThrow();
        assertEquals(List.of("PERMANENT", "AFTER_AGREEMENT_END", "AFTER_CREATION"), strings(reports, "allowedRetentions"));
        assertEquals(List.of("PERMANENT"), strings(plan.stream().filter(p -> p.getString("documentType").equals("AGREEMENT"))
                .findFirst().orElseThrow(), "allowedRetentions"), "agreements are kept for good");
        assertEquals(List.of("PERMANENT", "AFTER_CREATION"), strings(plan.stream()
                .filter(p -> p.getString("documentType").equals("CONTACT_NOTE")).findFirst().orElseThrow(), "allowedRetentions"));
        long agreementId = Rows.count("select min(id) from agreement");
        String change = Json.createObjectBuilder().add("retention", "AFTER_AGREEMENT_END").add("years", 3)
                .add("version", reports.getJsonNumber("version").longValue()).build().toString();
        String hold = Json.createObjectBuilder().add("reason", "Prövning").build().toString();
        String disposal = Json.createObjectBuilder().add("items", items("ACTIVITY_REPORT", 1L)).build().toString();

        // Auditors read everything and change nothing.
        Api auditor = Api.demo("revisor");
        for (String read : List.of("plan", "preview", "holds", "disposals")) {
            assertEquals(200, auditor.get("api/retention/" + read).status(), read);
        }
        assertProblem(auditor.get("api/retention/disposals/987654321"), 404, null);
        assertProblem(auditor.put("api/retention/plan/ACTIVITY_REPORT", change), 403, null);
        assertProblem(auditor.put("api/retention/holds/" + agreementId, hold), 403, null);
        assertProblem(auditor.delete("api/retention/holds/" + agreementId), 403, null);
        assertProblem(auditor.post("api/retention/disposals", disposal), 403, null);

        // Finance, partners and landlords see nothing of it and change nothing.
        for (String user : List.of("ekonom", "stadsmissionen", "hyresvard")) {
            Api api = Api.demo(user);
            for (String read : List.of("plan", "preview", "holds", "disposals", "disposals/1")) {
                assertProblem(api.get("api/retention/" + read), 403, null);
            }
            assertProblem(api.put("api/retention/plan/ACTIVITY_REPORT", change), 403, null);
            assertProblem(api.put("api/retention/holds/" + agreementId, hold), 403, null);
            assertProblem(api.delete("api/retention/holds/" + agreementId), 403, null);
            assertProblem(api.post("api/retention/disposals", disposal), 403, null);
        }
        assertEquals(reports.getJsonNumber("version").longValue(), Rows.count("select version from document_plan where document_type = 'ACTIVITY_REPORT'"),
                "the plan is as it was");
        assertEquals(0L, Rows.count("select count(*) from legal_hold where agreement_id = ? and reason = 'Prövning'", agreementId));
    }

    private static List<String> strings(JsonObject o, String name) {
        return o.getJsonArray(name).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
