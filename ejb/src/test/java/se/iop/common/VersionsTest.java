package se.iop.common;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What a failed write means to the user: a stale version, a rule the database holds, or a conflict to try again. */
class VersionsTest {

    @Test
    void aConcurrentSaveIsAStaleVersion() {
        assertThrows(StaleVersion.class, () -> Versions.flushed(failing(new OptimisticLockException("row was updated")), "x"));
    }

    @Test
    void aDeadlockOrSerializationFailureIsAConflictToTryAgain() {
        // Hibernate reports a deadlock as an optimistic lock failure, with the database's error beneath.
        assertThrows(TryAgain.class, () -> Versions.flushed(failing(new OptimisticLockException(
                new RuntimeException(new SQLException("deadlock detected", "40P01")))), "x"));
        assertThrows(TryAgain.class, () -> Versions.flushed(failing(new PersistenceException(
                new SQLException("could not serialize access due to concurrent update", "40001"))), "x"));
    }

    @Test
    void aRuleTheDatabaseHoldsBecomesTheProblemTheServiceNamesAndOtherFailuresStayFailures() {
        PersistenceException refused = new PersistenceException(new SQLException(
                "ERROR: phase_holds_its_entries: field=endDate, date=2024-09-01", "23514"));
        InvalidInput problem = assertThrows(InvalidInput.class, () -> Versions.flushed(failing(refused), "x",
                rule -> new InvalidInput(rule.value("field"), "error.phase.entriesAfter", rule.date("date"))));
        assertEquals("endDate", problem.field());
        PersistenceException other = new PersistenceException(new SQLException("disk full", "53100"));
        assertSame(other, assertThrows(PersistenceException.class, () -> Versions.flushed(failing(other), "x", rule -> null)));
        assertSame(refused, assertThrows(PersistenceException.class, () -> Versions.flushed(failing(refused), "x", rule -> null)),
                "a rule the service does not know stays the failure it is");
    }

    /** An entity manager whose flush fails as given. */
    private static EntityManager failing(RuntimeException failure) {
        return (EntityManager) Proxy.newProxyInstance(VersionsTest.class.getClassLoader(), new Class<?>[] {EntityManager.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("flush")) {
                        throw failure;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
