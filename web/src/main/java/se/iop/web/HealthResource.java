package se.iop.web;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import se.iop.common.DatabaseReadiness;
import se.iop.common.DatabaseUnavailable;

import java.util.Optional;

/**
 * Readiness for a load balancer, public: 200 {@code UP} when the database answers, 503 {@code DOWN} with
 * Retry-After when it does not (in the MicroProfile Health format). Here in the application rather than in
 * WildFly's {@code /health/ready}: WildFly 39 does not register health checks of an EAR's modules (WFLY-12835),
 * and its own checks do not look at datasources.
 */
@ApplicationScoped
@Path("health")
public class HealthResource {

    @EJB
    private DatabaseReadiness database;

    @Operation(summary = "Readiness: UP when the database answers, DOWN otherwise (public)")
    @GET
    @Path("ready")
    @Produces(MediaType.APPLICATION_JSON)
    public Response ready() {
        Optional<String> problem = database.problem();
        JsonObjectBuilder check = Json.createObjectBuilder().add("name", "database")
                .add("status", problem.isEmpty() ? "UP" : "DOWN");
        // Only that it failed, not why: the answer is public; the reason is in the server log.
        JsonObjectBuilder body = Json.createObjectBuilder().add("status", problem.isEmpty() ? "UP" : "DOWN")
                .add("checks", Json.createArrayBuilder().add(check));
        if (problem.isEmpty()) {
            return Response.ok(body.build().toString()).build();
        }
        java.util.logging.Logger.getLogger(HealthResource.class.getName())
                .warning(() -> "Readiness: the database is DOWN: " + problem.get());
        return Response.status(503).entity(body.build().toString())
                .header("Retry-After", Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS)).build();
    }
}
