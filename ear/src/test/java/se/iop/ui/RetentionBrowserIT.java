package se.iop.ui;

import jakarta.json.Json;
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
import se.iop.it.Axe;
import se.iop.it.Api;
import se.iop.it.Browser;
import se.iop.it.Deployments;
import se.iop.it.FollowUpFixtures.Ended;
import se.iop.it.Rows;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Fixtures.ok;
import static se.iop.it.FollowUpFixtures.endedLongAgo;
import static se.iop.it.Widgets.ajaxDone;
import static se.iop.it.Widgets.dialogOpen;
import static se.iop.it.Widgets.messages;
import static se.iop.it.Widgets.press;
import static se.iop.it.Widgets.rows;
import static se.iop.it.Widgets.saveDialog;
import static se.iop.it.Widgets.steps;
import static se.iop.it.Widgets.type;
import static se.iop.it.Widgets.waitForText;

/**
 * The retention page in the browser: the administrator changes a row of the document plan (a number of years out
 * of range is refused naming the field), places a legal hold on one agreement, narrows what is due to another,
 * disposes of its items as one confirmed act and finds the act in the list, while the held agreement's items are
 * shown but not offered; the auditor reads the same page without a control to change anything; finance does not
 * reach it. The page has no accessibility violations for either.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RetentionBrowserIT {

    private static final String PASSWORD = "bostadforst";
    private static final String NOTE_ROW = "Anteckning om hyresvärdens kontaktperson";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private static String reference(long agreementId) {
        return (String) Rows.value("select reference from agreement where id = ?", agreementId);
    }

    private static JsonObject planRow(String type) {
        return Api.admin().get("api/retention/plan").jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("documentType").equals(type)).findFirst().orElseThrow();
    }

    /** Narrows what is due to the text given (an agreement's reference). */
    private static void narrow(Browser b, String text) {
        type(b, "due:filter", text);
        press(b, "due:narrow");
    }

    @Test
    void theAdministratorKeepsThePlanHoldsAndDisposesAndTheAuditorReads() {
        Ended free = endedLongAgo();
        Ended held = endedLongAgo();
        String freeRef = reference(free.agreementId());
        String heldRef = reference(held.agreementId());
        String heldLabel = heldRef + " – " + Rows.value("select title from agreement where id = ?", held.agreementId());
        JsonObject notes = planRow("CONTACT_NOTE");
        try {
            try (Browser b = Browser.start()) {
                steps(b, "retention-admin", () -> {
                    b.login("handlaggare", PASSWORD);
                    b.find(By.id("navRetention")).click();
                    b.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Bevarande och gallring"));
                    assertTrue(b.find(By.id("plan:planTable")).getText().contains("10 år efter att avtalet har upphört"),
                            "the plan reads as the rule it is");
                    b.screenshot("retention-page");

                    // A plan row: the years out of range are refused naming the field, then a good number is saved.
                    WebElement noteRow = b.find(By.xpath("//*[@id='plan:planTable_data']/tr[contains(., '" + NOTE_ROW + "')]"));
                    noteRow.findElement(By.cssSelector("[id$=':change']")).click();
                    dialogOpen(b, "planDlg");
                    assertEquals("Anteckning om hyresvärdens kontaktperson", b.find(By.id("planType")).getText());
                    type(b, "planForm:years", "101");
                    press(b, "planForm:save");
                    waitForText(b, "Antal år: Ange antal år, 0–100.");
                    assertEquals("true", b.find(By.id("planForm:years")).getAttribute("aria-invalid"), "the field is marked");
                    b.screenshot("retention-plan-refused");
                    type(b, "planForm:years", "3");
                    saveDialog(b, "planForm", "planDlg");
                    waitForText(b, "Bevarandetiden för " + NOTE_ROW + " är ändrad.");
                    assertTrue(b.find(By.xpath("//*[@id='plan:planTable_data']/tr[contains(., '" + NOTE_ROW + "')]")).getText()
                            .contains("3 år efter att handlingen kom in eller upprättades"));
                    assertEquals(3, planRow("CONTACT_NOTE").getInt("years"));
                    // agreements are kept for good: nothing to change there
                    WebElement agreementRow = b.find(By.xpath("//*[@id='plan:planTable_data']/tr[contains(., 'IOP-avtal')]"));
                    assertTrue(agreementRow.findElements(By.cssSelector("[id$=':change']")).isEmpty());

                    // A legal hold: without a reason it is refused naming the field; with one it is placed.
                    b.find(By.id("holdForm:agreement")).click();
                    b.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("holdForm:agreement_filter")));
                    b.find(By.id("holdForm:agreement_filter")).sendKeys(heldRef);
                    b.waitUntil(ExpectedConditions.elementToBeClickable(By.xpath(
                            "//*[@id='holdForm:agreement_items']//li[@data-label='" + heldLabel + "']"))).click();
                    b.waitUntil(ExpectedConditions.textToBe(By.id("holdForm:agreement_label"), heldLabel));
                    press(b, "holdForm:place");
                    waitForText(b, "Skäl:");
                    assertEquals("true", b.find(By.id("holdForm:reason")).getAttribute("aria-invalid"));
                    type(b, "holdForm:reason", "Begäran om utlämnande under prövning");
                    press(b, "holdForm:place");
                    waitForText(b, "Gallringsstopp satt på " + heldRef + ".");
                    assertTrue(b.find(By.id("holds:holdTable")).getText().contains("Begäran om utlämnande under prövning"));

                    // The held agreement's items are shown, marked, and not offered.
                    narrow(b, heldRef);
                    List<String> heldRows = rows(b, "due:dueTable");
                    assertEquals(2, heldRows.size(), heldRows.toString());
                    heldRows.forEach(r -> assertTrue(r.contains("Gallringsstopp"), r));
                    assertTrue(b.driver().findElements(By.cssSelector("#due\\:dueTable input[type='checkbox']")).isEmpty(),
                            "nothing under the hold can be chosen");

                    // The other agreement's report and attachment: chosen, confirmed, disposed of as one act.
                    narrow(b, freeRef);
                    List<String> freeRows = rows(b, "due:dueTable");
                    assertEquals(2, freeRows.size(), freeRows.toString());
                    assertTrue(freeRows.stream().anyMatch(r -> r.contains("Verksamhetsrapport") && r.contains("2024-12-31")), freeRows.toString());
                    assertTrue(freeRows.stream().anyMatch(r -> r.contains("Bilaga till rapport") && r.contains("protokoll.pdf")), freeRows.toString());
                    List<WebElement> boxes = b.driver().findElements(By.cssSelector("#due\\:dueTable input[type='checkbox']"));
                    assertEquals(2, boxes.size());
                    assertTrue(boxes.get(0).getAttribute("aria-label").startsWith("Välj: "), boxes.get(0).getAttribute("aria-label"));
                    boxes.forEach(WebElement::click);
                    press(b, "due:dispose");
                    dialogOpen(b, "disposeDlg");
                    String what = b.find(By.id("disposeWhat")).getText();
                    assertTrue(what.contains("2") && what.contains("Verksamhetsrapport 1") && what.contains("Bilaga till rapport 1"), what);
                    b.screenshot("retention-dispose-confirm");
                    press(b, "disposeForm:confirm");
                    b.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.id("disposeDlg")));
                    waitForText(b, "Gallringen är gjord: 2 handlingar gallrade");
                    assertTrue(b.find(By.id("due:dueTable")).getText().contains("Inget ska gallras nu."), "gone from what is due");

                    List<String> acts = rows(b, "acts:actTable");
                    assertTrue(acts.get(0).contains("handlaggare") && acts.get(0).contains("Verksamhetsrapport 1")
                            && acts.get(0).contains("Bilaga till rapport 1"), acts.get(0));
                    b.find(By.id("acts:actTable:0:show")).click();
                    dialogOpen(b, "actDlg");
                    List<String> items = rows(b, "actForm:actItems");
                    assertEquals(2, items.size(), items.toString());
                    assertTrue(items.stream().allMatch(i -> i.contains(freeRef)), items.toString());
                    b.screenshot("retention-act");
                    b.find(By.id("actForm:close")).click();
                    b.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.id("actDlg")));
                    narrow(b, "");
                    b.screenshot("retention-after-disposal");
                    assertNoViolations(b, "admin");
                });
            }
            // The content is gone, the records kept; the held agreement's untouched.
            assertNull(Rows.value("select narrative from activity_report where id = ?", free.reportId()));
            assertEquals("protokoll.pdf", Rows.value("select filename from report_attachment where id = ?", free.attachmentId()));
            assertNotNull(Rows.value("select narrative from activity_report where id = ?", held.reportId()));
            assertEquals("Begäran om utlämnande under prövning",
                    Rows.value("select reason from legal_hold where agreement_id = ?", held.agreementId()));

            try (Browser b = Browser.start()) {
                steps(b, "retention-auditor", () -> {
                    b.login("revisor", PASSWORD);
                    b.find(By.id("navRetention")).click();
                    b.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Bevarande och gallring"));
                    waitForText(b, "Du kan läsa planen, gallringsstoppen och gallringsbesluten men inte ändra något.");
                    assertTrue(b.find(By.id("holds:holdTable")).getText().contains(heldRef), "the auditor sees the holds");
                    assertFalse(rows(b, "acts:actTable").isEmpty(), "and the acts");
                    for (String control : List.of("[id$=':change']", "[id$=':lift']", "#holdForm", "#due\\:dispose",
                            "#due\\:chooseAll", "#due\\:dueTable input[type='checkbox']", "#planForm", "#disposeForm")) {
                        assertTrue(b.driver().findElements(By.cssSelector(control)).isEmpty(), "no " + control + " for the auditor");
                    }
                    b.screenshot("retention-auditor");
                    assertNoViolations(b, "auditor");
                });
            }

            try (Browser b = Browser.start()) {
                steps(b, "retention-finance", () -> {
                    b.login("ekonom", PASSWORD);
                    assertTrue(b.driver().findElements(By.id("navRetention")).isEmpty(), "no link for finance");
                    b.open("retention/plan.xhtml");
                    waitForText(b, "Din roll ger inte behörighet till detta.");
                    assertFalse(b.pageText().contains("Dokumenthanteringsplan"));
                });
            }
        } finally {
            // as it was, for the other tests
            JsonObject now = planRow("CONTACT_NOTE");
            ok(Api.admin().put("api/retention/plan/CONTACT_NOTE", Json.createObjectBuilder().add("retention", notes.getString("retention"))
                    .add("years", notes.getInt("years")).add("version", now.getJsonNumber("version").longValue()).build().toString()));
            Api.admin().delete("api/retention/holds/" + held.agreementId());
        }
    }

    private static void assertNoViolations(Browser b, String who) {
        ajaxDone(b);
        List<String> violations = Axe.violations(b.driver(), "the retention page (" + who + ")");
        assertTrue(violations.isEmpty(), String.join("\n", violations) + "\n" + messages(b));
    }
}
