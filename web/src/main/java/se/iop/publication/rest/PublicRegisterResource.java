package se.iop.publication.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import se.iop.common.InvalidInput;
import se.iop.publication.boundary.PublicRegister;
import se.iop.publication.boundary.Register;
import se.iop.publication.control.RegisterCsv;

/**
 * The public IOP register for anyone, without logging in (web.xml leaves {@code /api/public/*} open): as
 * JSON, and as two CSV files (partnerships with their parties and decisions; outcomes per quarter). The
 * optional {@code status} is {@code inForce} or {@code ended}. Nothing here makes a session.
 */
@ApplicationScoped
@Path("public")
public class PublicRegisterResource {

    @Inject
    private PublicRegister register;

    @Operation(summary = "Read the public IOP register (no login)")
    @GET
    @Path("register")
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    public Register read(@QueryParam("status") String status) {
        return register.read(ended(status));
    }

    @Operation(summary = "Download the public register's partnerships, parties and decisions as CSV (no login)")
    @GET
    @Path("register.csv")
    @Produces({"text/csv", "application/problem+json"})
    public Response partnerships(@QueryParam("status") String status) {
        return csv(RegisterCsv.partnerships(register.read(ended(status))), "iop-register.csv");
    }

    @Operation(summary = "Download the public register's outcomes per quarter as CSV (no login)")
    @GET
    @Path("register/outcomes.csv")
    @Produces({"text/csv", "application/problem+json"})
    public Response outcomes() {
        return csv(RegisterCsv.outcomes(register.read(null)), "iop-register-outcomes.csv");
    }

    private static Response csv(byte[] body, String filename) {
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }

    /** {@code inForce} → false, {@code ended} → true, none → null (both). */
    public static Boolean ended(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        return switch (status.strip()) {
            case "inForce" -> false;
            case "ended" -> true;
            default -> throw new InvalidInput("status", "error.register.status");
        };
    }
}
