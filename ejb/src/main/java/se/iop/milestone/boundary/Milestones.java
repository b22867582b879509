package se.iop.milestone.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import se.iop.agreement.boundary.Agreements;
import se.iop.agreement.entity.Agreement;
import se.iop.budget.entity.Phase;
import se.iop.common.Days;
import se.iop.common.InvalidInput;
import se.iop.common.NotFound;
import se.iop.common.Versions;
import se.iop.milestone.entity.Milestone;
import se.iop.milestone.entity.MilestoneStatus;
import se.iop.partner.entity.Organisation;

import java.time.LocalDate;
import java.util.List;

/**
 * The milestones of agreements. Administrators plan and follow them up; whoever may read an agreement
 * (its partners, finance, auditors) reads its milestones; landlords see none.
 */
@Stateless
@RolesAllowed({"ADMIN", "FINANCE", "AUDITOR", "PARTNER"})
public class Milestones {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Agreements agreements;

    /** An agreement's milestones by due date, if the caller may see the agreement. */
    public List<Milestone> ofAgreement(long agreementId) {
        agreements.find(agreementId);
        return em.createNamedQuery(Milestone.BY_AGREEMENT, Milestone.class)
                .setParameter("agreement", agreementId).getResultList();
    }

    /** One milestone; to a caller who may not see its agreement it does not exist. */
    public Milestone find(long id) {
        Milestone m = em.find(Milestone.class, id);
        if (m == null) {
            throw new NotFound("milestone");
        }
        NotFound.as("milestone", () -> agreements.find(m.agreement().id()));
        m.responsible().name();
        if (m.phase() != null) {
            m.phase().name();
        }
        return m;
    }

    @RolesAllowed("ADMIN")
    public Milestone create(long agreementId, MilestoneData data) {
        Agreement agreement = agreements.find(agreementId);
        Milestone m = new Milestone(agreement, phase(data.phaseId()), data.title(), data.description(), data.dueOn(),
                organisation(data.responsibleId()));
        em.persist(m);
        return m;
    }

    @RolesAllowed("ADMIN")
    public Milestone revise(long id, Long expectedVersion, MilestoneData data) {
        Milestone m = find(id);
        Versions.check(m.version(), expectedVersion);
        m.revise(phase(data.phaseId()), data.title(), data.description(), data.dueOn(), organisation(data.responsibleId()));
        return Versions.flushed(em, m);
    }

    @RolesAllowed("ADMIN")
    public Milestone changeStatus(long id, Long expectedVersion, MilestoneStatus target, LocalDate on, String reason) {
        Milestone m = find(id);
        Versions.check(m.version(), expectedVersion);
        m.moveTo(target, on, reason, Days.today());
        return Versions.flushed(em, m);
    }

    private Organisation organisation(Long id) {
        if (id == null) {
            return null; // the milestone names the missing field
        }
        Organisation o = em.find(Organisation.class, id);
        if (o == null) {
            throw new InvalidInput("responsibleId", "error.organisation.unknown", id);
        }
        return o;
    }

    private Phase phase(Long id) {
        if (id == null) {
            return null;
        }
        Phase p = em.find(Phase.class, id);
        if (p == null) {
            throw new InvalidInput("phaseId", "error.milestone.foreignPhase");
        }
        return p;
    }
}
