package se.iop.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import se.iop.common.Secrets;
import se.iop.common.StateConflict;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An administrator's invitation of a person, by e-mail, to an account made for them (with its role and
 * organisation, and no password). The e-mail carries a link with a secret that works once, until it expires:
 * the first sign-in through an identity provider by way of it links the person's subject there to the account
 * ({@link AccountIdentity}) — the only way a subject is ever linked. The database keeps the secret's SHA-256
 * ({@link Secrets}); sending the invitation again gives a new secret, and the old one is dead. Made, sent
 * again, accepted and revoked are audited (Envers); the hash is not history.
 */
@Entity
@Table(name = "invitation")
@Audited
@NamedQuery(name = Invitation.BY_HASH, query = "select i from Invitation i join fetch i.account a"
        + " left join fetch a.roles where i.tokenHash = :hash")
public class Invitation {

    public static final String BY_HASH = "Invitation.byHash";
    public static final int DEFAULT_DAYS = 14;
    /** 32 random bytes in base64url: 256 bits. */
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern PROVIDER = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    /** Why an invitation's link does not (or no longer) sign anyone in; an unknown and a forged link are one. */
    public enum Refusal {
        /** No such link: never made, forged, replaced by a newer one, revoked, or its account deactivated. */
        UNKNOWN,
        /** Past its last moment, unused. */
        EXPIRED,
        /** Already used by a sign-in. */
        USED,
        /** The person signed in is already linked to another account. */
        LINKED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @OneToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "account_id")
    private Account account;

    @Column(nullable = false, length = 200)
    private String email;

    @NotAudited
    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    @Column(name = "accepted_provider", length = 40)
    private String acceptedProvider;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by", length = 100)
    private String revokedBy;

    protected Invitation() {
    }

    /** An invitation just made or sent again, and its secret, which is in this object only and goes into the e-mail. */
    public record Issued(Invitation invitation, String secret) {
    }

    /** Invites the person of a newly made account (its e-mail address) to sign in, for {@code lifetime} from now. */
    public static Issued issue(Account account, Instant now, Duration lifetime, String by) {
        Invitation i = new Invitation();
        i.account = Objects.requireNonNull(account);
        i.email = Objects.requireNonNull(account.email(), "an invited account has an e-mail address");
        i.createdAt = now.truncatedTo(ChronoUnit.MICROS); // as the database keeps it
        i.createdBy = Objects.requireNonNull(by);
        return new Issued(i, i.newSecret(i.createdAt, lifetime));
    }

    /**
     * A new secret for the link, working for {@code lifetime} from now; the one sent before is dead. Only an
     * invitation neither accepted nor revoked is sent again (an expired one may be: it starts anew).
     */
    public String sendAgain(Instant now, Duration lifetime) {
        if (acceptedAt != null) {
            throw new StateConflict(null, "error.invitation.accepted");
        }
        if (revokedAt != null) {
            throw new StateConflict(null, "error.invitation.revoked");
        }
        return newSecret(now.truncatedTo(ChronoUnit.MICROS), lifetime);
    }

    private String newSecret(Instant at, Duration lifetime) {
        if (lifetime.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("an invitation works for a while");
        }
        String secret = Secrets.random(32);
        tokenHash = Secrets.sha256(secret);
        sentAt = at;
        expiresAt = at.plus(lifetime);
        return secret;
    }

    /** Whether a text can be an invitation's secret at all; anything else is refused before the database is asked. */
    public static boolean wellFormed(String secret) {
        return secret != null && FORMAT.matcher(secret).matches();
    }

    /** Whether this is the secret of the link sent last. */
    public boolean opensWith(String secret) {
        return wellFormed(secret) && Secrets.sha256(secret).equals(tokenHash);
    }

    /** Where an invitation stands at a moment: accepted and revoked are final; revoked wins over expired. */
    public static InvitationState state(Instant acceptedAt, Instant revokedAt, Instant expiresAt, Instant now) {
        if (acceptedAt != null) {
            return InvitationState.ACCEPTED;
        }
        if (revokedAt != null) {
            return InvitationState.REVOKED;
        }
        return now.isBefore(expiresAt) ? InvitationState.PENDING : InvitationState.EXPIRED;
    }

    public InvitationState state(Instant now) {
        return state(acceptedAt, revokedAt, expiresAt, now);
    }

    /**
     * Why its link would not sign anyone in now, or empty when it would. A revoked invitation, and one whose
     * account was deactivated, answer as a link that never was: whoever holds it learns nothing more.
     */
    public Optional<Refusal> refusal(Instant now) {
        return switch (state(now)) {
            case ACCEPTED -> Optional.of(Refusal.USED);
            case REVOKED -> Optional.of(Refusal.UNKNOWN);
            case EXPIRED -> Optional.of(Refusal.EXPIRED);
            case PENDING -> account.active() ? Optional.empty() : Optional.of(Refusal.UNKNOWN);
        };
    }

    /**
     * The person signed in through the link, at this provider: the invitation is used up, and the link between
     * the subject (already hashed, {@link SubjectHash}) and the account is made — to be stored beside it.
     * Refused as {@link #refusal} says.
     */
    public AccountIdentity accept(Instant now, String provider, String subjectHash) {
        Optional<Refusal> refused = refusal(now);
        if (refused.isPresent()) {
            throw new InvitationRefused(refused.get());
        }
        if (provider == null || !PROVIDER.matcher(provider).matches()) {
            throw new IllegalArgumentException("a provider id is needed");
        }
        AccountIdentity link = AccountIdentity.link(account, provider, subjectHash, now);
        acceptedAt = now.truncatedTo(ChronoUnit.MICROS);
        acceptedProvider = provider;
        return link;
    }

    /** Ends the invitation: its link works no more. Revoking it again changes nothing; an accepted one is not revoked. */
    public void revoke(Instant at, String by) {
        if (acceptedAt != null) {
            throw new StateConflict(null, "error.invitation.accepted");
        }
        if (revokedAt == null) {
            revokedAt = at.truncatedTo(ChronoUnit.MICROS);
            revokedBy = by;
        }
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public Account account() {
        return account;
    }

    public String email() {
        return email;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant acceptedAt() {
        return acceptedAt;
    }

    public String acceptedProvider() {
        return acceptedProvider;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public String revokedBy() {
        return revokedBy;
    }
}
