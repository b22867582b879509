package se.iop.budget.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import se.iop.account.boundary.Caller;
import se.iop.account.entity.Role;
import se.iop.agreement.boundary.Agreements;
import se.iop.budget.entity.Expense;
import se.iop.budget.entity.ExpenseSource;
import se.iop.budget.entity.Phase;
import se.iop.common.DatabaseRule;
import se.iop.common.DomainException;
import se.iop.common.InvalidInput;
import se.iop.common.NotFound;
import se.iop.common.StateConflict;
import se.iop.common.Versions;
import se.iop.partner.entity.Organisation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Booked costs. Finance books them (or imports them); a partner may report its own costs on its own
 * agreements. A booked amount is corrected only by a reversal.
 */
@Stateless
@RolesAllowed({"ADMIN", "FINANCE", "AUDITOR", "PARTNER"})
public class Expenses {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Budgets budgets;

    @Inject
    private Caller caller;

    @Inject
    private Agreements agreements;

    /** Costs of an agreement, newest first, a page at a time. */
    public List<Expense> ofAgreement(long agreementId, int first, int max) {
        agreements.find(agreementId);
        return em.createQuery("select e from Expense e join fetch e.phase join fetch e.line left join fetch e.partner"
                        // the reversed booking may lie on another page: fetched, so its voucher can be named
                        + " left join fetch e.reversalOf where e.agreementId = :a order by e.spentOn desc, e.id desc", Expense.class)
                .setParameter("a", agreementId)
                .setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(max, 1000)))
                .getResultList();
    }

    public long countOfAgreement(long agreementId) {
        agreements.find(agreementId);
        return em.createQuery("select count(e) from Expense e where e.agreementId = :a", Long.class)
                .setParameter("a", agreementId).getSingleResult();
    }

    public Expense find(long id) {
        Expense e = em.find(Expense.class, id);
        if (e == null) {
            throw new NotFound("expense");
        }
        NotFound.as("expense", () -> budgets.phase(e.phase().id()));
        e.line().name();
        if (e.partner() != null) {
            e.partner().name();
        }
        if (e.reversalOf() != null) {
            e.reversalOf().voucher(); // our accessors are not getId(), so a proxy needs loading to tell its id
        }
        return e;
    }

    @RolesAllowed({"FINANCE", "PARTNER"})
    public Expense book(ExpenseData data) {
        Phase phase = budgets.phase(require(data.phaseId(), "phaseId"));
        Organisation partner;
        ExpenseSource source;
        if (caller.is(Role.FINANCE)) {
            partner = organisation(data.partnerId());
            source = ExpenseSource.FINANCE;
        } else {
            // A partner reports for its own organisation only, whatever it sends.
            partner = em.find(Organisation.class, caller.organisationId().orElseThrow(() -> new NotFound("organisation")));
            source = ExpenseSource.PARTNER;
        }
        Expense e = Expense.book(phase, data.lineId() == null ? null : phase.line(data.lineId()), partner,
                data.spentOn(), data.amount(), data.description(), data.voucher(), source);
        requireNewVoucher(phase.agreement().id(), e.voucher()); // the voucher as the entity took it
        return stored(e);
    }

    @RolesAllowed("FINANCE")
    public Expense reverse(long id, LocalDate on, String reason, String voucher) {
        Expense original = find(id);
        return stored(original.reverse(on, reason, voucher));
    }

    private Expense stored(Expense e) {
        try {
            em.persist(e);
        } catch (PersistenceException failure) {
            throw Versions.translated(failure, Expenses::refused);
        }
        return Versions.flushed(em, e, Expenses::refused);
    }

    /** The phase was rescheduled since the cost was checked against it: the database kept the cost out. */
    static DomainException refused(DatabaseRule rule) {
        if (rule.is("expense_within_phase")) {
            return new InvalidInput("spentOn", "error.dateOutsidePhase", rule.date("start"), rule.date("end"));
        }
        return null;
    }

    void requireNewVoucher(long agreementId, String voucher) {
        if (voucher == null || voucher.isBlank()) {
            return; // the entity names the missing field
        }
        Long same = em.createQuery("select count(e) from Expense e where e.agreementId = :a and e.voucher = :v"
                + " and e.reversalOf is null", Long.class)
                .setParameter("a", agreementId).setParameter("v", voucher.strip()).getSingleResult();
        if (same > 0) {
            throw new StateConflict("voucher", "error.expense.voucherBooked", voucher.strip());
        }
    }

    Organisation organisation(Long id) {
        if (id == null) {
            return null;
        }
        Organisation o = em.find(Organisation.class, id);
        if (o == null) {
            throw new InvalidInput("partnerId", "error.organisation.unknown", id);
        }
        return o;
    }

    private static long require(Long id, String field) {
        if (id == null) {
            throw new InvalidInput(field, "error.required");
        }
        return id;
    }
}
