package se.iop.account.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import se.iop.common.JobRuns;
import se.iop.common.Settings;

import java.time.Duration;

/**
 * Slows down password guessing: failed logins are counted per account name and per client address,
 * and from a limit on (5 for a name, 20 for an address by default) each further attempt must wait,
 * 5 seconds, then twice as long after each failure, up to 15 minutes. Only wrong passwords are counted
 * (an API client's parallel requests each log in, and must never look like guesses); an attempt that
 * must wait is refused before its password is looked at. A successful login forgets the name's
 * failures. The counts live in the database, so every node of a
 * cluster sees them; an hour without failures forgets them.
 */
@Stateless
@PermitAll
public class LoginThrottle {

    static final Duration FIRST_WAIT = Duration.ofSeconds(5);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);

    /** The failures counted so far for a name and an address, after one more. */
    public record Failures(int nameFailures, int addressFailures) {
    }

    @PersistenceContext
    private EntityManager em;

    @EJB
    private JobRuns runs;

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
     * How long an attempt for this name from this address must still wait (0: go ahead). Nothing is
     * counted here: a password is only counted when it proves wrong ({@link #failed}), so that the many
     * parallel requests of an API client, each logging in, are never taken for guesses.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long waitFor(String name, String address) {
        Number waiting = (Number) em.createNativeQuery("""
                        select coalesce(max(ceil(extract(epoch from blocked_until - now()))), 0) from login_failure
                        where key in (?1, ?2) and blocked_until > now() and last_failure > now() - make_interval(secs => ?3)""")
                .setParameter(1, nameKey(name)).setParameter(2, addressKey(address)).setParameter(3, FORGET_AFTER.toSeconds())
                .getSingleResult();
        return waiting.longValue();
    }

    /** A wrong password for this name from this address: counted for both, in its own transaction. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Failures failed(String name, String address) {
        return new Failures(count(nameKey(name), nameLimit()), count(addressKey(address), addressLimit()));
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

    /** The password was right: the name's failures are forgotten (the address's stay until they are old). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void succeeded(String name) {
        // Looked up first: a delete that finds nothing is still a write (statement triggers, replication).
        if (!em.createNativeQuery("select 1 from login_failure where key = ?1").setParameter(1, nameKey(name))
                .getResultList().isEmpty()) {
            em.createNativeQuery("delete from login_failure where key = ?1").setParameter(1, nameKey(name)).executeUpdate();
        }
    }

    /** What is forgotten is removed, so that guessed names do not pile up; by one node an hour. */
    @Schedule(hour = "*", minute = "23", persistent = false)
    public void forget() {
        if (!runs.claim("login-failures-forget", Duration.ofHours(1))) {
            return;
        }
        String old = "from login_failure where last_failure < now() - make_interval(secs => ?1)";
        if (!em.createNativeQuery("select 1 " + old + " limit 1").setParameter(1, FORGET_AFTER.toSeconds())
                .getResultList().isEmpty()) {
            em.createNativeQuery("delete " + old).setParameter(1, FORGET_AFTER.toSeconds()).executeUpdate();
        }
    }
}
