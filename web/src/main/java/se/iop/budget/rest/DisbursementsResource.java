package se.iop.budget.rest;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import se.iop.budget.boundary.Disbursements;
import se.iop.budget.entity.Disbursement;
import se.iop.budget.rest.BudgetInputs.CancelInput;
import se.iop.budget.rest.BudgetInputs.PayInput;
import se.iop.budget.rest.BudgetJson.DisbursementJson;
import se.iop.web.Etags;

/** A payment to a partner and its steps: approve, pay, cancel. */
@Path("disbursements/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DisbursementsResource {

    public record VersionInput(Long version) {
    }

    @Inject
    private Disbursements disbursements;

    @Operation(summary = "Read a payment")
    @GET
    public Response get(@PathParam("id") long id) {
        return ok(disbursements.find(id));
    }

    @Operation(summary = "Approve a planned payment")
    @POST
    @Path("approve")
    public Response approve(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, VersionInput in) {
        return ok(disbursements.approve(id, Etags.expected(ifMatch, in == null ? null : in.version())));
    }

    @Operation(summary = "Mark an approved payment as paid")
    @POST
    @Path("pay")
    public Response pay(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid PayInput in) {
        return ok(disbursements.pay(id, Etags.expected(ifMatch, in.version()), in.paidOn()));
    }

    @Operation(summary = "Cancel a payment")
    @POST
    @Path("cancel")
    public Response cancel(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid CancelInput in) {
        return ok(disbursements.cancel(id, Etags.expected(ifMatch, in.version()), in.reason()));
    }

    private static Response ok(Disbursement d) {
        return Response.ok(DisbursementJson.of(d)).tag(Etags.of(d.version())).build();
    }
}
