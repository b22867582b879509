package se.iop.budget.rest;

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

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The budget's parts as the API shows them. */
public final class BudgetJson {

    private BudgetJson() {
    }

    public record PhaseJson(Long id, long version, Long agreementId, String name, LocalDate startDate, LocalDate endDate,
                            BigDecimal allocated, BigDecimal planned, boolean overPlanned,
                            List<AllocationJson> allocations, List<LineJson> lines,
                            List<ContributionJson> contributions, List<CorrectionJson> corrections) {
        public static PhaseJson of(Phase p) {
            return new PhaseJson(p.id(), p.version(), p.agreement().id(), p.name(), p.startDate(), p.endDate(),
                    p.allocated(), p.planned(), p.overPlanned(),
                    p.allocations().stream().map(AllocationJson::of).toList(),
                    p.lines().stream().map(LineJson::of).toList(),
                    p.contributions().stream().map(ContributionJson::of).toList(),
                    p.corrections().stream().map(CorrectionJson::of).toList());
        }
    }

    /** {@code withdrawn} when reduced to zero. */
    public record AllocationJson(Long id, long version, Long committeeId, String committeeName, Long decisionId,
                                 BigDecimal amount, boolean withdrawn) {
        static AllocationJson of(Allocation a) {
            return new AllocationJson(a.id(), a.version(), a.committee().id(), a.committee().name(),
                    a.decision() == null ? null : a.decision().id(), a.amount(), a.withdrawn());
        }
    }

    /** An allocation reduced or withdrawn, or a line re-planned: one of {@code allocationId} and {@code lineId}. */
    public record CorrectionJson(Long id, Long allocationId, Long lineId, String subject, BigDecimal amountBefore,
                                 BigDecimal amountAfter, String reason, String correctedBy, Instant correctedAt) {
        static CorrectionJson of(Correction c) {
            return new CorrectionJson(c.id(), c.allocation() == null ? null : c.allocation().id(),
                    c.line() == null ? null : c.line().id(),
                    c.allocation() != null ? c.allocation().committee().name() : c.line().name(),
                    c.amountBefore(), c.amountAfter(), c.reason(), c.correctedBy(), c.correctedAt());
        }
    }

    public record LineJson(Long id, long version, LineCategory category, String name, BigDecimal planned,
                           String account) {
        static LineJson of(BudgetLine l) {
            return new LineJson(l.id(), l.version(), l.category(), l.name(), l.planned(), l.account());
        }
    }

    public record ContributionJson(Long id, Long partyId, String organisationName, ContributionKind kind,
                                   String description, BigDecimal value, BigDecimal hours) {
        static ContributionJson of(Contribution c) {
            return new ContributionJson(c.id(), c.party().id(), c.party().organisation().name(), c.kind(),
                    c.description(), c.value(), c.hours());
        }
    }

    public record DisbursementJson(Long id, long version, Long phaseId, Long partnerId, String partnerName,
                                   BigDecimal amount, LocalDate plannedOn, DisbursementStatus status, LocalDate paidOn,
                                   String reference, String cancelReason) {
        public static DisbursementJson of(Disbursement d) {
            return new DisbursementJson(d.id(), d.version(), d.phase().id(), d.partner().id(), d.partner().name(),
                    d.amount(), d.plannedOn(), d.status(), d.paidOn(), d.reference(), d.cancelReason());
        }
    }

    public record ExpenseJson(Long id, Long phaseId, Long lineId, String lineName, Long partnerId, String partnerName,
                              LocalDate spentOn, BigDecimal amount, String description, String voucher,
                              ExpenseSource source, Long reversalOf, boolean reversed) {
        public static ExpenseJson of(Expense e) {
            return new ExpenseJson(e.id(), e.phase().id(), e.line().id(), e.line().name(),
                    e.partner() == null ? null : e.partner().id(), e.partner() == null ? null : e.partner().name(),
                    e.spentOn(), e.amount(), e.description(), e.voucher(), e.source(),
                    e.reversalOf() == null ? null : e.reversalOf().id(), e.reversed());
        }
    }
}
