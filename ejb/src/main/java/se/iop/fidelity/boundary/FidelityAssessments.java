package se.iop.fidelity.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import se.iop.account.boundary.Caller;
import se.iop.account.entity.Role;
import se.iop.agreement.boundary.Agreements;
import se.iop.agreement.entity.Agreement;
import se.iop.common.Days;
import se.iop.common.InvalidInput;
import se.iop.common.NotFound;
import se.iop.common.StateConflict;
import se.iop.common.Versions;
import se.iop.diary.boundary.Registrations;
import se.iop.diary.control.Registration;
import se.iop.fidelity.entity.FidelityAssessment;
import se.iop.fidelity.entity.FidelityAttachment;
import se.iop.fidelity.entity.FidelityScale;
import se.iop.partner.entity.Organisation;
import se.iop.report.entity.ReportStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The partners' yearly fidelity self-assessments. A partner writes and hands in its own organisation's and
 * sees no one else's (another's does not exist to it); administrators approve or return them; finance and
 * auditors read them; landlords have no part in this. The scale is read from the database on each call, so a
 * changed wording shows at once.
 */
@Stateless
@RolesAllowed({"ADMIN", "FINANCE", "AUDITOR", "PARTNER"})
public class FidelityAssessments {

    /** The unique index that keeps an agreement to one self-assessment a year. */
    static final String ONE_PER_YEAR = "fidelity_assessment_once";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller caller;

    @Inject
    private Agreements agreements;

    @Inject
    private Registrations registrations;

    /** The instrument: the scale's steps and the domains with their items, in order. */
    public FidelityScale scale() {
        List<FidelityScale.Step> steps = em.createNativeQuery(
                        "select score, label from fidelity_scale_step order by score")
                .getResultList().stream().map(r -> {
                    Object[] row = (Object[]) r;
                    return new FidelityScale.Step(((Number) row[0]).intValue(), (String) row[1]);
                }).toList();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<FidelityScale.Item>> items = new LinkedHashMap<>();
        for (Object r : em.createNativeQuery("select d.code, d.name, i.id, i.code, i.text from fidelity_domain d"
                + " left join fidelity_item i on i.domain_id = d.id order by d.position, i.position")
                .getResultList()) {
            Object[] row = (Object[]) r;
            String domain = (String) row[0];
            names.put(domain, (String) row[1]);
            List<FidelityScale.Item> list = items.computeIfAbsent(domain, k -> new ArrayList<>());
            if (row[2] != null) {
                list.add(new FidelityScale.Item(((Number) row[2]).longValue(), (String) row[3], (String) row[4]));
            }
        }
        List<FidelityScale.Domain> domains = new ArrayList<>();
        names.forEach((code, name) -> domains.add(new FidelityScale.Domain(code, name, items.get(code))));
        return new FidelityScale(steps, domains);
    }

    /** The self-assessments of an agreement the caller may see, newest year first. */
    public List<AssessmentDetails> ofAgreement(long agreementId) {
        agreements.requireVisible(agreementId);
        FidelityScale scale = scale();
        return em.createQuery("select a from FidelityAssessment a join fetch a.agreement join fetch a.partner"
                        + " where a.agreement.id = :a and (:everything = true or a.partner.id = :own)"
                        + " order by a.year desc", FidelityAssessment.class)
                .setParameter("a", agreementId)
                .setParameter("everything", caller.seesEverything())
                .setParameter("own", caller.organisationId().orElse(-1L))
                .getResultList().stream().map(a -> AssessmentDetails.of(a, scale)).toList();
    }

    /** The approved self-assessments of an agreement, oldest year first: the trend and the committee report. */
    public List<AssessmentDetails> approved(long agreementId) {
        return ofAgreement(agreementId).stream().filter(a -> a.status() == ReportStatus.APPROVED)
                .sorted(Comparator.comparingInt(AssessmentDetails::year)).toList();
    }

    /**
     * The years the calling partner may still begin a self-assessment of the agreement for: the agreement's years up
     * to this one ({@link FidelityAssessment#years}) without one already, by any partner (one per agreement and year);
     * none for another role.
     */
    public List<Integer> yearsToBegin(long agreementId) {
        if (!caller.is(Role.PARTNER)) {
            return List.of();
        }
        Agreement agreement = agreements.find(agreementId);
        Set<Integer> taken = takenYears(agreementId);
        return FidelityAssessment.years(agreement, Days.today()).stream().filter(y -> !taken.contains(y)).toList();
    }

    public AssessmentDetails find(long id) {
        return details(assessment(id));
    }

