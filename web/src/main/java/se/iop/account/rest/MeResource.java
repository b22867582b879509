package se.iop.account.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import se.iop.account.boundary.Accounts;
import se.iop.account.entity.Account;
import se.iop.account.entity.Role;

import java.util.List;

/** Who the caller is: for a client to check its credentials, and which organisation it acts for. */
@ApplicationScoped
@Path("accounts/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    /** The caller's own account as it may see it. */
    public record Me(String username, String displayName, List<Role> roles, Long organisationId) {
    }

    @Inject
    private Accounts accounts;

    @Operation(summary = "The caller's own account: user name, name, roles and organisation")
    @GET
    public Me me() {
        Account a = accounts.me();
        return new Me(a.username(), a.displayName(), a.roles().stream().sorted().toList(),
                a.organisation() == null ? null : a.organisation().id());
    }
}
