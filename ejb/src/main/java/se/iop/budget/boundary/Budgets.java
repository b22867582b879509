package se.iop.budget.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import se.iop.account.boundary.Caller;
import se.iop.agreement.boundary.Agreements;
import se.iop.agreement.entity.Agreement;
import se.iop.agreement.entity.AgreementParty;
import se.iop.agreement.entity.CommitteeDecision;
import se.iop.budget.entity.Allocation;
import se.iop.budget.entity.BudgetLine;
import se.iop.budget.entity.Contribution;
import se.iop.budget.entity.ContributionKind;
import se.iop.budget.entity.Correction;
import se.iop.budget.entity.Correction.Change;
import se.iop.budget.entity.LineCategory;
import se.iop.budget.entity.Phase;
import se.iop.common.DatabaseRule;
import se.iop.common.DomainException;
import se.iop.common.InvalidInput;
import se.iop.common.NotFound;
import se.iop.common.StateConflict;
import se.iop.common.Versions;
import se.iop.partner.entity.Committee;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The budget of an agreement: phases, the committees' allocations, budget lines, co-financing and the
 * corrections of allocations and plans. Finance staff change it; administrators, auditors and the
 * agreement's partners read it. The limits that concurrent changes could break are held by the database
 * (V9); a refusal comes back here and is said as the problem of the field it concerns.
 */
@Stateless
@RolesAllowed({"ADMIN", "FINANCE", "AUDITOR", "PARTNER"})
public class Budgets {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Agreements agreements;

    @Inject
    private Caller caller;

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
            throw new NotFound("phase");
        }
        NotFound.as("phase", () -> agreements.find(phase.agreement().id()));
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
        p.corrections().forEach(c -> {
            if (c.allocation() != null) {
                c.allocation().committee().name();
            } else {
                c.line().name();
            }
        });
    }

    @RolesAllowed("FINANCE")
    public Phase createPhase(long agreementId, String name, LocalDate start, LocalDate end) {
        Agreement agreement = agreements.find(agreementId);
        requireFreeName(agreementId, null, name);
        Phase phase = new Phase(agreement, name, start, end);
        try {
            em.persist(phase);
        } catch (PersistenceException e) {
            throw Versions.translated(e, Budgets::refused);
        }
        return Versions.flushed(em, phase, Budgets::refused);
    }

    @RolesAllowed("FINANCE")
    public Phase reschedulePhase(long phaseId, Long expectedVersion, String name, LocalDate start, LocalDate end) {
        Phase phase = phase(phaseId);
        Versions.check(phase.version(), expectedVersion);
        requireFreeName(phase.agreement().id(), phase.id(), name);
        phase.rename(name);
        phase.reschedule(start, end);
        return Versions.flushed(em, phase, Budgets::refused);
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
        if (committee != null) {
            committee.forNewWork("committeeId");
        }
        CommitteeDecision decision = decisionId == null ? null : phase.agreement().decision(decisionId);
        Allocation allocation = phase.allocate(committee, decision, amount);
        return Versions.flushed(em, allocation, Budgets::refused);
    }

    /**
     * Reduces an allocation, or withdraws it (to zero), with a reason. Never below what the phase has
     * committed in approved and paid payments: the database refuses that, also against an approval made
     * at the same moment.
     */
    @RolesAllowed("FINANCE")
    public Correction reduceAllocation(long phaseId, long allocationId, Long expectedVersion, BigDecimal to, String reason) {
        Phase phase = phase(phaseId);
        Allocation allocation = phase.allocation(allocationId);
        Versions.check(allocation.version(), expectedVersion);
        Correction c = phase.reduceAllocation(allocationId, to, reason, change());
        return Versions.flushed(em, c, rule -> {
            if (rule.is("phase_balance_within_allocation")) {
                // The lowest this allocation may go: what is committed beyond the phase's other allocations.
                BigDecimal others = rule.amount("allocated").subtract(c.amountAfter());
                BigDecimal floor = rule.amount("committed").subtract(others).max(BigDecimal.ZERO);
                return new StateConflict("amount", "error.allocation.belowCommitted", rule.amount("committed"), floor);
            }
            return refused(rule);
        });
    }

    @RolesAllowed("FINANCE")
    public BudgetLine addLine(long phaseId, LineCategory category, String name, BigDecimal planned, String account) {
        BudgetLine line = phase(phaseId).addLine(category, name, planned, account);
        return Versions.flushed(em, line);
    }

    /**
     * Plans another amount on a line; lowering it takes a reason. Costs beyond the plan are flagged, not
     * refused, so a plan below what is spent shows the line as over. The change is kept as a correction.
     */
    @RolesAllowed("FINANCE")
    public BudgetLine replan(long lineId, Long expectedVersion, BigDecimal planned, String reason) {
        return replan(null, lineId, expectedVersion, planned, reason);
    }

    /** As {@link #replan(long, Long, BigDecimal, String)}, for a line of the named phase: another phase's is not found. */
    @RolesAllowed("FINANCE")
    public BudgetLine replan(Long phaseId, long lineId, Long expectedVersion, BigDecimal planned, String reason) {
        BudgetLine line = em.find(BudgetLine.class, lineId);
        if (line == null || (phaseId != null && !phaseId.equals(line.phase().id()))) {
            throw new NotFound("line");
        }
        Phase phase = NotFound.as("line", () -> phase(line.phase().id()));
        Versions.check(line.version(), expectedVersion);
        phase.replan(lineId, planned, reason, change());
        return Versions.flushed(em, line, Budgets::refused);
    }

    private Change change() {
        return new Change(caller.username(), Instant.now());
    }

    /** The database's refusal of a change to a phase, said about the field it concerns. */
    static DomainException refused(DatabaseRule rule) {
        if (rule.is("phase_within_agreement")) {
            String field = rule.value("field");
            return new InvalidInput(field, "startDate".equals(field) ? "error.phase.beforeAgreement"
                    : "error.phase.afterAgreement", rule.date("date"));
        }
        if (rule.is("phase_holds_its_entries")) {
            return new InvalidInput(rule.value("field"), "startDate".equals(rule.value("field"))
                    ? "error.phase.entriesBefore" : "error.phase.entriesAfter", rule.date("date"));
        }
        return null;
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
