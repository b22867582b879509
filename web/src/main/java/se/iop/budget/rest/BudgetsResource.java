package se.iop.budget.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import se.iop.budget.boundary.BudgetSummaries;
import se.iop.budget.boundary.BudgetSummary;
import se.iop.budget.boundary.Budgets;
import se.iop.budget.boundary.Disbursements;
import se.iop.budget.boundary.Expenses;
import se.iop.budget.entity.Phase;
import se.iop.budget.rest.BudgetInputs.PhaseInput;
import se.iop.budget.rest.BudgetJson.DisbursementJson;
import se.iop.budget.rest.BudgetJson.ExpenseJson;
import se.iop.budget.rest.BudgetJson.PhaseJson;

import java.util.List;

/** An agreement's budget: the summary of where the money stands, its phases, payments and costs. */
@ApplicationScoped
@Path("budgets/{agreementId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BudgetsResource {

    @Inject
    private BudgetSummaries summaries;

    @Inject
    private Budgets budgets;

    @Inject
    private Disbursements disbursements;

    @Inject
    private Expenses expenses;

    @Context
    private UriInfo uri;

    public record ExpensePage(long total, int first, int max, List<ExpenseJson> items) {
    }

    @Operation(summary = "Read where an agreement's budget stands")
    @GET
    public BudgetSummary summary(@PathParam("agreementId") long agreementId) {
        return summaries.of(agreementId);
    }

    @Operation(summary = "List the phases of an agreement's budget")
    @GET
    @Path("phases")
    public List<PhaseJson> phases(@PathParam("agreementId") long agreementId) {
        return budgets.phases(agreementId).stream().map(PhaseJson::of).toList();
    }

    @Operation(summary = "Add a phase to an agreement's budget")
    @POST
    @Path("phases")
    public Response createPhase(@PathParam("agreementId") long agreementId, @NotNull @Valid PhaseInput in) {
        Phase p = budgets.createPhase(agreementId, in.name(), in.startDate(), in.endDate());
        return Response.created(uri.getBaseUriBuilder().path("phases").path(p.id().toString()).build())
                .entity(PhaseJson.of(p)).build();
    }

    @Operation(summary = "List the payments of an agreement")
    @GET
    @Path("disbursements")
    public List<DisbursementJson> disbursements(@PathParam("agreementId") long agreementId) {
        return disbursements.ofAgreement(agreementId).stream().map(DisbursementJson::of).toList();
    }

    @Operation(summary = "List the costs booked on an agreement, a page at a time")
    @GET
    @Path("expenses")
    public ExpensePage expenses(@PathParam("agreementId") long agreementId,
                                @QueryParam("first") @DefaultValue("0") int first,
                                @QueryParam("max") @DefaultValue("100") int max) {
        return new ExpensePage(expenses.countOfAgreement(agreementId), first, max,
                expenses.ofAgreement(agreementId, first, max).stream().map(ExpenseJson::of).toList());
    }
}
