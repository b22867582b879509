package se.iop.landlord.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import se.iop.landlord.boundary.Deliveries;

/** One landlord delivery: sending again one whose worker died at the message's end (ADMIN). */
@ApplicationScoped
@Path("deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveriesResource {

    @Inject
    private Deliveries deliveries;

    /** 204 when queued again; 409 unless the delivery is uncertain (see the deliveries' {@code uncertain}). */
    @Operation(summary = "Send again a delivery that may not have arrived (its mailer died at the message's end)")
    @POST
    @Path("{id}/send-again")
    public Response sendAgain(@PathParam("id") long id) {
        deliveries.sendAgain(id);
        return Response.noContent().build();
    }
}
