package se.iop.budget.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import se.iop.budget.boundary.Budgets;
import se.iop.budget.boundary.Disbursements;
import se.iop.budget.boundary.Expenses;
import se.iop.budget.entity.BudgetLine;
import se.iop.budget.entity.Disbursement;
import se.iop.budget.entity.Expense;
import se.iop.budget.entity.Phase;
import se.iop.budget.rest.BudgetInputs.AllocationInput;
import se.iop.budget.rest.BudgetInputs.ContributionInput;
import se.iop.budget.rest.BudgetInputs.CorrectionInput;
import se.iop.budget.rest.BudgetInputs.DisbursementInput;
import se.iop.budget.rest.BudgetInputs.ExpenseInput;
import se.iop.budget.rest.BudgetInputs.LineInput;
import se.iop.budget.rest.BudgetInputs.PhaseInput;
import se.iop.budget.rest.BudgetInputs.ReplanInput;
import se.iop.budget.rest.BudgetJson.DisbursementJson;
import se.iop.budget.rest.BudgetJson.ExpenseJson;
import se.iop.budget.rest.BudgetJson.LineJson;
import se.iop.budget.rest.BudgetJson.PhaseJson;
import se.iop.web.Etags;

/** A phase of an agreement's budget and what is recorded in it. */
@ApplicationScoped
@Path("phases/{phaseId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PhasesResource {

    @Inject
    private Budgets budgets;

    @Inject
    private Disbursements disbursements;

    @Inject
    private Expenses expenses;

    @Context
    private UriInfo uri;

    @Operation(summary = "Read a budget phase")
    @GET
    public Response get(@PathParam("phaseId") long phaseId) {
        Phase p = budgets.phase(phaseId);
        return Response.ok(PhaseJson.of(p)).tag(Etags.of(p.version())).build();
    }

    @Operation(summary = "Rename or reschedule a budget phase")
    @PUT
    public Response update(@PathParam("phaseId") long phaseId, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid PhaseInput in) {
        budgets.reschedulePhase(phaseId, Etags.expected(ifMatch, in.version()), in.name(), in.startDate(), in.endDate());
        return get(phaseId);
    }

    @Operation(summary = "Allocate a committee's money to a phase")
    @POST
    @Path("allocations")
    public Response allocate(@PathParam("phaseId") long phaseId, @NotNull @Valid AllocationInput in) {
        budgets.allocate(phaseId, in.committeeId(), in.decisionId(), in.amount());
        return Response.status(Response.Status.CREATED).entity(PhaseJson.of(budgets.phase(phaseId))).build();
    }

    /**
     * Reduces an allocation, or withdraws it with amount 0, giving the reason; never below what the phase
     * has committed in approved and paid payments (409). Answers the phase with its corrections.
     */
    @Operation(summary = "Reduce or withdraw an allocation")
    @POST
    @Path("allocations/{allocationId}/corrections")
    public Response correctAllocation(@PathParam("phaseId") long phaseId, @PathParam("allocationId") long allocationId,
                                      @HeaderParam("If-Match") String ifMatch, @NotNull @Valid CorrectionInput in) {
        budgets.reduceAllocation(phaseId, allocationId, Etags.expected(ifMatch, in.version()), in.amount(), in.reason());
        return Response.status(Response.Status.CREATED).entity(PhaseJson.of(budgets.phase(phaseId))).build();
    }

    @Operation(summary = "Add a budget line to a phase")
    @POST
    @Path("lines")
    public Response addLine(@PathParam("phaseId") long phaseId, @NotNull @Valid LineInput in) {
        BudgetLine line = budgets.addLine(phaseId, in.category(), in.name(), in.planned(), in.account());
        return Response.status(Response.Status.CREATED).entity(LineJson.of(line)).build();
    }

    @Operation(summary = "Change the planned amount of a budget line")
    @PUT
    @Path("lines/{lineId}")
    public Response replan(@PathParam("phaseId") long phaseId, @PathParam("lineId") long lineId,
                           @HeaderParam("If-Match") String ifMatch, @NotNull @Valid ReplanInput in) {
        BudgetLine line = budgets.replan(phaseId, lineId, Etags.expected(ifMatch, in.version()), in.planned(), in.reason());
        return Response.ok(LineJson.of(line)).tag(Etags.of(line.version())).build();
    }

    @Operation(summary = "Record a party's co-financing contribution to a phase")
    @POST
    @Path("contributions")
    public Response contribute(@PathParam("phaseId") long phaseId, @NotNull @Valid ContributionInput in) {
        budgets.contribute(phaseId, in.partyId(), in.kind(), in.description(), in.value(), in.hours());
        return Response.status(Response.Status.CREATED).entity(PhaseJson.of(budgets.phase(phaseId))).build();
    }

    @Operation(summary = "Plan a payment to a partner")
    @POST
    @Path("disbursements")
    public Response plan(@PathParam("phaseId") long phaseId, @NotNull @Valid DisbursementInput in) {
        Disbursement d = disbursements.plan(phaseId, in.partnerId(), in.amount(), in.plannedOn(), in.reference());
        return Response.created(uri.getBaseUriBuilder().path("disbursements").path(d.id().toString()).build())
                .tag(Etags.of(d.version())).entity(DisbursementJson.of(d)).build();
    }

    @Operation(summary = "Book a cost on a budget line of a phase")
    @POST
    @Path("expenses")
    public Response book(@PathParam("phaseId") long phaseId, @NotNull @Valid ExpenseInput in) {
        Expense e = expenses.book(in.data(phaseId));
        return Response.created(uri.getBaseUriBuilder().path("expenses").path(e.id().toString()).build())
                .entity(ExpenseJson.of(expenses.find(e.id()))).build();
    }
}
