package se.iop.web;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The database in WildFly's readiness check ({@code /health/ready} on the management port): DOWN while the
 * application cannot get a working connection, so a load balancer stops sending requests to this node.
 * WildFly's own readiness checks (server state, deployments, boot errors) do not look at datasources.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    /** Seconds the database has to answer the pool's check. */
    private static final int TIMEOUT_SECONDS = 3;

    @Resource(lookup = "java:jboss/datasources/IopDS")
    private DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try (Connection c = dataSource.getConnection()) {
            return HealthCheckResponse.named("database").status(c.isValid(TIMEOUT_SECONDS)).build();
        } catch (SQLException | RuntimeException e) {
            return HealthCheckResponse.named("database").down().withData("failure", ProblemMapper.innermost(e)).build();
        }
    }
}
