package se.iop.landlord.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import se.iop.landlord.boundary.PacketSummary;
import se.iop.landlord.boundary.Packets;
import se.iop.landlord.boundary.SendReceipt;
import se.iop.landlord.entity.DeliveryStatus;
import se.iop.landlord.entity.InformationPacket;
import se.iop.landlord.entity.PacketVersion;
import se.iop.landlord.rest.LandlordInputs.PacketInput;
import se.iop.landlord.rest.LandlordInputs.SendInput;
import se.iop.landlord.rest.LandlordInputs.VersionOnly;
import se.iop.landlord.rest.LandlordJson.DeliveryOut;
import se.iop.landlord.rest.LandlordJson.OverviewOut;
import se.iop.landlord.rest.LandlordJson.PacketOut;
import se.iop.landlord.rest.LandlordJson.SendOut;
import se.iop.landlord.rest.LandlordJson.VersionOut;
import se.iop.web.Etags;

import java.util.List;

/**
 * Information packets, their versions (edit a draft, publish, start a new one, the PDF), sending a
 * version to landlords in the background (202 with the send to follow) and its deliveries.
 */
@ApplicationScoped
@Path("packets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PacketsResource {

    static final String PDF = "application/pdf";

    @Inject
    private Packets packets;

    @Inject
    private Deliveries deliveries;

    @Inject
    private History history;

    @Context
    private UriInfo uri;

    @Operation(summary = "List information packets")
    @GET
    public List<PacketSummary> list() {
        return packets.list();
    }

    @Operation(summary = "Create an information packet with its first draft")
    @POST
    public Response create(@NotNull @Valid PacketInput in) {
        InformationPacket p = packets.create(in.agreementId(), in.draft());
        return Response.created(uri.getAbsolutePathBuilder().path(p.id().toString()).build())
                .entity(PacketOut.of(packets.find(p.id()))).build();
    }

    @Operation(summary = "Read an information packet and its versions")
    @GET
    @Path("{id}")
    public PacketOut get(@PathParam("id") long id) {
        return PacketOut.of(packets.find(id));
    }

    /** A new draft after the latest published version. */
    @Operation(summary = "Start a new draft version of a packet")
    @POST
    @Path("{id}/versions")
    public Response newVersion(@PathParam("id") long id) {
        PacketVersion v = packets.newVersion(id);
        return Response.created(uri.getAbsolutePathBuilder().path(Integer.toString(v.number())).build())
                .tag(Etags.of(v.version())).entity(version(id, v.number())).build();
    }

    @Operation(summary = "Read a version of a packet")
    @GET
    @Path("{id}/versions/{number}")
    public Response getVersion(@PathParam("id") long id, @PathParam("number") int number) {
        VersionOut v = version(id, number);
        return Response.ok(v).tag(Etags.of(v.version())).build();
    }

    @Operation(summary = "Edit a draft version of a packet")
    @PUT
    @Path("{id}/versions/{number}")
    public Response edit(@PathParam("id") long id, @PathParam("number") int number,
                         @HeaderParam("If-Match") String ifMatch, @NotNull @Valid PacketInput in) {
        packets.edit(id, number, Etags.expected(ifMatch, in.version()), in.draft());
        return getVersion(id, number);
    }

    @Operation(summary = "Publish a draft version of a packet")
    @POST
    @Path("{id}/versions/{number}/publish")
    public Response publish(@PathParam("id") long id, @PathParam("number") int number,
                            @HeaderParam("If-Match") String ifMatch, VersionOnly in) {
        packets.publish(id, number, Etags.expected(ifMatch, in == null ? null : in.version()));
        return getVersion(id, number);
    }

    @Operation(summary = "Download a version of a packet as PDF")
    @GET
    @Path("{id}/versions/{number}/pdf")
    @Produces(PDF)
    public Response pdf(@PathParam("id") long id, @PathParam("number") int number) {
        byte[] pdf = packets.pdf(id, number);
        return Response.ok(pdf, PDF)
                .header("Content-Disposition", "inline; filename=\"informationspaket-" + id + "-v" + number + ".pdf\"")
                .build();
    }

    /** Queues the version for the chosen landlords (or all not yet reached); the mail goes out in the background. */
    @Operation(summary = "Send a published version to landlords by e-mail")
    @POST
    @Path("{id}/versions/{number}/sends")
    public Response send(@PathParam("id") long id, @PathParam("number") int number, @NotNull @Valid SendInput in) {
        SendReceipt r = deliveries.send(id, number, in.request());
        return Response.accepted(SendOut.of(r, deliveries.progress(r.sendId())))
                .location(uri.getBaseUriBuilder().path("sends").path(Long.toString(r.sendId())).build()).build();
    }

    @Operation(summary = "List the deliveries of a packet version")
    @GET
    @Path("{id}/versions/{number}/deliveries")
    public List<DeliveryOut> deliveries(@PathParam("id") long id, @PathParam("number") int number,
                                        @QueryParam("status") DeliveryStatus status) {
        return deliveries.ofVersion(id, number, status).stream().map(DeliveryOut::of).toList();
    }

    /** Every change of the version and its sections, newest first. */
    @Operation(summary = "List every change of a packet version")
    @GET
    @Path("{id}/versions/{number}/history")
    public List<Change> history(@PathParam("id") long id, @PathParam("number") int number) {
        return history.ofPacketVersion(packets.version(id, number).id());
    }

    @Operation(summary = "Read how the deliveries of a packet version stand")
    @GET
    @Path("{id}/versions/{number}/overview")
    public OverviewOut overview(@PathParam("id") long id, @PathParam("number") int number) {
        return OverviewOut.of(deliveries.overview(id, number));
    }

    private VersionOut version(long id, int number) {
        return VersionOut.of(packets.version(id, number), packets.document(id, number));
    }
}
