package se.iop.account.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import se.iop.account.boundary.Accounts;
import se.iop.account.boundary.IdentityInfo;

import java.util.List;

/**
 * The sign-in providers an account is linked to. People are linked by accepting an invitation; an administrator
 * links a machine client (which calls the API with the provider's access tokens) by its subject there.
 */
@ApplicationScoped
@Path("accounts/{accountId}/identities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountIdentitiesResource {

    /** A subject at a configured provider: e.g. the id of a machine client's service identity there. */
    public record IdentityInput(@NotBlank @Size(max = 40) String provider, @NotBlank @Size(max = 255) String subject) {
    }

    @Inject
    private Accounts accounts;

    @Operation(summary = "List the sign-in providers an account is linked to (never the subject)")
    @GET
    public List<IdentityInfo> list(@PathParam("accountId") long accountId) {
        return accounts.identities(accountId);
    }

    @Operation(summary = "Link an account to a subject at a sign-in provider (a machine client's service identity)")
    @APIResponse(responseCode = "201", description = "The link made (without the subject, which is kept only as a hash).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IdentityInfo.class)))
    @POST
    public Response link(@PathParam("accountId") long accountId, @NotNull @Valid IdentityInput in) {
        return Response.status(Response.Status.CREATED).entity(accounts.link(accountId, in.provider(), in.subject())).build();
    }

    @Operation(summary = "Remove an account's link to a sign-in provider; the account's sessions end")
    @DELETE
    @Path("{provider}")
    public Response unlink(@PathParam("accountId") long accountId, @PathParam("provider") String provider) {
        accounts.unlink(accountId, provider);
        return Response.noContent().build();
    }
}
