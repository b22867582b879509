package se.iop.report.entity;

import org.junit.jupiter.api.Test;
import se.iop.common.InvalidInput;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A report's intake cohorts: checked with the report, the source of its 12-month figures, and against earlier reports. */
class ReportCohortsTest {

    private static final ReportPeriod Q1_2025 = ReportPeriod.quarter(2025, 1);
    private static final LocalDate AFTER = LocalDate.of(2025, 4, 3);

    private final Partnership n = new Partnership();

    private static CohortFigures cohort(String q, Integer housed, Integer r12) {
        return CohortFigures.of(q, 0, housed, r12, null, null, null, null, null);
    }

    private static Outcomes without12() {
        Map<Measure, Integer> counts = new EnumMap<>(Partnership.all(4).asMap());
        counts.put(Measure.TENANCIES_12_DUE, null);
        counts.put(Measure.TENANCIES_12_KEPT, null);
        return Outcomes.of(counts);
    }

    private ActivityReport report(ReportPeriod period, LocalDate today, Outcomes counts, List<CohortFigures> cohorts) {
        ActivityReport r = new ActivityReport(n.agreement, n.stadsmission, period, "stadsmissionen", today);
        r.revise(period, "Boendestöd.", counts, cohorts, new BigDecimal("1000"), today);
        return r;
    }

    @Test
    void theTwelveMonthFiguresAreTheCohorts() {
        ActivityReport r = report(Q1_2025, AFTER, without12(),
                List.of(cohort("2023-Q4", 4, 3), cohort("2024-Q1", 6, 5), cohort("2024-Q3", 2, null)));
        assertEquals(10, r.outcomes().get(Measure.TENANCIES_12_DUE));
        assertEquals(8, r.outcomes().get(Measure.TENANCIES_12_KEPT));
        assertEquals(new BigDecimal("80.0"), r.outcomes().retention12());
        assertEquals(List.of("2023-Q4", "2024-Q1", "2024-Q3"), r.cohorts().stream().map(CohortFigures::code).toList());
    }

    @Test
    void typedTwelveMonthFiguresThatDisagreeWithTheCohortsAreRefused() {
        InvalidInput e = assertThrows(InvalidInput.class, () -> report(Q1_2025, AFTER, Partnership.all(4),
                List.of(cohort("2024-Q1", 6, 5))));
        assertEquals("tenancies12Due", e.field());
        Map<Measure, Integer> agreeing = new EnumMap<>(Partnership.all(4).asMap());
        agreeing.put(Measure.TENANCIES_12_DUE, 6);
        agreeing.put(Measure.TENANCIES_12_KEPT, 5);
        assertDoesNotThrow(() -> report(Q1_2025, AFTER, Outcomes.of(agreeing), List.of(cohort("2024-Q1", 6, 5))));
    }

    @Test
    void aCohortTwiceAndARefusedCohortLeaveTheReportAsItWas() {
        ActivityReport r = report(Q1_2025, AFTER, without12(), List.of(cohort("2024-Q1", 6, 5)));
        assertEquals("error.cohort.twice", assertThrows(InvalidInput.class, () -> r.revise(Q1_2025, "x", without12(),
                List.of(cohort("2024-Q1", 6, 5), cohort("2024-K1", 6, 5)), BigDecimal.ONE, AFTER)).key());
        assertThrows(InvalidInput.class, () -> r.revise(Q1_2025, "x", without12(), List.of(cohort("2024-Q1", 6, 7)),
                BigDecimal.ONE, AFTER));
        assertEquals(5, r.cohorts().get(0).retained12());
        assertEquals("Boendestöd.", r.narrative());
    }

    @Test
    void revisingUpdatesAddsAndRemovesCohorts() {
        ActivityReport r = report(Q1_2025, AFTER, without12(), List.of(cohort("2024-Q1", 6, 5), cohort("2024-Q2", 3, null)));
        r.revise(Q1_2025, "x", without12(), List.of(cohort("2024-Q4", 2, null), cohort("2024-Q1", 7, 5)), BigDecimal.ONE, AFTER);
        assertEquals(List.of("2024-Q1", "2024-Q4"), r.cohorts().stream().map(CohortFigures::code).toList());
        assertEquals(7, r.cohorts().get(0).housed());
        assertEquals(7, r.outcomes().get(Measure.TENANCIES_12_DUE));
    }

    @Test
    void retentionMustBeStatedBeforeHandingIn() {
        ActivityReport r = report(Q1_2025, AFTER, without12(), List.of(cohort("2024-Q1", 6, null)));
        InvalidInput e = assertThrows(InvalidInput.class, () -> r.submit("stadsmissionen", AFTER));
        assertEquals("cohorts[2024-Q1].retained12", e.field());
        assertEquals(ReportStatus.DRAFT, r.status());
    }

    @Test
    void figuresContradictingAnEarlierApprovedReportAreRefused() {
        ReportPeriod q4 = ReportPeriod.quarter(2024, 4);
        ActivityReport earlier = report(q4, LocalDate.of(2025, 1, 5), without12(), List.of(cohort("2024-Q1", 6, null)));
        ActivityReport later = report(Q1_2025, AFTER, without12(), List.of(cohort("2024-Q1", 7, 6)));
        // Not yet approved: nothing to contradict.
        assertDoesNotThrow(() -> later.requireConsistentWith(earlier));
        earlier.submit("stadsmissionen", LocalDate.of(2025, 1, 5));
        earlier.approve("handlaggare", LocalDate.of(2025, 1, 6));
        InvalidInput e = assertThrows(InvalidInput.class, () -> later.requireConsistentWith(earlier));
        assertEquals("cohorts[2024-Q1].housed", e.field());
        assertEquals("error.cohort.grows", e.key());
        // A report on a later period is not "earlier" to this one.
        assertDoesNotThrow(() -> earlier.requireConsistentWith(later));
    }
}
