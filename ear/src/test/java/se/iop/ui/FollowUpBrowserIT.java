package se.iop.ui;

import jakarta.json.JsonObject;
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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Fixtures.KOMMUN;
import static se.iop.it.Fixtures.STADSMISSION;
import static se.iop.it.Fixtures.created;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.organisationId;

/**
 * Follow-up in a real browser: a partner writes a report from its reminder, is refused a personal
 * identity number and a file that is not what it says, attaches a PDF and hands the report in; an
 * administrator sends it back with a comment; the partner corrects and hands it in again; the
 * administrator approves it, and then it is locked. The dashboards show charts and late milestones.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FollowUpBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void aPartnerReportIsReturnedCorrectedAndApprovedThenLocked() throws IOException {
        long agreementId = id(FollowUpFixtures.activeWith(STADSMISSION));
        Path pdf = Files.createTempFile("protokoll", ".pdf");
        Files.write(pdf, FollowUpFixtures.pdf());
        Path fake = Files.createTempDirectory("iop").resolve("falsk.pdf");
        Files.writeString(fake, "<html><script>alert(1)</script></html>");
        long reportId;
        try (Browser b = Browser.start()) {
            reportId = steps(b, "partner-writes", () -> {
                b.login("stadsmissionen", "bostadforst");
                b.open("reports/list.xhtml");
                WebElement write = b.find(By.cssSelector("#dueReports a[href*='agreement=" + agreementId + "'][href*='period=2024-Q1']"));
                b.screenshot("followup-reports-list");
                write.click();
                b.waitUntil(ExpectedConditions.urlContains("reports/edit.xhtml"));
                assertEquals("Kvartal 1 2024", b.find(By.id("report:period_label")).getText(), "the reminder's period is chosen");

                b.find(By.id("report:narrative")).sendKeys("Ny hyresgäst 19811218-9876 har flyttat in.");
                type(b, "report:peopleInContact", "12");
                for (String field : List.of("householdsHoused", "householdsHousedTotal", "tenancies6Due", "tenancies6Kept",
                        "tenancies12Due", "tenancies12Kept", "leasesTakenOver", "disturbanceCases", "landlordsEngaged",
                        "experienceExperts")) {
                    type(b, "report:" + field, "4");
                }
                type(b, "report:evictions", "1");
                b.find(By.id("report:costs")).sendKeys("98 500");
                b.find(By.id("report:save")).click();
                waitForText(b, "ser ut att innehålla ett personnummer");
                assertTrue(text(b.find(By.id("messages"))).contains("Vad ni har gjort:"), "the message names the field");
                assertEquals("Ny hyresgäst 19811218-9876 har flyttat in.", b.find(By.id("report:narrative")).getAttribute("value"),
                        "what was typed stays");
                assertEquals(0L, ((Number) Rows.value("select count(*) from activity_report where agreement_id = ?", agreementId)).longValue());

                WebElement narrative = b.find(By.id("report:narrative"));
                narrative.clear();
                narrative.sendKeys("Boendestöd till nya hyresgäster. Samverkan med hyresvärden om störningar.");
                b.find(By.id("report:save")).click();
                b.waitUntil(ExpectedConditions.urlContains("reports/edit.xhtml?id="));
                waitForText(b, "Rapporten är sparad.");
                long id = Long.parseLong(b.driver().getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1"));

                b.find(By.id("upload:file_input")).sendKeys(fake.toString());
                waitForText(b, "Filens innehåll är inte en .pdf-fil.");
                b.find(By.id("upload:file_input")).sendKeys(pdf.toString());
                b.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("attachmentList:files"), pdf.getFileName().toString()));
                assertFalse(text(b.find(By.id("attachmentList:files"))).contains("falsk.pdf"));
                scrollTo(b, "main");
                b.screenshot("followup-report-draft");

                b.find(By.id("report:submit")).click();
                b.waitUntil(ExpectedConditions.urlContains("reports/view.xhtml?id=" + id));
                assertEquals("Inlämnad", b.find(By.id("reportStatus")).getText());
                assertEquals("1", b.find(By.id("count-evictions")).getText(), "the partner sees its exact counts");
                logout(b);
                return id;
            });

            steps(b, "admin-returns", () -> {
                b.login("handlaggare", "bostadforst");
                b.open("index.xhtml");
                b.find(By.cssSelector("#waiting a[href*='id=" + reportId + "']")).click();
                b.waitUntil(ExpectedConditions.urlContains("reports/view.xhtml?id=" + reportId));
                b.find(By.id("report:return")).click();
                b.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("returnDlg")));
                ajaxDone(b);
                b.find(By.id("returnForm:comment")).sendKeys("Förklara vräkningen och vad som gjordes för att förhindra den.");
                b.find(By.id("returnForm:save")).click();
                b.waitUntil(ExpectedConditions.textToBe(By.id("reportStatus"), "Tillbakaskickad"));
                assertTrue(text(b.find(By.id("report:returnedNotice"))).contains("Förklara vräkningen"));
                b.screenshot("followup-report-returned");
                logout(b);
                return null;
            });

            steps(b, "partner-corrects", () -> {
                b.login("stadsmissionen", "bostadforst");
                b.open("reports/view.xhtml?id=" + reportId);
                assertTrue(text(b.find(By.id("report:returnedNotice"))).contains("Förklara vräkningen"));
                b.find(By.id("report:edit")).click();
                b.waitUntil(ExpectedConditions.urlContains("reports/edit.xhtml?id=" + reportId));
                assertTrue(text(b.find(By.id("returnedNotice"))).contains("Förklara vräkningen"), "the comment is shown where the partner corrects");
                b.find(By.id("report:narrative")).sendKeys(" Vräkningen gällde obetald hyra; ny lägenhet är ordnad.");
                b.find(By.id("report:submit")).click();
                b.waitUntil(ExpectedConditions.urlContains("reports/view.xhtml?id=" + reportId));
                assertEquals("Inlämnad", b.find(By.id("reportStatus")).getText());
                logout(b);
                return null;
            });

            steps(b, "admin-approves", () -> {
                b.login("handlaggare", "bostadforst");
                b.open("reports/view.xhtml?id=" + reportId);
                assertTrue(text(b.find(By.id("narrative"))).contains("ny lägenhet är ordnad"));
                b.find(By.id("report:approve")).click();
                b.waitUntil(ExpectedConditions.textToBe(By.id("reportStatus"), "Godkänd"));
                assertTrue(text(b.find(By.id("report:lockedNotice"))).contains("godkänd och låst"));
                assertTrue(b.driver().findElements(By.id("report:approve")).isEmpty());
                assertTrue(b.driver().findElements(By.id("report:return")).isEmpty());
                scrollTo(b, "main");
                b.screenshot("followup-report-approved");
                logout(b);
                return null;
            });

            steps(b, "partner-locked", () -> {
                b.login("stadsmissionen", "bostadforst");
                b.open("reports/view.xhtml?id=" + reportId);
                assertTrue(b.driver().findElements(By.id("report:edit")).isEmpty(), "no editing once approved");
                b.open("reports/edit.xhtml?id=" + reportId);
                assertTrue(text(b.find(By.id("notEditable"))).contains("godkänd och låst"));
                assertTrue(b.driver().findElements(By.id("report:save")).isEmpty());
                assertTrue(b.driver().findElements(By.id("upload:file_input")).isEmpty());
                logout(b);
                return null;
            });
        }
        assertEquals("APPROVED", Rows.value("select status from activity_report where id = ?", reportId));
        assertEquals(409, Api.demo("stadsmissionen").put("api/reports/" + reportId,
                FollowUpFixtures.report(agreementId, "2024-Q1", 9).build().toString()).status());
    }

    @Test
    void dashboardsShowChartsAndLateMilestonesStandOut() {
        long agreementId = id(FollowUpFixtures.activeWith(STADSMISSION));
        JsonObject late = created(Api.admin().post("api/milestones", """
                {"agreementId": %d, "title": "Informationsträff för hyresvärdar", "dueOn": "2024-05-31", "responsibleId": %d}"""
                .formatted(agreementId, organisationId(KOMMUN))));
        try (Browser b = Browser.start()) {
            steps(b, "dashboards", () -> {
                b.login("handlaggare", "bostadforst");
                b.open("index.xhtml");
                for (String chart : List.of("housedChart", "retentionChart", "leasesChart", "milestonesChart", "budgetChart")) {
                    WebElement canvas = b.find(By.cssSelector("[id$='" + chart + "'] canvas"));
                    assertEquals("img", canvas.getAttribute("role"), chart);
                    b.waitUntil(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                            "return arguments[0].width > 0 && !!Chart.getChart(arguments[0]);", canvas));
                }
                assertFalse(b.find(By.id("kpiHoused")).getText().isBlank());
                assertTrue(b.find(By.id("kpiRetention")).getText().endsWith("%"), b.find(By.id("kpiRetention")).getText());
                b.screenshot("followup-dashboard");

                b.open("agreements/view.xhtml?id=" + agreementId);
                b.find(By.id("agreement:followupLink")).click();
                b.waitUntil(ExpectedConditions.urlContains("followup/agreement.xhtml?id=" + agreementId));
                WebElement row = b.find(By.cssSelector("[id='milestones:milestoneTable_data'] tr.row-late"));
                assertTrue(text(row).contains("Informationsträff för hyresvärdar") && text(row).contains("Försenad"), text(row));
                assertTrue(text(b.find(By.id("timeline"))).contains("Milstolpe: Informationsträff för hyresvärdar"));
                b.find(By.cssSelector("[id='milestones:timelineChart'] .vis-item.tl-late"));

                // The administrator marks it done; it no longer stands out.
                b.find(By.cssSelector("[id='milestones:milestoneTable_data'] tr.row-late button[id$=':done']")).click();
                b.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("stepDlg")));
                ajaxDone(b);
                b.find(By.id("stepForm:save")).click();
                b.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.id("stepDlg")));
                waitForText(b, "Milstolpen är klar.");
                assertTrue(b.driver().findElements(By.cssSelector("[id='milestones:milestoneTable_data'] tr.row-late")).isEmpty());
                assertEquals("DONE", Rows.value("select status from milestone where id = ?", id(late)));

                b.open("agreements/list.xhtml?q=" + java.net.URLEncoder.encode("fas 1", java.nio.charset.StandardCharsets.UTF_8));
                b.find(By.linkText("Bostad först Nyköping – fas 1")).click();
                b.find(By.id("agreement:followupLink")).click();
                b.find(By.cssSelector("[id$='retentionChart'] canvas"));
                assertTrue(text(b.find(By.cssSelector("[id='milestones:milestoneTable_data']"))).contains("Första hyresgästerna flyttar in"));
                assertTrue(b.find(By.id("committee:pdf")).isDisplayed() && b.find(By.id("committee:csv")).isDisplayed(),
                        "the committee report can be taken out here");
                b.screenshot("followup-agreement");
                scrollTo(b, "housedTitle");
                b.screenshot("followup-agreement-charts");
                logout(b);

                b.login("revisor", "bostadforst");
                // a handed-in report with a count under three (the demo has them; other tests add reports of their own)
                long small = ((Number) Rows.value("select min(id) from activity_report where status <> 'DRAFT'"
                        + " and (evictions < 3 or leases_taken_over < 3)")).longValue();
                b.open("reports/view.xhtml?id=" + small);
                assertTrue(text(b.find(By.id("counts"))).contains("< 3"), "small counts hidden for the auditor");
                assertTrue(b.driver().findElements(By.id("report:approve")).isEmpty());
                logout(b);

                b.login("hyresvard", "bostadforst");
                b.open("index.xhtml");
                assertTrue(b.driver().findElements(By.cssSelector("canvas")).isEmpty(), "no follow-up for a landlord");
                assertTrue(b.driver().findElements(By.linkText("Rapporter")).isEmpty());
                return null;
            });
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static <T> T steps(Browser b, String name, java.util.function.Supplier<T> steps) {
        try {
            return steps.get();
        } catch (RuntimeException | AssertionError e) {
            b.screenshot("failed-followup-" + name);
            throw e;
        }
    }

    private static void type(Browser b, String inputNumber, String value) {
        WebElement input = b.find(By.id(inputNumber + "_input"));
        input.clear();
        input.sendKeys(value);
    }

    private static void logout(Browser b) {
        b.find(By.id("userForm:logout")).click();
        b.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("login:username")));
    }

    private static void ajaxDone(Browser b) {
        b.waitUntil(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return !window.jQuery || (jQuery.active === 0 && (!window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty()));"));
    }

    private static void waitForText(Browser b, String text) {
        b.waitUntil(d -> text(d.findElement(By.tagName("body"))).contains(text));
    }

    private static void scrollTo(Browser b, String elementId) {
        ((JavascriptExecutor) b.driver()).executeScript("document.getElementById(arguments[0]).scrollIntoView()", elementId);
    }

    private static String text(WebElement e) {
        return e.getText().replace('\u00a0', ' ').replace('\u202f', ' ');
    }
}
