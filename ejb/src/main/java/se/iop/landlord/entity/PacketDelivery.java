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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

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
     * Marks the delivery sent in the database, on a connection whose transaction the caller commits at once, if the
     * claim is still the caller's and the delivery still waits for its mail ({@link #claimedBy}); false when another
     * worker has taken it over: SENT, the attempt counted, any failure cleared. The claim stays on the row: it alone may
     * still say that the server refused the message at its end ({@link #refusedAtEnd}). The one way to SENT, written
     * as one statement because the mailer commits it on a connection of its own and ends the message the moment the
     * commit is answered: nothing else (no persistence context, no container transaction to finish) may stand between
     * the two.
     */
    public static boolean markSent(Connection connection, long id, String claimId, Instant at) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("update packet_delivery set status = 'SENT',"
                + " attempts = attempts + 1, last_attempt_at = ?, sent_at = ?, failure_code = null,"
                + " failure_reason = null, next_attempt_at = null, version = version + 1"
                + " where id = ? and claim = ? and status in ('QUEUED', 'FAILED')")) {
            OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
            ps.setObject(1, when);
            ps.setObject(2, when);
            ps.setLong(3, id);
            ps.setString(4, claimId);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * The mail server refused or could not be reached: failed, with why and the technical detail, and
     * due again after {@code retryAfter} unless {@code maxAttempts} have been made (then only an
     * explicit re-send helps).
     */
    public void failed(DeliveryFailure code, String detail, Instant at, Duration retryAfter, int maxAttempts) {
        if (status != DeliveryStatus.QUEUED && status != DeliveryStatus.FAILED) {
            throw new StateConflict("status", "error.delivery.transition", status, DeliveryStatus.FAILED);
        }
        attempts++;
        fail(code, detail, at, retryAfter, maxAttempts);
    }

    /**
     * Marked sent just before the message's end went to the mail server, which then refused the message: failed
     * after all, as by {@link #failed} (the attempt is already counted). Only the claim that marked it may say so;
     * returns whether it did.
     */
    public boolean refusedAtEnd(String claimId, DeliveryFailure code, String detail, Instant at, Duration retryAfter,
                                int maxAttempts) {
        if (status != DeliveryStatus.SENT || !MailClaim.of(claim).is(claimId)) {
            return false;
        }
        sentAt = null;
        fail(code, detail, at, retryAfter, maxAttempts);
        return true;
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