    @RolesAllowed("PARTNER")
    public AssessmentDetails create(long agreementId, Integer year, List<FidelityAssessment.Entry> entries) {
        Agreement agreement = agreements.find(agreementId);
        Organisation own = em.find(Organisation.class, caller.organisationId().orElseThrow(
                () -> new InvalidInput("partnerId", "error.required")));
        FidelityAssessment a = new FidelityAssessment(agreement, own, year, caller.username(), Days.today());
        a.revise(scale(), entries);
        requireFirstOfYear(agreementId, year);
        em.persist(a);
        return details(stored(a));
    }

    @RolesAllowed("PARTNER")
    public AssessmentDetails revise(long id, Long expectedVersion, List<FidelityAssessment.Entry> entries) {
        FidelityAssessment a = assessment(id);
        Versions.check(a.version(), expectedVersion);
        a.revise(scale(), entries);
        // The scores are rows of their own: a change to them alone is still a new version of the assessment.
        em.lock(a, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        return details(stored(a));
    }

    @RolesAllowed("PARTNER")
    public AssessmentDetails submit(long id, Long expectedVersion) {
        FidelityAssessment a = assessment(id);
        Versions.check(a.version(), expectedVersion);
        a.submit(scale(), caller.username(), Days.today());
        stored(a);
        // Received by the municipality like a report; handed in again after a return, it keeps its entry.
        registrations.register(Registration.fidelity(a.id(), a.partner().name(), a.year(), a.agreement().title(),
                a.submittedOn()));
        // Its evidence is received with it; a file added after a return gets its own entry.
        for (FidelityAttachment f : a.attachments()) {
            registrations.register(Registration.fidelityAttachment(f.id(), a.partner().name(), f.filename(), a.year(),
                    a.submittedOn()));
        }
        return details(a);
    }

    /**
     * Attaches evidence to the caller's own draft or returned assessment, for one item by its code or (blank) for the
     * whole. The row is locked first, so a hand-in at the same moment comes either before (and the file is refused)
     * or after (and it is received with the file).
     */
    @RolesAllowed("PARTNER")
    public AssessmentDetails attach(long id, String item, String filename, String contentType, byte[] bytes) {
        FidelityAssessment a = assessment(id);
        em.lock(a, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(a);
        a.attach(scale(), item, filename, contentType, bytes, caller.username(), Instant.now());
        return details(stored(a));
    }

    @RolesAllowed("PARTNER")
    public AssessmentDetails detach(long id, long attachmentId) {
        FidelityAssessment a = assessment(id);
        em.lock(a, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(a);
        a.detach(attachmentId);
        return details(stored(a));
    }

    /**
     * A piece of evidence with its bytes: for the partner's own organisation, administrators and auditors (finance
     * reads the assessment, not its evidence); another organisation's does not exist to a partner.
     */
    @RolesAllowed({"ADMIN", "AUDITOR", "PARTNER"})
    public Evidence evidence(long id, long attachmentId) {
        FidelityAttachment f = assessment(id).attachment(attachmentId);
        return new Evidence(f.filename(), f.contentType(), f.bytes());
    }

    /** The content of one piece of evidence, to be handed out as a file. */
    public record Evidence(String filename, String contentType, byte[] bytes) {
    }

    @RolesAllowed("ADMIN")
    public AssessmentDetails approve(long id, Long expectedVersion) {
        FidelityAssessment a = assessment(id);
        Versions.check(a.version(), expectedVersion);
        a.approve(caller.username(), Days.today());
        return details(stored(a));
    }

    @RolesAllowed("ADMIN")
    public AssessmentDetails returnToPartner(long id, Long expectedVersion, String comment) {
        FidelityAssessment a = assessment(id);
        Versions.check(a.version(), expectedVersion);
        a.returnToPartner(comment, caller.username(), Days.today());
        return details(stored(a));
    }

    private FidelityAssessment assessment(long id) {
        FidelityAssessment a = em.find(FidelityAssessment.class, id);
        if (a == null || !(caller.seesEverything()
                || caller.organisationId().map(own -> own.equals(a.partner().id())).orElse(false))) {
            throw new NotFound("assessment");
        }
        return a;
    }

    private AssessmentDetails details(FidelityAssessment a) {
        return AssessmentDetails.of(a, scale());
    }

    /** A friendly refusal naming the year; the unique index refuses the same when two are begun at once. */
    private void requireFirstOfYear(long agreementId, Integer year) {
        if (takenYears(agreementId).contains(year)) {
            throw new StateConflict("year", "error.fidelity.duplicate", String.valueOf(year));
        }
    }

    /** The years of the agreement that have a self-assessment, whoever's: there is one per agreement and year. */
    private Set<Integer> takenYears(long agreementId) {
        return Set.copyOf(em.createQuery("select a.year from FidelityAssessment a where a.agreement.id = :a",
                Integer.class).setParameter("a", agreementId).getResultList());
    }

    private FidelityAssessment stored(FidelityAssessment a) {
        return Versions.flushed(em, a);
    }
}
