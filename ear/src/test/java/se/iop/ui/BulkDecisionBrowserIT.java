package se.iop.ui;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import se.iop.it.Api;
import se.iop.it.Browser;
import se.iop.it.Deployments;
import se.iop.it.Fixtures;
import se.iop.it.Rows;
import se.iop.it.Widgets;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.FollowUpFixtures.activeWith;
import static se.iop.it.FollowUpFixtures.createReport;
import static se.iop.it.FollowUpFixtures.report;

/**
 * Bulk decisions in a real browser (issue 13 §5): an administrator chooses three handed-in reports on the reports
 * list and approves them in one action, while one of them was meanwhile returned to the partner by someone else:
 * two are approved, the third is not and the page says why; the list shows the new statuses.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BulkDecisionBrowserIT {

    private static final Api STADSMISSIONEN = Api.demo("stadsmissionen");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private static JsonObject submitted(long agreement, String period) {
        // one count under three, as real reports have (other tests open the latest report to see it hidden)
        JsonObject r = createReport(STADSMISSIONEN, report(agreement, period, 5).add("evictions", 1));
        return Fixtures.ok(STADSMISSIONEN.post("api/reports/" + Fixtures.id(r) + "/submit", "{}"));
    }

    private static String status(long report) {
        return (String) Rows.value("select status from activity_report where id = ?", report);
    }

    @Test
    void anAdministratorApprovesThreeReportsAtOnce() {
        long agreement = Fixtures.id(activeWith(Fixtures.STADSMISSION));
        // the latest quarters, so that the list (latest first) shows them on its first page
        List<JsonObject> reports = List.of(submitted(agreement, "2026-Q3"), submitted(agreement, "2026-Q2"),
                submitted(agreement, "2026-Q1"));
        try (Browser b = Browser.start()) {
            b.login("handlaggare", "bostadforst");
            b.open("reports/list.xhtml?status=SUBMITTED");
            for (JsonObject r : reports) {
                checkBoxOf(b, Fixtures.id(r)).click();
            }
            // Someone else returns the third to the partner before the administrator presses the button.
            JsonObject third = reports.get(2);
            Fixtures.ok(Api.admin().post("api/reports/" + Fixtures.id(third) + "/return",
                    "{\"comment\": \"Komplettera kostnaderna\", \"version\": %d}".formatted(Fixtures.version(third))));
            b.screenshot("bulk-reports-chosen");

            b.find(By.id("list:approveChosen")).click();
            b.waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".bulk-lines")));
            Widgets.ajaxDone(b);
            String outcome = b.find(By.cssSelector(".bulk-lines")).getText();
            b.screenshot("bulk-reports-approved");

            assertTrue(b.find(By.id("messages")).getText().contains("2 klara, 1 inte gjorda"), b.find(By.id("messages")).getText());
            assertEquals(3, b.driver().findElements(By.cssSelector(".bulk-lines li")).size(), outcome);
            assertEquals(2, b.driver().findElements(By.cssSelector(".bulk-lines li.bulk-done")).size(), outcome);
            assertTrue(outcome.contains("Kvartal 1 2026"), "names the report not approved: " + outcome);
            assertTrue(b.find(By.cssSelector(".bulk-lines li.bulk-refused")).getText().contains("Kvartal 1 2026"), outcome);
            assertEquals("APPROVED", status(Fixtures.id(reports.get(0))));
            assertEquals("APPROVED", status(Fixtures.id(reports.get(1))));
            assertEquals("RETURNED", status(Fixtures.id(third)), "the one changed meanwhile is left as it was");
        }
    }

    private static WebElement checkBoxOf(Browser b, long report) {
        return b.find(By.xpath("//a[contains(concat(@href, '&'), 'id=" + report + "&')]/ancestor::tr//input[@type='checkbox']"));
    }
}
