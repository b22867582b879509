package se.iop.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
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
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import se.iop.account.boundary.CallerChanges;
import se.iop.common.Days;
import se.iop.common.InvalidInput;
import se.iop.common.Secrets;
import se.iop.common.StateConflict;
import se.iop.common.Text;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * A named API token of an account, for an integration or a person's script: sent as
 * {@code Authorization: Bearer iop_…}. The secret is shown once when the token is issued; the database keeps
 * its SHA-256 ({@link Secrets}) and a short prefix to recognise it by. A token works until it expires or is
 * revoked, and only while its account is active, with the account's roles within its {@link TokenScope}.
 * Issue and revocation are audited (Envers); the last use is not history, only a time.
 */
@Entity
@EntityListeners(CallerChanges.class)
@Table(name = "api_token")
@Audited
@NamedQuery(name = ApiToken.BY_HASH, query = "select t from ApiToken t join fetch t.account a left join fetch a.roles"
        + " where t.tokenHash = :hash")
public class ApiToken {

    public static final String BY_HASH = "ApiToken.byHash";
    public static final String SECRET_PREFIX = "iop_";
    public static final int NAME_MAX = 100;
    /** Characters of the secret shown to recognise a token by: {@code iop_} and 8 of its 43 random ones. */
    public static final int SHOWN = 12;
    public static final int DEFAULT_DAYS = 90;
    public static final int MAX_DAYS = 365;
    /** The last use is written at most this often per token, so a busy client costs no write per request. */
    public static final Duration LAST_USED_STEP = Duration.ofMinutes(1);
    /** {@code iop_} and 32 random bytes in base64url: 256 bits. */
    private static final Pattern FORMAT = Pattern.compile("iop_[A-Za-z0-9_-]{43}");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "account_id")
    private Account account;

    @Column(nullable = false, length = NAME_MAX)
    private String name;

    @NotAudited
    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(nullable = false, length = SHOWN)
    private String prefix;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private TokenScope scope;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by", length = 100)
    private String revokedBy;

    // Written by a bulk update (ApiTokens), never by this entity: no version step, no audit row.
    @NotAudited
    @Column(name = "last_used_at", insertable = false, updatable = false)
    private Instant lastUsedAt;

    protected ApiToken() {
    }

    /** A token just issued and its secret, which is in this object only and shown once. */
    public record Issued(ApiToken token, String secret) {
    }

    /**
     * Issues a token for the account: named, with a scope (read-only when none is given), working through the
     * day {@code expiresOn} in Sweden — from today up to {@value #MAX_DAYS} days ahead, by default
     * {@value #DEFAULT_DAYS}. An inactive account gets none.
     */
    public static Issued issue(Account account, String name, TokenScope scope, LocalDate expiresOn, Instant now,
                               String by) {
        LocalDate today = LocalDate.ofInstant(now, Days.SWEDEN);
        LocalDate until = expiresOn == null ? today.plusDays(DEFAULT_DAYS) : expiresOn;
        if (until.isBefore(today) || until.isAfter(today.plusDays(MAX_DAYS))) {
            throw new InvalidInput("expiresOn", "error.token.expiry", MAX_DAYS);
        }
        if (!account.active()) {
            throw new StateConflict("accountId", "error.token.inactiveAccount");
        }
        ApiToken t = new ApiToken();
        t.account = account;
        t.name = Text.required("name", name, NAME_MAX);
        t.scope = scope == null ? TokenScope.READ_ONLY : scope;
        t.createdAt = now.truncatedTo(ChronoUnit.MICROS); // as the database keeps it
        t.createdBy = by;
        t.expiresAt = until.plusDays(1).atStartOfDay(Days.SWEDEN).toInstant();
        String secret = SECRET_PREFIX + Secrets.random(32);
        t.tokenHash = Secrets.sha256(secret);
        t.prefix = secret.substring(0, SHOWN);
        return new Issued(t, secret);
    }

    /** Whether a text can be a token at all; anything else is refused before the database is asked. */
    public static boolean wellFormed(String secret) {
        return secret != null && FORMAT.matcher(secret).matches();
    }

    /** Where a token stands at a moment: revoked wins over expired. */
    public static TokenState state(Instant revokedAt, Instant expiresAt, Instant now) {
        if (revokedAt != null) {
            return TokenState.REVOKED;
        }
        return now.isBefore(expiresAt) ? TokenState.ACTIVE : TokenState.EXPIRED;
    }

    /** The last day (in Sweden) a token that expires at this moment works. */
    public static LocalDate lastDay(Instant expiresAt) {
        return LocalDate.ofInstant(expiresAt.minusNanos(1), Days.SWEDEN);
    }

    /** Whether a request now may be made with this token: neither revoked nor expired, and its account active. */
    public boolean admits(Instant now) {
        return state(revokedAt, expiresAt, now) == TokenState.ACTIVE && account.active();
    }

    /** Whether a use now should be written down: the last one written is {@link #LAST_USED_STEP} old or more. */
    public static boolean lastUseDue(Instant lastUsedAt, Instant now) {
        return lastUsedAt == null || !now.isBefore(lastUsedAt.plus(LAST_USED_STEP));
    }

    /** Ends the token for good; revoking it again changes nothing. */
    public void revoke(Instant at, String by) {
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

    public String name() {
        return name;
    }

    public String prefix() {
        return prefix;
    }

    public TokenScope scope() {
        return scope;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public String revokedBy() {
        return revokedBy;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }
}
