package se.iop.publication.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import se.iop.agreement.entity.Agreement;
import se.iop.agreement.entity.AgreementParty;
import se.iop.agreement.entity.AgreementStatus;
import se.iop.agreement.entity.CommitteeDecision;
import se.iop.common.Days;
import se.iop.common.Settings;
import se.iop.diary.boundary.Registrations;
import se.iop.diary.entity.DocumentKind;
import se.iop.publication.boundary.Register.Decision;
import se.iop.publication.boundary.Register.Partnership;
import se.iop.publication.boundary.Register.Party;
import se.iop.publication.boundary.Register.State;
import se.iop.report.boundary.OutcomeSummaries;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The public IOP register, read by anyone without logging in: every agreement that is or was in force
 * ({@link AgreementStatus#IN_FORCE_OR_WAS}, the one rule) with what is public about it, and the outcomes
 * over all of them with counts under three hidden ({@link OutcomeSummaries#published}, the same rule as
 * inside). Drafts and decided agreements not yet in force are not in it. What partners wrote, contacts,
 * landlords and the text of decisions are never read here.
 */
@Stateless
@PermitAll
public class PublicRegister {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private OutcomeSummaries outcomes;

    @Inject
    private Registrations registrations;

    /** The whole register, or only the partnerships in force ({@code ended} false) or ended ({@code ended} true). */
    public Register read(Boolean ended) {
        List<Agreement> agreements = em.createQuery("select a from Agreement a where a.status in :inForce", Agreement.class)
                .setParameter("inForce", AgreementStatus.IN_FORCE_OR_WAS).getResultList();
        Map<Long, String> numbers = registrations.numbers(DocumentKind.COMMITTEE_DECISION,
                agreements.stream().flatMap(a -> a.decisions().stream()).map(CommitteeDecision::id).toList());
        List<Partnership> partnerships = agreements.stream().map(a -> partnership(a, numbers))
                .filter(p -> ended == null || p.status().ended() == ended)
                .sorted(Comparator.comparing((Partnership p) -> p.status().ended())
                        .thenComparing(Partnership::startDate, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(Partnership::id, Comparator.reverseOrder()))
                .toList();
        List<Long> ids = agreements.stream().map(Agreement::id).toList();
        return new Register(Settings.municipality(), Days.today(), partnerships, outcomes.published(ids));
    }

    private static Partnership partnership(Agreement a, Map<Long, String> numbers) {
        State state = switch (a.status()) {
            case ACTIVE -> State.IN_FORCE;
            case ENDED -> State.ENDED;
            default -> State.TERMINATED;
        };
        List<Party> parties = a.parties().stream().map(PublicRegister::party).toList();
        List<Decision> decisions = a.decisions().stream().map(d -> decision(d, numbers.get(d.id()))).toList();
        return new Partnership(a.id(), a.reference(), a.title(), state, a.period().start(), a.period().end(),
                a.closedOn(), a.decidedAmount(), parties, decisions);
    }

    private static Party party(AgreementParty p) {
        return new Party(p.organisation().name(), p.role().name(), p.joinedOn(), p.leftOn());
    }

    /** A decision as the public sees it: never its text; its registration number is its entry's in the diary. */
    private static Decision decision(CommitteeDecision d, String registrationNumber) {
        return new Decision(d.committee().name(), d.meetingDate(), d.paragraph(), registrationNumber, d.amount());
    }
}
