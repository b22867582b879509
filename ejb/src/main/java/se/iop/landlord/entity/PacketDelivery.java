package se.iop.landlord.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import se.iop.common.Secrets;
import se.iop.common.InvalidInput;
import se.iop.common.MailClaim;
import se.iop.common.StateConflict;
import se.iop.common.Text;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * One packet version sent to one contact of a landlord: to which address, when, how, and how far it
 * got (SENT → OPENED → ACKNOWLEDGED, or FAILED with the reason — a code and the mail server's technical
 * detail — and the number of attempts). The
 * same version goes to the same person once; a re-send asked for explicitly gets the next send
 * number (the database holds version, contact and send number unique). The personal link in the
 * e-mail carries a token made when the mail goes out; only its SHA-256 is kept, and the link expires
 * (see {@link #issueLink}). Not audited: the row itself is the record of what happened, stamped with times.
 */
@Entity
@Table(name = "packet_delivery")
@NamedQuery(name = PacketDelivery.BY_TOKEN, query = "select d from PacketDelivery d where d.tokenHash = :hash")
public class PacketDelivery {

    public static final String BY_TOKEN = "PacketDelivery.byToken";
    public static final int REASON_MAX = 1000;
    public static final String TABLE = "packet_delivery";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "packet_version_id")
    private PacketVersion packetVersion;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "landlord_id")
    private Landlord landlord;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "contact_id")
    private LandlordContact contact;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "send_id")
    private PacketSend send;

    @Column(name = "send_number", nullable = false)
    private int sendNumber;

    @Column(nullable = false, length = 200)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private DeliveryChannel channel = DeliveryChannel.EMAIL;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private DeliveryStatus status = DeliveryStatus.QUEUED;

    /** SHA-256 (hex) of the personal link's token; the token itself is in the e-mail only. */
    @Column(name = "token_hash", unique = true, length = 64)
    private String tokenHash;

    @Column(name = "link_issued_at")
    private Instant linkIssuedAt;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "requested_by", nullable = false, length = 100)
    private String requestedBy;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "opened_at")
    private Instant openedAt;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    @Column(name = "acknowledged_by", length = 100)
    private String acknowledgedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "failure_code", length = 30)
    private DeliveryFailure failureCode;

    /** The technical detail beside the code: what the mail server or the network said, in English. */
    @Column(name = "failure_reason", length = REASON_MAX)
    private String failureReason;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    /** Which worker is mailing it now, and until when no other may take it over. */
    @Embedded
    private MailClaim claim;

    protected PacketDelivery() {
    }

    /**
     * Queues a published version for a contact with an e-mail address.
     *
     * @param sendNumber 0 the first time this contact gets this version, 1, 2 … for re-sends asked for
     */
    public PacketDelivery(PacketVersion packetVersion, LandlordContact contact, PacketSend send, int sendNumber,
                          String requestedBy, Instant at) {
        if (!packetVersion.published()) {
            throw new StateConflict("version", "error.delivery.unpublished", packetVersion.number());
        }
        if (contact.email() == null) {
            throw new InvalidInput("landlordIds", "error.delivery.noAddress", contact.landlord().name());
        }
        if (!contact.landlord().active()) {
            throw new StateConflict("landlordIds", "error.landlord.inactive", contact.landlord().name());
        }
        this.packetVersion = packetVersion;
        this.landlord = contact.landlord();
        this.contact = contact;
        this.send = send;
        this.sendNumber = sendNumber;
        this.email = contact.email();
        this.requestedBy = requestedBy;
        this.requestedAt = at;
        if (send != null) {
            send.counted();
        }
    }

    /** 24 random bytes, URL-safe: not guessable, and useless without the landlord's own login anyway. */
    static String newToken() {
        return Secrets.random(24);
    }

    /**
     * Makes the personal link for the mail about to go out (each attempt gets a new one: an earlier mail
     * never arrived) and returns its token, to be put in the mail and nowhere else; only its hash is kept.
     */
    public String issueLink(Instant at) {
        String token = newToken();
        tokenHash = hash(token);
        linkIssuedAt = at;
        return token;
    }

    /** What the database keeps of a token: its SHA-256 ({@link Secrets}). */
    public static String hash(String token) {
        return Secrets.sha256(token);
    }

    /** Whether the e-mail's link still opens the packet: for {@code lifetime} after it was made. */
    public boolean linkValid(Instant now, Duration lifetime) {
        return linkIssuedAt != null && now.isBefore(linkIssuedAt.plus(lifetime));
    }

    /** Whether the mail should go out now: queued, or failed and due for another attempt. */
    public boolean awaitingMail(Instant now) {
        return status == DeliveryStatus.QUEUED
                || (status == DeliveryStatus.FAILED && nextAttemptAt != null && !nextAttemptAt.isAfter(now));
    }

    /**
     * Takes the delivery for one worker for {@code lease}: when it awaits mail and nobody else holds it, returns the
     * new claim's id, else null. A worker that died keeps it only until the lease runs out; then another may take
     * it, and the first one can no longer mark it sent ({@link #claimedBy}).
     */
    public String claim(Instant now, Duration lease) {
        if (!awaitingMail(now)) {
            return null;
        }
        claim = MailClaim.of(claim);
        return claim.take(now, lease);
    }

    /** Whether the given claim is still the one on this delivery, and the delivery still waits for its mail. */
    public boolean claimedBy(String claimId) {
        return MailClaim.of(claim).is(claimId)
                && (status == DeliveryStatus.QUEUED || status == DeliveryStatus.FAILED);
    }

    /**
     * Comes to the message's end ({@link MailClaim#markEnding}): in one statement on the mailer's own connection, which
     * the caller commits before the end goes to the mail server; false when another worker has taken it over.
     */
    public static boolean markEnding(Connection connection, long id, String claimId, Instant at, Duration lease)
            throws SQLException {
        return MailClaim.markEnding(connection, TABLE, ", last_attempt_at = ?, version = version + 1", id, claimId, at,
                lease);
    }

    /**
     * The mail server answered 250 to the message's end: SENT ({@link MailClaim#markSent}), any failure cleared. The
     * one way to SENT.
     */
    public static boolean markSent(Connection connection, long id, String claimId, Instant at) throws SQLException {
        return MailClaim.markSent(connection, TABLE, ", failure_code = null, version = version + 1", id, claimId, at);
    }

    /**
     * The mail did not go out: the server refused or could not be reached before the message's end, refused it at its
     * end, or the end never went out whole. Failed, with why and the technical detail, and due again after
     * {@code retryAfter} unless {@code maxAttempts} have been made (then only an explicit re-send helps). The attempt
     * is counted here unless the claim came to the end (then it was counted there).
     */
    public void failed(DeliveryFailure code, String detail, Instant at, Duration retryAfter, int maxAttempts) {
        if (status != DeliveryStatus.QUEUED && status != DeliveryStatus.FAILED) {
            throw new StateConflict("status", "error.delivery.transition", status, DeliveryStatus.FAILED);
        }
        if (!MailClaim.of(claim).ending()) {
            attempts++;
        }
        fail(code, detail, at, retryAfter, maxAttempts);
    }

    /** Whether its worker died at the message's end, so that it may or may not have arrived ({@link MailClaim}). */
    public boolean uncertain(Instant now) {
        return MailClaim.of(claim).uncertain(now);
    }

    /**
     * An administrator sends an uncertain delivery again: queued once more, to be mailed by the next worker like any
     * other; refused unless it is uncertain. Returns when the worker that died had come to the end.
     */
    public Instant sendAgain(Instant now) {
        Instant ended = MailClaim.of(claim).sendAgain(now);
        claim = null;
        status = DeliveryStatus.QUEUED;
        nextAttemptAt = null;
        failureCode = null;
        failureReason = null;
        return ended;
    }

    private void fail(DeliveryFailure code, String detail, Instant at, Duration retryAfter, int maxAttempts) {
        released();
        lastAttemptAt = at;
        status = DeliveryStatus.FAILED;
        failureCode = code == null ? DeliveryFailure.OTHER : code;
        String why = detail == null || detail.isBlank() ? "unknown" : detail.strip();
        failureReason = why.length() > REASON_MAX ? why.substring(0, REASON_MAX) : why;
        nextAttemptAt = attempts < maxAttempts ? at.plus(retryAfter) : null;
    }

    private void released() {
        claim = null;
    }

    /** The landlord opened the packet in the portal; later openings change nothing. */
    public void opened(Instant at) {
        if (status == DeliveryStatus.SENT) {
            status = DeliveryStatus.OPENED;
            openedAt = at;
        }
    }

    /** The landlord confirms having read the packet; once is enough. */
    public void acknowledge(String by, Instant at) {
        if (status == DeliveryStatus.ACKNOWLEDGED) {
            return;
        }
        if (!status.reached()) {
            throw new StateConflict("status", "error.delivery.notReached");
        }
        if (openedAt == null) {
            openedAt = at;
        }
        status = DeliveryStatus.ACKNOWLEDGED;
        acknowledgedAt = at;
        acknowledgedBy = Text.required("acknowledgedBy", by, 100);
    }

    public Long id() {
        return id;
    }

    public PacketVersion packetVersion() {
        return packetVersion;
    }

    public Landlord landlord() {
        return landlord;
    }

    public LandlordContact contact() {
        return contact;
    }

    public PacketSend send() {
        return send;
    }

    public int sendNumber() {
        return sendNumber;
    }

    public String email() {
        return email;
    }

    public DeliveryChannel channel() {
        return channel;
    }

    public DeliveryStatus status() {
        return status;
    }

    public Instant linkIssuedAt() {
        return linkIssuedAt;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant acknowledgedAt() {
        return acknowledgedAt;
    }

    public String acknowledgedBy() {
        return acknowledgedBy;
    }

    public DeliveryFailure failureCode() {
        return failureCode;
    }

    /** The technical detail of the failure (see {@link #failureCode()} for what it means). */
    public String failureReason() {
        return failureReason;
    }

    public int attempts() {
        return attempts;
    }

    public Instant lastAttemptAt() {
        return lastAttemptAt;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }
}
