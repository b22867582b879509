package se.iop.landlord.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import se.iop.landlord.boundary.Deliveries;
import se.iop.landlord.rest.LandlordJson.ProgressOut;

/** The progress of a background send: how many of its deliveries are sent, failed, still pending. */
@ApplicationScoped
@Path("sends")
@Produces(MediaType.APPLICATION_JSON)
public class SendsResource {

    @Inject
    private Deliveries deliveries;

    @Operation(summary = "Read the progress of a send")
    @GET
    @Path("{id}")
    public ProgressOut get(@PathParam("id") long id) {
        return ProgressOut.of(deliveries.progress(id));
    }
}
