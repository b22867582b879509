package se.iop.budget.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import se.iop.agreement.boundary.Agreements;
import se.iop.agreement.entity.Agreement;
import se.iop.agreement.entity.AgreementParty;
import se.iop.agreement.entity.CommitteeDecision;
import se.iop.budget.entity.Allocation;
import se.iop.budget.entity.BudgetLine;
import se.iop.budget.entity.Contribution;
import se.iop.budget.entity.ContributionKind;
import se.iop.budget.entity.LineCategory;
import se.iop.budget.entity.Phase;
import se.iop.common.InvalidInput;
import se.iop.common.NotFound;
import se.iop.common.StateConflict;
import se.iop.common.Versions;
import se.iop.partner.entity.Committee;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The budget of an agreement: phases, the committees' allocations, budget lines and co-financing.
 * Finance staff change it; administrators, auditors and the agreement's partners read it.
 */
@Stateless
@RolesAllowed({"ADMIN", "FINANCE", "AUDITOR", "PARTNER"})
public class Budgets {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Agreements agreements;

    /** The phases of an agreement the caller may see, with allocations, lines and contributions loaded. */
    public List<Phase> phases(long agreementId) {
        agreements.find(agreementId);
        List<Phase> phases = em.createNamedQuery(Phase.BY_AGREEMENT, Phase.class)
                .setParameter("agreement", agreementId).getResultList();
        phases.forEach(Budgets::load);
        return phases;
    }

    /** One phase, if the caller may see its agreement. */
    public Phase phase(long phaseId) {
        Phase phase = em.find(Phase.class, phaseId);
        if (phase == null) {
            throw new NotFound("phase", phaseId);
        }
        agreements.find(phase.agreement().id());
        load(phase);
        return phase;
    }

    private static void load(Phase p) {
        p.allocations().forEach(a -> {
            a.committee().name();
            if (a.decision() != null) {
                a.decision().meetingDate(); // pages name the decision behind an allocation
            }
        });
        p.lines().size();
        p.contributions().forEach(c -> c.party().organisation().name());
    }

    @RolesAllowed("FINANCE")
    public Phase createPhase(long agreementId, String name, LocalDate start, LocalDate end) {
        Agreement agreement = agreements.find(agreementId);
        requireFreeName(agreementId, null, name);
        Phase phase = new Phase(agreement, name, start, end);
        em.persist(phase);
        return phase;
    }

    @RolesAllowed("FINANCE")
    public Phase reschedulePhase(long phaseId, Long expectedVersion, String name, LocalDate start, LocalDate end) {
        Phase phase = phase(phaseId);
        Versions.check(phase.version(), expectedVersion);
        requireFreeName(phase.agreement().id(), phase.id(), name);
        phase.rename(name);
        phase.reschedule(start, end);
        return Versions.flushed(em, phase);
    }

    /** No two phases of an agreement share a name, in any case; the unique key holds it against a race. */
    private void requireFreeName(long agreementId, Long self, String name) {
        boolean taken = em.createNamedQuery(Phase.BY_AGREEMENT, Phase.class).setParameter("agreement", agreementId)
                .getResultStream().anyMatch(p -> name != null && !p.id().equals(self) && p.name().equalsIgnoreCase(name.strip()));
        if (taken) {
            throw new StateConflict("name", "error.phase.duplicate", name.strip());
        }
    }

    @RolesAllowed("FINANCE")
    public Allocation allocate(long phaseId, Long committeeId, Long decisionId, BigDecimal amount) {
        Phase phase = phase(phaseId);
        Committee committee = committeeId == null ? null : em.find(Committee.class, committeeId);
        if (committeeId != null && committee == null) {
            throw new InvalidInput("committeeId", "error.committee.unknown", committeeId);
        }
        CommitteeDecision decision = decisionId == null ? null : phase.agreement().decision(decisionId);
        Allocation allocation = phase.allocate(committee, decision, amount);
        return Versions.flushed(em, allocation);
    }

    @RolesAllowed("FINANCE")
    public BudgetLine addLine(long phaseId, LineCategory category, String name, BigDecimal planned, String account) {
        BudgetLine line = phase(phaseId).addLine(category, name, planned, account);
        return Versions.flushed(em, line);
    }

    @RolesAllowed("FINANCE")
    public BudgetLine replan(long lineId, Long expectedVersion, BigDecimal planned) {
        BudgetLine line = em.find(BudgetLine.class, lineId);
        if (line == null) {
            throw new NotFound("line", lineId);
        }
        agreements.find(line.phase().agreement().id());
        Versions.check(line.version(), expectedVersion);
        line.replan(planned);
        return Versions.flushed(em, line);
    }

    @RolesAllowed("FINANCE")
    public Contribution contribute(long phaseId, Long partyId, ContributionKind kind, String description,
                                   BigDecimal value, BigDecimal hours) {
        Phase phase = phase(phaseId);
        AgreementParty party = partyId == null ? null : phase.agreement().party(partyId);
        Contribution c = phase.contribute(party, kind, description, value, hours);
        return Versions.flushed(em, c);
    }
}
