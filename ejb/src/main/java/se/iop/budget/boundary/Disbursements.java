package se.iop.budget.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import se.iop.agreement.boundary.Agreements;
import se.iop.budget.entity.Disbursement;
import se.iop.budget.entity.DisbursementStatus;
import se.iop.budget.entity.Phase;
import se.iop.common.InvalidInput;
import se.iop.common.NotFound;
import se.iop.common.Versions;
import se.iop.partner.entity.Organisation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Payments to partners. Whether a payment still fits in the allocation is decided with the phase
 * row locked, so two approvals at the same moment cannot both spend the same money.
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

    public List<Disbursement> ofAgreement(long agreementId) {
        agreements.find(agreementId);
        return em.createQuery("select d from Disbursement d join fetch d.partner join fetch d.phase p"
                + " where p.agreement.id = :a order by d.plannedOn, d.id", Disbursement.class)
                .setParameter("a", agreementId).getResultList();
    }

    public Disbursement find(long id) {
        Disbursement d = em.find(Disbursement.class, id);
        if (d == null) {
            throw new NotFound("disbursement", id);
        }
        budgets.phase(d.phase().id());
        d.partner().name();
        return d;
    }

    @RolesAllowed("FINANCE")
    public Disbursement plan(long phaseId, Long partnerId, BigDecimal amount, LocalDate plannedOn, String reference) {
        Phase phase = lockedPhase(phaseId);
        Organisation partner = partnerId == null ? null : em.find(Organisation.class, partnerId);
        if (partnerId != null && partner == null) {
            throw new InvalidInput("partnerId", "error.organisation.unknown", partnerId);
        }
        Disbursement d = new Disbursement(phase, partner, amount, plannedOn, reference, remaining(phase));
        em.persist(d);
        return d;
    }

    @RolesAllowed("FINANCE")
    public Disbursement approve(long id, Long expectedVersion) {
        Disbursement d = find(id);
        Versions.check(d.version(), expectedVersion);
        Phase phase = lockedPhase(d.phase().id());
        d.approve(remaining(phase));
        return Versions.flushed(em, d);
    }

    @RolesAllowed("FINANCE")
    public Disbursement pay(long id, Long expectedVersion, LocalDate on) {
        Disbursement d = find(id);
        Versions.check(d.version(), expectedVersion);
        d.pay(on);
        return Versions.flushed(em, d);
    }

    @RolesAllowed("FINANCE")
    public Disbursement cancel(long id, Long expectedVersion, String reason) {
        Disbursement d = find(id);
        Versions.check(d.version(), expectedVersion);
        d.cancel(reason);
        return Versions.flushed(em, d);
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

    // The lock serialises every decision about this phase's money until the transaction ends.
    private Phase lockedPhase(long phaseId) {
        Phase phase = budgets.phase(phaseId);
        em.lock(phase, LockModeType.PESSIMISTIC_WRITE);
        return phase;
    }
}
