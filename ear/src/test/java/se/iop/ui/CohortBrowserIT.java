package se.iop.ui;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import se.iop.it.Api;
import se.iop.it.Browser;
import se.iop.it.Deployments;
import se.iop.it.FollowUpFixtures;
import se.iop.it.Rows;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Fixtures.STADSMISSION;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Widgets.choose;
import static se.iop.it.Widgets.messages;
import static se.iop.it.Widgets.press;
import static se.iop.it.Widgets.scrollTo;
import static se.iop.it.Widgets.steps;
import static se.iop.it.Widgets.text;
import static se.iop.it.Widgets.type;
import static se.iop.it.Widgets.waitForText;

/**
 * Intake cohorts in a real browser: a partner adds a cohort to a report and is refused one that grows after
 * its quarter, naming the cohort; the administrator sees the retention curves against the 80 % reference, the
 * cohorts as a table and the referral flow on the follow-up page; an auditor sees the small counts hidden.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CohortBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private static JsonObjectBuilder cohort(String quarter, Integer... figures) {
        String[] names = {"housed", "retained12", "retained24", "movedOn", "evictions", "returnedHomeless", "leasesOwn"};
        JsonObjectBuilder b = Json.createObjectBuilder().add("cohort", quarter);
        for (int i = 0; i < names.length; i++) {
            if (i < figures.length && figures[i] != null) {
                b.add(names[i], figures[i]);
            }
        }
        return b;
    }

    private static JsonObjectBuilder report(long agreementId, String period, JsonObjectBuilder... cohorts) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (JsonObjectBuilder c : cohorts) {
            list.add(c);
        }
        return FollowUpFixtures.report(agreementId, period, 4).add("tenancies12Due", JsonValue.NULL)
                .add("tenancies12Kept", JsonValue.NULL).add("cohorts", list);
    }

    @Test
    void cohortsAreWrittenAndTheirChartAndTableRender() {
        long agreementId = id(FollowUpFixtures.activeWith(STADSMISSION));
        Api partner = Api.demo("stadsmissionen");
        FollowUpFixtures.approved(partner, report(agreementId, "2025-Q1",
                cohort("2024-Q1", 10, 8, null, 1, 0, 0, 3), cohort("2024-Q2", 6), cohort("2024-Q3", 4), cohort("2024-Q4", 2))
                .add("referralsOutreach", 5).add("referralsSocialServices", 3).add("referralsOther", 1)
                .add("waitingForFlat", 6).add("matchedToFlat", 3).add("householdsHoused", 3));
        FollowUpFixtures.approved(partner, report(agreementId, "2026-Q2",
                cohort("2024-Q1", 10, 8, 7, 2, 1, 0, 5), cohort("2024-Q2", 6, 5, 4, 1, 0, 0, 2), cohort("2024-Q3", 4, 3, null, 0, 0, 0, 1),
                cohort("2024-Q4", 2, 2), cohort("2025-Q1", 5, 4), cohort("2025-Q2", 3, 3), cohort("2025-Q4", 4))
                .add("referralsOutreach", 7).add("referralsSocialServices", 4).add("referralsOther", 2)
                .add("waitingForFlat", 4).add("matchedToFlat", 5).add("householdsHoused", 4));

        try (Browser b = Browser.start()) {
            steps(b, "cohort-partner", () -> {
                b.login("stadsmissionen", "bostadforst");
                b.open("reports/edit.xhtml?agreement=" + agreementId + "&period=2026-Q3");
                choose(b, "report:newCohort", "Kvartal 1 2024");
                press(b, "report:addCohort");
                type(b, "report:cohorts:0:housed", "11");
                type(b, "report:cohorts:0:retained12", "8");
                b.find(By.id("report:save")).click();
                waitForText(b, "växer inte efter sitt kvartal");
                String refusal = messages(b);
                assertTrue(refusal.contains("Kohort 2024-Q1") && refusal.contains("2026-Q2"), refusal);
                assertEquals("11", b.find(By.id("report:cohorts:0:housed")).getAttribute("value"), "what was typed stays");
                assertEquals(0L, ((Number) Rows.value("select count(*) from activity_report where agreement_id = ?"
                        + " and period_start = date '2026-07-01'", agreementId)).longValue());

                type(b, "report:cohorts:0:housed", "10");
                type(b, "report:cohorts:0:retained24", "7");
                type(b, "report:cohorts:0:leasesOwn", "6");
                b.find(By.id("report:save")).click();
                b.waitUntil(ExpectedConditions.urlContains("reports/edit.xhtml?id="));
                waitForText(b, "Rapporten är sparad.");
                assertEquals("10", b.find(By.id("report:cohorts:0:housed")).getAttribute("value"));
                scrollTo(b, "cohortsTitle");
                b.screenshot("cohort-report-editor");
                logout(b);
            });

            steps(b, "cohort-admin", () -> {
                b.login("handlaggare", "bostadforst");
                b.open("followup/agreement.xhtml?id=" + agreementId);
                for (String chart : List.of("cohortChart", "referralChart")) {
                    WebElement canvas = b.find(By.cssSelector("[id$='" + chart + "'] canvas"));
                    b.waitUntil(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                            "return arguments[0].width > 0 && !!Chart.getChart(arguments[0]);", canvas));
                }
                // Seven cohorts and the reference line.
                Number lines = (Number) ((JavascriptExecutor) b.driver()).executeScript(
                        "return Chart.getChart(document.querySelector(\"[id$='cohortChart'] canvas\")).data.datasets.length;");
                assertEquals(8, lines.intValue());
                String table = text(b.find(By.id("cohortTable")));
                assertTrue(table.contains("Kvartal 1 2024") && table.contains("80,0 %") && table.contains("70,0 %"), table);
                assertTrue(table.contains("Kvartal 4 2025"), table);
                scrollTo(b, "cohortTitle");
                b.screenshot("cohort-followup-chart");
                b.find(By.cssSelector("#referrals details summary")).click();
                String referrals = text(b.find(By.id("referralTable")));
                assertTrue(referrals.contains("7") && referrals.contains("Kvartal 2 2026"), referrals);
                scrollTo(b, "referralTitle");
                b.screenshot("cohort-followup-referrals");
                logout(b);
            });

            steps(b, "cohort-auditor", () -> {
                b.login("revisor", "bostadforst");
                b.open("followup/agreement.xhtml?id=" + agreementId);
                String table = text(b.find(By.id("cohortTable")));
                assertTrue(table.contains("< 3"), "small counts hidden for the auditor: " + table);
                scrollTo(b, "cohortTitle");
                b.screenshot("cohort-followup-auditor");
            });
        }
    }

    private static void logout(Browser b) {
        b.find(By.id("userForm:logout")).click();
        b.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("login:username")));
    }
}
