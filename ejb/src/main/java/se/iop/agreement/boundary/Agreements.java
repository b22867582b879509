package se.iop.agreement.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import se.iop.account.boundary.Caller;
import se.iop.agreement.entity.Agreement;
import se.iop.agreement.entity.AgreementParty;
import se.iop.agreement.entity.AgreementStatus;
import se.iop.agreement.entity.Amendment;
import se.iop.agreement.entity.CommitteeDecision;
import se.iop.agreement.entity.EligibilityChecklist;
import se.iop.agreement.entity.Period;
import se.iop.common.Days;
import se.iop.common.InvalidInput;
import se.iop.common.NotFound;
import se.iop.common.StateConflict;
import se.iop.common.Versions;
import se.iop.diary.boundary.Registrations;
import se.iop.diary.control.Registration;
import se.iop.partner.entity.Committee;
import se.iop.partner.entity.Organisation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The agreements (IOP) and what hangs on them: parties, committee decisions, amendments, status.
 * Administrators change them; finance and auditors read all; a partner reads only those its
 * organisation is party to, and to it the others do not exist.
 */
@Stateless
@RolesAllowed({"ADMIN", "FINANCE", "AUDITOR", "PARTNER"})
public class Agreements {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller caller;

    @Inject
    private Registrations registrations;

    public List<Agreement> search(AgreementQuery q) {
        return list(params(q), q.first(), q.max());
    }

    /** Every agreement the caller may see, whatever its status, as the list orders them; a partner's only its own. */
    public List<AgreementBrief> briefs() {
        return list(params(AgreementQuery.all()), 0, 1000).stream().map(AgreementBrief::of).toList();
    }

    /**
     * The agreements the caller may see that are or were in force ({@link AgreementStatus#IN_FORCE_OR_WAS}), as
     * the list order has them: what the dashboard lists and counts, what a partner reports on, what reports fall
     * due on. The one query of the rule; entities in hand ask {@link Agreement#hasBeenInForce()}.
     */
    public List<Agreement> inForceOrWas() {
        Map<String, Object> p = params(AgreementQuery.all());
        p.put("inForce", AgreementStatus.IN_FORCE_OR_WAS);
        return list(p, 0, 1000);
    }

