package se.iop.ui;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import se.iop.it.Browser;
import se.iop.it.Deployments;
import se.iop.it.Fixtures;
import se.iop.it.FollowUpFixtures;
import se.iop.it.ItAccounts;
import se.iop.it.Rows;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Fixtures.id;

/**
 * The reminders sent about an agreement's reports, on its follow-up page: the administrator and the auditor see who got
 * which and when; the partner's own users do not see the list.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReminderBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void administratorsAndAuditorsSeeTheRemindersSentPartnersDoNot() {
        long agreementId = id(FollowUpFixtures.activeWith(Fixtures.STADSMISSION));
        String email = "paminnelse-" + System.nanoTime() + "@stadsmissionen.example";
        // A partner user who has left since (deactivated): the job makes nothing new for it.
        long account = ItAccounts.create("PARTNER", Fixtures.organisationId(Fixtures.STADSMISSION));
        Rows.update("update account set email = ?, active = false where id = ?", email, account);
        // As the job leaves a reminder it has mailed.
        Rows.update("insert into report_reminder (agreement_id, organisation_id, period, stage, account_id, due_on,"
                + " status, attempts, queued_at, sent_at) values (?, ?, '2024-Q2', 'LATE', ?, date '2024-07-31', 'SENT', 1,"
                + " now(), now())", agreementId, Fixtures.organisationId(Fixtures.STADSMISSION), account);
        try (Browser b = Browser.start()) {
            try {
                for (String user : new String[] {"handlaggare", "revisor"}) {
                    b.login(user, "bostadforst");
                    b.open("followup/agreement.xhtml?id=" + agreementId);
                    String table = b.find(By.id("reminders")).getText();
                    assertTrue(table.contains("Skickade påminnelser") && table.contains(email) && table.contains("Försenad")
                            && table.contains("Kvartal 2 2024") && table.contains("Skickad"), user + ": " + table);
                    b.screenshot("reminders-" + user);
                    b.find(By.id("userForm:logout")).click();
                    b.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("login:username")));
                }
                b.login("stadsmissionen", "bostadforst");
                b.open("followup/agreement.xhtml?id=" + agreementId);
                assertTrue(b.pageText().contains("Rapporter att lämna") || b.pageText().contains("Rapporter"), b.pageText());
                assertTrue(b.driver().findElements(By.id("reminders")).isEmpty(), "a partner does not see the reminders");
                assertFalse(b.pageText().contains(email));
            } catch (RuntimeException | AssertionError e) {
                b.screenshot("failed-reminders");
                throw e;
            }
        }
    }
}
