package se.iop.api;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.iop.it.Api;
import se.iop.it.BudgetSetup;
import se.iop.it.Deployments;
import se.iop.it.Problems;
import se.iop.it.Rows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CSV import of costs through the API: every row checked first, then all rows booked or none. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ExpenseImportIT {

    private static final String HEADER = "datum;budgetrad;belopp;beskrivning;verifikation\n";

    private final Api finance = Api.demo("ekonom");
    private BudgetSetup budget;
    private long staff;
    private long rent;
    private String run;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void budget() {
        budget = BudgetSetup.agreement();
        budget.allocate("1000000.00");
        staff = budget.line("STAFF", "Boendestödjare", "700000", null);
        rent = budget.line("HOUSING", "Hyresgarantier", "100000", null);
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    /** What an import could write: the agreement's costs, all cost audit rows, all revisions. */
    private Map<String, Long> stored() {
        return Map.of("expense", Rows.count("select count(*) from expense where agreement_id = " + budget.agreementId),
                "expense_aud", Rows.count("select count(*) from expense_aud"),
                "revision", Rows.count("select count(*) from revision"),
                "all tables", Rows.count().values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void aFileWithOneBadRowImportsNothingAndReportsThatRow() {
        budget.book(staff, "2024-01-10", "100.00", "Bokad före importen", "B-" + run);
        Map<String, Long> before = stored();
        Api.Reply r = budget.importCsv(finance, HEADER
                + "2024-01-31;Boendestödjare;62000,00;Löner januari;V1-" + run + "\n"
                + "2024-02-29;Boendestödjare;62000,00;Löner februari;V2-" + run + "\n"
                + "2024-03-31;Boendestödjare;62000,125;Löner mars;V3-" + run + "\n"
                + "2024-04-30;Hyresgarantier;14500;Hyresgaranti;V4-" + run + "\n");
        JsonObject problem = Problems.assertProblem(r, 422, "file");
        assertEquals(1, problem.getInt("errorCount"));
        JsonObject error = problem.getJsonArray("errors").getJsonObject(0);
        assertEquals(4, error.getInt("row"), "the header is row 1, so the third cost is row 4");
        assertEquals("amount", error.getString("field"));
        assertEquals("At most two decimals (whole öre).", error.getString("message"));
        assertEquals(before, stored(), "nothing of the file was stored, not even the good rows");
    }

    @Test
    void everyKindOfBadRowIsReportedWithRowFieldAndReason() {
        String booked = "B-" + run;
        budget.book(staff, "2024-01-10", "100.00", "Redan bokad", booked);
        long before = Rows.count("select count(*) from expense where agreement_id = " + budget.agreementId);
        Api.Reply r = budget.importCsv(finance, HEADER
                + "2025-01-15;Boendestödjare;100;Efter fasen;A-" + run + "\n"      // 2: date outside the phase
                + "15/1/2024;Lokalhyra;100;Okänd rad;B2-" + run + "\n"              // 3: unknown line
                + "2024-01-15;Boendestödjare;-100;Negativ;C-" + run + "\n"          // 4: not positive
                + "2024-01-15;Boendestödjare;100;Dubbel;" + booked + "\n"           // 5: voucher already booked
                + "2024-01-16;Boendestödjare;100;Först;D-" + run + "\n"             // 6: fine on its own
                + "2024-01-17;HOUSING;100;Samma verifikation;D-" + run + "\n"       // 7: voucher twice in the file
                + "2024-02-30;Boendestödjare;1.234;;E-" + run + "\n");              // 8: date, amount (ambiguous), description
        JsonObject problem = Problems.assertProblem(r, 422, "file");
        List<String> errors = problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getInt("row") + " " + e.getString("field")).toList();
        assertEquals(List.of("2 date", "3 line", "4 amount", "5 voucher", "7 voucher", "8 date", "8 amount", "8 description"),
                errors);
        JsonObject bookedError = problem.getJsonArray("errors").getJsonObject(3);
        assertEquals("Voucher " + booked + " is already booked in the agreement.", bookedError.getString("message"));
        assertTrue(problem.getJsonArray("errors").getJsonObject(4).getString("message").contains("row 6"),
                problem.toString());
        assertEquals(before, Rows.count("select count(*) from expense where agreement_id = " + budget.agreementId));
    }

    @Test
    void commaAndPointDecimalsAreImportedAndTheSummaryMatchesHandComputedSums() {
        Api.Reply r = budget.importCsv(finance, HEADER
                + "2024-01-31;Boendestödjare;\"1 234,50\";Löner, del av januari;V1-" + run + "\n"
                + "20240229;Boendestödjare;100.25;Löner februari;V2-" + run + "\n"
                + "31/3/2024;HOUSING;62000;Hyresgaranti;V3-" + run + "\n"
                + "2024-03-31;hyresgarantier;0,05;Avrundning;V4-" + run + "\n");
        assertEquals(200, r.status(), r.body());
        JsonObject report = r.json();
        assertEquals(4, report.getInt("imported"));
        assertEquals(new BigDecimal("63334.80"), report.getJsonNumber("total").bigDecimalValue());

        // 1 234,50 + 100,25 = 1 334,75 on staff; 62 000 + 0,05 = 62 000,05 on rent.
        JsonObject summary = finance.get("api/budgets/" + budget.agreementId).json();
        assertEquals(new BigDecimal("63334.80"), summary.getJsonObject("total").getJsonNumber("spent").bigDecimalValue());
        assertEquals(new BigDecimal("936665.20"), summary.getJsonObject("total").getJsonNumber("remaining").bigDecimalValue());
        Map<String, BigDecimal> spentPerLine = new java.util.HashMap<>();
        summary.getJsonArray("lines").getValuesAs(JsonObject.class)
                .forEach(l -> spentPerLine.put(l.getString("label"), l.getJsonNumber("spent").bigDecimalValue()));
        assertEquals(Map.of("Boendestödjare", new BigDecimal("1334.75"), "Hyresgarantier", new BigDecimal("62000.05")),
                spentPerLine);
        var months = summary.getJsonArray("months").getValuesAs(JsonObject.class);
        assertEquals(new BigDecimal("1234.50"), months.get(0).getJsonNumber("spentToDate").bigDecimalValue());
        assertEquals(new BigDecimal("1334.75"), months.get(1).getJsonNumber("spentToDate").bigDecimalValue());
        assertEquals(new BigDecimal("63334.80"), months.get(2).getJsonNumber("spentToDate").bigDecimalValue());

        // Booked as imports, on the right lines, each with its audit row by the importing user.
        assertEquals(4, Rows.count("select count(*) from expense where agreement_id = " + budget.agreementId
                + " and source = 'IMPORT' and reversal_of is null"));
        assertEquals(2, Rows.count("select count(*) from expense where line_id = " + rent + " and voucher like 'V%'"));
        assertEquals(4, Rows.count("select count(*) from expense_aud a join revision r on r.id = a.rev"
                + " join expense e on e.id = a.id where e.agreement_id = " + budget.agreementId
                + " and a.revtype = 0 and r.username = 'ekonom' and a.amount = e.amount and a.voucher = e.voucher"));
        assertEquals(1, Rows.count("select count(distinct a.rev) from expense_aud a join expense e on e.id = a.id"
                + " where e.agreement_id = " + budget.agreementId), "one import, one transaction, one revision");
        assertEquals("Löner, del av januari", se.iop.it.Rows.value("select description from expense where voucher = ?", "V1-" + run));

        // An imported cost is a cost like any other: it can be reversed.
        long imported = ((Number) Rows.value("select id from expense where voucher = ?", "V3-" + run)).longValue();
        budget.reverse(imported, "2024-04-01", "Fel belopp", "R-" + run);
        assertEquals(new BigDecimal("1334.80"), finance.get("api/budgets/" + budget.agreementId).json()
                .getJsonObject("total").getJsonNumber("spent").bigDecimalValue());
    }

    @Test
    void theSameFileTwiceIsRefusedTheSecondTime() {
        String csv = HEADER + "2024-05-31;Boendestödjare;500;Maj;M-" + run + "\n";
        assertEquals(200, budget.importCsv(finance, csv).status());
        JsonObject problem = Problems.assertProblem(budget.importCsv(finance, csv), 422, "file");
        assertEquals("voucher", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(1, Rows.count("select count(*) from expense where agreement_id = " + budget.agreementId));
    }

    @Test
    void onlyFinanceImportsAndOnlyIntoAnAgreementThatExists() {
        String csv = HEADER + "2024-05-31;Boendestödjare;500;Maj;X-" + run + "\n";
        for (String user : List.of("revisor", "stadsmissionen", "verdandi", "hyresvard")) {
            Api.Reply r = budget.importCsv(Api.demo(user), csv);
            Problems.assertProblem(r, 403, null);
        }
        Problems.assertProblem(budget.importCsv(Api.admin(), csv), 403, null);
        Problems.assertProblem(finance.send("POST", "api/budgets/999999999/expenses/import", "text/csv", csv), 404, null);
        assertEquals(0, Rows.count("select count(*) from expense where agreement_id = " + budget.agreementId));
    }

    @Test
    void bodiesThatAreNotAFileOfCostsAreRefused() {
        Api.Reply json = finance.send("POST", "api/budgets/" + budget.agreementId + "/expenses/import",
                "application/json", "{\"rows\": []}");
        assertEquals(415, json.status(), json.body());
        JsonObject empty = Problems.assertProblem(budget.importCsv(finance, ""), 422, "file");
        assertEquals("The file is empty.", empty.getJsonArray("errors").getJsonObject(0).getString("message"));
        JsonObject header = Problems.assertProblem(budget.importCsv(finance, "datum;belopp\n2024-01-01;5\n"), 422, "file");
        assertEquals(List.of("line", "description", "voucher"), header.getJsonArray("errors").getValuesAs(JsonObject.class)
                .stream().map(e -> e.getString("field")).toList());
    }
}
