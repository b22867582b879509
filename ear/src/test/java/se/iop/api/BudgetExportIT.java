package se.iop.api;

import jakarta.json.JsonObject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.iop.it.Api;
import se.iop.it.BudgetSetup;
import se.iop.it.BudgetSetup.Download;
import se.iop.it.Deployments;
import se.iop.it.Fixtures;
import se.iop.it.Problems;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exports of a budget: transactions and overview as CSV and XLSX, booked costs as SIE 4; who may have them. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BudgetExportIT {

    private static final Charset PC8 = Charset.forName("IBM437");
    private static final String FORMULA = "=HYPERLINK(\"http://example.com\";\"Klicka\")";

    private BudgetSetup budget;
    private long staff;
    private long rent;
    private String run;
    private String v1;
    private String v2;
    private String v3;
    private String reversal;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    /**
     * Allocated 500 000; paid 120 000 to the partner; costs 62 000,50 (staff, January), 14 500 (rent,
     * own account 5420, February) and 9 800,25 (staff, March, reversed in April): spent 76 500,50.
     */
    @BeforeEach
    void budget() {
        budget = BudgetSetup.agreement();
        budget.allocate("500000.00");
        staff = budget.line("STAFF", "Boendestödjare", "400000", null);
        rent = budget.line("HOUSING", "Hyresgarantier", "50000", "5420");
        run = UUID.randomUUID().toString().substring(0, 8);
        v1 = "V1-" + run;
        v2 = "V2-" + run;
        v3 = "V3-" + run;
        reversal = "R-" + run;
        budget.pay("120000.00", "2024-01-15", "2024-01-20", "UB-" + run);
        budget.book(staff, "2024-01-31", "62000.50", "Löner januari", v1);
        budget.book(rent, "2024-02-15", "14500.00", FORMULA, v2);
        long march = Fixtures.id(budget.book(staff, "2024-03-31", "9800.25", "-rabatt felbokad", v3));
        budget.reverse(march, "2024-04-02", "Fel rad", reversal);
    }

    private String export(String file) {
        return "api/budgets/" + budget.agreementId + "/export/" + file;
    }

    // --- SIE 4 ---

    /** A line split as an SIE reader does: by spaces, "quoted" strings (with \" inside) and {object lists} whole. */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        int i = 0;
        String s = line.strip();
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ') {
                i++;
            } else if (c == '"') {
                StringBuilder field = new StringBuilder();
                for (i++; s.charAt(i) != '"'; i++) {
                    if (s.charAt(i) == '\\' && s.charAt(i + 1) == '"') {
                        i++;
                    }
                    field.append(s.charAt(i));
                }
                out.add(field.toString());
                i++;
            } else if (c == '{' && s.indexOf('}', i) > i) {
                out.add(s.substring(i, s.indexOf('}', i) + 1));
                i = s.indexOf('}', i) + 1;
            } else {
                int end = s.indexOf(' ', i) < 0 ? s.length() : s.indexOf(' ', i);
                out.add(s.substring(i, end));
                i = end;
            }
        }
        return out;
    }

    private static List<List<String>> labelled(List<List<String>> lines, String label) {
        return lines.stream().filter(l -> !l.isEmpty() && l.get(0).equals(label)).toList();
    }

    private static List<String> one(List<List<String>> lines, String label) {
        List<List<String>> found = labelled(lines, label);
        assertEquals(1, found.size(), label + ": " + found);
        return found.get(0);
    }

    @Test
    void sieFileOfTheYearsCostsCheckedFieldByField() {
        Download d = BudgetSetup.download("ekonom", export("expenses.se?year=2024"));
        BudgetSetup.assertOk(d);
        assertTrue(d.header("Content-Type").startsWith("text/plain"), d.header("Content-Type"));
        assertTrue(d.header("Content-Disposition").contains(".se\""), d.header("Content-Disposition"));
        String text = d.text(PC8);
        assertFalse(text.contains("\uFFFD"));
        assertTrue(text.contains("\r\n"), "lines end with CR LF");
        List<List<String>> lines = text.lines().map(BudgetExportIT::fields).toList();

        assertEquals(List.of("#FLAGGA", "0"), lines.get(0));
        assertEquals(List.of("#FORMAT", "PC8"), one(lines, "#FORMAT"));
        assertEquals(List.of("#SIETYP", "4"), one(lines, "#SIETYP"));
        assertEquals("IOP Bostad först", one(lines, "#PROGRAM").get(1));
        String today = LocalDate.now(ZoneId.of("Europe/Stockholm")).format(DateTimeFormatter.BASIC_ISO_DATE);
        assertEquals(List.of("#GEN", today, "ekonom"), one(lines, "#GEN"));
        assertEquals(List.of("#FNAMN", "Nyköpings kommun"), one(lines, "#FNAMN"), "the municipality's books");
        assertTrue(one(lines, "#ORGNR").get(1).matches("\\d{6}-\\d{4}"), one(lines, "#ORGNR").toString());
        assertEquals(List.of("#RAR", "0", "20240101", "20241231"), one(lines, "#RAR"));
        assertEquals(2, one(lines, "#KPTYP").size());

        // Only the accounts used: staff's default 5010, rent's own 5420, and the counter account.
        assertEquals(List.of("2440", "5010", "5420"), labelled(lines, "#KONTO").stream().map(l -> l.get(1)).toList());
        assertEquals(List.of("#KONTO", "2440", "Leverantörsskulder"), labelled(lines, "#KONTO").get(0));
        assertTrue(lines.contains(List.of("#KTYP", "5010", "K")) && lines.contains(List.of("#KTYP", "2440", "S")));
        assertEquals(List.of("#DIM", "6", "Projekt"), one(lines, "#DIM"));
        assertEquals(List.of("#OBJEKT", "6", budget.reference, "Bostad först – budgetfiler".replace('–', '-')),
                one(lines, "#OBJEKT"));
        assertTrue(lines.contains(List.of("#RES", "0", "5010", "62000.50")), "62 000,50 + 9 800,25 − 9 800,25");
        assertTrue(lines.contains(List.of("#RES", "0", "5420", "14500.00")));

        // One verification per booking, dated yyyymmdd, each balanced on the line's account and 2440.
        List<Integer> verAt = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isEmpty() && lines.get(i).get(0).equals("#VER")) {
                verAt.add(i);
            }
        }
        assertEquals(4, verAt.size(), text);
        String project = "{6 \"" + budget.reference + "\"}";
        assertVerification(lines, verAt.get(0), "1", "20240131", v1 + " Löner januari", "5010", "62000.50", project);
        assertVerification(lines, verAt.get(1), "2", "20240215", v2 + " " + FORMULA, "5420", "14500.00", project);
        assertVerification(lines, verAt.get(2), "3", "20240331", v3 + " -rabatt felbokad", "5010", "9800.25", project);
        assertVerification(lines, verAt.get(3), "4", "20240402", reversal + " Rättelse av " + v3 + ": Fel rad", "5010",
                "-9800.25", project);
        assertEquals("Sörmlands Stadsmission", lines.get(verAt.get(0) + 3).get(5), "the partner on the credit row");
    }

    private static void assertVerification(List<List<String>> lines, int at, String number, String date, String text,
                                           String account, String amount, String project) {
        assertEquals(List.of("#VER", "I", number, date, text), lines.get(at));
        assertEquals(List.of("{"), lines.get(at + 1));
        List<String> debit = lines.get(at + 2);
        List<String> credit = lines.get(at + 3);
        assertEquals(List.of("#TRANS", account, project, amount, date), debit.subList(0, 5));
        assertEquals(List.of("#TRANS", "2440", project, new BigDecimal(amount).negate().toPlainString(), date),
                credit.subList(0, 5));
        assertEquals(0, new BigDecimal(debit.get(3)).add(new BigDecimal(credit.get(3))).signum(), "balanced");
        assertEquals(List.of("}"), lines.get(at + 4));
    }

    @Test
    void sieOfAYearWithoutCostsHasNoVerificationsAndABadYearIsRefused() {
        Download d = BudgetSetup.download("ekonom", export("expenses.se?year=2023"));
        BudgetSetup.assertOk(d);
        String text = d.text(PC8);
        assertTrue(text.contains("#RAR 0 20230101 20231231"), text);
        assertFalse(text.contains("#VER"), text);
        Download latest = BudgetSetup.download("ekonom", export("expenses.se"));
        assertTrue(latest.text(PC8).contains("#RAR 0 20240101 20241231"), "without a year: the latest booking's");
        Problems.assertProblem(Api.demo("ekonom").get(export("expenses.se?year=1999")), 422, "year");
    }

    // --- transactions ---

    @Test
    void transactionsCsvHasEveryPaymentAndCostWithReversalsAndNoFormula() throws IOException {
        Download d = BudgetSetup.download("ekonom", export("transactions.csv"));
        BudgetSetup.assertOk(d);
        assertTrue(d.header("Content-Type").startsWith("text/csv"), d.header("Content-Type"));
        assertEquals("no-store", d.header("Cache-Control"));
        String text = d.text(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"), "a byte order mark for Excel");
        CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1)));
        assertEquals(List.of("typ", "datum", "fas", "budgetrad", "kategori", "konto", "partner", "belopp", "status",
                "verifikation", "beskrivning", "rättelse av"), parser.getHeaderNames());
        List<CSVRecord> rows = parser.getRecords();
        assertEquals(5, rows.size());
        assertEquals(List.of("Utbetalning", "2024-01-20", "Fas 1", "", "", "", "Sörmlands Stadsmission", "120000,00",
                "Utbetald", "UB-" + run, "", ""), rows.get(0).toList());
        assertEquals(List.of("Kostnad", "2024-01-31", "Fas 1", "Boendestödjare", "Personal", "5010",
                "Sörmlands Stadsmission", "62000,50", "Bokförd", v1, "Löner januari", ""), rows.get(1).toList());
        assertEquals("'" + FORMULA, rows.get(2).get("beskrivning"), "a formula-looking description is neutralised");
        assertEquals("5420", rows.get(2).get("konto"));
        assertEquals("Rättad", rows.get(3).get("status"));
        assertEquals("'-rabatt felbokad", rows.get(3).get("beskrivning"));
        assertEquals(List.of("Rättelse", "2024-04-02", "-9800,25", reversal, "Fel rad", v3),
                List.of(rows.get(4).get("typ"), rows.get(4).get("datum"), rows.get(4).get("belopp"),
                        rows.get(4).get("verifikation"), rows.get(4).get("beskrivning"), rows.get(4).get("rättelse av")));
    }

    @Test
    void transactionsXlsxReadBackWithPoi() throws IOException {
        Download d = BudgetSetup.download("revisor", export("transactions.xlsx"));
        BudgetSetup.assertOk(d);
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", d.header("Content-Type"));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(d.body()))) {
            Sheet sheet = book.getSheet("Transaktioner");
            assertEquals(5, sheet.getLastRowNum(), "header and five rows");
            assertEquals("belopp", sheet.getRow(0).getCell(7).getStringCellValue());
            Row paid = sheet.getRow(1);
            assertEquals("Utbetalning", paid.getCell(0).getStringCellValue());
            assertEquals(LocalDate.of(2024, 1, 20), paid.getCell(1).getLocalDateTimeCellValue().toLocalDate());
            assertEquals(120000.00, paid.getCell(7).getNumericCellValue());
            Cell formula = sheet.getRow(3).getCell(10);
            assertEquals(CellType.STRING, formula.getCellType(), "text, never a formula cell");
            assertEquals(FORMULA, formula.getStringCellValue());
            assertTrue(formula.getCellStyle().getQuotePrefixed(), "and kept as text when someone edits it");
            assertEquals(14500.00, sheet.getRow(3).getCell(7).getNumericCellValue());
            Row reversed = sheet.getRow(5);
            assertEquals("Rättelse", reversed.getCell(0).getStringCellValue());
            assertEquals(-9800.25, reversed.getCell(7).getNumericCellValue());
            assertEquals(CellType.NUMERIC, reversed.getCell(7).getCellType());
            assertEquals(v3, reversed.getCell(11).getStringCellValue());
            double sum = 0;
            for (int r = 2; r <= 5; r++) {
                sum += sheet.getRow(r).getCell(7).getNumericCellValue();
            }
            assertEquals(76500.50, sum, 0.001, "the costs add up to what the summary says is spent");
        }
    }

    // --- overview ---

    @Test
    void overviewCsvAndXlsxCarryTheSummarysFigures() throws IOException {
        JsonObject total = Api.demo("ekonom").get("api/budgets/" + budget.agreementId).json().getJsonObject("total");
        assertEquals(new BigDecimal("76500.50"), total.getJsonNumber("spent").bigDecimalValue());

        Download csv = BudgetSetup.download("ekonom", export("overview.csv"));
        BudgetSetup.assertOk(csv);
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.text(StandardCharsets.UTF_8).substring(1))).getRecords();
        CSVRecord agreement = rows.get(0);
        assertEquals("Avtal", agreement.get("nivå"));
        assertEquals(budget.reference, agreement.get("detalj"));
        assertEquals(List.of("500000,00", "450000,00", "120000,00", "120000,00", "76500,50", "423499,50", "15,3", "nej"),
                List.of(agreement.get("tilldelat"), agreement.get("planerat"), agreement.get("utbetalt"),
                        agreement.get("godkänt och utbetalt"), agreement.get("förbrukat"), agreement.get("återstår"),
                        agreement.get("förbrukat %"), agreement.get("överskridet")));
        CSVRecord staffLine = rows.stream().filter(r -> r.get("namn").equals("Boendestödjare")).findFirst().orElseThrow();
        assertEquals("Budgetrad", staffLine.get("nivå"));
        assertEquals("Personal, Fas 1", staffLine.get("detalj"));
        assertEquals("62000,50", staffLine.get("förbrukat"));
        assertEquals(List.of("Avtal", "Fas", "Nämnd", "Budgetrad", "Budgetrad", "Partner"),
                rows.stream().map(r -> r.get("nivå")).toList());

        Download xlsx = BudgetSetup.download("stadsmissionen", export("overview.xlsx"));
        BudgetSetup.assertOk(xlsx);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = book.getSheet("Budgetöversikt");
            assertEquals(6, sheet.getLastRowNum());
            assertEquals("Avtal", sheet.getRow(1).getCell(0).getStringCellValue());
            assertEquals(500000.00, sheet.getRow(1).getCell(3).getNumericCellValue());
            assertEquals(76500.50, sheet.getRow(1).getCell(7).getNumericCellValue());
            assertEquals(15.3, sheet.getRow(1).getCell(9).getNumericCellValue(), 0.0001);
        }
    }

    // --- access ---

    @Test
    void financeAdminAuditorAndTheAgreementsPartnerExportOthersGetNothing() {
        List<String> files = List.of("transactions.csv", "transactions.xlsx", "overview.csv", "overview.xlsx",
                "expenses.se?year=2024");
        for (String file : files) {
            for (String user : List.of("ekonom", "revisor", "stadsmissionen")) {
                BudgetSetup.assertOk(BudgetSetup.download(user, export(file)));
            }
            assertEquals(200, Api.admin().get(export(file)).status(), file);
            // Verdandi is no party to this agreement: to it the agreement does not exist.
            Api.Reply other = Api.demo("verdandi").get(export(file));
            Problems.assertProblem(other, 404, null);
            Problems.assertProblem(Api.demo("hyresvard").get(export(file)), 403, null);
            Problems.assertProblem(Api.demo("ekonom").get("api/budgets/999999999/export/" + file), 404, null);
            assertEquals(401, Api.anonymous().get(export(file)).status());
        }
    }
}
