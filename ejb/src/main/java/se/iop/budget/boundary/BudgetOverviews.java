package se.iop.budget.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import se.iop.agreement.boundary.Agreements;
import se.iop.agreement.entity.Agreement;
import se.iop.budget.entity.Disbursement;
import se.iop.budget.entity.Expense;
import se.iop.budget.entity.Phase;

import java.util.List;

/**
 * Everything an agreement's budget page shows, read in one transaction: the agreement is checked and
 * loaded once and the other services find it in the same persistence context, so the page costs a
 * fixed handful of queries whatever the size of the budget.
 */
@Stateless
@RolesAllowed({"ADMIN", "FINANCE", "AUDITOR", "PARTNER"})
public class BudgetOverviews {

    @Inject
    private Agreements agreements;

    @Inject
    private BudgetSummaries summaries;

    @Inject
    private Budgets budgets;

    @Inject
    private Disbursements disbursements;

    @Inject
    private Expenses expenses;

    /** The agreement's budget with the newest {@code expenses} costs; the rest page in through {@link Expenses}. */
    public BudgetOverview of(long agreementId, int expenses) {
        Agreement agreement = agreements.find(agreementId);
        return new BudgetOverview(agreement, summaries.of(agreementId), budgets.phases(agreementId),
                disbursements.ofAgreement(agreementId), this.expenses.countOfAgreement(agreementId),
                this.expenses.ofAgreement(agreementId, 0, expenses));
    }

    /** An agreement's budget as its page shows it; {@code expenses} is the first page of {@code expenseCount}. */
    public record BudgetOverview(Agreement agreement, BudgetSummary summary, List<Phase> phases,
                                 List<Disbursement> disbursements, long expenseCount, List<Expense> expenses) {
    }
}
