package se.iop.report.boundary;

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
import jakarta.persistence.TypedQuery;
import org.hibernate.exception.ConstraintViolationException;
import se.iop.account.boundary.Caller;
import se.iop.account.entity.Role;
import se.iop.agreement.boundary.Agreements;
import se.iop.agreement.entity.Agreement;
import se.iop.common.Bulk;
import se.iop.common.Days;
import se.iop.diary.boundary.Registrations;
import se.iop.diary.control.Registration;
import se.iop.common.InvalidInput;
import se.iop.common.NotFound;
import se.iop.common.StaleVersion;
import se.iop.common.StateConflict;
import se.iop.common.Versions;
import se.iop.partner.entity.Organisation;
import se.iop.report.entity.ActivityReport;
import se.iop.report.entity.ReportStatus;
import se.iop.report.entity.DueReport;
import se.iop.report.entity.Outcomes;
import se.iop.report.entity.ReportAttachment;
import se.iop.report.entity.ReportPeriod;
import se.iop.report.entity.ReportingSchedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The partners' activity reports. A partner writes, corrects and hands in its own organisation's
 * reports and sees no one else's (another's report does not exist to it); administrators review
 * them; auditors and finance read them. Landlords have no part in this. A report leaves this service
 * only as a {@link ReportDetails} (or a {@link ReportBrief} without counts), in which counts under
 * three are already hidden from those who may not see them exactly.
 */
@Stateless
@RolesAllowed({"ADMIN", "FINANCE", "AUDITOR", "PARTNER"})
public class ActivityReports {

    /** The unique index that keeps a partner's reports on an agreement from covering the same month twice. */
    static final String ONE_REPORT_PER_MONTH = "activity_report_month_once";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller caller;

    @Inject
    private Agreements agreements;

    @Resource
    private SessionContext context;
    @Inject
    private Registrations registrations;

