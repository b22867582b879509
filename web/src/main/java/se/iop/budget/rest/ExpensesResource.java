package se.iop.budget.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import se.iop.budget.boundary.Expenses;
import se.iop.budget.entity.Expense;
import se.iop.budget.rest.BudgetInputs.ReversalInput;
import se.iop.budget.rest.BudgetJson.ExpenseJson;

/** A booked cost, and its correction by reversal. */
@ApplicationScoped
@Path("expenses/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ExpensesResource {

    @Inject
    private Expenses expenses;

    @Operation(summary = "Read a booked cost")
    @GET
    public ExpenseJson get(@PathParam("id") long id) {
        return ExpenseJson.of(expenses.find(id));
    }

    @Operation(summary = "Correct a booked cost by booking its reversal")
    @POST
    @Path("reverse")
    public Response reverse(@PathParam("id") long id, @NotNull @Valid ReversalInput in) {
        Expense reversal = expenses.reverse(id, in.spentOn(), in.reason(), in.voucher());
        return Response.status(Response.Status.CREATED).entity(ExpenseJson.of(expenses.find(reversal.id()))).build();
    }
}
