package se.iop.landlord.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import se.iop.landlord.boundary.Portal;
import se.iop.landlord.boundary.PortalFlat;
import se.iop.landlord.entity.ContactNeed;
import se.iop.landlord.rest.LandlordInputs.LinkInput;
import se.iop.landlord.rest.LandlordInputs.NeedInput;
import se.iop.landlord.rest.LandlordJson.DocumentOut;
import se.iop.landlord.rest.LandlordJson.NeedOut;
import se.iop.landlord.rest.LandlordJson.PortalPacketOut;

import java.util.List;

/**
 * The landlord portal for landlord users: the packets sent to their organisation, read, as PDF,
 * opened and acknowledged; the personal link of an e-mail; contact needs for the support team.
 */
@ApplicationScoped
@Path("portal")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PortalResource {

    @Inject
    private Portal portal;

    public record LinkOut(long versionId) {
    }

    @Operation(summary = "List the packets sent to your organisation")
    @GET
    @Path("packets")
    public List<PortalPacketOut> packets() {
        return portal.packets().stream().map(PortalPacketOut::of).toList();
    }

    @Operation(summary = "List the flats you offered, with the stage each has reached")
    @GET
    @Path("flats")
    public List<PortalFlat> flats() {
        return portal.flats();
    }

    @Operation(summary = "Read a packet sent to your organisation")
    @GET
    @Path("packets/{versionId}")
    public DocumentOut read(@PathParam("versionId") long versionId) {
        return DocumentOut.of(portal.read(versionId));
    }

    @Operation(summary = "Download a packet sent to your organisation as PDF")
    @GET
    @Path("packets/{versionId}/pdf")
    @Produces(PacketsResource.PDF)
    public Response pdf(@PathParam("versionId") long versionId) {
        return Response.ok(portal.pdf(versionId), PacketsResource.PDF)
                .header("Content-Disposition", "inline; filename=\"informationspaket-v" + versionId + ".pdf\"").build();
    }

    @Operation(summary = "Record that you opened a packet")
    @POST
    @Path("packets/{versionId}/opened")
    public PortalPacketOut opened(@PathParam("versionId") long versionId) {
        portal.opened(versionId);
        return PortalPacketOut.of(portal.packet(versionId));
    }

    @Operation(summary = "Acknowledge a packet")
    @POST
    @Path("packets/{versionId}/acknowledge")
    public PortalPacketOut acknowledge(@PathParam("versionId") long versionId) {
        return PortalPacketOut.of(portal.acknowledge(versionId));
    }

    /** The token of an e-mail's personal link: which version it carries (and it now counts as opened). */
    @Operation(summary = "Open the personal link of a packet e-mail")
    @POST
    @Path("links")
    public LinkOut link(@NotNull @Valid LinkInput in) {
        return new LinkOut(portal.openLink(in.token()));
    }

    @Operation(summary = "List your contact needs")
    @GET
    @Path("contact-needs")
    public List<NeedOut> needs() {
        return portal.myNeeds().stream().map(NeedOut::of).toList();
    }

    @Operation(summary = "Ask the support team for contact")
    @POST
    @Path("contact-needs")
    public Response report(@NotNull @Valid NeedInput in) {
        ContactNeed n = portal.reportNeed(in.category(), in.description());
        return Response.status(Response.Status.CREATED).entity(NeedOut.of(n)).build();
    }
}
