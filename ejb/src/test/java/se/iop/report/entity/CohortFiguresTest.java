package se.iop.report.entity;

import org.junit.jupiter.api.Test;
import se.iop.common.InvalidInput;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The consistency rules of an intake cohort, within one report and against an earlier approved one. */
class CohortFiguresTest {

    private static final LocalDate END_2025_Q1 = LocalDate.of(2025, 3, 31);
    private static final LocalDate END_2026_Q1 = LocalDate.of(2026, 3, 31);

    private static CohortFigures q1(Integer housed, Integer r12, Integer r24, Integer movedOn, Integer evictions,
                                    Integer homeless, Integer leases) {
        return CohortFigures.of("2024-Q1", 0, housed, r12, r24, movedOn, evictions, homeless, leases);
    }

    private static InvalidInput refused(Runnable r) {
        return assertThrows(InvalidInput.class, r::run);
    }

    @Test
    void aCohortIsAQuarterThatHasBegunByThePeriodsEnd() {
        assertEquals("cohorts[0].cohort", refused(() -> CohortFigures.of("2024-03", 0, 5, null, null, null, null, null, null)).field());
        assertEquals("cohorts[2].cohort", refused(() -> CohortFigures.of("vår 2024", 2, 5, null, null, null, null, null, null)).field());
        assertEquals("2024-Q1", CohortFigures.of("2024-K1", 0, 5, null, null, null, null, null, null).code());
        InvalidInput future = refused(() -> CohortFigures.of("2025-Q2", 0, 5, null, null, null, null, null, null).check(END_2025_Q1));
        assertEquals("cohorts[2025-Q2].housed", future.field());
        assertEquals("error.cohort.future", future.key());
    }

    @Test
    void housedIsRequiredAndCountsAreInRange() {
        assertEquals("cohorts[2024-Q1].housed", refused(() -> q1(null, null, null, 1, null, null, null).check(END_2025_Q1)).field());
        assertEquals("cohorts[2024-Q1].evictions", refused(() -> q1(5, null, null, null, -1, null, null).check(END_2025_Q1)).field());
        assertEquals("cohorts[2024-Q1].movedOn",
                refused(() -> q1(5, null, null, Outcomes.MAX + 1, null, null, null).check(END_2025_Q1)).field());
    }

    @Test
    void neverMoreRetainedThanHoused() {
        InvalidInput e = refused(() -> q1(5, 6, null, null, null, null, null).check(END_2025_Q1));
        assertEquals("cohorts[2024-Q1].retained12", e.field());
        assertEquals("error.cohort.retainedOverHoused", e.key());
        assertTrue(e.getMessage().contains("2024-Q1"), "the message names the cohort: " + e.getMessage());
        assertEquals("cohorts[2024-Q1].retained24", refused(() -> q1(5, 5, 6, null, null, null, null).check(END_2026_Q1)).field());
        assertDoesNotThrow(() -> q1(5, 5, null, null, null, null, null).check(END_2025_Q1));
    }

    @Test
    void neverMoreRetainedAt24MonthsThanAt12() {
        InvalidInput e = refused(() -> q1(8, 4, 5, null, null, null, null).check(END_2026_Q1));
        assertEquals("cohorts[2024-Q1].retained24", e.field());
        assertEquals("error.cohort.retained24OverRetained12", e.key());
        assertDoesNotThrow(() -> q1(8, 5, 4, null, null, null, null).check(END_2026_Q1));
    }

    @Test
    void theExitsNeverExceedTheHouseholdsHoused() {
        InvalidInput e = refused(() -> q1(5, null, null, 2, 2, 2, null).check(END_2025_Q1));
        assertEquals("error.cohort.exitsOverHoused", e.key());
        assertEquals("cohorts[2024-Q1].evictions", e.field());
        assertDoesNotThrow(() -> q1(6, null, null, 2, 2, 2, null).check(END_2025_Q1));
        assertEquals("cohorts[2024-Q1].leasesOwn", refused(() -> q1(5, null, null, null, null, null, 6).check(END_2025_Q1)).field());
    }

