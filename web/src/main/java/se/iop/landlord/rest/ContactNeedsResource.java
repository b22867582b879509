package se.iop.landlord.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import se.iop.landlord.boundary.ContactNeeds;
import se.iop.landlord.rest.LandlordInputs.HandledInput;
import se.iop.landlord.rest.LandlordJson.NeedOut;
import se.iop.web.Etags;

import java.util.List;

/** What landlords asked the support team for, for the administrators to follow up. */
@ApplicationScoped
@Path("contact-needs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContactNeedsResource {

    @Inject
    private ContactNeeds needs;

    @Operation(summary = "List what landlords asked the support team for")
    @GET
    public List<NeedOut> list(@QueryParam("open") boolean openOnly) {
        return needs.list(openOnly).stream().map(NeedOut::of).toList();
    }

    @Operation(summary = "Mark a contact need as handled")
    @POST
    @Path("{id}/handled")
    public NeedOut handled(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid HandledInput in) {
        return NeedOut.of(needs.handle(id, Etags.expected(ifMatch, in.version()), in.note()));
    }
}