    private List<Agreement> list(Map<String, Object> p, int first, int max) {
        TypedQuery<Agreement> query = em.createQuery("select a from Agreement a" + where(p)
                + " order by a.period.start desc nulls first, a.id desc", Agreement.class);
        p.forEach(query::setParameter);
        return query.setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(max, 1000)))
                .getResultList();
    }

    public long count(AgreementQuery q) {
        Map<String, Object> p = params(q);
        TypedQuery<Long> query = em.createQuery("select count(a) from Agreement a" + where(p), Long.class);
        p.forEach(query::setParameter);
        return query.getSingleResult();
    }

    private Map<String, Object> params(AgreementQuery q) {
        Map<String, Object> p = new HashMap<>();
        if (q.text() != null && !q.text().isBlank()) {
            p.put("text", "%" + q.text().strip().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (q.status() != null) {
            p.put("status", q.status());
        }
        if (!caller.seesEverything()) {
            p.put("own", caller.organisationId().orElse(-1L));
        }
        return p;
    }

    private static String where(Map<String, Object> p) {
        StringBuilder w = new StringBuilder(" where 1 = 1");
        if (p.containsKey("text")) {
            w.append(" and (lower(a.title) like :text or lower(a.reference) like :text)");
        }
        if (p.containsKey("status")) {
            w.append(" and a.status = :status");
        }
        if (p.containsKey("inForce")) {
            w.append(" and a.status in :inForce");
        }
        if (p.containsKey("own")) {
            w.append(" and exists (select 1 from AgreementParty p where p.agreement = a and p.organisation.id = :own)");
        }
        return w.toString();
    }

    /** One agreement with its parties, decisions and amendments loaded for display. */
    public Agreement find(long id) {
        Agreement a = em.find(Agreement.class, id);
        if (a == null || !visible(a)) {
            throw new NotFound("agreement");
        }
        a.parties().forEach(p -> p.organisation().name());
        a.decisions().forEach(d -> d.committee().organisation().name());
        a.amendments().forEach(m -> {
            if (m.leavingParty() != null) {
                m.leavingParty().organisation().name();
            }
        });
        return a;
    }

    /**
     * Whether agreement {@code :a} exists and the caller may see it, as an SQL condition: for a statement that reads
     * an agreement's data (its budget) and checks in the same round trip that it may ({@link #bindVisibility}).
     */
    public static final String VISIBLE = "exists (select 1 from agreement va where va.id = :a and (:everything"
            + " or exists (select 1 from agreement_party vp where vp.agreement_id = va.id and vp.organisation_id = :own)))";

    /** Binds the caller's side of {@link #VISIBLE} to a query that holds it. */
    public static <Q extends Query> Q bindVisibility(Q query, Caller caller) {
        visibility(caller).forEach(query::setParameter);
        return query;
    }

    /** The caller's side of {@link #VISIBLE}: the values of its parameters, for a statement run over JDBC. */
    public static Map<String, Object> visibility(Caller caller) {
        boolean everything = caller.seesEverything();
        return Map.of("everything", everything, "own", everything ? -1L : caller.organisationId().orElse(-1L));
    }

    /**
     * Throws {@link NotFound} unless the agreement exists and the caller may see it, as {@link #find}
     * does, but with one small query and nothing loaded: for views of an agreement's data, such as its
     * budget export, that show nothing of the agreement itself.
     */
    public void requireVisible(long id) {
        Object visible = bindVisibility(em.createNativeQuery("select " + VISIBLE), caller).setParameter("a", id)
                .getSingleResult();
        if (!Boolean.TRUE.equals(visible)) {
            throw new NotFound("agreement");
        }
    }

    private boolean visible(Agreement a) {
        if (caller.seesEverything()) {
            return true;
        }
        Long own = caller.organisationId().orElse(-1L);
        return a.parties().stream().anyMatch(p -> own.equals(p.organisation().id()));
    }

    @RolesAllowed("ADMIN")
    public Agreement create(AgreementDraft draft) {
        Agreement a = new Agreement(draft.reference(), draft.title());
        requireUniqueReference(a.reference(), null);
        apply(a, draft);
        em.persist(a);
        registrations.register(Registration.agreement(a.id(), a.reference(), a.title(), Days.today()));
        return a;
    }

    @RolesAllowed("ADMIN")
    public Agreement update(long id, Long expectedVersion, AgreementDraft draft) {
        Agreement a = editable(id, expectedVersion);
        a.retitle(draft.reference(), draft.title());
        requireUniqueReference(a.reference(), id);
        apply(a, draft);
        // The agreement does not know its budget's phases; the database keeps the period around them (V9).
        return Versions.flushed(em, a, rule -> rule.is("agreement_period_holds_phases")
                ? new InvalidInput(rule.value("field"), "error.agreement.periodUnderPhases", rule.date("date")) : null);
    }

    private static void apply(Agreement a, AgreementDraft draft) {
        a.describe(draft.text());
        a.schedule(Period.of(draft.startDate(), draft.endDate()), draft.noticeMonths());
    }

    @RolesAllowed("ADMIN")
    public Agreement assessEligibility(long id, Long expectedVersion, EligibilityChecklist checklist) {
        Agreement a = editable(id, expectedVersion);
        a.assessEligibility(checklist);
        return Versions.flushed(em, a);
    }

    @RolesAllowed("ADMIN")
    public AgreementParty addParty(long id, PartyData data) {
        Agreement a = find(id);
        AgreementParty party = a.addParty(organisation(data.organisationId()), data.role(), data.joinedOn());
        party.commit(data.commitment(), data.contributionAmount(), data.contributionInKind());
        return Versions.flushed(em, party);
    }

    @RolesAllowed("ADMIN")
    public void removeParty(long id, long partyId) {
        Agreement a = find(id);
        a.removeParty(a.party(partyId));
        Versions.flushed(em, a);
    }

    /**
     * A party leaves (by an amendment once the agreement is decided); it keeps reading what it reported,
     * but books and reports nothing dated after its last day.
     */
    @RolesAllowed("ADMIN")
    public AgreementParty partyLeaves(long id, long partyId, LeaveData data) {
        Agreement a = find(id);
        AgreementParty party = a.party(partyId);
        CommitteeDecision decision = data.decisionId() == null ? null : a.decision(data.decisionId());
        Amendment amendment = a.partyLeaves(party, data.leftOn(), data.description(), decision);
        Versions.flushed(em, party);
        if (amendment != null) {
            register(a, amendment);
        }
        return party;
    }

    @RolesAllowed("ADMIN")
    public CommitteeDecision registerDecision(long id, DecisionData data) {
        Agreement a = find(id);
        CommitteeDecision d = a.registerDecision(committee(data.committeeId()), data.meetingDate(), data.paragraph(),
                data.diarienummer(), data.text(), data.amount());
        Versions.flushed(em, d);
        registrations.register(Registration.decision(d.id(), d.committee().name(), d.meetingDate(), d.paragraph(),
                a.title()));
        return d;
    }

    @RolesAllowed("ADMIN")
    public Amendment amend(long id, AmendmentData data) {
        Agreement a = find(id);
        CommitteeDecision decision = data.decisionId() == null ? null : a.decision(data.decisionId());
        PartyData joining = data.joining();
        Amendment amendment = a.amend(data.effectiveOn(), data.description(), decision,
                joining == null ? null : organisation(joining.organisationId()),
                joining == null ? null : joining.role());
        if (joining != null) {
            amendment.addedParty().commit(joining.commitment(), joining.contributionAmount(), joining.contributionInKind());
        }
        Versions.flushed(em, amendment);
        register(a, amendment);
        return amendment;
    }

    /** An amendment is drawn up in the series of the committee that decided it, if one did. */
    private void register(Agreement a, Amendment amendment) {
        AgreementParty party = amendment.addedParty() != null ? amendment.addedParty() : amendment.leavingParty();
        registrations.register(Registration.amendment(amendment.id(),
                amendment.decision() == null ? null : amendment.decision().committee().name(), amendment.effectiveOn(),
                party == null ? null : party.organisation().name(), a.title(), amendment.description(), Days.today()));
    }

    @RolesAllowed("ADMIN")
    public Agreement changeStatus(long id, Long expectedVersion, AgreementStatus target, LocalDate on, String reason) {
        Agreement a = editable(id, expectedVersion);
        a.moveTo(target, on, reason);
        return Versions.flushed(em, a);
    }

    private Agreement editable(long id, Long expectedVersion) {
        Agreement a = find(id);
        Versions.check(a.version(), expectedVersion);
        return a;
    }

    private Organisation organisation(Long organisationId) {
        if (organisationId == null) {
            throw new InvalidInput("organisationId", "error.required");
        }
        Organisation o = em.find(Organisation.class, organisationId);
        if (o == null) {
            throw new InvalidInput("organisationId", "error.organisation.unknown", organisationId);
        }
        return o;
    }

    private Committee committee(Long committeeId) {
        if (committeeId == null) {
            throw new InvalidInput("committeeId", "error.required");
        }
        Committee c = em.find(Committee.class, committeeId);
        if (c == null) {
            throw new InvalidInput("committeeId", "error.committee.unknown", committeeId);
        }
        return c.forNewWork("committeeId"); // only new decisions come here
    }

    /** After the entity took the reference, so only a checked text reaches the query (which must not flush it first). */
    private void requireUniqueReference(String reference, Long self) {
        boolean taken = em.createNamedQuery(Agreement.FIND_BY_REFERENCE, Agreement.class)
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter("reference", reference).getResultStream()
                .anyMatch(a -> !a.id().equals(self));
        if (taken) {
            throw new StateConflict("reference", "error.agreement.referenceTaken", reference);
        }
    }
}
