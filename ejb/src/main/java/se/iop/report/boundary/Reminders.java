package se.iop.report.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import se.iop.account.boundary.Caller;
import se.iop.account.entity.Role;
import se.iop.agreement.entity.Agreement;
import se.iop.agreement.entity.AgreementStatus;
import se.iop.common.MailClaim;
import se.iop.common.NotFound;
import se.iop.common.Settings;
import se.iop.landlord.boundary.MailSettings;
import se.iop.fidelity.entity.FidelityAssessment;
import se.iop.fidelity.entity.FidelitySchedule;
import se.iop.report.entity.ActivityReport;
import se.iop.report.entity.ReminderKind;
import se.iop.report.entity.ReminderStage;
import se.iop.report.entity.ReportPeriod;
import se.iop.report.entity.ReportReminder;
import se.iop.report.entity.ReportingSchedule;

import org.hibernate.Session;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * E-mail reminders about activity reports and fidelity self-assessments not handed in (issue 13 §4). The scheduled job
 * makes the rows the schedules call for ({@link #queue}: {@link ReportingSchedule}, {@link FidelitySchedule}); the unique
 * key of a row (kind, agreement, partner, period or year, stage, account) keeps each to once,
 * whichever node comes to it. The rows are then mailed by claiming them, as landlord deliveries are. Only
 * administrators and auditors see what was sent.
 */
@Stateless
@PermitAll
public class Reminders {

    private static final Logger LOG = Logger.getLogger(Reminders.class.getName());

    /** The status a reminder shows while its worker died at the message's end. */
    public static final String UNCERTAIN = "UNCERTAIN";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller caller;

    /** {@code IOP_REMINDER_DAYS}: how many days before a report is due its partner's users are reminded (default 14). */
    public static int daysBefore() {
        return (int) Settings.number("iop.reminder.days", "IOP_REMINDER_DAYS", 14, 0);
    }

    /** What a claimed reminder's mail needs, read while it was claimed ({@code period}: a quarter's code or a year). */
    public record Claimed(long id, String claim, String email, String name, long agreementId, String agreementTitle,
                          String partnerName, ReminderKind kind, String period, ReminderStage stage, LocalDate dueOn) {
    }

    /**
     * Makes the reminders the periods not yet reported, and the years' self-assessments not yet handed in, call for on
     * {@code today}; returns how many were new.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int queue(LocalDate today) {
        int days = daysBefore();
        MonthDay fidelityDue = FidelitySchedule.dueDay();
        // Runs at every tick of the job: the agreements with their parties, their reports and assessments, in three
        // queries; then what they call for is made in one statement.
        List<Agreement> agreements = em.createQuery("select distinct a from Agreement a left join fetch a.parties p"
                + " left join fetch p.organisation where a.status in :s", Agreement.class)
                .setParameter("s", AgreementStatus.IN_FORCE_OR_WAS).getResultList();
        Map<Long, List<ActivityReport>> reports = em.createQuery("select r from ActivityReport r join fetch r.partner"
                        + " where r.agreement.status in :s", ActivityReport.class)
                .setParameter("s", AgreementStatus.IN_FORCE_OR_WAS).getResultStream()
                .collect(Collectors.groupingBy(r -> r.agreement().id()));
        Map<Long, List<FidelityAssessment>> assessments = em.createQuery("select f from FidelityAssessment f"
                        + " join fetch f.partner where f.agreement.status in :s", FidelityAssessment.class)
                .setParameter("s", AgreementStatus.IN_FORCE_OR_WAS).getResultStream()
                .collect(Collectors.groupingBy(f -> f.agreement().id()));
        List<Wanted> wanted = new ArrayList<>();
        for (Agreement a : agreements) {
            List<ActivityReport> own = reports.getOrDefault(a.id(), List.of());
            for (ReminderStage.Wanted w : ReminderStage.wanted(ReportingSchedule.due(a, own, today), today, days)) {
                wanted.add(new Wanted(ReminderKind.REPORT, a.id(), w.report().partnerId(), w.report().period().code(),
                        w.stage(), w.report().dueOn()));
            }
            for (FidelitySchedule.DueAssessment d : FidelitySchedule.due(a, assessments.getOrDefault(a.id(), List.of()),
                    today, fidelityDue)) {
                ReminderStage stage = ReminderStage.of(d.dueOn(), today, days);
                if (stage != null) {
                    wanted.add(new Wanted(ReminderKind.FIDELITY, a.id(), d.partnerId(), Integer.toString(d.year()), stage,
                            d.dueOn()));
                }
            }
        }
        return wanted.isEmpty() ? 0 : em.unwrap(Session.class).doReturningWork(c -> make(c, wanted));
    }

    /** A reminder the schedules call for, before it is made for each of its partner's users. */
    private record Wanted(ReminderKind kind, long agreementId, long partnerId, String period, ReminderStage stage,
                          LocalDate dueOn) {
    }

    /**
     * One reminder per partner user with an address, whatever it is about: the one rule of who is reminded, once. All
     * that is wanted goes in one statement (a row per reminder and user, those made already left out): the job runs
     * it at every tick, and a statement per agreement and period had the job take half a busy server's time.
     */
    private static int make(Connection c, List<Wanted> wanted) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into report_reminder (kind, agreement_id,"
                + " organisation_id, period, stage, account_id, due_on, status, queued_at)"
                + " select w.kind, w.agreement_id, w.organisation_id, w.period, w.stage, ac.id, w.due_on, 'QUEUED', now()"
                + " from unnest(?, ?, ?, ?, ?, ?) as w(kind, agreement_id, organisation_id, period, stage, due_on)"
                + " join account ac on ac.organisation_id = w.organisation_id"
                + " join account_role r on r.account_id = ac.id and r.role = ?"
                + " where ac.active and ac.email is not null and ac.email <> ''"
                // a person invited who has not accepted yet is no user yet: reminded once accepted
                + " and not exists (select 1 from invitation i where i.account_id = ac.id and i.accepted_at is null)"
                // made already: not selected, so the job's every tick takes no id from the sequence
                + " and not exists (select 1 from report_reminder x where x.kind = w.kind and x.agreement_id ="
                + " w.agreement_id and x.organisation_id = w.organisation_id and x.period = w.period"
                + " and x.stage = w.stage and x.account_id = ac.id)"
                + " on conflict do nothing")) {
            ps.setArray(1, c.createArrayOf("varchar", wanted.stream().map(w -> w.kind().name()).toArray()));
            ps.setArray(2, c.createArrayOf("bigint", wanted.stream().map(Wanted::agreementId).toArray()));
            ps.setArray(3, c.createArrayOf("bigint", wanted.stream().map(Wanted::partnerId).toArray()));
            ps.setArray(4, c.createArrayOf("varchar", wanted.stream().map(Wanted::period).toArray()));
            ps.setArray(5, c.createArrayOf("varchar", wanted.stream().map(w -> w.stage().name()).toArray()));
            ps.setArray(6, c.createArrayOf("date", wanted.stream().map(w -> java.sql.Date.valueOf(w.dueOn())).toArray()));
            ps.setString(7, Role.PARTNER.name());
            return ps.executeUpdate();
        }
    }

    private List<ActivityReport> reports(Agreement a) {
        return em.createQuery("select r from ActivityReport r join fetch r.partner where r.agreement = :a",
                ActivityReport.class).setParameter("a", a).getResultList();
    }

    private List<FidelityAssessment> assessments(Agreement a) {
        return em.createQuery("select f from FidelityAssessment f join fetch f.partner where f.agreement = :a",
                FidelityAssessment.class).setParameter("a", a).getResultList();
    }

    /** Whether what the reminder is about is still not handed in (and still due from its partner) today. */
    private boolean stillDue(ReportReminder r, Agreement a, LocalDate today) {
        if (r.kind() == ReminderKind.FIDELITY) {
            int year = Integer.parseInt(r.period());
            return FidelitySchedule.due(a, assessments(a), today, FidelitySchedule.dueDay()).stream()
                    .anyMatch(d -> d.partnerId() == r.organisationId() && d.year() == year);
        }
        ReportPeriod period = ReportPeriod.parse(r.period());
        return ReportingSchedule.due(a, reports(a), today).stream()
                .anyMatch(d -> d.partnerId() == r.organisationId() && d.period().equals(period));
    }

    /** Reminders that await mail and nobody holds. */
    public List<Long> awaiting(Instant now, int max) {
        return em.createQuery("select r.id from ReportReminder r where (r.status = :queued or (r.status = :failed"
                        + " and r.nextAttemptAt <= :now)) and " + MailClaim.takeable("r")
                        + " order by r.id", Long.class)
                .setParameter("queued", ReportReminder.Status.QUEUED).setParameter("failed", ReportReminder.Status.FAILED)
                .setParameter("now", now).setMaxResults(max).getResultList();
    }

    /**
     * Takes a reminder for the calling worker when it awaits mail and no other worker holds it; one whose report has
     * been handed in meanwhile is cancelled instead, so no reminder goes out once the report is in.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Claimed> claim(long id, LocalDate today) {
        if (em.createNativeQuery("select id from report_reminder where id = ?1 for update skip locked")
                .setParameter(1, id).getResultList().isEmpty()) {
            return Optional.empty();
        }
        ReportReminder r = em.find(ReportReminder.class, id);
        String claim = r.claim(Instant.now(), MailSettings.claimLease());
        if (claim == null) {
            return Optional.empty();
        }
        Agreement a = em.find(Agreement.class, r.agreementId());
        boolean stillDue = stillDue(r, a, today);
        Object[] account = (Object[]) em.createNativeQuery("select ac.display_name, o.name, ac.email, ac.active"
                        + " from account ac join organisation o on o.id = ?2 where ac.id = ?1")
                .setParameter(1, r.accountId()).setParameter(2, r.organisationId()).getSingleResult();
        String email = (String) account[2];
        // Handed in meanwhile (the report, or the year's self-assessment), or the user left (deactivated, no address): not sent.
        if (!stillDue || email == null || email.isBlank() || !Boolean.TRUE.equals(account[3])) {
            r.cancel();
            return Optional.empty();
        }
        return Optional.of(new Claimed(id, claim, email, (String) account[0], a.id(), a.title(), (String) account[1],
                r.kind(), r.period(), r.stage(), r.dueOn()));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void markFailed(long id, String claim, String why) {
        ReportReminder r = em.find(ReportReminder.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (r != null && r.claimedBy(claim)) {
            LOG.log(Level.WARNING, "Reminder " + id + " to account " + r.accountId() + " failed: " + why);
            r.failed(why, Instant.now(), MailSettings.retryInterval(), MailSettings.maxAttempts());
        }
    }

    /**
     * An administrator sends again a reminder whose worker died at the message's end (uncertain: it may have arrived):
     * queued once more for the next run of the job, and recorded (who, when). Refused unless it is uncertain, so that
     * two such requests at once (the row is locked) send it again once.
     */
    @RolesAllowed("ADMIN")
    public void sendAgain(long id) {
        ReportReminder r = em.find(ReportReminder.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw new NotFound("reminder");
        }
        Instant now = Instant.now();
        Instant ended = r.sendAgain(now);
        MailClaim.recordResend(em, ReportReminder.TABLE, id, caller.username(), now, ended);
        LOG.info(() -> "Reminder " + id + ", uncertain since its worker died at its end (" + ended
                + "), is sent again as " + caller.username() + " asked");
    }

    /**
     * The reminders made, about reports and self-assessments alike, newest first, of one agreement or (null) of all;
     * the status of one whose worker died at the message's end is UNCERTAIN (it may have arrived; an administrator may
     * send it again).
     */
    @RolesAllowed({"ADMIN", "AUDITOR"})
    public List<SentReminder> sent(Long agreementId) {
        List<Object[]> rows = em.createQuery("select r, a.title, o.name, ac.displayName, ac.email from ReportReminder r,"
                        + " Agreement a, Organisation o, Account ac where a.id = r.agreementId and o.id = r.organisationId"
                        + " and ac.id = r.accountId and (:agreement is null or r.agreementId = :agreement)"
                        + " order by r.queuedAt desc, r.id desc", Object[].class)
                .setParameter("agreement", agreementId).setMaxResults(1000).getResultList();
        Instant now = Instant.now();
        return rows.stream().map(row -> {
            ReportReminder r = (ReportReminder) row[0];
            return new SentReminder(r.id(), r.kind().name(), r.agreementId(), (String) row[1], (String) row[2], r.period(),
                    r.stage().name(), (String) row[3], (String) row[4], r.dueOn(),
                    r.uncertain(now) ? UNCERTAIN : r.status().name(), r.attempts(),
                    r.queuedAt(), r.sentAt(), r.failureReason());
        }).toList();
    }
}
