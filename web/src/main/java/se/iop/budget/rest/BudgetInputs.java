package se.iop.budget.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import se.iop.budget.boundary.ExpenseData;
import se.iop.budget.entity.ContributionKind;
import se.iop.budget.entity.LineCategory;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What clients send to the budget API, checked for shape before the domain sees it. */
public final class BudgetInputs {

    private BudgetInputs() {
    }

    public record PhaseInput(@NotBlank @Size(max = 100) String name, @NotNull LocalDate startDate,
                             @NotNull LocalDate endDate, Long version) {
    }

    public record AllocationInput(@NotNull Long committeeId, Long decisionId, @NotNull BigDecimal amount) {
    }

    public record LineInput(@NotNull LineCategory category, @NotBlank @Size(max = 200) String name,
                            @NotNull BigDecimal planned, @Size(max = 10) String account) {
    }

    /** A line's new plan; lowering it takes a reason. */
    public record ReplanInput(@NotNull BigDecimal planned, @Size(max = 1000) String reason, Long version) {
    }

    /** An allocation reduced to {@code amount} (zero withdraws it), and why. */
    public record CorrectionInput(@NotNull BigDecimal amount, @NotBlank @Size(max = 1000) String reason, Long version) {
    }

    public record ContributionInput(@NotNull Long partyId, @NotNull ContributionKind kind,
                                    @NotBlank @Size(max = 1000) String description, @NotNull BigDecimal value,
                                    BigDecimal hours) {
    }

    public record DisbursementInput(@NotNull Long partnerId, @NotNull BigDecimal amount, @NotNull LocalDate plannedOn,
                                    @Size(max = 200) String reference) {
    }

    public record PayInput(@NotNull LocalDate paidOn, Long version) {
    }

    public record CancelInput(@NotBlank @Size(max = 1000) String reason, Long version) {
    }

    public record ExpenseInput(@NotNull Long lineId, Long partnerId, @NotNull LocalDate spentOn,
                               @NotNull BigDecimal amount, @NotBlank @Size(max = 1000) String description,
                               @NotBlank @Size(max = 50) String voucher) {
        public ExpenseData data(long phaseId) {
            return new ExpenseData(phaseId, lineId, partnerId, spentOn, amount, description, voucher);
        }
    }

    public record ReversalInput(@NotNull LocalDate spentOn, @NotBlank @Size(max = 1000) String reason,
                                @NotBlank @Size(max = 50) String voucher) {
    }
}
