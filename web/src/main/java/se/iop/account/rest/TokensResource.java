package se.iop.account.rest;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import se.iop.account.boundary.ApiTokens;
import se.iop.account.boundary.TokenInfo;

/** One API token: read by administrators and auditors, revoked by administrators (at once, for good). */
@ApplicationScoped
@Path("tokens")
@Produces(MediaType.APPLICATION_JSON)
public class TokensResource {

    @Inject
    private ApiTokens tokens;

    @Operation(summary = "Read an API token (never its secret)")
    @GET
    @Path("{id}")
    public TokenInfo get(@PathParam("id") long id) {
        return tokens.find(id);
    }

    /** Revokes the token and answers it as it now stands; revoking it again answers the same. */
    @Operation(summary = "Revoke an API token")
    @DELETE
    @Path("{id}")
    public TokenInfo revoke(@PathParam("id") long id) {
        return tokens.revoke(id);
    }
}