    @Test
    void retentionIsStatedOnlyOnceTheWholeCohortHasLivedThatLong() {
        // Moved in January–March 2024: all have lived 12 months on 31 March 2025, 24 months on 31 March 2026.
        CohortFigures c = q1(5, 4, null, null, null, null, null);
        assertEquals(LocalDate.of(2025, 3, 31), c.followedUpFrom(12));
        assertEquals("error.cohort.notYet", refused(() -> c.check(LocalDate.of(2024, 12, 31))).key());
        assertDoesNotThrow(() -> c.check(END_2025_Q1));
        CohortFigures two = q1(5, 4, 4, null, null, null, null);
        assertEquals("cohorts[2024-Q1].retained24", refused(() -> two.check(LocalDate.of(2025, 12, 31))).field());
        assertDoesNotThrow(() -> two.check(END_2026_Q1));
    }

    @Test
    void aCohortNeverGrowsAfterItsQuarter() {
        CohortFigures approved = q1(5, null, null, null, null, null, null);
        // The report for 2024-Q2 said 5 moved in during Q1: the quarter was over, so 6 now is refused…
        InvalidInput grows = refused(() -> q1(6, null, null, null, null, null, null)
                .requireConsistentWith(approved, LocalDate.of(2024, 6, 30), "2024-Q2"));
        assertEquals("cohorts[2024-Q1].housed", grows.field());
        assertEquals("error.cohort.grows", grows.key());
        assertTrue(grows.getMessage().contains("2024-Q2"), grows.getMessage());
        // … while a monthly report for January 2024, before the quarter was over, may have said fewer.
        assertDoesNotThrow(() -> q1(6, null, null, null, null, null, null)
                .requireConsistentWith(approved, LocalDate.of(2024, 1, 31), "2024-01"));
        // Fewer than were counted is a contradiction whenever.
        assertEquals("error.cohort.contradicts.housed", refused(() -> q1(4, null, null, null, null, null, null)
                .requireConsistentWith(approved, LocalDate.of(2024, 1, 31), "2024-01")).key());
    }

    @Test
    void whatHasHappenedNeverBecomesLessAndRetentionOnceStatedStays() {
        CohortFigures approved = q1(8, 7, null, 1, 1, null, 2);
        LocalDate end = END_2025_Q1;
        assertDoesNotThrow(() -> q1(8, 7, 6, 1, 2, 1, 3).requireConsistentWith(approved, end, "2025-Q1"));
        assertEquals("cohorts[2024-Q1].evictions",
                refused(() -> q1(8, 7, null, 1, 0, null, 2).requireConsistentWith(approved, end, "2025-Q1")).field());
        assertEquals("cohorts[2024-Q1].leasesOwn",
                refused(() -> q1(8, 7, null, 1, 1, null, 1).requireConsistentWith(approved, end, "2025-Q1")).field());
        InvalidInput changed = refused(() -> q1(8, 6, null, 1, 1, null, 2).requireConsistentWith(approved, end, "2025-Q1"));
        assertEquals("cohorts[2024-Q1].retained12", changed.field());
        assertEquals("error.cohort.contradicts.retained12", changed.key());
        // Another cohort is not compared.
        assertDoesNotThrow(() -> CohortFigures.of("2024-Q2", 0, 1, null, null, null, null, null, null)
                .requireConsistentWith(approved, end, "2025-Q1"));
    }

    @Test
    void theTwelveMonthFiguresComeFromTheCohortsOldEnough() {
        List<CohortFigures> cohorts = List.of(
                q1(10, 8, null, null, null, null, null),
                CohortFigures.of("2024-Q2", 1, 5, 4, null, null, null, null, null),
                CohortFigures.of("2024-Q3", 2, 6, null, null, null, null, null, null));
        assertArrayEquals(new int[] {15, 12}, ActivityReport.twelveMonths(cohorts, LocalDate.of(2025, 6, 30)));
        assertArrayEquals(new int[] {10, 8}, ActivityReport.twelveMonths(cohorts, END_2025_Q1));
    }
}
