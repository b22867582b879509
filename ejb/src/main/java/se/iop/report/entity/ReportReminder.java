package se.iop.report.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import se.iop.common.MailClaim;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One e-mail reminder to one partner user about one report period, or one year's self-assessment, and stage. Made once
 * (the table's unique key), then mailed by whichever worker claims it, as landlord deliveries are ({@link MailClaim}):
 * the claim runs out when its worker dies before the message's end, and only the claim still on the row may mark it
 * ending and then sent.
 */
@Entity
@Table(name = "report_reminder")
public class ReportReminder {

    public enum Status { QUEUED, SENT, FAILED, CANCELLED }

    private static final int REASON_MAX = 1000;
    public static final String TABLE = "report_reminder";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private ReminderKind kind;

    @Column(name = "agreement_id", nullable = false)
    private long agreementId;

    @Column(name = "organisation_id", nullable = false)
    private long organisationId;

    @Column(nullable = false, length = 10)
    private String period;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private ReminderStage stage;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Status status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "failure_reason", length = REASON_MAX)
    private String failureReason;

    @Embedded
    private MailClaim claim;

    @Column(name = "queued_at", nullable = false)
    private Instant queuedAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected ReportReminder() {
    }

    /** Whether it still waits for its mail now (queued, or failed and due again). */
    public boolean awaitingMail(Instant now) {
        return status == Status.QUEUED
                || (status == Status.FAILED && nextAttemptAt != null && !nextAttemptAt.isAfter(now));
    }

    /** Takes it for one worker until {@code now + lease}, when it awaits mail and nobody else holds it; else null. */
    public String claim(Instant now, Duration lease) {
        if (!awaitingMail(now)) {
            return null;
        }
        claim = MailClaim.of(claim);
        return claim.take(now, lease);
    }

    public boolean claimedBy(String claimId) {
        return MailClaim.of(claim).is(claimId) && (status == Status.QUEUED || status == Status.FAILED);
    }

    /** Comes to the message's end ({@link MailClaim#markEnding}) on the mailer's own connection; false when taken over. */
    public static boolean markEnding(Connection connection, long id, String claimId, Instant at, Duration lease)
            throws SQLException {
        return MailClaim.markEnding(connection, TABLE, "", id, claimId, at, lease);
    }

    /** The mail server answered 250 to the message's end: SENT ({@link MailClaim#markSent}). */
    public static boolean markSent(Connection connection, long id, String claimId, Instant at) throws SQLException {
        return MailClaim.markSent(connection, TABLE, "", id, claimId, at);
    }

    /**
     * The mail did not go out (before its end, refused at its end, or its end never went out whole): failed, due again
     * unless {@code maxAttempts} were made. The attempt is counted here unless the claim came to the end.
     */
    public void failed(String detail, Instant at, Duration retryAfter, int maxAttempts) {
        if (!MailClaim.of(claim).ending()) {
            attempts++;
        }
        claim = null;
        status = Status.FAILED;
        sentAt = null;
        String why = detail == null || detail.isBlank() ? "unknown" : detail.strip();
        failureReason = why.length() > REASON_MAX ? why.substring(0, REASON_MAX) : why;
        nextAttemptAt = attempts < maxAttempts ? at.plus(retryAfter) : null;
    }

    /** Whether its worker died at the message's end, so that it may or may not have arrived ({@link MailClaim}). */
    public boolean uncertain(Instant now) {
        return MailClaim.of(claim).uncertain(now);
    }

    /**
     * An administrator sends an uncertain reminder again: queued once more; refused unless it is uncertain. Returns
     * when the worker that died had come to the end.
     */
    public Instant sendAgain(Instant now) {
        Instant ended = MailClaim.of(claim).sendAgain(now);
        claim = null;
        status = Status.QUEUED;
        nextAttemptAt = null;
        failureReason = null;
        return ended;
    }

    /** The report was handed in before the reminder went out: it never will. */
    public void cancel() {
        status = Status.CANCELLED;
        claim = null;
        nextAttemptAt = null;
    }

    public Long id() { return id; }
    public ReminderKind kind() { return kind; }
    public long agreementId() { return agreementId; }
    public long organisationId() { return organisationId; }
    public String period() { return period; }
    public ReminderStage stage() { return stage; }
    public long accountId() { return accountId; }
    public LocalDate dueOn() { return dueOn; }
    public Status status() { return status; }
    public int attempts() { return attempts; }
    public String failureReason() { return failureReason; }
    public String claimId() { return MailClaim.of(claim).id(); }
    public Instant queuedAt() { return queuedAt; }
    public Instant sentAt() { return sentAt; }
}
