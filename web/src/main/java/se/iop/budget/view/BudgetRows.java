package se.iop.budget.view;

import se.iop.budget.entity.Allocation;
import se.iop.budget.entity.BudgetLine;
import se.iop.budget.entity.Contribution;
import se.iop.budget.entity.ContributionKind;
import se.iop.budget.entity.Correction;
import se.iop.budget.entity.Disbursement;
import se.iop.budget.entity.DisbursementStatus;
import se.iop.budget.entity.Expense;
import se.iop.budget.entity.ExpenseSource;
import se.iop.budget.entity.LineCategory;
import se.iop.budget.entity.Phase;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the budget page shows of the stored budget, copied out of the entities while the service's
 * persistence context still had them loaded: plain values that may live in the view state.
 */
public final class BudgetRows {

    private BudgetRows() {
    }

    public record PhaseRow(long id, long version, String name, LocalDate start, LocalDate end,
                           List<AllocationRow> allocations, List<LineRow> lines,
                           List<ContributionRow> contributions, List<CorrectionRow> corrections) implements Serializable {
        static PhaseRow of(Phase p) {
            return new PhaseRow(p.id(), p.version(), p.name(), p.startDate(), p.endDate(),
                    p.allocations().stream().map(AllocationRow::of).toList(),
                    p.lines().stream().map(LineRow::of).toList(),
                    p.contributions().stream().map(ContributionRow::of).toList(),
                    p.corrections().stream().map(CorrectionRow::of).toList());
        }
    }

    /** {@code decision} as the minutes name it, e.g. "2023-09-07 § 112", or null. */
    public record AllocationRow(long id, long version, String committee, String decision, BigDecimal amount,
                                boolean withdrawn) implements Serializable {
        static AllocationRow of(Allocation a) {
            String decision = a.decision() == null ? null
                    : (a.decision().meetingDate() + (a.decision().paragraph() == null ? "" : " " + a.decision().paragraph()));
            return new AllocationRow(a.id(), a.version(), a.committee().name(), decision, a.amount(), a.withdrawn());
        }
    }

    /** An allocation reduced or withdrawn ({@code allocation} true), or a line's plan changed. */
    public record CorrectionRow(long id, boolean allocation, String subject, BigDecimal before, BigDecimal after,
                                String reason, String by, Instant at) implements Serializable {
        static CorrectionRow of(Correction c) {
            return new CorrectionRow(c.id(), c.allocation() != null,
                    c.allocation() != null ? c.allocation().committee().name() : c.line().name(),
                    c.amountBefore(), c.amountAfter(), c.reason(), c.correctedBy(), c.correctedAt());
        }
    }

    public record LineRow(long id, long version, LineCategory category, String name, BigDecimal planned, String account)
            implements Serializable {
        static LineRow of(BudgetLine l) {
            return new LineRow(l.id(), l.version(), l.category(), l.name(), l.planned(), l.account());
        }
    }

    public record ContributionRow(long id, String party, ContributionKind kind, String description, BigDecimal value,
                                  BigDecimal hours) implements Serializable {
        static ContributionRow of(Contribution c) {
            return new ContributionRow(c.id(), c.party().organisation().name(), c.kind(), c.description(), c.value(), c.hours());
        }
    }

    public record DisbursementRow(long id, long version, long phaseId, String phase, String partner, BigDecimal amount,
                                  LocalDate plannedOn, DisbursementStatus status, LocalDate paidOn, String reference,
                                  String cancelReason) implements Serializable {
        static DisbursementRow of(Disbursement d) {
            return new DisbursementRow(d.id(), d.version(), d.phase().id(), d.phase().name(), d.partner().name(), d.amount(),
                    d.plannedOn(), d.status(), d.paidOn(), d.reference(), d.cancelReason());
        }

        public boolean approvable() {
            return status == DisbursementStatus.PLANNED;
        }

        public boolean payable() {
            return status == DisbursementStatus.APPROVED;
        }

        public boolean cancellable() {
            return status == DisbursementStatus.PLANNED || status == DisbursementStatus.APPROVED;
        }
    }

    /** A booked cost; {@code reversalOf} is the voucher a reversal cancels. */
    public record ExpenseRow(long id, LocalDate spentOn, String phase, String line, String partner, String description,
                             String voucher, BigDecimal amount, ExpenseSource source, String reversalOf, boolean reversed)
            implements Serializable {
        static ExpenseRow of(Expense e) {
            return new ExpenseRow(e.id(), e.spentOn(), e.phase().name(), e.line().name(),
                    e.partner() == null ? null : e.partner().name(), e.description(), e.voucher(), e.amount(), e.source(),
                    e.reversalOf() == null ? null : e.reversalOf().voucher(), e.reversed());
        }

        public boolean reversal() {
            return reversalOf != null;
        }

        /** Only an original booking that is not yet corrected can be reversed. */
        public boolean reversible() {
            return reversalOf == null && !reversed;
        }
    }
}
