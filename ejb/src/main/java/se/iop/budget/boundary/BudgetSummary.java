package se.iop.budget.boundary;

import se.iop.common.Percent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Where an agreement's money stands: allocated, planned, paid, committed (approved or paid), spent and
 * what remains — in total, per phase, committee, partner and budget line — with spending over time
 * against plan and a forecast of when the money runs out at the current rate.
 */
public record BudgetSummary(long agreementId, Figures total, List<Figures> phases, List<Figures> committees,
                            List<Figures> partners, List<Figures> lines, List<Figures> cofinancing,
                            List<MonthPoint> months, Forecast forecast) {

    /*
     * The hash codes below use a few components only (so they still agree with the records' equals): JSON-B (Yasson)
     * puts every object it writes into a hash set, and a record's own hash code walks every component, each nested
     * list and record again at every level: a good part of writing a summary went into hashing it.
     */

    @Override
    public int hashCode() {
        return Long.hashCode(agreementId);
    }

    /**
     * Figures of one row. {@code parentId} is the phase of a line; {@code detail} a category or kind.
     * What remains is of the allocation where there is one, otherwise of the plan; the percentage used
     * is {@link Percent}'s.
     */
    public record Figures(Long id, Long parentId, String label, String detail, BigDecimal allocated,
                          BigDecimal planned, BigDecimal paid, BigDecimal committed, BigDecimal spent,
                          BigDecimal remaining, BigDecimal percentUsed, boolean overSpent, boolean overPlanned,
                          LocalDate start, LocalDate end) {

        public static Figures of(Long id, Long parentId, String label, String detail, BigDecimal allocated,
                                 BigDecimal planned, BigDecimal paid, BigDecimal committed, BigDecimal spent,
                                 LocalDate start, LocalDate end) {
            BigDecimal base = allocated.signum() > 0 ? allocated : planned;
            BigDecimal percent = Percent.of(spent, base);
            // Spent beyond the plan, or planned beyond the allocation: flagged for finance, never refused.
            boolean overSpent = planned.signum() > 0 && spent.compareTo(planned) > 0;
            boolean overPlanned = allocated.signum() > 0 && planned.compareTo(allocated) > 0;
            return new Figures(id, parentId, label, detail, allocated, planned, paid, committed, spent,
                    base.subtract(spent), percent, overSpent, overPlanned, start, end);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, parentId, label);
        }
    }

    /** Spending up to the end of a month, against what the plan would have used by then. */
    public record MonthPoint(String month, BigDecimal spentToDate, BigDecimal plannedToDate) {

        @Override
        public int hashCode() {
            return Objects.hashCode(month);
        }
    }

    /**
     * Spending per day so far, and the day the allocation runs out at that rate (null when nothing is
     * spent yet); {@code beforeEnd} when that day comes before the last phase ends.
     */
    public record Forecast(LocalDate asOf, BigDecimal perDay, LocalDate runsOutOn, boolean beforeEnd) {
    }
}