    public List<ReportBrief> search(ReportQuery q) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder jpql = new StringBuilder("select r from ActivityReport r join fetch r.agreement join fetch r.partner where 1 = 1");
        if (q.agreementId() != null) {
            jpql.append(" and r.agreement.id = :agreement");
            p.put("agreement", q.agreementId());
        }
        if (q.partnerId() != null) {
            jpql.append(" and r.partner.id = :partner");
            p.put("partner", q.partnerId());
        }
        if (q.status() != null) {
            jpql.append(" and r.status = :status");
            p.put("status", q.status());
        }
        if (!caller.seesEverything()) {
            jpql.append(" and r.partner.id = :own");
            p.put("own", caller.organisationId().orElse(-1L));
        }
        jpql.append(" order by r.period.start desc, r.agreement.id, r.partner.name, r.id");
        TypedQuery<ActivityReport> query = em.createQuery(jpql.toString(), ActivityReport.class);
        p.forEach(query::setParameter);
        return query.setMaxResults(2000).getResultList().stream().map(ReportBrief::of).toList();
    }

    /**
     * The reports sent back to be corrected, oldest return first, with the reviewer's reason: for a partner its
     * own organisation's only (as {@link #search}).
     */
    public List<ReturnedReport> returned() {
        StringBuilder jpql = new StringBuilder("select r from ActivityReport r join fetch r.agreement join fetch r.partner"
                + " where r.status = :status");
        if (!caller.seesEverything()) {
            jpql.append(" and r.partner.id = :own");
        }
        TypedQuery<ActivityReport> query = em.createQuery(jpql.append(" order by r.reviewedOn, r.id").toString(),
                ActivityReport.class).setParameter("status", ReportStatus.RETURNED);
        if (!caller.seesEverything()) {
            query.setParameter("own", caller.organisationId().orElse(-1L));
        }
        return query.setMaxResults(200).getResultList().stream().map(ReturnedReport::of).toList();
    }

    /** One report with its attachments' details; to a partner another organisation's report does not exist. */
    public ReportDetails find(long id) {
        return details(report(id));
    }

    private ActivityReport report(long id) {
        ActivityReport r = em.find(ActivityReport.class, id);
        if (r == null || !visible(r)) {
            throw new NotFound("report");
        }
        r.agreement().title();
        r.partner().name();
        r.attachments().size();
        return r;
    }

    private boolean visible(ActivityReport r) {
        return caller.seesEverything() || caller.organisationId().map(own -> own.equals(r.partner().id())).orElse(false);
    }

    /**
     * The report as the caller may see it: exact counts for the administrators and the reporting
     * partner; for everyone else counts under three hidden (see {@link ReportDetails}).
     */
    private ReportDetails details(ActivityReport r) {
        boolean exact = caller.is(Role.ADMIN)
                || (caller.is(Role.PARTNER) && caller.organisationId().map(own -> own.equals(r.partner().id())).orElse(false));
        return ReportDetails.of(r, exact);
    }

    @RolesAllowed("PARTNER")
    public ReportDetails create(ReportDraft draft) {
        if (draft.agreementId() == null) {
            throw new InvalidInput("agreementId", "error.required");
        }
        Agreement agreement = agreements.find(draft.agreementId());
        Organisation own = em.find(Organisation.class, caller.organisationId().orElseThrow(
                () -> new InvalidInput("partnerId", "error.required")));
        ReportPeriod period = ReportPeriod.parse(draft.period());
        ActivityReport r = new ActivityReport(agreement, own, period, caller.username(), Days.today());
        r.revise(period, draft.narrative(), Outcomes.of(draft.counts()), draft.cohorts(), draft.costs(), Days.today());
        requireNoOverlap(r, period);
        requireConsistentCohorts(r);
        em.persist(r);
        return details(stored(r));
    }

    @RolesAllowed("PARTNER")
    public ReportDetails revise(long id, Long expectedVersion, ReportDraft draft) {
        ActivityReport r = editable(id, expectedVersion);
        ReportPeriod period = draft.period() == null ? r.period() : ReportPeriod.parse(draft.period());
        requireNoOverlap(r, period);
        r.revise(period, draft.narrative(), Outcomes.of(draft.counts()), draft.cohorts(), draft.costs(), Days.today());
        requireConsistentCohorts(r);
        return details(stored(r));
    }

    @RolesAllowed("PARTNER")
    public ReportDetails submit(long id, Long expectedVersion) {
        ActivityReport r = editable(id, expectedVersion);
        requireConsistentCohorts(r);
        r.submit(caller.username(), Days.today());
        stored(r);
        register(r);
        return details(r);
    }

    /**
     * A submitted report is received by the municipality: it and its attachments get their diary entries (a report
     * submitted again after being returned keeps its entry; an attachment added meanwhile gets its own).
     */
    private void register(ActivityReport r) {
        String period = r.period().label(Locale.forLanguageTag("sv"));
        String partner = r.partner().name();
        registrations.register(Registration.report(r.id(), partner, period, r.agreement().title(), r.submittedOn()));
        for (ReportAttachment a : r.attachments()) {
            registrations.register(Registration.attachment(a.id(), partner, a.filename(), period, r.submittedOn()));
        }
    }

    @RolesAllowed("PARTNER")
    public void delete(long id, Long expectedVersion) {
        ActivityReport r = editable(id, expectedVersion);
        r.requireDeletable();
        em.remove(r);
        stored(r);
    }

    @RolesAllowed("PARTNER")
    public ReportAttachment attach(long id, String filename, String contentType, byte[] bytes) {
        ActivityReport r = editable(id, null);
        ReportAttachment a = r.attach(filename, contentType, bytes, caller.username(), Instant.now());
        stored(r);
        return a;
    }

    @RolesAllowed("PARTNER")
    public void detach(long id, long attachmentId) {
        ActivityReport r = editable(id, null);
        r.detach(attachmentId);
        stored(r);
    }

    /** An attachment with its bytes, for whoever may read the report. */
    public ReportAttachment attachment(long id, long attachmentId) {
        ReportAttachment a = report(id).attachment(attachmentId);
        a.bytes();
        return a;
    }

    @RolesAllowed("ADMIN")
    public ReportDetails approve(long id, Long expectedVersion) {
        ActivityReport r = report(id);
        Versions.check(r.version(), expectedVersion);
        requireConsistentCohorts(r);
        r.approve(caller.username(), Days.today());
        return details(stored(r));
    }

    /**
     * Approves several handed-in reports in one action, each on its own rules and in its own transaction: one
     * refused (not handed in, changed meanwhile, not found) leaves the others approved and is itself untouched.
     */
    @RolesAllowed("ADMIN")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<Bulk.Outcome> approveAll(List<Bulk.Item> items) {
        ActivityReports self = context.getBusinessObject(ActivityReports.class);
        return Bulk.each(items, i -> {
            ReportDetails r = self.approve(i.id(), i.version());
            return new Bulk.Done(r.status().name(), r.version());
        });
    }

    @RolesAllowed("ADMIN")
    public ReportDetails returnToPartner(long id, Long expectedVersion, String comment) {
        ActivityReport r = report(id);
        Versions.check(r.version(), expectedVersion);
        r.returnToPartner(comment, caller.username(), Days.today());
        return details(stored(r));
    }

    /**
     * The quarters not yet reported on the agreements the caller sees, oldest first; for a partner only
     * its own organisation's.
     */
    public List<DueReport> due() {
        Long own = caller.seesEverything() ? null : caller.organisationId().orElse(-1L);
        List<DueReport> due = new ArrayList<>();
        for (Agreement a : agreements.inForceOrWas()) {
            List<ActivityReport> reports = em.createQuery(
                    "select r from ActivityReport r where r.agreement = :a", ActivityReport.class)
                    .setParameter("a", a).getResultList();
            ReportingSchedule.due(a, reports, Days.today()).stream()
                    .filter(d -> own == null || d.partnerId() == own)
                    .forEach(due::add);
        }
        due.sort(Comparator.comparing((DueReport d) -> d.period().start()).thenComparing(DueReport::partnerName));
        return due;
    }

    private ActivityReport editable(long id, Long expectedVersion) {
        ActivityReport r = report(id);
        Versions.check(r.version(), expectedVersion);
        return r;
    }

    /**
     * Cohort figures that contradict the partner's earlier approved reports on the agreement are refused, when
     * written, handed in and approved (an earlier report may have been approved meanwhile).
     */
    private void requireConsistentCohorts(ActivityReport r) {
        if (r.cohorts().isEmpty()) {
            return;
        }
        em.createQuery("select o from ActivityReport o where o.agreement = :a and o.partner = :p and o.status = :approved"
                        + " and o.period.end < :start order by o.period.end desc", ActivityReport.class)
                .setParameter("a", r.agreement()).setParameter("p", r.partner()).setParameter("approved", ReportStatus.APPROVED)
                .setParameter("start", r.period().start())
                .getResultStream().forEach(r::requireConsistentWith);
    }

    /** A friendly refusal naming the report that already covers the period; the database has the last word. */
    private void requireNoOverlap(ActivityReport r, ReportPeriod period) {
        em.createQuery("select o from ActivityReport o where o.agreement = :a and o.partner = :p and o.id <> :self"
                        + " and o.period.start <= :end and o.period.end >= :start", ActivityReport.class)
                .setParameter("a", r.agreement()).setParameter("p", r.partner())
                .setParameter("self", r.id() == null ? -1L : r.id())
                .setParameter("start", period.start()).setParameter("end", period.end())
                .getResultStream().findFirst().ifPresent(o -> {
                    throw new StateConflict("period", "error.report.overlap", o.period().code());
                });
    }

    /**
     * Writes now, so that a concurrent report for an overlapping period (the unique index) or a concurrent
     * save (the version) is refused here, as a conflict, rather than at commit.
     */
    private ActivityReport stored(ActivityReport r) {
        try {
            em.flush();
            return r;
        } catch (jakarta.persistence.OptimisticLockException e) {
            throw new StaleVersion();
        } catch (PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ConstraintViolationException cve && cve.getConstraintName() != null
                        && cve.getConstraintName().contains(ONE_REPORT_PER_MONTH)) {
                    throw new StateConflict("period", "error.report.overlap", r.period().code());
                }
            }
            throw e;
        }
    }
}
