package se.iop.budget.rest;

import jakarta.enterprise.context.ApplicationScoped;
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
import se.iop.web.BulkJson;
import se.iop.web.Etags;

/** A payment to a partner and its steps: approve, pay, cancel; several approved or paid in one action. */
@ApplicationScoped
@Path("disbursements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DisbursementsResource {

    public record VersionInput(Long version) {
    }

    @Inject
    private Disbursements disbursements;

    @Operation(summary = "Read a payment")
    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        return ok(disbursements.find(id));
    }

    @Operation(summary = "Approve a planned payment")
    @POST
    @Path("{id}/approve")
    public Response approve(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, VersionInput in) {
        return ok(disbursements.approve(id, Etags.expected(ifMatch, in == null ? null : in.version())));
    }

    @Operation(summary = "Mark an approved payment as paid")
    @POST
    @Path("{id}/pay")
    public Response pay(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid PayInput in) {
        return ok(disbursements.pay(id, Etags.expected(ifMatch, in.version()), in.paidOn()));
    }

    @Operation(summary = "Cancel a payment")
    @POST
    @Path("{id}/cancel")
    public Response cancel(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid CancelInput in) {
        return ok(disbursements.cancel(id, Etags.expected(ifMatch, in.version()), in.reason()));
    }

    @Operation(summary = "Approve several planned payments",
            description = "Each payment is approved on its own rules: one refused (over what its phase has left, not"
                    + " planned, changed since the version given, not found) leaves the others approved. The answer"
                    + " lists each payment's outcome.")
    @POST
    @Path("approvals")
    public BulkJson.BulkOutcome approveAll(@NotNull @Valid BulkJson.BulkItems in) {
        return BulkJson.BulkOutcome.of(disbursements.approveAll(in.toItems()));
    }

    @Operation(summary = "Mark several approved payments as paid",
            description = "Each payment on its own rules, all paid on the same day; the answer lists each one's outcome.")
    @POST
    @Path("payments")
    public BulkJson.BulkOutcome payAll(@NotNull @Valid BulkJson.BulkPayments in) {
        return BulkJson.BulkOutcome.of(disbursements.payAll(in.toItems(), in.paidOn()));
    }

    private static Response ok(Disbursement d) {
        return Response.ok(DisbursementJson.of(d)).tag(Etags.of(d.version())).build();
    }
}
