package se.iop.budget.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import se.iop.agreement.boundary.Agreements;
import se.iop.budget.entity.Disbursement;
import se.iop.budget.entity.DisbursementStatus;
import se.iop.budget.entity.Phase;
import se.iop.common.Bulk;
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
 * Payments to partners. Whether an approved payment still fits in the allocation is decided by the
 * database (rule {@code phase_balance_within_allocation}, V9), which serialises every change to a
 * phase's money, so two approvals at the same moment cannot both spend the same money; this service
 * turns its refusal into the problem the user sees.
 */
@Stateless
@RolesAllowed({"ADMIN", "FINANCE", "AUDITOR", "PARTNER"})
public class Disbursements {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Budgets budgets;

    @Inject
    private Agreements agreements;

    @Resource
    private SessionContext context;

    public List<Disbursement> ofAgreement(long agreementId) {
        agreements.find(agreementId);
        return em.createQuery("select d from Disbursement d join fetch d.partner join fetch d.phase p"
                + " where p.agreement.id = :a order by d.plannedOn, d.id", Disbursement.class)
                .setParameter("a", agreementId).getResultList();
    }

    public Disbursement find(long id) {
        Disbursement d = em.find(Disbursement.class, id);
        if (d == null) {
            throw new NotFound("disbursement");
        }
        NotFound.as("disbursement", () -> budgets.phase(d.phase().id()));
        d.partner().name();
        return d;
    }

    @RolesAllowed("FINANCE")
    public Disbursement plan(long phaseId, Long partnerId, BigDecimal amount, LocalDate plannedOn, String reference) {
        Phase phase = budgets.phase(phaseId);
        Organisation partner = partnerId == null ? null : em.find(Organisation.class, partnerId);
        if (partnerId != null && partner == null) {
            throw new InvalidInput("partnerId", "error.organisation.unknown", partnerId);
        }
        // What remains is read without a lock: planning reserves nothing, it only refuses a hopeless plan early.
        Disbursement d = new Disbursement(phase, partner, amount, plannedOn, reference, remaining(phase));
        try {
            em.persist(d);
        } catch (PersistenceException e) {
            throw Versions.translated(e, rule -> refused(rule, d));
        }
        return Versions.flushed(em, d, rule -> refused(rule, d));
    }

    @RolesAllowed("FINANCE")
    public Disbursement approve(long id, Long expectedVersion) {
        Disbursement d = find(id);
        Versions.check(d.version(), expectedVersion);
        d.approve();
        return Versions.flushed(em, d, rule -> refused(rule, d));
    }

    @RolesAllowed("FINANCE")
    public Disbursement pay(long id, Long expectedVersion, LocalDate on) {
        Disbursement d = find(id);
        Versions.check(d.version(), expectedVersion);
        d.pay(on);
        return Versions.flushed(em, d, rule -> refused(rule, d));
    }

    /**
     * Approves several planned payments in one action, each on its own rules and in its own transaction: one
     * refused (over what its phase has left, not planned, changed meanwhile) leaves the others approved.
     */
    @RolesAllowed("FINANCE")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<Bulk.Outcome> approveAll(List<Bulk.Item> items) {
        Disbursements self = context.getBusinessObject(Disbursements.class);
        return Bulk.each(items, i -> done(self.approve(i.id(), i.version())));
    }

    /** Marks several approved payments paid on the same day, each on its own as {@link #approveAll} does. */
    @RolesAllowed("FINANCE")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<Bulk.Outcome> payAll(List<Bulk.Item> items, LocalDate on) {
        if (on == null) {
            throw new InvalidInput("paidOn", "error.required");
        }
        Disbursements self = context.getBusinessObject(Disbursements.class);
        return Bulk.each(items, i -> done(self.pay(i.id(), i.version(), on)));
    }

    private static Bulk.Done done(Disbursement d) {
        return new Bulk.Done(d.status().name(), d.version());
    }

    @RolesAllowed("FINANCE")
    public Disbursement cancel(long id, Long expectedVersion, String reason) {
        Disbursement d = find(id);
        Versions.check(d.version(), expectedVersion);
        d.cancel(reason);
        return Versions.flushed(em, d, rule -> refused(rule, d));
    }

    /**
     * The database's refusal in the words of the payment: over the allocation (what remained before this
     * payment), or dated outside its phase (the phase was rescheduled meanwhile).
     */
    private static DomainException refused(DatabaseRule rule, Disbursement d) {
        if (rule.is("phase_balance_within_allocation")) {
            BigDecimal remaining = rule.amount("allocated").subtract(rule.amount("committed")).add(d.amount());
            return new StateConflict("amount", "error.disbursement.overAllocated", remaining.max(BigDecimal.ZERO));
        }
        if (rule.is("disbursement_within_phase")) {
            return new InvalidInput(rule.value("field"), "error.dateOutsidePhase", rule.date("start"), rule.date("end"));
        }
        return null;
    }

    /** Allocated minus approved and paid, summed by the database. */
    private BigDecimal remaining(Phase phase) {
        BigDecimal allocated = em.createQuery("select coalesce(sum(a.amount), 0) from Allocation a where a.phase = :p",
                BigDecimal.class).setParameter("p", phase).getSingleResult();
        BigDecimal committed = em.createQuery("select coalesce(sum(d.amount), 0) from Disbursement d"
                        + " where d.phase = :p and d.status in :committed", BigDecimal.class)
                .setParameter("p", phase)
                .setParameter("committed", List.of(DisbursementStatus.APPROVED, DisbursementStatus.PAID))
                .getSingleResult();
        return allocated.subtract(committed);
    }
}
