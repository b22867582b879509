package se.iop.retention.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.iop.retention.boundary.Retention;
import se.iop.retention.boundary.RetentionRecords.Act;
import se.iop.retention.boundary.RetentionRecords.ActDetail;
import se.iop.retention.boundary.RetentionRecords.Due;
import se.iop.retention.boundary.RetentionRecords.Hold;
import se.iop.retention.boundary.RetentionRecords.Item;
import se.iop.retention.boundary.RetentionRecords.PlanEntry;

import java.net.URI;
import java.util.List;

/**
 * Retention and disposal: the document plan (administrators change it, auditors read it), the preview of what is
 * due, legal holds on agreements, and disposal acts.
 */
@ApplicationScoped
@Path("retention")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class RetentionResource {

    @Inject
    private Retention retention;

    /** A type's retention as a client sends it; {@code version} is the one it read. */
    public record PlanInput(@Size(max = 30) @Schema(enumeration = {"PERMANENT", "AFTER_AGREEMENT_END", "AFTER_CREATION"}) String retention,
                            @Schema(minimum = "0", maximum = "100") Integer years, Long version) {
    }

    public record HoldInput(@Size(max = 1000) String reason) {
    }

    public record ItemInput(@Size(max = 30) String documentType, long recordId) {
    }

    public record DisposalInput(@Size(max = 10000) List<@Valid ItemInput> items) {
    }

    @Operation(summary = "The document plan: retention per document type")
    @GET
    @Path("plan")
    public List<PlanEntry> plan() {
        return retention.plan();
    }

    @Operation(summary = "Change one document type's retention")
    @PUT
    @Path("plan/{documentType}")
    public PlanEntry changePlan(@PathParam("documentType") String documentType, @NotNull @Valid PlanInput in) {
        return retention.changePlan(documentType, in.retention(), in.years(), in.version());
    }

    @Operation(summary = "What disposal would remove now (items under a legal hold marked held)")
    @GET
    @Path("preview")
    public List<Due> preview() {
        return retention.preview();
    }

    @Operation(summary = "The legal holds")
    @GET
    @Path("holds")
    public List<Hold> holds() {
        return retention.holds();
    }

    @Operation(summary = "Place a legal hold on an agreement")
    @PUT
    @Path("holds/{agreementId}")
    public Hold placeHold(@PathParam("agreementId") long agreementId, @NotNull @Valid HoldInput in) {
        return retention.placeHold(agreementId, in.reason());
    }

    @Operation(summary = "Lift the legal hold on an agreement")
    @DELETE
    @Path("holds/{agreementId}")
    public Response liftHold(@PathParam("agreementId") long agreementId) {
        retention.liftHold(agreementId);
        return Response.noContent().build();
    }

    @Operation(summary = "Dispose of the items named, as one act (all due, none under hold, or nothing is done)")
    @POST
    @Path("disposals")
    public Response dispose(@NotNull @Valid DisposalInput in) {
        List<Item> items = in.items() == null ? List.of()
                : in.items().stream().map(i -> i == null ? null : new Item(i.documentType(), i.recordId())).toList();
        Act act = retention.dispose(items);
        return Response.created(URI.create("retention/disposals/" + act.id())).entity(act).build();
    }

    @Operation(summary = "The disposal acts, newest first")
    @GET
    @Path("disposals")
    public List<Act> acts() {
        return retention.acts();
    }

    @Operation(summary = "One disposal act with the disposal record of each item it disposed of")
    @GET
    @Path("disposals/{id}")
    public ActDetail act(@PathParam("id") long id) {
        return retention.act(id);
    }
}
