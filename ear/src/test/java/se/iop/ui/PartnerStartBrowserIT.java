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
import se.iop.it.Api;
import se.iop.it.Browser;
import se.iop.it.Deployments;
import se.iop.it.Fixtures;
import se.iop.it.FollowUpFixtures;
import se.iop.it.ItAccounts;
import se.iop.it.Rows;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Fixtures.created;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.ok;
import static se.iop.it.Fixtures.version;
import static se.iop.it.Widgets.choose;
import static se.iop.it.Widgets.dialogOpen;
import static se.iop.it.Widgets.saveDialog;
import static se.iop.it.Widgets.steps;
import static se.iop.it.Widgets.text;
import static se.iop.it.Widgets.type;
import static se.iop.it.Widgets.waitForText;

/**
 * A partner's own way through (issue 13 §6): it lands on its start page with what is due (dates, late ones marked),
 * what was returned to it (with the reason and a link to correct it) and its own agreements only; on its
 * agreement's budget it sees its own share and books a cost of its own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PartnerStartBrowserIT {

    private static final String REASON = "Antalet hushåll i eget boende saknas.";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void aPartnerSeesWhatIsDueAndReturnedAndItsAgreementsAndBooksACost() {
        Api admin = Api.admin();
        String name = Fixtures.unique("IT förening");
        long organisation = id(created(admin.post("api/organisations", Json.createObjectBuilder().add("name", name)
                .add("organisationNumber", Fixtures.organisationNumber()).add("kind", "NON_PROFIT").build().toString())));
        long account = ItAccounts.create("PARTNER", organisation);
        String username = (String) Rows.value("select username from account where id = ?", account);
        Api partner = Api.as(username, ItAccounts.PASSWORD);

        JsonObject own = FollowUpFixtures.activeWith(name);
        JsonObject others = Fixtures.draftWith(Fixtures.STADSMISSION);
        JsonObject report = FollowUpFixtures.createReport(partner, FollowUpFixtures.report(id(own), "2024-Q1", 4));
        JsonObject submitted = ok(partner.post("api/reports/" + id(report) + "/submit", "{}"));
        ok(admin.post("api/reports/" + id(report) + "/return", Json.createObjectBuilder().add("comment", REASON)
                .add("version", version(submitted)).build().toString()));

        Api finance = Api.demo("ekonom");
        long phase = id(created(finance.post("api/budgets/" + id(own) + "/phases",
                "{\"name\": \"Fas 1\", \"startDate\": \"2024-01-01\", \"endDate\": \"2024-12-31\"}")));
        created(finance.post("api/phases/" + phase + "/lines", "{\"category\": \"OTHER\", \"name\": \"Lokal\", \"planned\": 50000}"));

        try (Browser b = Browser.start()) {
            steps(b, "partner-start", () -> {
                b.login(username, ItAccounts.PASSWORD);
                b.find(By.id("returnedTitle")); // it lands on its start page

                // due: the oldest quarters of its agreement, late and dated
                List<WebElement> due = b.driver().findElements(By.cssSelector("#dueReports li"));
                assertFalse(due.isEmpty());
                WebElement first = due.get(0);
                assertTrue(first.getAttribute("class").contains("due-overdue"), first.getAttribute("class"));
                assertTrue(text(first).contains("Försenad") && text(first).contains(own.getString("title"))
                        && text(first).matches("(?s).*\\d{4}-\\d{2}-\\d{2}.*"), text(first));

                // returned: the reason, and the way to correct it
                WebElement returned = b.find(By.cssSelector("#returnedReports li"));
                assertTrue(text(returned).contains(REASON) && text(returned).contains("Kvartal 1 2024")
                        && text(returned).contains(own.getString("title")), text(returned));
                String edit = returned.findElement(By.linkText("Rätta rapporten")).getAttribute("href");
                assertTrue(edit.contains("reports/edit.xhtml") && edit.contains("id=" + id(report)), edit);

                // its agreements, and no other organisation's
                String mine = text(b.find(By.id("myAgreements")));
                assertTrue(mine.contains(own.getString("title")) && mine.contains("I kraft"), mine);
                assertFalse(mine.contains(others.getString("title")), mine);
                assertEquals(1, b.driver().findElements(By.cssSelector("#myAgreements li")).size());
                b.screenshot("partner-start");

                returned.findElement(By.linkText("Rätta rapporten")).click();
                b.waitUntil(ExpectedConditions.urlContains("reports/edit.xhtml"));

                // the budget: its share, and a cost of its own
                b.open("budget/view.xhtml?agreement=" + id(own));
                assertEquals("0,00 kr", text(b.find(By.id("ownBooked"))).replace('\u00a0', ' '));
                b.find(By.cssSelector("button[id$=':bookOwnExpense']")).click();
                dialogOpen(b, "expenseDlg");
                assertTrue(b.driver().findElements(By.id("expenseForm:partnerId")).isEmpty(), "whose cost is not asked");
                choose(b, "expenseForm:lineId", "Lokal (Övrigt)");
                type(b, "expenseForm:spentOn_input", "2024-03-15");
                type(b, "expenseForm:amount", "4 200,50");
                type(b, "expenseForm:description", "Hyra för mötesrum");
                type(b, "expenseForm:voucher", "F-" + id(report));
                saveDialog(b, "expenseForm", "expenseDlg");
                waitForText(b, "Kostnaden är bokad.");
                b.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("ownBooked"), "4"));
                assertEquals("4 200,50 kr", text(b.find(By.id("ownBooked"))).replace('\u00a0', ' '));
                assertTrue(text(b.find(By.id("ownShare"))).contains(name), text(b.find(By.id("ownShare"))));
                b.screenshot("partner-budget");
            });
        }
        assertEquals(organisation, Rows.value("select organisation_id from expense where phase_id = ?", phase));
        assertEquals(new BigDecimal("4200.50"), Rows.value("select amount from expense where phase_id = ?", phase));
    }
}
