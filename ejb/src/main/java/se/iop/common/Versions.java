package se.iop.common;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

import java.util.Optional;
import java.util.function.Function;

/** Optimistic locking: a client's copy must be the stored version, and a concurrent save loses. */
public final class Versions {

    private Versions() {
    }

    /** Refuses the change when the client edited an older version than the one stored. */
    public static void check(long stored, Long expected) {
        if (expected != null && expected != stored) {
            throw new StaleVersion();
        }
    }

    /**
     * Writes pending changes now, so that a concurrent save that committed first surfaces here as a
     * stale version (409) rather than as a failed commit after the method returned; a transaction the
     * database gave up because of a concurrent one is a conflict to try again (409).
     */
    public static <T> T flushed(EntityManager em, T entity) {
        return flushed(em, entity, rule -> null);
    }

    /**
     * As {@link #flushed(EntityManager, Object)}, and a rule the database refused the write by becomes
     * the problem {@code refusal} makes of it (null for a rule it does not know: then it stays a failure).
     */
    public static <T> T flushed(EntityManager em, T entity, Function<DatabaseRule, ? extends DomainException> refusal) {
        try {
            em.flush();
            return entity;
        } catch (OptimisticLockException e) {
            // Hibernate reports a deadlock (40P01) as an optimistic lock failure too: that is no stale version.
            throw DatabaseRefusals.concurrent(e) ? new TryAgain() : new StaleVersion();
        } catch (PersistenceException e) {
            throw translated(e, refusal);
        }
    }

    /** The problem a failed write means to the user, or the failure itself where it means none. */
    public static RuntimeException translated(RuntimeException failure,
                                              Function<DatabaseRule, ? extends DomainException> refusal) {
        Optional<? extends DomainException> problem = DatabaseRule.in(failure).map(refusal);
        if (problem.isPresent()) {
            return problem.get();
        }
        if (DatabaseRefusals.concurrent(failure)) {
            return new TryAgain();
        }
        return failure;
    }
}
