package se.iop.account.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import se.iop.account.boundary.InvitationInfo;
import se.iop.account.boundary.Invitations;

import java.util.List;

/**
 * Invitations: administrators invite a person by e-mail (an account is made for them, and the e-mail carries a
 * link that works once), send one again with a new link, and revoke one; administrators and auditors list them.
 * No answer carries a link or its secret.
 */
@ApplicationScoped
@Path("invitations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvitationsResource {

    @Inject
    private Invitations invitations;

    @Context
    private UriInfo uri;

    @Operation(summary = "List the invitations, newest first, with where each stands")
    @GET
    public List<InvitationInfo> list() {
        return invitations.list();
    }

    @Operation(summary = "Read an invitation")
    @GET
    @Path("{id}")
    public InvitationInfo get(@PathParam("id") long id) {
        return invitations.find(id);
    }

    /** 201: the account is made and the e-mail is sent; when the mail server does not take it, 409 and nothing stored. */
    @Operation(summary = "Invite a person by e-mail to a role (and organisation); an account is made and the link mailed")
    @POST
    public Response invite(@NotNull @Valid InvitationInput in) {
        InvitationInfo made = invitations.invite(in.data());
        return Response.created(uri.getAbsolutePathBuilder().path(made.id().toString()).build()).entity(made).build();
    }

    @Operation(summary = "Send an invitation again with a new link; the link sent before stops working")
    @POST
    @Path("{id}/resend")
    public InvitationInfo resend(@PathParam("id") long id) {
        return invitations.resend(id);
    }

    /** Revokes the invitation and answers it as it now stands; revoking it again answers the same. */
    @Operation(summary = "Revoke an invitation: its link stops working and its unused account is deactivated")
    @DELETE
    @Path("{id}")
    public InvitationInfo revoke(@PathParam("id") long id) {
        return invitations.revoke(id);
    }
}
