package se.iop.report.boundary;

import se.iop.budget.boundary.BudgetSummary.MonthPoint;
import se.iop.report.entity.SmallCounts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The outcomes of one or all agreements over time, from approved reports only, with milestones done
 * and late and budget use against time elapsed. Unless {@code exact}, counts under three are hidden
 * (their value null) and a share resting on fewer than three households is not given.
 */
public record OutcomeSummary(boolean exact, List<Followed> agreements, List<QuarterPoint> quarters,
                             MilestoneTally milestones, List<BudgetPace> budgets, List<CohortPoint> cohorts) {

    /** Without cohorts (the public register shows none). */
    public OutcomeSummary(boolean exact, List<Followed> agreements, List<QuarterPoint> quarters, MilestoneTally milestones,
                          List<BudgetPace> budgets) {
        this(exact, agreements, quarters, milestones, budgets, List.of());
    }

    /** The reference from research: about 8 of 10 Housing First tenants keep their home. */
    public static final BigDecimal RETENTION_REFERENCE = new BigDecimal("80");

    /** An agreement the figures are summed over: one that is or was in force. */
    public record Followed(long id, String reference, String title, String status) {
    }

    /** A count as it may be shown: its value, or none and hidden when under three. */
    public record Count(Integer value, boolean hidden) {

        public static Count of(Integer value, boolean exact) {
            return !exact && SmallCounts.hidden(value) ? new Count(null, true) : new Count(value, false);
        }

        /** "&lt; 3" when hidden, a dash when empty, else the number (an exact small count too). */
        public String text() {
            return hidden ? SmallCounts.HIDDEN : value == null ? "–" : value.toString();
        }
    }

    /**
     * One quarter, summed over partners and agreements: flows (housed, leases taken over, evictions…)
     * over the quarter's reports, stocks (in own home, tenancies kept…) from each partner's latest report
     * in it. Counts are keyed by the measure's field name.
     */
    public record QuarterPoint(String quarter, LocalDate start, int reports, Map<String, Count> counts,
                               Count leasesToDate, BigDecimal retention12, BigDecimal retention6) {

        public Count count(String field) {
            return counts.get(field);
        }
    }

    public record MilestoneTally(long doneOnTime, long doneLate, long late, long upcoming, long cancelled) {

        public long done() {
            return doneOnTime + doneLate;
        }

        public long total() {
            return doneOnTime + doneLate + late + upcoming + cancelled;
        }
    }

    /** Share of the allocation spent against share of the budget period gone, with the month-by-month curve. */
    public record BudgetPace(long agreementId, String title, BigDecimal allocated, BigDecimal spent,
                             BigDecimal percentUsed, BigDecimal percentTimeElapsed, List<MonthPoint> months) {
    }

    /**
     * One intake cohort (the households that moved in during a quarter, {@code cohort} as "2024-Q1"): how many
     * moved in, were still housed 12 and 24 months later, have moved on by choice, were evicted, became homeless
     * again, or took over their lease. {@code followed12}/{@code followed24}: the households whose retention at
     * 12/24 months is stated, on which the shares rest; a share is left out when it rests on fewer than three
     * unless exact. Counts under three are hidden unless exact.
     */
    public record CohortPoint(String cohort, LocalDate start, Count housed, Count retained12, Count retained24,
                              Count movedOn, Count evictions, Count returnedHomeless, Count leasesOwn,
                              BigDecimal retention12, BigDecimal retention24) {
    }

    public QuarterPoint latest() {
        return quarters.isEmpty() ? null : quarters.get(quarters.size() - 1);
    }
}
