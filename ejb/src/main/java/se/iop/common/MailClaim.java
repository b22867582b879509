package se.iop.common;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EntityManager;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Which worker is mailing a row now (a random id per claim), until when no other may take it over, and whether it has
 * come to the message's end: the claim a landlord delivery and a report reminder carry alike (columns {@code claim},
 * {@code claimed_until}, {@code ending_at}; migrations V21, V34). Its states ({@link State}):
 * <ul>
 * <li>FREE — nobody mails the row; HELD — a worker mails it, its lease running; LAPSED — that worker died (or
 * stalled) before the message's end: the server keeps nothing of it, and any worker may take it again;</li>
 * <li>ENDING — the worker committed {@link #markEnding} just before it wrote the line that ends the message, and
 * commits SENT ({@link #markSent}) only after the server's 250; UNCERTAIN — an ending claim whose lease ran out: its
 * worker died between the two, and the server may or may not have the message. No worker ever takes it again (that
 * could deliver it twice); an administrator sees it and may send it again ({@link #sendAgain}).</li>
 * </ul>
 * Hibernate reads a row without a claim as a null embeddable: the owner asks {@link #of}.
 */
@Embeddable
public class MailClaim implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Where a row's mail stands as far as its workers go. */
    public enum State { FREE, HELD, LAPSED, ENDING, UNCERTAIN }

    @Column(length = 36)
    private String claim;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    @Column(name = "ending_at")
    private Instant endingAt;

    /** The claim as loaded, or an empty one where the row had none. */
    public static MailClaim of(MailClaim loaded) {
        return loaded == null ? new MailClaim() : loaded;
    }

    public State state(Instant now) {
        if (claim == null) {
            return State.FREE;
        }
        boolean running = claimedUntil != null && claimedUntil.isAfter(now);
        if (endingAt != null) {
            return running ? State.ENDING : State.UNCERTAIN;
        }
        return running ? State.HELD : State.LAPSED;
    }

    /** Takes it for {@code lease} when it is free or its worker's lease ran out before the end; the new id, else null. */
    public String take(Instant now, Duration lease) {
        State s = state(now);
        if (s != State.FREE && s != State.LAPSED) {
            return null;
        }
        claim = UUID.randomUUID().toString();
        claimedUntil = now.plus(lease);
        return claim;
    }

    /** Whether {@code claimId} is the claim on the row. */
    public boolean is(String claimId) {
        return claimId != null && claimId.equals(claim);
    }

    /** Whether the claim's worker has come to the message's end (the attempt is then counted). */
    public boolean ending() {
        return endingAt != null;
    }

    /** Whether the row's worker died at the message's end: it may have arrived, and only an administrator sends again. */
    public boolean uncertain(Instant now) {
        return state(now) == State.UNCERTAIN;
    }

    /**
     * An administrator's "send again" of an uncertain mail: the claim is released so that the row is mailed once more
     * like any other; returns when the dead worker came to the end. Refused (409) unless it is uncertain, so two
     * requests at once (the row locked) send it again once.
     */
    public Instant sendAgain(Instant now) {
        if (!uncertain(now)) {
            throw new StateConflict("status", "error.mail.notUncertain");
        }
        Instant ended = endingAt;
        release();
        return ended;
    }

    public void release() {
        claim = null;
        claimedUntil = null;
        endingAt = null;
    }

    public String id() {
        return claim;
    }

    public Instant endingAt() {
        return endingAt;
    }

    /** JPQL: the row's claim ({@code alias.claim}) may be taken at {@code :now} — no worker holds it, none ended it. */
    public static String takeable(String alias) {
        return "(" + alias + ".claim.claimedUntil is null or " + alias + ".claim.claimedUntil <= :now) and "
                + alias + ".claim.endingAt is null";
    }

    /** JPQL: the row is {@link State#UNCERTAIN} at {@code :now}. */
    public static String uncertain(String alias) {
        return "(" + alias + ".claim.endingAt is not null and " + alias + ".claim.claimedUntil <= :now)";
    }

    /**
     * Marks the row of {@code table} ENDING in one statement on the mailer's own connection, whose transaction the
     * caller commits before it writes the message's end: only while {@code claimId} is still the row's claim, the row
     * still awaits mail ({@code status} QUEUED or FAILED) and nobody ended it. Counts the attempt and renews the lease,
     * so that the end and the server's answer have a whole lease before the row would show as uncertain. {@code also}
     * (constant SQL of the owner, may be empty) sets more of the owner's columns, with {@code at} as its one parameter
     * when it has a {@code ?}. False when another worker holds it now.
     */
    public static boolean markEnding(Connection connection, String table, String also, long id, String claimId,
                                     Instant at, Duration lease) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("update " + table + " set ending_at = ?,"
                + " claimed_until = ?, attempts = attempts + 1" + also
                + " where id = ? and claim = ? and ending_at is null and status in ('QUEUED', 'FAILED')")) {
            int i = 1;
            ps.setObject(i++, utc(at));
            ps.setObject(i++, utc(at.plus(lease)));
            if (also.contains("?")) {
                ps.setObject(i++, utc(at));
            }
            ps.setLong(i++, id);
            ps.setString(i, claimId);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * After the server's 250 to the message's end: SENT, failure and next attempt cleared, the claim released, in one
     * statement on the mailer's own connection; only while the row is still ending under {@code claimId} (an
     * administrator who sent it again meanwhile has released it). {@code also} as for {@link #markEnding}, without
     * parameters.
     */
    public static boolean markSent(Connection connection, String table, String also, long id, String claimId,
                                   Instant at) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("update " + table + " set status = 'SENT',"
                + " sent_at = ?, failure_reason = null, next_attempt_at = null, claim = null, claimed_until = null,"
                + " ending_at = null" + also + " where id = ? and claim = ? and ending_at is not null")) {
            ps.setObject(1, utc(at));
            ps.setLong(2, id);
            ps.setString(3, claimId);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Records an administrator's "send again" of row {@code id} of {@code table}, in the caller's transaction: who,
     * when, and when the worker that died had come to the end.
     */
    public static void recordResend(EntityManager em, String table, long id, String by, Instant at, Instant endingAt) {
        em.createNativeQuery("insert into mail_resend (mail, mail_id, resent_by, resent_at, ending_at)"
                        + " values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, table).setParameter(2, id).setParameter(3, by).setParameter(4, utc(at))
                .setParameter(5, utc(endingAt)).executeUpdate();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
