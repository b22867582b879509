package se.iop.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import se.iop.account.boundary.CallerChanges;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The link between an account and a person at an OpenID Connect provider: the provider's id (as configured,
 * e.g. {@code staff} or {@code eid}) and the keyed hash of the person's subject there ({@link SubjectHash}).
 * Made once, by the first sign-in through an invitation; each later sign-in finds the account by it.
 */
@Entity
@EntityListeners(CallerChanges.class)
@Table(name = "account_identity")
@NamedQuery(name = AccountIdentity.FIND, query = "select i from AccountIdentity i join fetch i.account a"
        + " left join fetch a.roles where i.provider = :provider and i.subjectHash = :subjectHash")
@NamedQuery(name = AccountIdentity.FIND_BY_SUB, query = "select i from AccountIdentity i join fetch i.account a"
        + " where i.provider = :provider and (i.subHash = :hash or i.subjectHash = :hash)")
@NamedQuery(name = AccountIdentity.OF_ACCOUNT_AT, query = "select i from AccountIdentity i"
        + " where i.account.id = :account and i.provider = :provider")
public class AccountIdentity {

    public static final String FIND = "AccountIdentity.find";
    public static final String FIND_BY_SUB = "AccountIdentity.findBySub";
    /** An account's link at one provider (at most one: an account links once per provider). */
    public static final String OF_ACCOUNT_AT = "AccountIdentity.ofAccountAt";
    private static final Pattern PROVIDER = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    private Account account;

    @Column(nullable = false, length = 40)
    private String provider;

    @Column(name = "subject_hash", nullable = false, length = 64)
    private String subjectHash;

    @Column(name = "sub_hash", length = 64)
    private String subHash;

    @Column(name = "linked_at", nullable = false)
    private Instant linkedAt;

    @Column(name = "last_sign_in_at")
    private Instant lastSignInAt;

    protected AccountIdentity() {
    }

    /** Links a provider's subject (already hashed) to an account, at {@code now}. */
    public static AccountIdentity link(Account account, String provider, String subjectHash, Instant now) {
        if (!PROVIDER.matcher(provider).matches() || !HASH.matcher(subjectHash).matches()) {
            throw new IllegalArgumentException("a provider id and a subject hash are needed");
        }
        AccountIdentity i = new AccountIdentity();
        i.account = Objects.requireNonNull(account);
        i.provider = provider;
        i.subjectHash = subjectHash;
        i.linkedAt = now;
        i.lastSignInAt = now;
        return i;
    }

    /** A link made by an administrator: not signed in through yet. */
    public void unused() {
        lastSignInAt = null;
    }

    /**
     * Notes a sign-in (or a machine client's request), at most once a minute: a busy client costs no write per
     * request; and the hash of the provider's {@code sub}, by which a back-channel logout names the person.
     */
    public void signedIn(Instant now, String providerSubHash) {
        if (lastSignInAt == null || lastSignInAt.isBefore(now.minus(ApiToken.LAST_USED_STEP))) {
            lastSignInAt = now;
        }
        if (providerSubHash != null && HASH.matcher(providerSubHash).matches() && !providerSubHash.equals(subHash)) {
            subHash = providerSubHash;
        }
    }

    public Long id() {
        return id;
    }

    public Account account() {
        return account;
    }

    public String provider() {
        return provider;
    }

    public Instant linkedAt() {
        return linkedAt;
    }

    public Instant lastSignInAt() {
        return lastSignInAt;
    }
}
