package se.iop.api;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.iop.it.Api;
import se.iop.it.Deployments;
import se.iop.it.Fixtures;
import se.iop.it.FollowUpFixtures;
import se.iop.it.ItAccounts;
import se.iop.it.Reminders;
import se.iop.it.Rows;
import se.iop.it.Smtp;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.ok;
import static se.iop.it.Fixtures.unique;

/**
 * Reminders about fidelity self-assessments (issue 13 §4), made and mailed by the running server's reminder job (every
 * 2 s in the tests) like those about reports: each year of an agreement not yet assessed brings its partner's users one
 * mail per stage (due on 31 January of the next year), the job's next runs bring none, a year handed in brings none (a
 * reminder already queued for it is cancelled), invited-not-accepted accounts and another organisation's users get none,
 * and the administrator's list shows these reminders beside the reports'.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FidelityReminderIT {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final Reminders REMINDED = new Reminders();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeAll
    static void smtp() {
        Smtp.server();
    }

    /** The agreement's years from 2024 but the first, each with the stage its reminder has reached today. */
    private static Set<String> expected(LocalDate today) {
        Set<String> wanted = new HashSet<>();
        for (int year = 2025; year < today.getYear() && year <= 2026; year++) {
            LocalDate dueOn = LocalDate.of(year + 1, 1, 31);
            if (today.isAfter(dueOn)) {
                wanted.add(year + " LATE");
            } else if (!today.isBefore(dueOn.minusDays(14))) {
                wanted.add(year + " DUE_SOON");
            }
        }
        return wanted;
    }

    @AfterAll
    static void leave() {
        REMINDED.leave();
    }

    /** Begins and hands in the agreement's self-assessment of the year, every item scored. */
    private static void handIn(Api partner, long agreementId, int year) {
        JsonArrayBuilder scores = Json.createArrayBuilder();
        Rows.values("select code from fidelity_item").forEach(c -> scores.add(Json.createObjectBuilder()
                .add("item", String.valueOf(c)).add("score", 2)));
        JsonObject a = Fixtures.created(partner.post("api/fidelity", Json.createObjectBuilder().add("agreementId", agreementId)
                .add("year", year).add("scores", scores).build().toString()));
        ok(partner.post("api/fidelity/" + id(a) + "/submit", "{}"));
    }

    @Test
    void eachYearsReminderGoesOutOnceNoneForAYearHandedInNoneToOthersAndTheListShowsBothKinds() throws Exception {
        String partnerName = Reminders.organisation(unique("IT Självskattning"));
        String otherName = Reminders.organisation(unique("IT Annan organisation"));
        JsonObject agreement = FollowUpFixtures.activeWith(partnerName);
        long agreementId = id(agreement);
        String title = agreement.getString("title");
        // 2024 handed in by a user without an address, before any with one exists: it never calls for a reminder.
        long writer = ItAccounts.create("PARTNER", Fixtures.organisationId(partnerName));
        REMINDED.leavesAtTheEnd(writer);
        Api partner = Api.as((String) Rows.value("select username from account where id = ?", writer), ItAccounts.PASSWORD);
        handIn(partner, agreementId, 2024);

        String email = unique("skattning").strip().toLowerCase().replace(' ', '-') + "@stadsmissionen.example";
        String otherEmail = unique("annan").strip().toLowerCase().replace(' ', '-') + "@verdandi.example";
        long account = REMINDED.partnerWithEmail(partnerName, email);
        long other = REMINDED.partnerWithEmail(otherName, otherEmail);
        String invitedEmail = unique("inbjuden").strip().toLowerCase().replace(' ', '-') + "@stadsmissionen.example";
        long invited = id(Fixtures.created(Api.admin().post("api/invitations", Json.createObjectBuilder()
                .add("email", invitedEmail).add("displayName", "Inbjuden Person").add("role", "PARTNER")
                .add("organisationId", Fixtures.organisationId(partnerName)).build().toString())));
        long invitedAccount = ((Number) Rows.value("select account_id from invitation where id = ?", invited)).longValue();
        REMINDED.leavesAtTheEnd(invitedAccount);

        Set<String> expected = expected(LocalDate.now(SWEDEN));
        assertFalse(expected.isEmpty(), "2025's self-assessment was due on 31 January 2026");
        Reminders.settle("FIDELITY", agreementId, account, expected.size(), "2024", WAIT);
        assertEquals(expected, Reminders.rows("FIDELITY", agreementId, account), "one reminder per year not handed in and stage");
        assertEquals(expected.size(), Rows.count("select count(*) from report_reminder where kind = 'FIDELITY' and agreement_id = ?"
                + " and account_id = ? and status = 'SENT' and attempts = 1 and sent_at is not null", agreementId, account));
        Smtp.await(email, expected.size(), WAIT);
        List<MimeMessage> mails = Reminders.about(email, title, "programtrohet");
        assertEquals(expected.size(), mails.size(), "one mail per reminder");
        for (MimeMessage m : mails) {
            String body = (String) m.getContent();
            assertTrue(body.contains("Självskattningen av programtrohet för 2025") && body.contains(title)
                    && body.contains("followup/agreement.xhtml?id=" + agreementId), body);
            assertTrue(body.contains("The fidelity self-assessment for 2025"), body);
            assertFalse(body.contains("för 2024"), "the year handed in is not reminded of: " + body);
        }

        // 2025 handed in now: a reminder queued for it (as if made just before it came in) is not sent.
        handIn(partner, agreementId, 2025);
        Rows.update("insert into report_reminder (kind, agreement_id, organisation_id, period, stage, account_id, due_on,"
                + " status, queued_at) values ('FIDELITY', ?, ?, '2025', 'DUE_SOON', ?, date '2026-01-31', 'QUEUED', now())",
                agreementId, Fixtures.organisationId(partnerName), account);
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end && "QUEUED".equals(Rows.value("select status from report_reminder where kind = 'FIDELITY'"
                + " and agreement_id = ? and account_id = ? and stage = 'DUE_SOON'", agreementId, account))) {
            Smtp.sleep(200);
        }
        assertEquals("CANCELLED", Rows.value("select status from report_reminder where kind = 'FIDELITY'"
                + " and agreement_id = ? and account_id = ? and stage = 'DUE_SOON'", agreementId, account));

        // Several more runs of the job: nothing new is made or mailed.
        Smtp.sleep(6000);
        assertEquals(expected.size() + 1, Rows.count("select count(*) from report_reminder where kind = 'FIDELITY'"
                + " and agreement_id = ? and account_id = ?", agreementId, account));
        assertEquals(expected.size(), Reminders.about(email, title, "programtrohet").size(), "no reminder went out twice");
        assertEquals(0, Rows.count("select count(*) from report_reminder where account_id in (?, ?)", invitedAccount, writer),
                "neither the invited person nor a user without an address");
        assertEquals(0, Rows.count("select count(*) from report_reminder where account_id = ?", other));
        assertEquals(0, Smtp.to(otherEmail).size());

        // The administrator's list shows the self-assessments' reminders beside the reports'.
        JsonArray list = Api.admin().get("api/reminders?agreementId=" + agreementId).jsonArray();
        Set<String> kinds = new HashSet<>();
        list.getValuesAs(JsonObject.class).forEach(r -> kinds.add(r.getString("kind")));
        assertEquals(Set.of("REPORT", "FIDELITY"), kinds, list.toString());
        JsonObject fidelity = list.getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("kind").equals("FIDELITY") && r.getString("status").equals("SENT")).findFirst().orElseThrow();
        assertEquals("2025", fidelity.getString("period"));
        assertEquals(email, fidelity.getString("email"));
        assertEquals(403, partner.get("api/reminders?agreementId=" + agreementId).status());
    }
}
