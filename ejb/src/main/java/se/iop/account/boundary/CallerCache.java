package se.iop.account.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import se.iop.account.entity.ApiToken;
import se.iop.account.entity.SubjectHash;
import se.iop.account.entity.TokenState;
import se.iop.common.Secrets;
import se.iop.common.Settings;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What the checks made on every authenticated request read from the database, kept in memory for a few seconds,
 * so that a busy client costs no query per request: an account's session stamp ({@code SessionRevocation}), whom
 * an API token speaks for, whom a provider's subject is linked to (access tokens), a caller's organisation.
 *
 * <p>How promptly a change is seen: a change to an account, a token or a link committed through the application on
 * this node ends every entry read before it ({@link #changed}, called by {@link CallerChanges}), so the very next
 * request sees it. A change made behind the application's back (another node of a cluster, SQL by hand) is seen
 * within {@link #recheck()} ({@code IOP_AUTH_RECHECK_SECONDS}, default 5; 0 reads the database on every request).
 * An API token's expiry is checked against the clock on every request. Only successful look-ups are kept: an unknown
 * token or subject is looked up each time (and cannot fill the memory).
 */
@ApplicationScoped
public class CallerCache {

    /** Entries kept at most; past that the cache starts afresh (a client sending many valid tokens wins nothing). */
    static final int MAX_ENTRIES = 10_000;

    private record Entry(Object value, long generation, long readAt) {
    }

    private record Stamp(String username) {
    }

    private record Token(String hash) {
    }

    private record Link(String provider, String subjectHash) {
    }

    private record Organisation(String username) {
    }

    /** A token found good: whom it speaks for, until when, and when its last use was written. */
    public record KnownToken(TokenCaller caller, long id, Instant expiresAt, Instant lastUsedAt) {
    }

    private final Map<Object, Entry> entries = new ConcurrentHashMap<>();
    /** Moves on at every committed change to an account, a token or a link: entries of an earlier one are void. */
    private final AtomicLong generation = new AtomicLong();
    private final Object registered = new Object();

    @Resource
    private TransactionSynchronizationRegistry transactions;

    @Inject
    private Accounts accounts;

    @Inject
    private ApiTokens tokens;

    /** How long an entry is believed without asking the database again. */
    public static Duration recheck() {
        return Duration.ofSeconds(Settings.number("iop.auth.recheckSeconds", "IOP_AUTH_RECHECK_SECONDS", 5, 0));
    }

    /** The stamp a session of this account must carry to go on, or empty when the account may not log in. */
    public OptionalInt sessionStamp(String username) {
        return get(new Stamp(username), () -> accounts.sessionStamp(username), v -> true);
    }

    /**
     * Who a presented API token speaks for, or empty when it is malformed, unknown, revoked, expired or its account
     * inactive ({@link ApiTokens#presented}); its last use is written at most once a minute ({@link ApiTokens#used}).
     */
    public Optional<TokenCaller> token(String secret) {
        if (!ApiToken.wellFormed(secret)) {
            return Optional.empty();
        }
        Token key = new Token(Secrets.sha256(secret));
        Instant now = Instant.now();
        Optional<KnownToken> known = get(key, () -> tokens.presented(secret, now), Optional::isPresent);
        if (known.isEmpty() || ApiToken.state(null, known.get().expiresAt(), now) != TokenState.ACTIVE) {
            return Optional.empty();
        }
        KnownToken t = known.get();
        if (ApiToken.lastUseDue(t.lastUsedAt(), now)) {
            tokens.used(t.id(), now);
            entries.computeIfPresent(key, (k, e) -> new Entry(Optional.of(new KnownToken(t.caller(), t.id(), t.expiresAt(), now)),
                    e.generation(), e.readAt()));
        }
        return Optional.of(t.caller());
    }

    /** A machine client's request by a provider's access token, as {@link Accounts#signIn}. */
    public Authentication signIn(String provider, String subject, String sub) {
        return get(new Link(provider, SubjectHash.of(provider, subject)), () -> accounts.signIn(provider, subject, sub, null),
                Authentication::valid);
    }

    /** The organisation a partner or landlord user acts for, if any. */
    Optional<Long> organisationId(String username, Supplier<Optional<Long>> load) {
        return get(new Organisation(username), load, v -> true);
    }

    /**
     * A change to an account, a token or a link in the transaction under way: once it has ended (committed or not),
     * nothing read before it is believed. Also at once, so that nothing read from now until then is kept.
     */
    void changed() {
        generation.incrementAndGet();
        if (transactions.getTransactionKey() == null || transactions.getResource(registered) != null) {
            return;
        }
        transactions.putResource(registered, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing: only the end counts
            }

            @Override
            public void afterCompletion(int status) {
                generation.incrementAndGet();
            }
        });
    }

    @SuppressWarnings("unchecked")
    private <T> T get(Object key, Supplier<T> load, Predicate<T> keep) {
        long now = System.nanoTime();
        long current = generation.get();
        Entry e = entries.get(key);
        if (e != null && e.generation() == current && now - e.readAt() < recheck().toNanos()) {
            return (T) e.value();
        }
        T value = load.get();
        if (keep.test(value)) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            // the generation as it was before the read: a change committed meanwhile leaves this entry void
            entries.put(key, new Entry(value, current, now));
        } else if (e != null) {
            entries.remove(key, e);
        }
        return value;
    }
}
