package se.iop.pool;

import org.jboss.jca.adapters.jdbc.extensions.postgres.PostgreSQLValidConnectionChecker;
import org.jboss.jca.adapters.jdbc.spi.ValidConnectionChecker;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.LongSupplier;

/**
 * The pool's check of a connection it hands out ({@code validate-on-match}, configure.cli): PostgreSQL's own
 * check (an empty statement, one round trip), but at most once per {@value #WINDOW_MS} ms per connection, as
 * HikariCP does. Under load a connection is handed out many times a second, and the round trip was a good part of
 * a short request's work; a connection that waited in the pool longer than that is checked as before, so after an
 * outage or a failover (longer than the window) the dead connections are still found and dropped before a request
 * gets one. A connection the driver already knows broken (an I/O error closes it) is refused without a round trip.
 * What the window lets through: a connection ended by the server less than {@value #WINDOW_MS} ms after its last
 * check and handed out within them; its request fails (503) and the connection is dropped at its next hand-out.
 *
 * <p>Runs in the server's datasource, not the application: a server module of its own (se.iop.pool, put into the
 * provisioned server by the build), named by {@code valid-connection-checker-module}.
 */
public class RecentlyCheckedConnections implements ValidConnectionChecker {

    static final long WINDOW_MS = 500;

    private final ValidConnectionChecker check;
    private final LongSupplier nanos;
    /** When each connection last passed the round-trip check; weak keys: a destroyed connection leaves by itself. */
    private final Map<Connection, Long> checked = Collections.synchronizedMap(new WeakHashMap<>());

    public RecentlyCheckedConnections() {
        this(new PostgreSQLValidConnectionChecker(), System::nanoTime);
    }

    RecentlyCheckedConnections(ValidConnectionChecker check, LongSupplier nanos) {
        this.check = check;
        this.nanos = nanos;
    }

    @Override
    public SQLException isValidConnection(Connection connection) {
        try {
            if (connection.isClosed()) {
                checked.remove(connection);
                return new SQLException("The connection is closed (the driver found it broken)", "08003");
            }
        } catch (SQLException e) {
            return e;
        }
        long now = nanos.getAsLong();
        Long last = checked.get(connection);
        if (last != null && now - last < WINDOW_MS * 1_000_000) {
            return null;
        }
        SQLException failure = check.isValidConnection(connection);
        if (failure == null) {
            checked.put(connection, now);
        } else {
            checked.remove(connection);
        }
        return failure;
    }
}
