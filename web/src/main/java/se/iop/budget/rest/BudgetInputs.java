package se.iop.budget.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.iop.budget.boundary.ExpenseData;
import se.iop.budget.entity.Contribution;
import se.iop.budget.entity.ContributionKind;
import se.iop.budget.entity.LineCategory;
import se.iop.common.Money;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What clients send to the budget API, checked for shape before the domain sees it. */
public final class BudgetInputs {

    private BudgetInputs() {
    }

    public record PhaseInput(@NotBlank @Size(max = 100) String name, @NotNull LocalDate startDate,
                             @NotNull LocalDate endDate, Long version) {
    }

    public record AllocationInput(@NotNull Long committeeId, Long decisionId,
                                  @NotNull @Schema(minimum = "0", exclusiveMinimum = true, maximum = Money.MAX, multipleOf = Money.STEP) BigDecimal amount) {
    }

    public record LineInput(@NotNull LineCategory category, @NotBlank @Size(max = 200) String name,
                            @NotNull @Schema(minimum = "0", maximum = Money.MAX, multipleOf = Money.STEP) BigDecimal planned,
                            @Size(max = 10) String account) {
    }

    /** A line's new plan; lowering it takes a reason. */
    public record ReplanInput(@NotNull @Schema(minimum = "0", maximum = Money.MAX, multipleOf = Money.STEP) BigDecimal planned,
                              @Size(max = 1000) String reason, Long version) {
    }

    /** An allocation reduced to {@code amount} (zero withdraws it), and why. */
    public record CorrectionInput(@NotNull @Schema(minimum = "0", maximum = Money.MAX, multipleOf = Money.STEP) BigDecimal amount,
                                  @NotBlank @Size(max = 1000) String reason, Long version) {
    }

    public record ContributionInput(@NotNull Long partyId, @NotNull ContributionKind kind,
                                    @NotBlank @Size(max = 1000) String description,
                                    @NotNull @Schema(minimum = "0", exclusiveMinimum = true, maximum = Money.MAX, multipleOf = Money.STEP) BigDecimal value,
                                    @Schema(minimum = "0", exclusiveMinimum = true, maximum = Contribution.HOURS_MAX, multipleOf = 0.01)
                                    BigDecimal hours) {
    }

    public record DisbursementInput(@NotNull Long partnerId,
                                    @NotNull @Schema(minimum = "0", exclusiveMinimum = true, maximum = Money.MAX, multipleOf = Money.STEP) BigDecimal amount, @NotNull LocalDate plannedOn,
                                    @Size(max = 200) String reference) {
    }

    public record PayInput(@NotNull LocalDate paidOn, Long version) {
    }

    public record CancelInput(@NotBlank @Size(max = 1000) String reason, Long version) {
    }

    public record ExpenseInput(@NotNull Long lineId, Long partnerId, @NotNull LocalDate spentOn,
                               @NotNull @Schema(minimum = "0", exclusiveMinimum = true, maximum = Money.MAX, multipleOf = Money.STEP) BigDecimal amount,
                               @NotBlank @Size(max = 1000) String description,
                               @NotBlank @Size(max = 50) String voucher) {
        public ExpenseData data(long phaseId) {
            return new ExpenseData(phaseId, lineId, partnerId, spentOn, amount, description, voucher);
        }
    }

    public record ReversalInput(@NotNull LocalDate spentOn, @NotBlank @Size(max = 1000) String reason,
                                @NotBlank @Size(max = 50) String voucher) {
    }
}
