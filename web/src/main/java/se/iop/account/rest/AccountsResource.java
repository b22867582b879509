package se.iop.account.rest;

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
import se.iop.account.boundary.Accounts;
import se.iop.account.entity.Account;
import se.iop.account.rest.AccountInputs.AccountInput;
import se.iop.account.rest.AccountInputs.AccountUpdate;
import se.iop.web.Etags;

import java.util.List;

/**
 * User accounts: administrators create them and change their roles and whom they act for (an organisation,
 * or for a private landlord user its landlord record); administrators and auditors read them.
 */
@ApplicationScoped
@Path("accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountsResource {

    @Inject
    private Accounts accounts;

    @Context
    private UriInfo uri;

    @Operation(summary = "List the accounts")
    @GET
    public List<AccountJson> list() {
        return accounts.list().stream().map(AccountJson::of).toList();
    }

    @Operation(summary = "Read an account")
    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        return ok(accounts.find(id));
    }

    @Operation(summary = "Create an account with its first password")
    @POST
    public Response create(@NotNull @Valid AccountInput in) {
        Account a = accounts.create(in.data(), in.passwordChars());
        return Response.created(uri.getAbsolutePathBuilder().path(a.id().toString()).build())
                .tag(Etags.of(a.version())).entity(AccountJson.of(a)).build();
    }

    @Operation(summary = "Change an account's name, e-mail, roles and whom it acts for")
    @PUT
    @Path("{id}")
    public Response update(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid AccountUpdate in) {
        return ok(accounts.update(id, Etags.expected(ifMatch, in.version()), in.data()));
    }

    private static Response ok(Account a) {
        return Response.ok(AccountJson.of(a)).tag(Etags.of(a.version())).build();
    }
}
