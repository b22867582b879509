package se.iop.ui;

import jakarta.json.Json;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import se.iop.it.Api;
import se.iop.it.Browser;
import se.iop.it.Deployments;
import se.iop.it.Fixtures;
import se.iop.it.Rows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Widgets.ajaxDone;
import static se.iop.it.Widgets.choose;
import static se.iop.it.Widgets.dialogOpen;
import static se.iop.it.Widgets.press;
import static se.iop.it.Widgets.saveDialog;
import static se.iop.it.Widgets.steps;
import static se.iop.it.Widgets.text;
import static se.iop.it.Widgets.type;
import static se.iop.it.Widgets.waitForText;

/**
 * Amounts typed into the budget's allocation and cost dialogs, in Swedish and in English: stored as
 * meant, shown back as meant, and "12,000" (twelve kronor, or twelve thousand?) refused with both
 * readings rather than stored a thousand times too small. A planned amount shown in a field and saved
 * untouched stays the same in either language.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AmountBrowserIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Stockholm"));
    private static final LocalDate PHASE_START = TODAY.minusMonths(2).withDayOfMonth(1);
    private static final LocalDate PHASE_END = TODAY.plusMonths(6);
    private static final Api FINANCE = Api.demo("ekonom");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void swedishAmountsAreStoredAsMeantOrRefused() {
        Budget s = budget("Belopp på svenska");
        try (Browser b = Browser.start()) {
            steps(b, "amount-sv", () -> {
                b.login("ekonom", "bostadforst");
                b.open("budget/view.xhtml?agreement=" + s.agreementId);

                openDialog(b, "budget:phases:0:addAllocation", "allocation");
                choose(b, "allocationForm:committeeId", Fixtures.SOCIALNAMNDEN);
                type(b, "allocationForm:amount", "12,000");
                refused(b, "allocation", "Belopp: ”12,000” kan läsas både som 12,00 kr och som 12 000,00 kr och gissas därför inte. "
                        + "Skriv beloppet med två decimaler (t.ex. 12 000,00 kr) så att det bara kan läsas på ett sätt.");
                assertEquals("12,000", b.find(By.id("allocationForm:amount")).getAttribute("value"), "kept as typed");
                assertEquals("true", b.find(By.id("allocationForm:amount")).getAttribute("aria-invalid"));
                assertEquals(List.of(), allocations(s), "nothing stored");
                type(b, "allocationForm:amount", "1.700.000,50");
                saveDialog(b, "allocationForm", "allocationDlg");
                waitForText(b, "Tilldelningen är registrerad.");
                assertEquals("1 700 000,50 kr", text(b.find(By.id("totalAllocated"))));

                openDialog(b, "budget:phases:0:addAllocation", "allocation");
                choose(b, "allocationForm:committeeId", Fixtures.SOCIALNAMNDEN);
                type(b, "allocationForm:amount", "12\u00A0000 kr");
                saveDialog(b, "allocationForm", "allocationDlg");
                waitForText(b, "1 712 000,50 kr");
                assertEquals(List.of(new BigDecimal("1700000.50"), new BigDecimal("12000.00")), allocations(s));

                openDialog(b, "budget:phases:0:bookExpense", "expense");
                cost(b, "Boendestöd (Personal)", "1.700");
                refused(b, "expense", "Belopp: ”1.700” kan läsas både som 1,70 kr och som 1 700,00 kr och gissas därför inte.");
                assertEquals(List.of(), expenses(s), "nothing stored");
                type(b, "expenseForm:amount", "1 234,5 kr");
                saveDialog(b, "expenseForm", "expenseDlg");
                waitForText(b, "Kostnaden är bokad.");
                assertEquals("1 234,50 kr", text(b.find(By.id("totalSpent"))));
                assertEquals(List.of(new BigDecimal("1234.50")), expenses(s));

                // The planned amount shown in its field reads back to itself.
                openDialog(b, "budget:phases:0:lines:0:replan", "replan");
                assertEquals("450 000,50", b.find(By.id("replanForm:planned")).getAttribute("value"));
                saveDialog(b, "replanForm", "replanDlg");
                waitForText(b, "Det planerade beloppet är ändrat.");
                assertEquals(new BigDecimal("450000.50"), planned(s));
            });
        }
    }

    @Test
    void englishAmountsAreStoredAsMeantOrRefused() {
        Budget s = budget("Amounts in English");
        try (Browser b = Browser.start()) {
            steps(b, "amount-en", () -> {
                b.login("ekonom", "bostadforst");
                b.open("budget/view.xhtml?agreement=" + s.agreementId);
                b.find(By.id("userForm:en")).click();
                b.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("userForm:sv")));

                openDialog(b, "budget:phases:0:addAllocation", "allocation");
                choose(b, "allocationForm:committeeId", Fixtures.SOCIALNAMNDEN);
                type(b, "allocationForm:amount", "12,000");
                refused(b, "allocation", "Amount: “12,000” can be read both as 12.00 SEK and as 12,000.00 SEK, so it is not guessed. "
                        + "Write the amount with two decimals (e.g. 12,000.00 SEK) so that it reads only one way.");
                assertEquals("12,000", b.find(By.id("allocationForm:amount")).getAttribute("value"), "kept as typed");
                assertEquals(List.of(), allocations(s), "nothing stored");
                type(b, "allocationForm:amount", "1,700,000.50");
                saveDialog(b, "allocationForm", "allocationDlg");
                waitForText(b, "The allocation is recorded.");
                assertEquals("1,700,000.50 SEK", text(b.find(By.id("totalAllocated"))));

                openDialog(b, "budget:phases:0:addAllocation", "allocation");
                choose(b, "allocationForm:committeeId", Fixtures.SOCIALNAMNDEN);
                type(b, "allocationForm:amount", "12,000.00");
                saveDialog(b, "allocationForm", "allocationDlg");
                waitForText(b, "1,712,000.50 SEK");
                assertEquals(List.of(new BigDecimal("1700000.50"), new BigDecimal("12000.00")), allocations(s));

                openDialog(b, "budget:phases:0:bookExpense", "expense");
                cost(b, "Boendestöd (Staff)", "12.000");
                refused(b, "expense", "Amount: “12.000” can be read both as 12.00 SEK and as 12,000.00 SEK, so it is not guessed.");
                assertEquals(List.of(), expenses(s), "nothing stored");
                type(b, "expenseForm:amount", "1234.5");
                saveDialog(b, "expenseForm", "expenseDlg");
                waitForText(b, "The cost is booked.");
                assertEquals("1,234.50 SEK", text(b.find(By.id("totalSpent"))));
                assertEquals(List.of(new BigDecimal("1234.50")), expenses(s));

                openDialog(b, "budget:phases:0:lines:0:replan", "replan");
                assertEquals("450,000.50", b.find(By.id("replanForm:planned")).getAttribute("value"));
                saveDialog(b, "replanForm", "replanDlg");
                waitForText(b, "The planned amount is changed.");
                assertEquals(new BigDecimal("450000.50"), planned(s));
            });
        }
    }

    // --- set-up through the API ------------------------------------------------------------------

    private record Budget(long agreementId, long phaseId) {
    }

    /** An agreement around today with Socialnämnden's decision, one phase and the line Boendestöd planned at 450 000,50. */
    private static Budget budget(String name) {
        String reference = Fixtures.unique("IT-AMT");
        long id = Fixtures.id(Fixtures.createAgreement(Json.createObjectBuilder().add("reference", reference)
                .add("title", name + " " + reference)
                .add("startDate", TODAY.minusYears(1).withDayOfYear(1).toString())
                .add("endDate", TODAY.plusYears(1).withMonth(12).withDayOfMonth(31).toString())));
        Fixtures.addParty(id, Fixtures.KOMMUN, "PUBLIC_PARTNER", null);
        Fixtures.addParty(id, Fixtures.STADSMISSION, "NON_PROFIT_PARTNER", null);
        Fixtures.addDecision(id);
        long phase = Fixtures.id(Fixtures.created(FINANCE.post("api/budgets/" + id + "/phases",
                "{\"name\": \"Fas 1\", \"startDate\": \"%s\", \"endDate\": \"%s\"}".formatted(PHASE_START, PHASE_END))));
        Fixtures.created(FINANCE.post("api/phases/" + phase + "/lines",
                "{\"category\": \"STAFF\", \"name\": \"Boendestöd\", \"planned\": 450000.50}"));
        return new Budget(id, phase);
    }

    private static List<BigDecimal> allocations(Budget s) {
        return numbers(Rows.values("select amount from allocation where phase_id = ? order by id", s.phaseId));
    }

    private static List<BigDecimal> expenses(Budget s) {
        return numbers(Rows.values("select amount from expense where phase_id = ? order by id", s.phaseId));
    }

    private static BigDecimal planned(Budget s) {
        return (BigDecimal) Rows.value("select planned from budget_line where phase_id = ?", s.phaseId);
    }

    private static List<BigDecimal> numbers(List<Object> values) {
        return values.stream().map(BigDecimal.class::cast).toList();
    }

    // --- driving the page ------------------------------------------------------------------------

    /** Presses the button that opens a dialog and waits until its form is there. */
    private static void openDialog(Browser b, String button, String name) {
        press(b, button);
        dialogOpen(b, name + "Dlg");
        b.find(By.id(name + "Form:save"));
    }

    /** Fills the cost dialog with a day in the phase, a text and a voucher, and the amount as typed. */
    private static void cost(Browser b, String line, String amount) {
        choose(b, "expenseForm:lineId", line);
        WebElement day = b.find(By.id("expenseForm:spentOn_input"));
        day.sendKeys(Keys.chord(Keys.CONTROL, "a"), PHASE_START.plusDays(3).toString());
        type(b, "expenseForm:amount", amount);
        type(b, "expenseForm:description", "Löner");
        type(b, "expenseForm:voucher", Fixtures.unique("V").replace(' ', '-'));
    }

    /** Presses save and waits for the refusal in the dialog, which stays open with the field marked. */
    private static void refused(Browser b, String name, String message) {
        press(b, name + "Form:save");
        ajaxDone(b);
        b.waitUntil(d -> text(d.findElement(By.id(name + "Form:dlgMessages"))).contains(message));
        assertTrue(b.find(By.id(name + "Dlg")).isDisplayed(), "the dialog stays open");
    }
}
