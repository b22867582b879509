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
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One e-mail reminder to one partner user about one report period, or one year's self-assessment, and stage. Made once (the table's unique key), then
 * mailed by whichever worker claims it, as landlord deliveries are: the claim runs out when its worker dies, and only
 * the claim still on the row may mark it sent.
 */
@Entity
@Table(name = "report_reminder")
public class ReportReminder {

    public enum Status { QUEUED, SENT, FAILED, CANCELLED }

    private static final int REASON_MAX = 1000;

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

    /** Sent, in one statement on the mailer's own connection, only while the claim is still the caller's. */
    public static boolean markSent(Connection connection, long id, String claimId, Instant at) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("update report_reminder set status = 'SENT',"
                + " attempts = attempts + 1, sent_at = ?, failure_reason = null, next_attempt_at = null"
                + " where id = ? and claim = ? and status in ('QUEUED', 'FAILED')")) {
            ps.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            ps.setLong(2, id);
            ps.setString(3, claimId);
            return ps.executeUpdate() == 1;
        }
    }

    /** The mail did not go out (or was refused at its end): failed, due again unless {@code maxAttempts} were made. */
    public void failed(String detail, Instant at, Duration retryAfter, int maxAttempts, boolean counted) {
        if (!counted) {
            attempts++;
        }
        claim = null;
        status = Status.FAILED;
        sentAt = null;
        String why = detail == null || detail.isBlank() ? "unknown" : detail.strip();
        failureReason = why.length() > REASON_MAX ? why.substring(0, REASON_MAX) : why;
        nextAttemptAt = attempts < maxAttempts ? at.plus(retryAfter) : null;
    }

    /** Marked sent, the message was then refused at its end (or its end never went whole): failed after all. */
    public boolean refusedAtEnd(String claimId, String detail, Instant at, Duration retryAfter, int maxAttempts) {
        if (status != Status.SENT || !MailClaim.of(claim).is(claimId)) {
            return false;
        }
        failed(detail, at, retryAfter, maxAttempts, true);
        return true;
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
