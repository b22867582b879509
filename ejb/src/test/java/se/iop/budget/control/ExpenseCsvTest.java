package se.iop.budget.control;

import org.junit.jupiter.api.Test;
import se.iop.budget.control.ExpenseCsv.Budget;
import se.iop.budget.control.ExpenseCsv.Line;
import se.iop.budget.control.ExpenseCsv.Party;
import se.iop.budget.control.ExpenseCsv.PhasePlan;
import se.iop.budget.control.ExpenseCsv.Problem;
import se.iop.budget.control.ExpenseCsv.Result;
import se.iop.budget.control.ExpenseCsv.Row;
import se.iop.budget.entity.LineCategory;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExpenseCsvTest {

    private static final String HEADER = "datum;budgetrad;belopp;beskrivning;verifikation\n";

    private static final PhasePlan FAS1 = new PhasePlan(1, "Fas 1", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31),
            List.of(new Line(11, "Boendestödjare", LineCategory.STAFF), new Line(12, "Hyresgarantier", LineCategory.HOUSING),
                    new Line(13, "Aktiviteter", LineCategory.SUPPORT_ACTIVITIES),
                    new Line(14, "Fritid", LineCategory.SUPPORT_ACTIVITIES)));
    private static final PhasePlan FAS2 = new PhasePlan(2, "Fas 2", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31),
            List.of(new Line(21, "Boendestödjare", LineCategory.STAFF)));
    private static final Party STADSMISSION = new Party(100, "Sörmlands Stadsmission", "802004-2262",
            day -> day.isBefore(LocalDate.of(2024, 11, 1))); // left the agreement on 31 October 2024

    private static final Budget ONE_PHASE = new Budget(List.of(FAS1), List.of(STADSMISSION));
    private static final Budget TWO_PHASES = new Budget(List.of(FAS1, FAS2), List.of(STADSMISSION));

    private static Result read(Budget budget, String csv) {
        return ExpenseCsv.read(csv.getBytes(StandardCharsets.UTF_8), budget);
    }

    private static Problem only(Result r) {
        assertEquals(1, r.problems().size(), r.problems().toString());
        return r.problems().get(0);
    }

    @Test
    void aGoodFileGivesOneRowPerLineWithTheLineAndPhaseResolved() {
        Result r = read(ONE_PHASE, HEADER
                + "2024-01-31;Boendestödjare;62000,00;Löner januari;V-1\n"
                + "2024-02-15;HOUSING;14500.5;Hyresgaranti;V-2\n");
        assertTrue(r.ok(), r.problems().toString());
        assertEquals(2, r.rowCount());
        Row first = r.rows().get(0);
        assertEquals(2, first.row(), "the header is row 1");
        assertEquals(1, first.phaseId());
        assertEquals(11, first.lineId());
        assertEquals(LocalDate.of(2024, 1, 31), first.spentOn());
        assertEquals(new BigDecimal("62000.00"), first.amount());
        assertEquals("Löner januari", first.description());
        assertEquals("V-1", first.voucher());
        assertNull(first.partnerId());
        assertEquals(12, r.rows().get(1).lineId(), "a category with one line in the phase names that line");
        assertEquals(new BigDecimal("14500.50"), r.rows().get(1).amount());
    }

    @Test
    void amountsTakeACommaOrAPointAndSpacesBetweenThousands() {
        assertEquals(new BigDecimal("1234.50"), amountOf("1234,50"));
        assertEquals(new BigDecimal("1234.50"), amountOf("1234.50"));
        assertEquals(new BigDecimal("1234567.80"), amountOf("\"1 234 567,8\""));
        assertEquals(new BigDecimal("1234.00"), amountOf("1\u00A0234"));
        assertEquals(new BigDecimal("0.05"), amountOf("0,05"));
        assertEquals(new BigDecimal("12.00"), amountOf("+12"));
        // The same reader as every page: points grouping with a decimal comma, and kronor named, are read.
        assertEquals(new BigDecimal("1234.50"), amountOf("1.234,50"));
        assertEquals(new BigDecimal("12.00"), amountOf("12 kr"));
        assertEquals(new BigDecimal("1700000.00"), amountOf("1,700,000"));
    }

    private static BigDecimal amountOf(String amount) {
        Result r = read(ONE_PHASE, HEADER + "2024-03-01;Boendestödjare;" + amount + ";Kostnad;V-1\n");
        assertTrue(r.ok(), amount + ": " + r.problems());
        return r.rows().get(0).amount();
    }

    @Test
    void badAmountsAreRefusedWithTheReason() {
        assertEquals("error.money.decimals", amountProblem("10,1234"));
        assertEquals("error.money.decimals", amountProblem("62000,125"));
        assertEquals("error.amount.ambiguous", amountProblem("10,123"));
        assertEquals("error.amount.ambiguous", amountProblem("1,500"), "never read as fifteen hundred, nor as 1,50");
        assertEquals("error.money.notPositive", amountProblem("-250,00"));
        assertEquals("error.money.notPositive", amountProblem("0"));
        assertEquals("error.amount.unreadable", amountProblem("12 34"));
        assertEquals("error.amount.unreadable", amountProblem("1.234.50"));
        assertEquals("error.amount.unreadable", amountProblem("12 kronor"));
        assertEquals("error.amount.unreadable", amountProblem("=1+1"));
        assertEquals("error.money.tooLarge", amountProblem("1000000000000"));
        assertEquals("error.required", amountProblem(""));
    }

    @Test
    void anAmbiguousAmountIsReportedWithBothReadingsInTheReadersLanguage() {
        Result r = read(ONE_PHASE, HEADER + "2024-03-01;Boendestödjare;1,500;Kostnad;V-1\n");
        Problem p = only(r);
        assertEquals("”1,500” kan läsas både som 1,50\u00A0kr och som 1\u00A0500,00\u00A0kr och gissas därför inte. "
                + "Skriv beloppet med två decimaler (t.ex. 1\u00A0500,00\u00A0kr) så att det bara kan läsas på ett sätt.",
                p.message(Locale.forLanguageTag("sv")));
        assertTrue(p.message(Locale.ENGLISH).startsWith("“1,500” can be read both as 1.50 SEK and as 1,500.00 SEK"),
                p.message(Locale.ENGLISH));
    }

    private static String amountProblem(String amount) {
        Result r = read(ONE_PHASE, HEADER + "2024-03-01;Boendestödjare;\"" + amount + "\";Kostnad;V-1\n");
        Problem p = only(r);
        assertEquals(2, p.row());
        assertEquals("amount", p.field());
        assertTrue(r.rows().isEmpty());
        return p.key();
    }

    @Test
    void datesInIsoCompactAndDayFirstForms() {
        assertEquals(LocalDate.of(2024, 3, 31), ExpenseCsv.parseDate("2024-03-31"));
        assertEquals(LocalDate.of(2024, 3, 31), ExpenseCsv.parseDate("20240331"));
        assertEquals(LocalDate.of(2024, 3, 1), ExpenseCsv.parseDate("1/3/2024"));
        assertEquals(LocalDate.of(2024, 3, 1), ExpenseCsv.parseDate("1.3.2024"));
        assertEquals(LocalDate.of(2024, 3, 31), ExpenseCsv.parseDate("31/3 2024"));
        assertNull(ExpenseCsv.parseDate("2024-02-30"));
        assertNull(ExpenseCsv.parseDate("20240230"));
        assertNull(ExpenseCsv.parseDate("3/31/2024"), "month first is not a Swedish form");
        assertNull(ExpenseCsv.parseDate("31/3/24"), "two-digit years are refused");
        assertNull(ExpenseCsv.parseDate("idag"));
    }

    @Test
    void datesOutsideThePhaseAndUnreadableDatesAreRefused() {
        Problem outside = only(read(ONE_PHASE, HEADER + "2025-01-01;Boendestödjare;10;Kostnad;V-1\n"));
        assertEquals("date", outside.field());
        assertEquals("error.dateOutsidePhase", outside.key());
        assertEquals(List.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)), outside.args());
        assertEquals("The date is outside the phase (2024-01-01 – 2024-12-31).", outside.message(Locale.ENGLISH));

        Problem unreadable = only(read(ONE_PHASE, HEADER + "31 mars;Boendestödjare;10;Kostnad;V-1\n"));
        assertEquals("error.import.date", unreadable.key());
        assertTrue(unreadable.message(Locale.forLanguageTag("sv")).contains("31 mars"));
    }

    @Test
    void withSeveralPhasesTheDateOrTheFasColumnChoosesThePhase() {
        Result byDate = read(TWO_PHASES, HEADER + "2024-06-01;Boendestödjare;10;A;V-1\n2025-06-01;Boendestödjare;10;B;V-2\n");
        assertTrue(byDate.ok(), byDate.problems().toString());
        assertEquals(List.of(11L, 21L), byDate.rows().stream().map(Row::lineId).toList());

        Problem none = only(read(TWO_PHASES, HEADER + "2026-06-01;Boendestödjare;10;A;V-1\n"));
        assertEquals("error.import.dateOutsidePhases", none.key());

        String withPhase = "datum;fas;budgetrad;belopp;beskrivning;verifikation\n";
        Problem wrongPhase = only(read(TWO_PHASES, withPhase + "2024-06-01;Fas 2;Boendestödjare;10;A;V-1\n"));
        assertEquals("date", wrongPhase.field());
        assertEquals("error.dateOutsidePhase", wrongPhase.key());
        Problem unknownPhase = only(read(TWO_PHASES, withPhase + "2024-06-01;Fas 9;Boendestödjare;10;A;V-1\n"));
        assertEquals("phase", unknownPhase.field());
        assertEquals("error.import.phaseUnknown", unknownPhase.key());
    }

    @Test
    void unknownAndAmbiguousLinesAreRefusedNamingThePhase() {
        Problem unknown = only(read(ONE_PHASE, HEADER + "2024-03-01;Lokalhyra;10;Kostnad;V-1\n"));
        assertEquals("line", unknown.field());
        assertEquals("error.import.lineUnknown", unknown.key());
        assertEquals("There is no budget line Lokalhyra in Fas 1.", unknown.message(Locale.ENGLISH));

        Problem ambiguous = only(read(ONE_PHASE, HEADER + "2024-03-01;support_activities;10;Kostnad;V-1\n"));
        assertEquals("error.import.lineAmbiguous", ambiguous.key());

        Problem none = only(read(ONE_PHASE, HEADER + "2024-03-01;ADMINISTRATION;10;Kostnad;V-1\n"));
        assertEquals("error.import.lineUnknown", none.key(), "a category the phase has no line of");
    }

    @Test
    void vouchersTwiceInTheFileAreRefusedPointingAtTheFirst() {
        Result r = read(ONE_PHASE, HEADER + "2024-03-01;Boendestödjare;10;A;V-1\n2024-03-02;Boendestödjare;10;B;V-2\n"
                + "2024-03-03;Boendestödjare;10;C;V-1\n");
        Problem twice = only(r);
        assertEquals(4, twice.row());
        assertEquals("voucher", twice.field());
        assertEquals("Voucher V-1 is already on row 2 of the file.", twice.message(Locale.ENGLISH));
        assertEquals(java.util.Map.of("V-1", 2, "V-2", 3), r.vouchers(), "the first row of each voucher, for the booked check");
    }

    @Test
    void everyBadRowIsReportedAndNoRowPassesWhenOneIsBad() {
        Result r = read(ONE_PHASE, HEADER
                + "2024-03-01;Boendestödjare;10;Bra;V-1\n"
                + "2024-13-01;Boendestödjare;10,555;;V-2\n"
                + "2024-03-03;Okänd;10;Bra;\n");
        assertFalse(r.ok());
        assertEquals(List.of("3 date", "3 amount", "3 description", "4 line", "4 voucher"),
                r.problems().stream().map(p -> p.row() + " " + p.field()).toList());
        assertEquals(1, r.rows().size(), "only the good row passed the checks; the service books none of them");
    }

    @Test
    void theHeaderMayUseEnglishNamesAnyOrderCommasAndExtraColumns() {
        Result r = read(ONE_PHASE, "Voucher,Amount,Konto,Date,Description,Line\n"
                + "V-9,\"1234,50\",5010,2024-04-30,\"Löner, april\",Boendestödjare\n");
        assertTrue(r.ok(), r.problems().toString());
        assertEquals(new BigDecimal("1234.50"), r.rows().get(0).amount());
        assertEquals("Löner, april", r.rows().get(0).description());
    }

    @Test
    void aMissingColumnIsReportedOnTheHeaderRow() {
        Problem p = only(read(ONE_PHASE, "datum;budgetrad;beskrivning;verifikation\n2024-03-01;Boendestödjare;A;V-1\n"));
        assertEquals(1, p.row());
        assertEquals("amount", p.field());
        assertEquals("error.import.missingColumn", p.key());
        assertEquals(List.of("belopp"), p.args());
    }

    @Test
    void emptyFilesAndFilesWithoutRowsAreRefused() {
        assertEquals("error.import.empty", only(ExpenseCsv.read(new byte[0], ONE_PHASE)).key());
        assertEquals("error.import.noRows", only(read(ONE_PHASE, HEADER + "\n;;;;\n")).key());
        assertEquals("error.import.noPhases", only(read(new Budget(List.of(), List.of()), HEADER)).key());
        assertEquals("error.import.tooLarge", only(ExpenseCsv.read(new byte[ExpenseCsv.MAX_BYTES + 1], ONE_PHASE)).key());
    }

    @Test
    void rowNumbersAreTheSpreadsheetsEvenWithBlankLinesAndQuotedLineBreaks() {
        Result r = read(ONE_PHASE, HEADER
                + "\n"
                + "2024-03-01;Boendestödjare;10;\"Två\nrader\";V-1\r\n"
                + "2024-03-01;Boendestödjare;-1;C;V-2\n");
        Problem p = only(r);
        assertEquals(5, p.row(), "header 1, blank 2, the two-line row 3–4, the bad one 5");
        assertEquals("Två\nrader", r.rows().get(0).description());
    }

    @Test
    void aPartnerIsNamedByNameOrOrganisationNumberAndMustBeAParty() {
        String header = "datum;budgetrad;belopp;beskrivning;verifikation;partner\n";
        Result r = read(ONE_PHASE, header + "2024-03-01;Boendestödjare;10;A;V-1;sörmlands stadsmission\n"
                + "2024-03-01;Boendestödjare;10;B;V-2;8020042262\n2024-03-01;Boendestödjare;10;C;V-3;\n");
        assertTrue(r.ok(), r.problems().toString());
        assertEquals(java.util.Arrays.asList(100L, 100L, null), r.rows().stream().map(Row::partnerId).toList());
        Problem p = only(read(ONE_PHASE, header + "2024-03-01;Boendestödjare;10;A;V-1;Verdandi\n"));
        assertEquals("partner", p.field());
        assertEquals("error.import.partnerUnknown", p.key());
    }

    @Test
    void aPartnerThatHasLeftBooksNoCostDatedAfterItsLastDay() {
        String header = "datum;budgetrad;belopp;beskrivning;verifikation;partner\n";
        assertTrue(read(ONE_PHASE, header + "2024-10-31;Boendestödjare;10;A;V-1;Sörmlands Stadsmission\n").ok(),
                "its last day as a party");
        Problem p = only(read(ONE_PHASE, header + "2024-11-01;Boendestödjare;10;A;V-1;Sörmlands Stadsmission\n"));
        assertEquals("date", p.field(), "the date is what is wrong, not the partner");
        assertEquals("error.party.notPartyOn", p.key());
        assertTrue(read(ONE_PHASE, header + "2024-11-01;Boendestödjare;10;A;V-1;\n").ok(), "a cost on no partner");
    }

    @Test
    void windows1252FromSwedishExcelIsReadToo() {
        byte[] file = (HEADER + "2024-03-01;Boendestödjare;10;Hyra för lägenhet;V-1\n").getBytes(Charset.forName("windows-1252"));
        Result r = ExpenseCsv.read(file, ONE_PHASE);
        assertTrue(r.ok(), r.problems().toString());
        assertEquals("Hyra för lägenhet", r.rows().get(0).description());
        byte[] withBom = ("\uFEFF" + HEADER + "2024-03-01;Boendestödjare;10;A;V-1\n").getBytes(StandardCharsets.UTF_8);
        assertTrue(ExpenseCsv.read(withBom, ONE_PHASE).ok());
    }

    @Test
    void tooLongTextsAreRefused() {
        Problem p = only(read(ONE_PHASE, HEADER + "2024-03-01;Boendestödjare;10;A;" + "V".repeat(51) + "\n"));
        assertEquals("voucher", p.field());
        assertEquals("error.tooLong", p.key());
        assertEquals(List.of(50), p.args());
    }

    @Test
    void anUnterminatedQuoteIsReportedNotThrown() {
        Result r = read(ONE_PHASE, HEADER + "2024-03-01;Boendestödjare;10;\"A;V-1\n");
        assertEquals("error.import.malformed", only(r).key());
    }
}
