package se.iop.ui;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import se.iop.it.Api;
import se.iop.it.Browser;
import se.iop.it.Deployments;
import se.iop.it.Fixtures;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The budget page in a real browser. Finance builds a budget from the agreement page and records a
 * payment and a cost, and sees the figures and the charts' data change by exactly what was recorded;
 * refusals (over-payment, a third decimal, a date outside the phase, a stale plan) name the field and
 * keep the input. A partner cannot open another partnership's budget; an auditor reads it and is
 * offered no changes; a landlord sees no budget at all.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BudgetBrowserIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Stockholm"));
    // A phase around today, so that spending to date, the plan and the forecast all have months to show.
    private static final LocalDate PHASE_START = TODAY.minusMonths(4).withDayOfMonth(1);
    private static final LocalDate PHASE_END = YearMonth.from(TODAY.plusMonths(8)).atEndOfMonth();
    private static final Api FINANCE = Api.demo("ekonom");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void financeBuildsABudgetFromTheAgreementPage() {
        Setup s = agreement("Bygger budget");
        try (Browser b = Browser.start()) {
            steps(b, "budget-build", () -> {
                b.login("ekonom", "bostadforst");
                b.open("agreements/view.xhtml?id=" + s.agreementId);
                b.find(By.id("agreement:budgetLink")).click();
                b.waitUntil(ExpectedConditions.urlContains("budget/view.xhtml?agreement=" + s.agreementId));
                assertEquals("Budget: " + s.title, b.find(By.tagName("h1")).getText());
                assertTrue(b.find(By.id("noPhases")).getText().contains("Avtalet har ingen budgetfas ännu."));

                // A phase that ends before it starts is refused naming the field; what was typed stays.
                b.find(By.id("budget:newPhase")).click();
                visible(b, "phaseDlg");
                b.find(By.id("phaseForm:name")).sendKeys("Fas 1");
                date(b, "phaseForm:startDate", PHASE_END.toString());
                date(b, "phaseForm:endDate", PHASE_START.toString());
                refused(b, "phaseForm", "phaseDlg", "Slutdatum: Slutdatum får inte ligga före startdatum.");
                assertEquals("Fas 1", b.find(By.id("phaseForm:name")).getAttribute("value"));
                date(b, "phaseForm:startDate", PHASE_START.toString());
                date(b, "phaseForm:endDate", PHASE_END.toString());
                save(b, "phaseForm", "phaseDlg");
                waitForText(b, "Fasen är skapad.");
                assertTrue(text(b.find(By.id("phaseTitle" + phaseId(s)))).contains("Fas 1 " + PHASE_START + " – " + PHASE_END));

                b.find(By.id("budget:phases:0:addAllocation")).click();
                visible(b, "allocationForm");
                choose(b, "allocationForm:committeeId", Fixtures.SOCIALNAMNDEN);
                choose(b, "allocationForm:decisionId", Fixtures.SOCIALNAMNDEN + " 2023-12-14 § 12");
                b.find(By.id("allocationForm:amount")).sendKeys("600 000");
                save(b, "allocationForm", "allocationDlg");
                waitForText(b, "Tilldelningen är registrerad.");
                assertEquals("600 000,00 kr", text(b.find(By.id("totalAllocated"))));
                String allocations = text(b.find(By.id("allocations" + phaseId(s))));
                assertTrue(allocations.contains("Socialnämnden") && allocations.contains("2023-12-14 § 12")
                        && allocations.contains("600 000,00 kr"), allocations);

                addLine(b, "Personal", "Boendestöd", "450 000,50");
                addLine(b, "Boende och hyresgarantier", "Hyresgarantier", "200000");
                assertEquals("650 000,50 kr", text(b.find(By.id("totalPlanned"))));
                // Planned beyond the allocation is flagged in words, not refused.
                assertTrue(text(b.find(By.id("overPlannedNote"))).contains("En fas har budgetrader för mer än tilldelningen."));
                assertTrue(text(b.find(By.id("totals"))).contains("Överplanerad"));
                String lines = text(b.find(By.id("budget:phases:0:lines")));
                assertTrue(lines.contains("Boendestöd") && lines.contains("450 000,50 kr") && lines.contains("konto 5010")
                        && lines.contains("Hyresgarantier") && lines.contains("200 000,00 kr"), lines);

                b.find(By.id("budget:phases:0:addContribution")).click();
                visible(b, "contributionForm");
                choose(b, "contributionForm:partyId", Fixtures.STADSMISSION + " (Idéburen part)");
                choose(b, "contributionForm:kind", "Volontärtimmar");
                b.find(By.id("contributionForm:description")).sendKeys("Volontärer (exempel)");
                b.find(By.id("contributionForm:value")).sendKeys("30 000");
                refused(b, "contributionForm", "contributionDlg", "Timmar: Ange antalet volontärtimmar.");
                b.find(By.id("contributionForm:hours")).sendKeys("100");
                save(b, "contributionForm", "contributionDlg");
                waitForText(b, "Medfinansieringen är registrerad.");
                String cofinancing = text(b.find(By.id("cofinancing")));
                assertTrue(cofinancing.contains(Fixtures.STADSMISSION) && cofinancing.contains("Volontärtimmar")
                        && cofinancing.contains("30 000,00 kr"), cofinancing);

                JsonObject funding = chart(b, "fundingChart");
                assertEquals(List.of(Fixtures.SOCIALNAMNDEN, Fixtures.STADSMISSION + " (medfinansiering)"),
                        strings(funding.getJsonArray("labels")));
                assertEquals(List.of(new BigDecimal("600000.00"), new BigDecimal("30000.00")),
                        numbers(funding.getJsonArray("datasets").getJsonObject(0).getJsonArray("data")));
                b.screenshot("budget-built");

                // Someone changes the plan through the API while the dialog is open: the save is refused, the input kept.
                b.find(By.id("budget:phases:0:lines:0:replan")).click();
                visible(b, "replanForm");
                WebElement planned = b.find(By.id("replanForm:planned"));
                assertEquals("450 000,50", planned.getAttribute("value"));
                planned.clear();
                planned.sendKeys("500 000");
                JsonObject line = FINANCE.get("api/phases/" + phaseId(s)).json().getJsonArray("lines").getJsonObject(0);
                Api.Reply theirs = FINANCE.put("api/phases/" + phaseId(s) + "/lines/" + line.getJsonNumber("id").longValue(),
                        "{\"planned\": 440000, \"reason\": \"Justerad\", \"version\": %d}".formatted(line.getJsonNumber("version").longValue()));
                assertEquals(200, theirs.status(), theirs.body());
                refused(b, "replanForm", "replanDlg", "Någon annan har ändrat detta sedan du öppnade sidan.");
                assertEquals("500 000,00", b.find(By.id("replanForm:planned")).getAttribute("value"), "what was meant stays");
            });
        }
    }

    @Test
    void financeRecordsAPaymentAndACostAndSeesTheFiguresAndTheChartChange() {
        Setup s = agreement("Betalar och bokar");
        long phase = phase(s);
        allocate(phase, s.socialnamnden, "600000");
        line(phase, "STAFF", "Boendestöd", "400000");
        line(phase, "HOUSING", "Hyresgarantier", "200000");
        String voucher = Fixtures.unique("V").replace(' ', '-');
        LocalDate paidDay = PHASE_START.plusDays(10);
        LocalDate costDay = TODAY.minusDays(20).isBefore(PHASE_START) ? PHASE_START : TODAY.minusDays(20);
        try (Browser b = Browser.start()) {
            steps(b, "budget-record", () -> {
                b.login("ekonom", "bostadforst");
                b.open("budget/list.xhtml?q=" + enc(s.reference));
                b.find(By.linkText(s.title)).click();
                b.waitUntil(ExpectedConditions.urlContains("budget/view.xhtml?agreement=" + s.agreementId));
                assertTotals(b, "600 000,00 kr", "0,00 kr", "0,00 kr", "600 000,00 kr");
                assertTrue(text(b.find(By.id("forecast"))).contains("Inget är förbrukat ännu"));
                JsonObject spending = chart(b, "spendingChart");
                assertEquals(BigDecimal.ZERO, spentIn(spending, YearMonth.from(TODAY)).stripTrailingZeros());
                assertNull(dataset(spending, "Prognos"), "no forecast before anything is spent");

                // More than the allocation: refused naming the field, the dialog open with what was typed.
                b.find(By.id("budget:phases:0:planDisbursement")).click();
                visible(b, "disbursementForm");
                choose(b, "disbursementForm:partnerId", Fixtures.STADSMISSION);
                b.find(By.id("disbursementForm:amount")).sendKeys("700000");
                date(b, "disbursementForm:plannedOn", paidDay.toString());
                b.find(By.id("disbursementForm:reference")).sendKeys("Kvartal 1");
                refused(b, "disbursementForm", "disbursementDlg",
                        "Belopp: Beloppet överstiger vad som återstår av tilldelningen (600 000,00 kr).");
                assertEquals("700000", b.find(By.id("disbursementForm:amount")).getAttribute("value"), "kept as typed");
                b.find(By.id("disbursementForm:amount")).clear();
                b.find(By.id("disbursementForm:amount")).sendKeys("150 000,50");
                save(b, "disbursementForm", "disbursementDlg");
                waitForText(b, "Utbetalningen är planerad.");
                assertTrue(text(b.find(By.id("budget:disbursements"))).contains("Planerad"));

                b.find(By.id("budget:disbursements:0:approve")).click();
                waitForText(b, "Utbetalningen är godkänd.");
                assertTrue(text(b.find(By.id("totals"))).contains("därtill godkänt, ej utbetalt: 150 000,50 kr"));
                b.find(By.id("budget:disbursements:0:pay")).click();
                visible(b, "payForm");
                date(b, "payForm:paidOn", paidDay.toString());
                save(b, "payForm", "payDlg");
                waitForText(b, "Utbetalningen är registrerad som betald.");
                assertTotals(b, "600 000,00 kr", "150 000,50 kr", "0,00 kr", "600 000,00 kr");
                String disbursements = text(b.find(By.id("budget:disbursements")));
                assertTrue(disbursements.contains("Utbetald") && disbursements.contains(paidDay.toString())
                        && disbursements.contains("150 000,50 kr") && disbursements.contains("Kvartal 1"), disbursements);
                String partners = text(b.find(By.id("partners")));
                assertTrue(partners.contains(Fixtures.STADSMISSION + " 150 000,50 kr"), partners);

                // Paid never exceeds allocated: two plans fit on their own, the second approval is refused.
                plan(phase, s.stadsmission, "300000", paidDay);
                plan(phase, s.stadsmission, "200000", paidDay);
                b.open("budget/view.xhtml?agreement=" + s.agreementId);
                b.find(By.id("budget:disbursements:1:approve")).click();
                waitForText(b, "Utbetalningen är godkänd.");
                b.find(By.id("budget:disbursements:2:approve")).click();
                waitForText(b, "Belopp: Beloppet överstiger vad som återstår av tilldelningen (149 999,50 kr).");
                String after = text(b.find(By.id("budget:disbursements")));
                assertTrue(after.contains("200 000,00 kr Planerad"), after);

                // A cost: first outside the phase, then with a third decimal, then right.
                b.find(By.id("budget:phases:0:bookExpense")).click();
                visible(b, "expenseForm");
                choose(b, "expenseForm:lineId", "Boendestöd (Personal)");
                date(b, "expenseForm:spentOn", PHASE_START.minusDays(1).toString());
                b.find(By.id("expenseForm:amount")).sendKeys("12 345,67");
                b.find(By.id("expenseForm:description")).sendKeys("Löner boendestöd");
                b.find(By.id("expenseForm:voucher")).sendKeys(voucher);
                refused(b, "expenseForm", "expenseDlg", "Datum: Datumet ligger utanför fasen (" + PHASE_START + " – " + PHASE_END + ").");
                date(b, "expenseForm:spentOn", costDay.toString());
                b.find(By.id("expenseForm:amount")).clear();
                b.find(By.id("expenseForm:amount")).sendKeys("12 345,678");
                refused(b, "expenseForm", "expenseDlg", "Belopp: Högst två decimaler (hela ören).");
                assertEquals("12 345,678", b.find(By.id("expenseForm:amount")).getAttribute("value"));
                assertEquals("true", b.find(By.id("expenseForm:amount")).getAttribute("aria-invalid"), "the named field is marked");
                b.find(By.id("expenseForm:amount")).clear();
                b.find(By.id("expenseForm:amount")).sendKeys("12 345,67");
                save(b, "expenseForm", "expenseDlg");
                waitForText(b, "Kostnaden är bokad.");

                assertTotals(b, "600 000,00 kr", "150 000,50 kr", "12 345,67 kr", "587 654,33 kr");
                String lineRow = text(b.find(By.cssSelector("[id='budget:phases:0:lines_data'] > tr")));
                assertTrue(lineRow.contains("Boendestöd") && lineRow.contains("400 000,00 kr 12 345,67 kr 387 654,33 kr 3,1 %"), lineRow);
                assertTrue(text(b.find(By.id("forecast"))).contains("Med takten hittills"));
                spending = chart(b, "spendingChart");
                assertEquals(new BigDecimal("12345.67"), spentIn(spending, YearMonth.from(costDay)));
                assertEquals(new BigDecimal("12345.67"), spentIn(spending, YearMonth.from(TODAY)));
                if (YearMonth.from(costDay).isAfter(YearMonth.from(PHASE_START))) {
                    assertEquals(BigDecimal.ZERO, spentIn(spending, YearMonth.from(PHASE_START)).stripTrailingZeros());
                }
                JsonObject forecast = dataset(spending, "Prognos");
                assertEquals(new BigDecimal("12345.67"), valueIn(spending, forecast, YearMonth.from(TODAY)),
                        "the forecast starts from what is spent today");
                JsonObject lineChart = chart(b, "lineChart");
                assertEquals(List.of(new BigDecimal("12345.67"), new BigDecimal("0.00")),
                        numbers(dataset(lineChart, "Förbrukat").getJsonArray("data")));
                String costs = text(b.find(By.id("budget:expenses")));
                assertTrue(costs.contains(costDay + " Boendestöd") && costs.contains(voucher) && costs.contains("12 345,67 kr")
                        && costs.contains("Bokad"), costs);
                scrollTo(b, "main");
                b.screenshot("budget-recorded");

                // Corrected by a reversal: a new entry, the original stays as booked.
                b.find(By.id("budget:expenses:0:reverse")).click();
                visible(b, "reversalForm");
                b.find(By.id("reversalForm:description")).sendKeys("Fel budgetrad");
                save(b, "reversalForm", "reversalDlg");
                waitForText(b, "Kostnaden är rättad.");
                assertEquals("0,00 kr", text(b.find(By.id("totalSpent"))));
                costs = text(b.find(By.id("budget:expenses")));
                assertTrue(costs.contains("Rättelse av " + voucher) && costs.contains("−12 345,67 kr") && costs.contains("Rättad")
                        && costs.contains("12 345,67 kr"), costs);
                assertTrue(b.driver().findElements(By.id("budget:expenses:0:reverse")).isEmpty()
                        && b.driver().findElements(By.id("budget:expenses:1:reverse")).isEmpty(), "neither entry can be reversed again");
                scrollTo(b, "disbursementsTitle");
                b.screenshot("budget-transactions");
            });
        }
    }

    /**
     * Finance reduces an allocation in its dialog: below what the phase has committed it is refused naming
     * the amount, with the lowest it may go; without a reason it is refused; then reduced, and withdrawn,
     * each correction listed with the amounts, the reason and who made it. A line's plan is lowered with
     * a reason in its dialog, below what is spent, and the line is flagged as over.
     */
    @Test
    void financeReducesAndWithdrawsAnAllocationAndLowersAPlanWithReasons() {
        Setup s = agreement("Rättar tilldelning");
        long phase = phase(s);
        allocate(phase, s.socialnamnden, "600000");
        allocate(phase, s.socialnamnden, "100000");
        long line = line(phase, "STAFF", "Boendestöd", "400000");
        Api.Reply cost = FINANCE.post("api/phases/" + phase + "/expenses", """
                {"lineId": %d, "spentOn": "%s", "amount": "150000", "description": "Löner", "voucher": "%s"}"""
                .formatted(line, PHASE_START.plusDays(5), Fixtures.unique("C").replace(' ', '-')));
        assertEquals(201, cost.status(), cost.body());
        long payment = Fixtures.id(Fixtures.created(FINANCE.post("api/phases/" + phase + "/disbursements",
                "{\"partnerId\": %d, \"amount\": 250000, \"plannedOn\": \"%s\"}".formatted(s.stadsmission, PHASE_START.plusDays(3)))));
        Fixtures.ok(FINANCE.post("api/disbursements/" + payment + "/approve", "{}"));
        try (Browser b = Browser.start()) {
            steps(b, "budget-correct", () -> {
                b.login("ekonom", "bostadforst");
                b.open("budget/view.xhtml?agreement=" + s.agreementId);
                assertEquals("700 000,00 kr", text(b.find(By.id("totalAllocated"))));

                b.find(By.id("budget:phases:0:allocationRows:0:reduce")).click();
                visible(b, "correctionForm");
                assertEquals("600 000,00 kr", text(b.find(By.id("correctionCurrent"))));
                assertEquals("250 000,00 kr", text(b.find(By.id("correctionCommitted"))));
                b.find(By.id("correctionForm:amount")).sendKeys("100 000");
                b.find(By.id("correctionForm:reason")).sendKeys("Nämnden minskade anslaget");
                // 250 000 committed, 100 000 from the other allocation: no lower than 150 000.
                refused(b, "correctionForm", "correctionDlg", "Belopp: Fasen har 250 000,00 kr i godkända och utbetalda"
                        + " utbetalningar; tilldelningen kan inte bli lägre än 150 000,00 kr.");
                assertEquals("100 000", b.find(By.id("correctionForm:amount")).getAttribute("value"), "kept as typed");
                assertEquals("true", b.find(By.id("correctionForm:amount")).getAttribute("aria-invalid"));
                b.find(By.id("correctionForm:amount")).clear();
                b.find(By.id("correctionForm:amount")).sendKeys("450 000,50");
                b.find(By.id("correctionForm:reason")).clear();
                refused(b, "correctionForm", "correctionDlg", "Skäl: Fältet måste fyllas i.");
                b.find(By.id("correctionForm:reason")).sendKeys("Nämnden minskade anslaget");
                save(b, "correctionForm", "correctionDlg");
                waitForText(b, "Tilldelningen är rättad.");
                assertEquals("550 000,50 kr", text(b.find(By.id("totalAllocated"))));
                String corrections = text(b.find(By.id("corrections" + phase)));
                assertTrue(corrections.contains("Socialnämnden") && corrections.contains("Tilldelning")
                        && corrections.contains("600 000,00 kr") && corrections.contains("450 000,50 kr")
                        && corrections.contains("Nämnden minskade anslaget") && corrections.contains("ekonom"), corrections);

                // The second allocation withdrawn: shown as such, and offered no further reduction.
                b.find(By.id("budget:phases:0:allocationRows:1:reduce")).click();
                visible(b, "correctionForm");
                b.find(By.id("correctionForm:amount")).sendKeys("0");
                b.find(By.id("correctionForm:reason")).sendKeys("Beslutet upphävt");
                save(b, "correctionForm", "correctionDlg");
                waitForText(b, "Tilldelningen är rättad.");
                assertEquals("450 000,50 kr", text(b.find(By.id("totalAllocated"))));
                assertTrue(text(b.find(By.id("allocations" + phase))).contains("Återtagen"));
                assertTrue(b.driver().findElements(By.id("budget:phases:0:allocationRows:1:reduce")).isEmpty());

                // A plan lowered below what is spent: a reason is needed, then the line is flagged as over.
                b.find(By.id("budget:phases:0:lines:0:replan")).click();
                visible(b, "replanForm");
                assertTrue(text(b.find(By.id("replanSpent"))).contains("150 000,00 kr"));
                WebElement planned = b.find(By.id("replanForm:planned"));
                planned.clear();
                planned.sendKeys("120 000");
                refused(b, "replanForm", "replanDlg", "Skäl: Fältet måste fyllas i.");
                b.find(By.id("replanForm:reason")).sendKeys("Färre tjänster än planerat");
                save(b, "replanForm", "replanDlg");
                waitForText(b, "Det planerade beloppet är ändrat.");
                String lines = text(b.find(By.id("budget:phases:0:lines")));
                assertTrue(lines.contains("120 000,00 kr") && lines.contains("Överskriden"), lines);
                corrections = text(b.find(By.id("corrections" + phase)));
                assertTrue(corrections.contains("Boendestöd") && corrections.contains("Färre tjänster än planerat")
                        && corrections.contains("400 000,00 kr"), corrections);
                scrollTo(b, "corrections" + phase);
                b.screenshot("budget-corrections");
            });
        }
        // The auditor reads the corrections, and is offered none.
        try (Browser b = Browser.start()) {
            steps(b, "budget-corrections-auditor", () -> {
                b.login("revisor", "bostadforst");
                b.open("budget/view.xhtml?agreement=" + s.agreementId);
                assertTrue(text(b.find(By.id("corrections" + phase))).contains("Beslutet upphävt"));
                assertNoChanges(b);
            });
        }
    }

    /**
     * What the database would refuse — a name another phase has, a figure larger than its column holds — is
     * refused in the dialog naming the field, and the dialog stays open with what was typed.
     */
    @Test
    void aDuplicateNameOrAFigureTooLargeKeepsTheDialogOpenWithWhatWasTyped() {
        Setup s = agreement("Dubbletter");
        LocalDate middle = PHASE_START.plusMonths(5).withDayOfMonth(1);
        Fixtures.created(FINANCE.post("api/budgets/" + s.agreementId + "/phases", """
                {"name": "Fas 1", "startDate": "%s", "endDate": "%s"}""".formatted(PHASE_START, middle.minusDays(1))));
        Fixtures.created(FINANCE.post("api/budgets/" + s.agreementId + "/phases", """
                {"name": "Fas 2", "startDate": "%s", "endDate": "%s"}""".formatted(middle, PHASE_END)));
        try (Browser b = Browser.start()) {
            steps(b, "budget-refusals", () -> {
                b.login("ekonom", "bostadforst");
                b.open("budget/view.xhtml?agreement=" + s.agreementId);

                b.find(By.id("budget:phases:1:editPhase")).click();
                visible(b, "phaseForm");
                WebElement name = b.find(By.id("phaseForm:name"));
                assertEquals("Fas 2", name.getAttribute("value"));
                name.clear();
                name.sendKeys("FAS 1");
                refused(b, "phaseForm", "phaseDlg", "Namn: Fasen FAS 1 finns redan i avtalet.");
                assertEquals("FAS 1", b.find(By.id("phaseForm:name")).getAttribute("value"));
                assertEquals("true", b.find(By.id("phaseForm:name")).getAttribute("aria-invalid"));
                b.find(By.id("phaseForm:cancel")).click();
                b.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.id("phaseDlg")));

                b.find(By.id("budget:phases:0:addContribution")).click();
                visible(b, "contributionForm");
                choose(b, "contributionForm:partyId", Fixtures.STADSMISSION + " (Idéburen part)");
                choose(b, "contributionForm:kind", "Volontärtimmar");
                b.find(By.id("contributionForm:description")).sendKeys("Volontärer (exempel)");
                b.find(By.id("contributionForm:value")).sendKeys("30 000");
                b.find(By.id("contributionForm:hours")).sendKeys("99999999999");
                refused(b, "contributionForm", "contributionDlg",
                        "Timmar: Timmarna ska vara fler än 0 och högst 99 999 999,99, med högst två decimaler.");
                assertEquals("99999999999", b.find(By.id("contributionForm:hours")).getAttribute("value"));
                assertEquals("true", b.find(By.id("contributionForm:hours")).getAttribute("aria-invalid"));
                WebElement hours = b.find(By.id("contributionForm:hours"));
                hours.clear();
                hours.sendKeys("600");
                WebElement value = b.find(By.id("contributionForm:value"));
                value.clear();
                value.sendKeys("1 000 000 000 000");
                refused(b, "contributionForm", "contributionDlg", "Värde i kronor: Beloppet är för stort.");
                assertEquals("1 000 000 000 000", b.find(By.id("contributionForm:value")).getAttribute("value"));
                value = b.find(By.id("contributionForm:value"));
                value.clear();
                value.sendKeys("30 000");
                save(b, "contributionForm", "contributionDlg");
                waitForText(b, "Medfinansieringen är registrerad.");
            });
        }
        assertEquals(List.of("Fas 1", "Fas 2"), FINANCE.get("api/budgets/" + s.agreementId + "/phases").jsonArray()
                .getValuesAs(JsonObject.class).stream().map(p -> p.getString("name")).toList());
    }

    @Test
    void aPartnerCannotOpenTheBudgetOfAnotherPartnership() {
        Setup s = agreement("Utan Verdandi");
        allocate(phase(s), s.socialnamnden, "100000");
        try (Browser b = Browser.start()) {
            steps(b, "budget-partner", () -> {
                b.login("verdandi", "bostadforst");
                b.open("budget/view.xhtml?agreement=" + s.agreementId);
                assertTrue(text(b.find(By.id("notFound"))).contains("Avtalet finns inte, eller så har du inte behörighet att se dess budget."));
                assertFalse(b.driver().getPageSource().contains(s.title), "nothing of the agreement shows");
                assertFalse(b.driver().getPageSource().contains("100 000"), "nothing of its money shows");
                b.open("budget/view.xhtml?agreement=999999999");
                assertTrue(b.find(By.id("notFound")).isDisplayed());

                // Its own partnership's budget it reads, without finance's buttons.
                b.open("budget/list.xhtml");
                b.find(By.linkText("Bostad först Nyköping – fas 1")).click();
                b.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Budget: Bostad först Nyköping – fas 1"));
                assertEquals("1 700 000,00 kr", text(b.find(By.id("totalAllocated"))));
                assertNoChanges(b, true);
            });
        }
    }

    @Test
    void anAuditorReadsEveryFigureButIsOfferedNoChanges() {
        Setup s = agreement("Granskas");
        long phase = phase(s);
        allocate(phase, s.socialnamnden, "250000");
        long line = line(phase, "STAFF", "Boendestöd", "200000");
        plan(phase, s.stadsmission, "50000", PHASE_START.plusDays(3));
        Api.Reply cost = FINANCE.post("api/phases/" + phase + "/expenses", """
                {"lineId": %d, "spentOn": "%s", "amount": "1234.50", "description": "Löner", "voucher": "%s"}"""
                .formatted(line, PHASE_START.plusDays(5), Fixtures.unique("A").replace(' ', '-')));
        assertEquals(201, cost.status(), cost.body());
        try (Browser b = Browser.start()) {
            steps(b, "budget-auditor", () -> {
                b.login("revisor", "bostadforst");
                b.open("budget/view.xhtml?agreement=" + s.agreementId);
                assertTotals(b, "250 000,00 kr", "0,00 kr", "1 234,50 kr", "248 765,50 kr");
                assertTrue(text(b.find(By.id("budget:disbursements"))).contains("50 000,00 kr Planerad"));
                assertTrue(text(b.find(By.id("budget:expenses"))).contains("1 234,50 kr"));
                assertNoChanges(b);
                b.screenshot("budget-auditor");
            });
        }
        try (Browser b = Browser.start()) {
            steps(b, "budget-landlord", () -> {
                b.login("hyresvard", "bostadforst");
                assertTrue(b.driver().findElements(By.linkText("Budget")).isEmpty(), "no Budget entry for a landlord");
                b.open("budget/view.xhtml?agreement=" + s.agreementId);
                assertTrue(text(b.find(By.id("notFound"))).contains("Din roll ger inte behörighet att se avtalens budget."));
                assertFalse(b.driver().getPageSource().contains(s.title));
            });
        }
    }

    // --- set-up through the API ------------------------------------------------------------------

    /** An agreement around today between Nyköpings kommun and Sörmlands Stadsmission, with Socialnämnden's decision. */
    private record Setup(long agreementId, String reference, String title, long socialnamnden, long stadsmission) {
    }

    private static Setup agreement(String name) {
        String reference = Fixtures.unique("IT-BUD");
        String title = name + " " + reference;
        JsonObject a = Fixtures.createAgreement(Json.createObjectBuilder().add("reference", reference).add("title", title)
                .add("startDate", TODAY.minusYears(1).withDayOfYear(1).toString())
                .add("endDate", TODAY.plusYears(1).withMonth(12).withDayOfMonth(31).toString()));
        long id = Fixtures.id(a);
        Fixtures.addParty(id, Fixtures.KOMMUN, "PUBLIC_PARTNER", null);
        Fixtures.addParty(id, Fixtures.STADSMISSION, "NON_PROFIT_PARTNER", null);
        Fixtures.addDecision(id);
        return new Setup(id, reference, title, Fixtures.committeeId(Fixtures.KOMMUN, Fixtures.SOCIALNAMNDEN),
                Fixtures.organisationId(Fixtures.STADSMISSION));
    }

    private static long phase(Setup s) {
        Api.Reply r = FINANCE.post("api/budgets/" + s.agreementId + "/phases", """
                {"name": "Fas 1", "startDate": "%s", "endDate": "%s"}""".formatted(PHASE_START, PHASE_END));
        return Fixtures.id(Fixtures.created(r));
    }

    /** The phase the page made, read back through the API. */
    private static long phaseId(Setup s) {
        Api.Reply r = FINANCE.get("api/budgets/" + s.agreementId + "/phases");
        assertEquals(200, r.status(), r.body());
        return r.jsonArray().getJsonObject(0).getJsonNumber("id").longValue();
    }

    private static void allocate(long phase, long committee, String amount) {
        Fixtures.created(FINANCE.post("api/phases/" + phase + "/allocations",
                "{\"committeeId\": %d, \"amount\": %s}".formatted(committee, amount)));
    }

    private static long line(long phase, String category, String name, String planned) {
        return Fixtures.id(Fixtures.created(FINANCE.post("api/phases/" + phase + "/lines",
                "{\"category\": \"%s\", \"name\": \"%s\", \"planned\": %s}".formatted(category, name, planned))));
    }

    private static void plan(long phase, long partner, String amount, LocalDate on) {
        Fixtures.created(FINANCE.post("api/phases/" + phase + "/disbursements",
                "{\"partnerId\": %d, \"amount\": %s, \"plannedOn\": \"%s\"}".formatted(partner, amount, on)));
    }

    // --- what the page shows ---------------------------------------------------------------------

    private static void assertTotals(Browser b, String allocated, String paid, String spent, String remaining) {
        assertEquals(allocated, text(b.find(By.id("totalAllocated"))), "allocated");
        assertEquals(paid, text(b.find(By.id("totalPaid"))), "paid");
        assertEquals(spent, text(b.find(By.id("totalSpent"))), "spent");
        assertEquals(remaining, text(b.find(By.id("totalRemaining"))), "remaining");
    }

    /** No button or dialog of finance's is on the page. */
    private static void assertNoChanges(Browser b) {
        assertNoChanges(b, false);
    }

    /** As {@link #assertNoChanges(Browser)}; a partner has the cost dialog, for booking its own costs only. */
    private static void assertNoChanges(Browser b, boolean partner) {
        assertEquals(partner, !b.driver().findElements(By.cssSelector("[id$=':bookOwnExpense']")).isEmpty());
        assertEquals(partner, !b.driver().findElements(By.cssSelector("[id='expenseDlg']")).isEmpty());
        assertTrue(b.driver().findElements(By.cssSelector("[id='expenseForm:partnerId']")).isEmpty(), "nobody else's cost");
        for (String css : List.of("[id='budget:newPhase']", "[id$=':planDisbursement']", "[id$=':bookExpense']",
                "[id$=':editPhase']", "[id$=':addAllocation']", "[id$=':addLine']", "[id$=':addContribution']",
                "[id$=':replan']", "[id$=':approve']", "[id$=':pay']", "[id$=':cancel']", "[id$=':reverse']",
                "[id$=':reduce']", "[id='phaseDlg']", "[id='disbursementDlg']", "[id='correctionDlg']")) {
            assertTrue(b.driver().findElements(By.cssSelector(css)).isEmpty(), css + " is not offered");
        }
    }

    /** The data of a chart as the browser holds it (labels and datasets). */
    private static JsonObject chart(Browser b, String widget) {
        String json = (String) ((JavascriptExecutor) b.driver()).executeScript(
                "return JSON.stringify(PF(arguments[0]).cfg.config.data);", widget);
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            return r.readObject();
        }
    }

    private static JsonObject dataset(JsonObject chart, String label) {
        return chart.getJsonArray("datasets").getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("label").equals(label)).findFirst().orElse(null);
    }

    private static BigDecimal spentIn(JsonObject chart, YearMonth month) {
        return valueIn(chart, dataset(chart, "Förbrukat hittills"), month);
    }

    private static BigDecimal valueIn(JsonObject chart, JsonObject dataset, YearMonth month) {
        int i = strings(chart.getJsonArray("labels")).indexOf(month.toString());
        assertTrue(i >= 0, "the chart shows " + month + ": " + chart.getJsonArray("labels"));
        JsonValue v = dataset.getJsonArray("data").get(i);
        return v.getValueType() == JsonValue.ValueType.NULL ? null : new BigDecimal(v.toString());
    }

    private static List<String> strings(JsonArray a) {
        return a.getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
    }

    private static List<BigDecimal> numbers(JsonArray a) {
        return a.stream().map(v -> new BigDecimal(v.toString()).setScale(2)).toList();
    }

    // --- driving the page ------------------------------------------------------------------------

    private static void addLine(Browser b, String category, String name, String planned) {
        b.find(By.id("budget:phases:0:addLine")).click();
        visible(b, "lineForm");
        choose(b, "lineForm:category", category);
        b.find(By.id("lineForm:name")).sendKeys(name);
        b.find(By.id("lineForm:planned")).sendKeys(planned);
        save(b, "lineForm", "lineDlg");
        waitForText(b, "Budgetraden är tillagd.");
        b.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("budget:phases:0:lines"), name));
    }

    /** Runs a test's steps in the browser, keeping a screenshot of the page where one fails. */
    private static void steps(Browser b, String name, Runnable steps) {
        try {
            steps.run();
        } catch (RuntimeException | AssertionError e) {
            b.screenshot("failed-" + name);
            throw e;
        }
    }

    /** Waits until a dialog's fields are there (they are rendered when it opens) and it shows. */
    private static void visible(Browser b, String formOrDialog) {
        String dialog = formOrDialog.endsWith("Form") ? formOrDialog.replace("Form", "Dlg") : formOrDialog;
        b.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id(dialog)));
        ajaxDone(b);
        b.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id(dialog.replace("Dlg", "Form") + ":save")));
    }

    /** Presses a dialog's save button and waits until the dialog has closed after a successful save. */
    private static void save(Browser b, String form, String dialog) {
        b.find(By.id(form + ":save")).click();
        ajaxDone(b);
        b.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.id(dialog)));
    }

    /** Presses save and waits for the refusal in the dialog, which stays open. */
    private static void refused(Browser b, String form, String dialog, String message) {
        b.find(By.id(form + ":save")).click();
        ajaxDone(b);
        b.waitUntil(d -> text(d.findElement(By.id(form + ":dlgMessages"))).contains(message));
        assertTrue(b.find(By.id(dialog)).isDisplayed(), "the dialog stays open");
    }

    /** Picks an option of a PrimeFaces selectOneMenu by its label. */
    private static void choose(Browser b, String menu, String label) {
        String option = "//*[@id='" + menu + "_items']//li[@data-label='" + label + "']";
        b.find(By.id(menu)).click();
        b.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id(menu + "_panel")));
        // The panel slides open; a click during the slide may miss the option.
        b.waitUntil(d -> !d.findElement(By.id(menu + "_panel")).getAttribute("class").contains("enter-active"));
        b.waitUntil(ExpectedConditions.elementToBeClickable(By.xpath(option))).click();
        b.waitUntil(ExpectedConditions.textToBe(By.id(menu + "_label"), label));
        b.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.id(menu + "_panel")));
    }

    /**
     * Types a date into a PrimeFaces datePicker (its calendar opens only from its button), over what
     * it holds: the picker puts its date back when the field is merely cleared.
     */
    private static void date(Browser b, String picker, String isoDate) {
        WebElement input = b.find(By.id(picker + "_input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), isoDate);
        assertEquals(isoDate, input.getAttribute("value"), picker);
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

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Visible text on one line, non-breaking spaces (Swedish digit groups) as plain spaces. */
    private static String text(WebElement e) {
        return e.getText().replace('\u00a0', ' ').replace('\u202f', ' ').replaceAll("\\s+", " ").strip();
    }
}
