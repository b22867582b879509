package se.iop.landlord.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import se.iop.audit.boundary.Change;
import se.iop.audit.boundary.History;
import se.iop.landlord.boundary.Deliveries;
import se.iop.landlord.boundary.LandlordQuery;
import se.iop.landlord.boundary.LandlordSummary;
import se.iop.landlord.boundary.Landlords;
import se.iop.landlord.entity.Landlord;
import se.iop.landlord.entity.LandlordKind;
import se.iop.landlord.rest.LandlordInputs.ContactInput;
import se.iop.landlord.rest.LandlordInputs.FlatInput;
import se.iop.landlord.rest.LandlordInputs.StageInput;
import se.iop.landlord.boundary.FlatStages;
import se.iop.landlord.rest.LandlordInputs.LandlordInput;
import se.iop.landlord.rest.LandlordInputs.LandlordUpdate;
import se.iop.landlord.rest.LandlordInputs.NoteInput;
import se.iop.landlord.rest.LandlordInputs.VersionOnly;
import se.iop.landlord.rest.LandlordJson.DeliveryOut;
import se.iop.landlord.rest.LandlordJson.LandlordOut;
import se.iop.web.Etags;

import java.util.List;

/** The landlord register: landlords, their contacts with notes, the flats they offer, what they have been sent. */
@ApplicationScoped
@Path("landlords")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LandlordsResource {

    @Inject
    private Landlords landlords;

    @Inject
    private Deliveries deliveries;

    @Inject
    private History history;

    @Context
    private UriInfo uri;

    public record Page(long total, int first, int max, List<LandlordSummary> items) {
    }

    @Operation(summary = "Search landlords, a page at a time")
    @GET
    public Page list(@QueryParam("q") String text, @QueryParam("kind") LandlordKind kind,
                     @QueryParam("inactive") boolean inactive, @QueryParam("withFlats") boolean withFlats,
                     @QueryParam("withoutAddress") boolean withoutAddress,
                     @QueryParam("first") @DefaultValue("0") int first, @QueryParam("max") @DefaultValue("50") int max) {
        LandlordQuery q = new LandlordQuery(text, kind, inactive, withFlats, withoutAddress, first, max);
        return new Page(landlords.count(q), first, max, landlords.search(q));
    }

    @Operation(summary = "Read a landlord with contacts and flats")
    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        return ok(landlords.find(id));
    }

    @Operation(summary = "Register a landlord")
    @POST
    public Response create(@NotNull @Valid LandlordInput in) {
        Landlord l = landlords.create(in.data());
        return Response.created(uri.getAbsolutePathBuilder().path(l.id().toString()).build())
                .tag(Etags.of(l.version())).entity(LandlordOut.of(landlords.find(l.id()))).build();
    }

    @Operation(summary = "Update a landlord's name and address")
    @PUT
    @Path("{id}")
    public Response update(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid LandlordUpdate in) {
        return ok(landlords.update(id, Etags.expected(ifMatch, in.version()), in.name(), in.address()));
    }

    @Operation(summary = "Deactivate a landlord")
    @POST
    @Path("{id}/deactivate")
    public Response deactivate(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, VersionOnly in) {
        return ok(landlords.deactivate(id, Etags.expected(ifMatch, in == null ? null : in.version())));
    }

    @Operation(summary = "Reactivate a landlord")
    @POST
    @Path("{id}/reactivate")
    public Response reactivate(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, VersionOnly in) {
        return ok(landlords.reactivate(id, Etags.expected(ifMatch, in == null ? null : in.version())));
    }

    @Operation(summary = "Add a contact person to a landlord")
    @POST
    @Path("{id}/contacts")
    public Response addContact(@PathParam("id") long id, @NotNull @Valid ContactInput in) {
        landlords.addContact(id, in.data());
        return created(id);
    }

    @Operation(summary = "Update a landlord's contact person")
    @PUT
    @Path("{id}/contacts/{contactId}")
    public Response updateContact(@PathParam("id") long id, @PathParam("contactId") long contactId,
                                  @HeaderParam("If-Match") String ifMatch, @NotNull @Valid ContactInput in) {
        landlords.updateContact(id, contactId, Etags.expected(ifMatch, in.version()), in.data());
        return ok(landlords.find(id));
    }

    @Operation(summary = "Remove a landlord's contact person")
    @DELETE
    @Path("{id}/contacts/{contactId}")
    public Response removeContact(@PathParam("id") long id, @PathParam("contactId") long contactId) {
        landlords.removeContact(id, contactId);
        return ok(landlords.find(id));
    }

    @Operation(summary = "Add a note about a landlord's contact person")
    @POST
    @Path("{id}/contacts/{contactId}/notes")
    public Response addNote(@PathParam("id") long id, @PathParam("contactId") long contactId,
                            @NotNull @Valid NoteInput in) {
        landlords.addNote(id, contactId, in.text());
        return created(id);
    }

    @Operation(summary = "Record a flat a landlord offers")
    @POST
    @Path("{id}/flats")
    public Response offerFlat(@PathParam("id") long id, @NotNull @Valid FlatInput in) {
        landlords.offerFlat(id, in.data());
        return created(id);
    }

    /** Kept at its old address: the flat is no longer deleted but becomes WITHDRAWN today, its history kept. */
    @Operation(summary = "Withdraw a flat a landlord offered (it becomes WITHDRAWN and keeps its history)")
    @DELETE
    @Path("{id}/flats/{flatId}")
    public Response withdrawFlat(@PathParam("id") long id, @PathParam("flatId") long flatId,
                                 @QueryParam("reason") @Size(max = 500) String reason) {
        landlords.withdrawFlat(id, flatId, reason);
        return ok(landlords.find(id));
    }

    @Operation(summary = "Read a flat's stage on its way from offer to home, with every step")
    @GET
    @Path("{id}/flats/{flatId}/stages")
    public Response stages(@PathParam("id") long id, @PathParam("flatId") long flatId) {
        FlatStages s = landlords.stages(id, flatId);
        return Response.ok(s).tag(Etags.of(s.version())).build();
    }

    @Operation(summary = "Move a flat to another stage (forward one at a time; back, off the way or after a closed stage with a reason)")
    @POST
    @Path("{id}/flats/{flatId}/stages")
    public Response moveFlat(@PathParam("id") long id, @PathParam("flatId") long flatId, @NotNull @Valid StageInput in) {
        FlatStages s = landlords.moveFlat(id, flatId, in.change());
        return Response.ok(s).tag(Etags.of(s.version())).build();
    }

    @Operation(summary = "List the packets delivered to a landlord")
    @GET
    @Path("{id}/deliveries")
    public List<DeliveryOut> deliveries(@PathParam("id") long id) {
        landlords.find(id);
        return deliveries.ofLandlord(id).stream().map(DeliveryOut::of).toList();
    }

    /** Every change of the landlord, its contacts, notes and flats, newest first. */
    @Operation(summary = "List every change of a landlord")
    @GET
    @Path("{id}/history")
    public List<Change> history(@PathParam("id") long id) {
        landlords.find(id);
        return history.ofLandlord(id);
    }

    private Response created(long id) {
        Landlord l = landlords.find(id);
        return Response.status(Response.Status.CREATED).tag(Etags.of(l.version())).entity(LandlordOut.of(l)).build();
    }

    private Response ok(Landlord l) {
        Landlord fresh = landlords.find(l.id());
        return Response.ok(LandlordOut.of(fresh)).tag(Etags.of(fresh.version())).build();
    }
}
