package se.iop.account.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import se.iop.common.Settings;

import java.time.Duration;
import java.util.List;

/**
 * Slows down password guessing: failed logins are counted per account name and per client address,
 * and from a limit on (5 for a name, 20 for an address by default) each further attempt must wait,
 * 5 seconds, then twice as long after each failure, up to 15 minutes. An attempt is counted <em>before</em> the
 * password is checked, so a burst of parallel guesses is throttled like a sequence of them; a
 * successful login takes its count back. The counts live in the database, so every node of a
 * cluster sees them; an hour without failures forgets them.
 */
@Stateless
@PermitAll
public class LoginThrottle {

    static final Duration FIRST_WAIT = Duration.ofSeconds(5);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);

    /** What the throttle said of one attempt: how long it must still wait (0: go ahead), and the counts. */
    public record Attempt(long waitSeconds, int nameFailures, int addressFailures) {
    }

    @PersistenceContext
    private EntityManager em;

    /** {@code IOP_LOGIN_ACCOUNT_LIMIT}: failed attempts on one account name before attempts must wait. */
    static int nameLimit() {
        return (int) Settings.number("iop.login.accountLimit", "IOP_LOGIN_ACCOUNT_LIMIT", 5, 1);
    }

    /** {@code IOP_LOGIN_ADDRESS_LIMIT}: failed attempts from one client address before attempts must wait. */
    static int addressLimit() {
        return (int) Settings.number("iop.login.addressLimit", "IOP_LOGIN_ADDRESS_LIMIT", 20, 1);
    }

    /** How long attempts wait after this many failures: nothing below the limit, then 5 s, 10 s, 20 s … 15 min. */
    static Duration waitAfter(int failures, int limit) {
        if (failures < limit) {
            return Duration.ZERO;
        }
        int doublings = failures - limit;
        return doublings >= 20 ? LONGEST_WAIT : min(FIRST_WAIT.multipliedBy(1L << doublings), LONGEST_WAIT);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    static String nameKey(String name) {
        String n = name.length() > 200 ? name.substring(0, 200) : name;
        return "name:" + n;
    }

    static String addressKey(String address) {
        return "address:" + address;
    }

    /**
     * Asks to try a password for this name from this address. While either is waiting, nothing is
     * counted and the wait left is returned; otherwise the attempt is counted as a failure (until
     * {@link #succeeded} takes it back) and the wait is 0. Its own transaction: the count stands
     * whatever becomes of the login, and no lock is held while the password is hashed.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Attempt attempt(String name, String address) {
        String nameKey = nameKey(name);
        String addressKey = addressKey(address);
        Number waiting = (Number) em.createNativeQuery("""
                        select coalesce(max(ceil(extract(epoch from blocked_until - now()))), 0) from login_failure
                        where key in (?1, ?2) and blocked_until > now() and last_failure > now() - make_interval(secs => ?3)""")
                .setParameter(1, nameKey).setParameter(2, addressKey).setParameter(3, FORGET_AFTER.toSeconds())
                .getSingleResult();
        if (waiting.longValue() > 0) {
            return new Attempt(waiting.longValue(), 0, 0);
        }
        return new Attempt(0, count(nameKey, nameLimit()), count(addressKey, addressLimit()));
    }

    private int count(String key, int limit) {
        int failures = ((Number) em.createNativeQuery("""
                        insert into login_failure as f (key, failures, last_failure) values (?1, 1, now())
                        on conflict (key) do update set
                            failures = case when f.last_failure < now() - make_interval(secs => ?2) then 1 else f.failures + 1 end,
                            last_failure = now()
                        returning failures""")
                .setParameter(1, key).setParameter(2, FORGET_AFTER.toSeconds()).getSingleResult()).intValue();
        Duration wait = waitAfter(failures, limit);
        em.createNativeQuery("update login_failure set blocked_until = case when ?2 > 0 then now() + make_interval(secs => ?2) end where key = ?1")
                .setParameter(1, key).setParameter(2, wait.toSeconds()).executeUpdate();
        return failures;
    }

    /** The password was right: the name's failures are forgotten, and the address's count takes this attempt back. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void succeeded(String name, String address) {
        em.createNativeQuery("delete from login_failure where key = ?1").setParameter(1, nameKey(name)).executeUpdate();
        List<?> left = em.createNativeQuery("update login_failure set failures = failures - 1 where key = ?1 and failures > 1 returning failures")
                .setParameter(1, addressKey(address)).getResultList();
        if (left.isEmpty()) {
            em.createNativeQuery("delete from login_failure where key = ?1").setParameter(1, addressKey(address)).executeUpdate();
        } else if (waitAfter(((Number) left.get(0)).intValue(), addressLimit()).isZero()) {
            em.createNativeQuery("update login_failure set blocked_until = null where key = ?1")
                    .setParameter(1, addressKey(address)).executeUpdate();
        }
    }

    /** What is forgotten is removed, so that guessed names do not pile up. */
    @Schedule(hour = "*", minute = "23", persistent = false)
    public void forget() {
        em.createNativeQuery("delete from login_failure where last_failure < now() - make_interval(secs => ?1)")
                .setParameter(1, FORGET_AFTER.toSeconds()).executeUpdate();
    }
}
