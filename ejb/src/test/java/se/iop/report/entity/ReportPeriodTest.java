package se.iop.report.entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.iop.common.InvalidInput;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportPeriodTest {

    private static final Locale SV = Locale.forLanguageTag("sv");

    @Test
    void quartersAndMonthsAreCalendarPeriods() {
        ReportPeriod q1 = ReportPeriod.quarter(2024, 1);
        assertEquals(LocalDate.of(2024, 1, 1), q1.start());
        assertEquals(LocalDate.of(2024, 3, 31), q1.end());
        assertEquals(PeriodKind.QUARTER, q1.kind());
        assertEquals(List.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 1)), q1.months());
        ReportPeriod feb = ReportPeriod.month(YearMonth.of(2024, 2));
        assertEquals(LocalDate.of(2024, 2, 29), feb.end(), "a leap year's February");
        assertEquals(List.of(LocalDate.of(2024, 2, 1)), feb.months());
        assertEquals(ReportPeriod.quarter(2024, 4), ReportPeriod.quarterOf(LocalDate.of(2024, 11, 15)));
    }

    @Test
    void readsAndWritesItsCode() {
        assertEquals(ReportPeriod.quarter(2024, 1), ReportPeriod.parse("2024-Q1"));
        assertEquals(ReportPeriod.quarter(2024, 3), ReportPeriod.parse(" 2024-k3 "));
        assertEquals(ReportPeriod.month(YearMonth.of(2024, 3)), ReportPeriod.parse("2024-03"));
        assertEquals("2024-Q4", ReportPeriod.quarter(2024, 4).code());
        assertEquals("2024-03", ReportPeriod.month(YearMonth.of(2024, 3)).code());
        assertEquals("Kvartal 2 2024", ReportPeriod.quarter(2024, 2).label(SV));
        assertEquals("Q2 2024", ReportPeriod.quarter(2024, 2).label(Locale.ENGLISH));
        assertEquals("mars 2024", ReportPeriod.month(YearMonth.of(2024, 3)).label(SV));
        assertEquals("March 2024", ReportPeriod.month(YearMonth.of(2024, 3)).label(Locale.ENGLISH));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-Q5", "2024-Q0", "2024-13", "2024-00", "2024", "24-Q1", "2024-1", "Q1 2024", "1999-Q4", "2024-03-01"})
    void refusesWhatIsNoPeriod(String code) {
        assertEquals("period", assertThrows(InvalidInput.class, () -> ReportPeriod.parse(code)).field());
    }

    @Test
    void aPeriodStartsOnTheFirstOfAMonthOrQuarter() {
        assertEquals(ReportPeriod.quarter(2024, 2), ReportPeriod.of(PeriodKind.QUARTER, LocalDate.of(2024, 4, 1)));
        assertEquals(ReportPeriod.month(YearMonth.of(2024, 5)), ReportPeriod.of(PeriodKind.MONTH, LocalDate.of(2024, 5, 1)));
        assertEquals("periodStart", assertThrows(InvalidInput.class,
                () -> ReportPeriod.of(PeriodKind.QUARTER, LocalDate.of(2024, 5, 1))).field());
        assertEquals("periodStart", assertThrows(InvalidInput.class,
                () -> ReportPeriod.of(PeriodKind.MONTH, LocalDate.of(2024, 5, 2))).field());
        assertEquals("periodKind", assertThrows(InvalidInput.class, () -> ReportPeriod.of(null, LocalDate.of(2024, 5, 1))).field());
    }

    @Test
    void overlapsAreFoundAcrossKinds() {
        ReportPeriod q1 = ReportPeriod.quarter(2024, 1);
        assertTrue(q1.overlaps(ReportPeriod.month(YearMonth.of(2024, 3))));
        assertTrue(ReportPeriod.month(YearMonth.of(2024, 1)).overlaps(q1));
        assertTrue(q1.overlaps(ReportPeriod.quarter(2024, 1)));
        assertFalse(q1.overlaps(ReportPeriod.month(YearMonth.of(2024, 4))));
        assertFalse(q1.overlaps(ReportPeriod.quarter(2024, 2)));
        assertFalse(ReportPeriod.month(YearMonth.of(2024, 1)).overlaps(ReportPeriod.month(YearMonth.of(2024, 2))));
        assertTrue(q1.overlaps(LocalDate.of(2024, 3, 31), null));
        assertFalse(q1.overlaps(LocalDate.of(2024, 4, 1), null));
        assertFalse(q1.overlaps(null, LocalDate.of(2023, 12, 31)));
        assertTrue(q1.overlaps(null, null));
    }

    @Test
    void aReportIsDueByTheEndOfTheFollowingMonth() {
        ReportPeriod q4 = ReportPeriod.quarter(2024, 4);
        assertEquals(LocalDate.of(2025, 1, 31), q4.dueOn());
        assertEquals(LocalDate.of(2024, 3, 31), ReportPeriod.month(YearMonth.of(2024, 2)).dueOn());
        assertFalse(q4.hasReachedLastDay(LocalDate.of(2024, 12, 30)));
        assertTrue(q4.hasReachedLastDay(LocalDate.of(2024, 12, 31)));
        assertFalse(q4.hasBegun(LocalDate.of(2024, 9, 30)));
        assertTrue(q4.hasBegun(LocalDate.of(2024, 10, 1)));
    }
}
