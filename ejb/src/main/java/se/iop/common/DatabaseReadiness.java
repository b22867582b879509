package se.iop.common;

import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Whether the application can work with its database now: a connection from the pool that answers
 * PostgreSQL's check. What the readiness check ({@code GET /api/health/ready}) reports, so that a load
 * balancer stops sending requests to a node while its database is away.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseReadiness {

    /** The application's datasource (wildfly-config's configure.cli makes it; persistence.xml names it too). */
    public static final String DATASOURCE = "java:jboss/datasources/IopDS";

    /** Seconds the database has to answer. */
    private static final int TIMEOUT_SECONDS = 3;

    @Resource(lookup = DATASOURCE)
    private DataSource dataSource;

    /** Empty when the database answers; otherwise why not. */
    @jakarta.ejb.Lock(jakarta.ejb.LockType.READ)
    public Optional<String> problem() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(TIMEOUT_SECONDS) ? Optional.empty() : Optional.of("the connection did not answer in time");
        } catch (SQLException | RuntimeException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }
}
