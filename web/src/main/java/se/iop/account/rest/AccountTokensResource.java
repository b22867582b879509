package se.iop.account.rest;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import se.iop.account.boundary.ApiTokens;
import se.iop.account.boundary.TokenInfo;

import java.util.List;

/**
 * An account's API tokens: administrators issue them (the answer carries the secret, this once), administrators
 * and auditors list them (never a secret).
 */
@ApplicationScoped
@Path("accounts/{accountId}/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountTokensResource {

    @Inject
    private ApiTokens tokens;

    @Context
    private UriInfo uri;

    @Operation(summary = "List an account's API tokens (never their secrets)")
    @GET
    public List<TokenInfo> list(@PathParam("accountId") long accountId) {
        return tokens.ofAccount(accountId);
    }

    /** 201 with the token and its {@code secret}; not kept by caches, and never shown again. */
    @Operation(summary = "Issue an API token for an account; the secret is in this answer only")
    @APIResponse(responseCode = "201", description = "The token, with its secret (this once).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssuedTokenJson.class)))
    @POST
    public Response issue(@PathParam("accountId") long accountId, @NotNull @Valid TokenInput in) {
        ApiTokens.Issued issued = tokens.issue(accountId, in.name(), in.tokenScope(), in.expiresOn());
        return Response.created(uri.getBaseUriBuilder().path("tokens").path(issued.token().id().toString()).build())
                .header("Cache-Control", "no-store")
                .entity(IssuedTokenJson.of(issued)).build();
    }
}
