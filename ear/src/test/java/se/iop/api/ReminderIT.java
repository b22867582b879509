package se.iop.api;

import jakarta.json.Json;
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
import java.time.YearMonth;
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
 * Reminders by e-mail (issue 13 §4), made and mailed by the running server's job (every 2 s in the tests): each
 * unreported quarter of an agreement brings its partner's users one mail per stage, the job's next runs bring none,
 * a quarter handed in brings none (even a reminder already queued for it is not sent), a partner of another
 * organisation gets nothing about it, and only administrators and auditors may read the list of reminders.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReminderIT {

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

    /** The quarters of 2024–2026 but the first, each with the stage its reminder has reached today (none: left out). */
    private static Set<String> expected(LocalDate today) {
        Set<String> wanted = new HashSet<>();
        for (int year = 2024; year <= 2026; year++) {
            for (int q = 1; q <= 4; q++) {
                if (year == 2024 && q == 1) {
                    continue;
                }
                LocalDate end = YearMonth.of(year, q * 3).atEndOfMonth();
                LocalDate dueOn = YearMonth.from(end).plusMonths(1).atEndOfMonth();
                if (today.isAfter(dueOn)) {
                    wanted.add(year + "-Q" + q + " LATE");
                } else if (today.isAfter(end) && !today.isBefore(dueOn.minusDays(14))) {
                    wanted.add(year + "-Q" + q + " DUE_SOON");
                }
            }
        }
        return wanted;
    }

    @AfterAll
    static void leave() {
        REMINDED.leave();
    }

    @Test
    void eachReminderGoesOutOnceNoneForAHandedInReportNoneToAnotherPartnerAndOnlyAdminsAndAuditorsSeeThem()
            throws Exception {
        String partnerName = Reminders.organisation(unique("IT Påminnelser"));
        String otherName = Reminders.organisation(unique("IT Annan partner"));
        JsonObject agreement = FollowUpFixtures.activeWith(partnerName);
        long agreementId = id(agreement);
        String title = agreement.getString("title");
        // 2024-Q1 handed in by a user without an e-mail address, before any with one exists: it never calls for a reminder.
        long writer = ItAccounts.create("PARTNER", Fixtures.organisationId(partnerName));
        Api partner = Api.as((String) Rows.value("select username from account where id = ?", writer), ItAccounts.PASSWORD);
        JsonObject draft = FollowUpFixtures.createReport(partner, FollowUpFixtures.report(agreementId, "2024-Q1", 5));
        ok(partner.post("api/reports/" + id(draft) + "/submit", "{\"version\": " + Fixtures.version(draft) + "}"));

        String email = unique("paminnelse").strip().toLowerCase().replace(' ', '-') + "@stadsmissionen.example";
        String otherEmail = unique("annan").strip().toLowerCase().replace(' ', '-') + "@verdandi.example";
        long account = REMINDED.partnerWithEmail(partnerName, email);
        long other = REMINDED.partnerWithEmail(otherName, otherEmail);
        // A person invited to the partner who has not accepted yet is no user yet: no reminder (only the invitation).
        String invitedEmail = unique("inbjuden").strip().toLowerCase().replace(' ', '-') + "@stadsmissionen.example";
        long invited = id(Fixtures.created(Api.admin().post("api/invitations", Json.createObjectBuilder()
                .add("email", invitedEmail).add("displayName", "Inbjuden Person").add("role", "PARTNER")
                .add("organisationId", Fixtures.organisationId(partnerName)).build().toString())));
        long invitedAccount = ((Number) Rows.value("select account_id from invitation where id = ?", invited)).longValue();
        REMINDED.leavesAtTheEnd(invitedAccount);

        Set<String> expected = expected(LocalDate.now(SWEDEN));
        assertFalse(expected.isEmpty(), "the agreement runs from 2024: its quarters are late by now");
        Reminders.settle("REPORT", agreementId, account, expected.size(), "2024-Q1", WAIT);
        assertEquals(expected, Reminders.rows("REPORT", agreementId, account), "one reminder per unreported quarter and stage");
        assertEquals(expected.size(), Rows.count("select count(*) from report_reminder where kind = 'REPORT' and agreement_id = ?"
                + " and account_id = ? and status = 'SENT' and attempts = 1 and sent_at is not null", agreementId, account));
        List<MimeMessage> mails = Smtp.await(email, expected.size(), WAIT).stream()
                .filter(m -> Reminders.about(email, title, "verksamhetsrapport").contains(m)).toList();
        assertEquals(expected.size(), mails.size(), "one mail per reminder");
        for (MimeMessage m : mails) {
            String body = (String) m.getContent();
            assertTrue(body.contains(title) && body.contains("reports/list.xhtml"), body);
            assertFalse(body.contains("Kvartal 1 2024"), "the quarter handed in is not reminded of: " + body);
        }

        // A queued reminder about the quarter handed in (as if made just before the report came in) is not sent.
        Rows.update("insert into report_reminder (agreement_id, organisation_id, period, stage, account_id, due_on,"
                + " status, queued_at) values (?, ?, '2024-Q1', 'LATE', ?, date '2024-04-30', 'QUEUED', now())",
                agreementId, Fixtures.organisationId(partnerName), account);
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end && "QUEUED".equals(Rows.value("select status from report_reminder where"
                + " agreement_id = ? and account_id = ? and period = '2024-Q1'", agreementId, account))) {
            Smtp.sleep(200);
        }
        assertEquals("CANCELLED", Rows.value("select status from report_reminder where agreement_id = ?"
                + " and account_id = ? and period = '2024-Q1'", agreementId, account));

        // Several more runs of the job (every 2 s): nothing new is made or mailed.
        Smtp.sleep(6000);
        assertEquals(expected.size() + 1, Rows.count("select count(*) from report_reminder where kind = 'REPORT'"
                + " and agreement_id = ? and account_id = ?", agreementId, account));
        assertEquals(expected.size(), Reminders.about(email, title, "verksamhetsrapport").size(), "no reminder went out twice");

        assertEquals(0, Rows.count("select count(*) from report_reminder where account_id = ?", invitedAccount));
        assertEquals(1, Smtp.to(invitedEmail).size(), "the invitation, and no reminder");

        // A partner user of another organisation (one with no agreement) hears nothing, about this agreement or any.
        assertEquals(0, Rows.count("select count(*) from report_reminder where account_id = ?", other));
        assertEquals(0, Smtp.to(otherEmail).size());

        // Administrators and auditors read the list; partners, finance and landlords may not.
        // (the self-assessments' reminders, in the same list, are FidelityReminderIT's)
        List<JsonObject> list = Api.admin().get("api/reminders?agreementId=" + agreementId).jsonArray()
                .getValuesAs(JsonObject.class).stream().filter(r -> r.getString("kind").equals("REPORT")).toList();
        assertEquals(expected.size() + 1, list.size(), list.toString());
        JsonObject first = list.stream()
                .filter(r -> r.getString("status").equals("SENT")).findFirst().orElseThrow();
        assertEquals(email, first.getString("email"));
        assertEquals(title, first.getString("agreementTitle"));
        assertTrue(first.containsKey("sentAt") && first.containsKey("stage") && first.containsKey("period"), first.toString());
        assertEquals(200, Api.demo("revisor").get("api/reminders?agreementId=" + agreementId).status());
        for (String user : List.of("stadsmissionen", "ekonom", "hyresvard")) {
            assertEquals(403, Api.demo(user).get("api/reminders?agreementId=" + agreementId).status(), user);
        }
        assertEquals(403, partner.get("api/reminders?agreementId=" + agreementId).status(), "not even the partner's own");
    }
}
