package se.iop.common;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Whether a failure means the database cannot be reached at all (down, restarting, refusing connections,
 * the connection lost, the pool unable to give one) rather than a refusal of what was sent or a bug. Such a
 * request is neither the client's fault nor a defect: the API answers 503 with Retry-After and the pages a
 * "try again" page, and it works again when the database is back (the pool validates each connection it
 * hands out, see configure.cli). The one reader of this rule, used by the API, the pages and the login.
 */
public final class DatabaseUnavailable {

    /** Seconds a client is asked to wait before it tries again. */
    public static final int RETRY_AFTER_SECONDS = 30;

    /**
     * Besides class 08 (any connection failure): the server shutting down, killed or starting up (57P01–57P03,
     * also a connection ended by {@code pg_terminate_backend}) and too many connections (53300). A refusal at
     * connect (e.g. 55000, a database not accepting connections) reaches us inside the pool's ResourceException.
     */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseUnavailable() {
    }

    public static boolean in(Throwable failure) {
        return in(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /**
     * Along the causes and also the suppressed exceptions: a commit that failed because the connection was lost
     * (the primary gone in a failover) reaches us as the transaction manager's RollbackException ("Could not
     * commit transaction"), the pool's and the driver's exceptions only suppressed inside it.
     */
    private static boolean in(Throwable failure, Set<Throwable> seen) {
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            // The connection pool (IronJacamar) could not give a connection: whatever PostgreSQL said, none to be had.
            if (t instanceof jakarta.resource.ResourceException || t instanceof ConnectException
                    || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    String state = s.getSQLState();
                    if (state != null && (state.startsWith("08") || STATES.contains(state))) {
                        return true;
                    }
                }
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (in(suppressed, seen)) {
                    return true;
                }
            }
        }
        return false;
    }
}
