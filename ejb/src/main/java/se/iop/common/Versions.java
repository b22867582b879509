package se.iop.common;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;

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
     * stale version (409) rather than as a failed commit after the method returned.
     */
    public static <T> T flushed(EntityManager em, T entity) {
        try {
            em.flush();
            return entity;
        } catch (OptimisticLockException e) {
            throw new StaleVersion();
        }
    }
}
