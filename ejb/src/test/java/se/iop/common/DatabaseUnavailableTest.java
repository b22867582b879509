package se.iop.common;

import jakarta.ejb.EJBException;
import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;
import jakarta.transaction.RollbackException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.net.ConnectException;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseUnavailableTest {

    @Test
    void aDatabaseThatCannotBeReachedIsUnavailable() {
        // PostgreSQL down: the driver cannot connect, the pool wraps it, Hibernate and the EJB container wrap that.
        PSQLException refused = new PSQLException("Connection to 127.0.0.1:5432 refused.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT, new ConnectException("Connection refused"));
        assertTrue(DatabaseUnavailable.in(new EJBException(new PersistenceException(
                new SQLException("IJ031019: You are trying to use a connection factory that has been shut down",
                        new ResourceException("IJ031084: Unable to create connection", refused))))));
        // Not accepting connections (55000 at connect) arrives inside the pool's exception.
        assertTrue(DatabaseUnavailable.in(new PersistenceException(new ResourceException("IJ000453",
                new SQLException("database \"iop\" is not currently accepting connections", "55000")))));
        // A connection ended under a running statement: the administrator's command, the connection lost.
        assertTrue(DatabaseUnavailable.in(new PersistenceException(new SQLException("terminating connection", "57P01"))));
        assertTrue(DatabaseUnavailable.in(new PersistenceException(new SQLException("I/O error", "08006"))));
        assertTrue(DatabaseUnavailable.in(new SQLException("too many clients", "53300")));
    }

    @Test
    void aCommitThatFailedOnALostConnectionIsUnavailable() {
        // The primary gone at the commit (a failover): the transaction manager's RollbackException holds the pool's
        // exception, and under it the driver's, only as suppressed, and the container wraps it.
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        Exception local = new Exception("IJ001156: Could not commit local transaction",
                new ResourceException("SQLException", new PSQLException("An I/O error occurred while sending to the backend.",
                        PSQLState.CONNECTION_FAILURE)));
        rollback.addSuppressed(local);
        assertTrue(DatabaseUnavailable.in(new EJBTransactionRolledbackException(rollback.getMessage(), rollback)));
        // A commit refused by the database for what was written stays a refusal.
        RollbackException refused = new RollbackException("ARJUNA016053: Could not commit transaction.");
        refused.addSuppressed(new SQLException("duplicate", "23505"));
        assertFalse(DatabaseUnavailable.in(new EJBTransactionRolledbackException(refused.getMessage(), refused)));
    }

    @Test
    void refusalsAndBugsAreNotUnavailability() {
        assertFalse(DatabaseUnavailable.in(new PersistenceException(new SQLException("duplicate", "23505"))));
        assertFalse(DatabaseUnavailable.in(new PersistenceException(new SQLException("could not serialize", "40001"))));
        assertFalse(DatabaseUnavailable.in(new PersistenceException(new SQLException("no such table", "42P01"))));
        assertFalse(DatabaseUnavailable.in(new SQLException("not accepting", "55000")));
        assertFalse(DatabaseUnavailable.in(new IllegalStateException("bug")));
        assertFalse(DatabaseUnavailable.in(null));
    }
}
