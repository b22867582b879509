package se.iop.fidelity.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import se.iop.fidelity.boundary.AssessmentDetails;
import se.iop.fidelity.boundary.FidelityAssessments;
import se.iop.fidelity.rest.FidelityJson.FidelityAssessmentJson;
import se.iop.fidelity.rest.FidelityJson.FidelityAttachmentJson;
import se.iop.fidelity.rest.FidelityJson.FidelityCreateInput;
import se.iop.fidelity.rest.FidelityJson.FidelityReviseInput;
import se.iop.fidelity.rest.FidelityJson.FidelityScaleJson;
import se.iop.report.entity.FileType;
import se.iop.report.rest.ReportInputs.ReturnInput;
import se.iop.report.rest.ReportInputs.VersionInput;
import se.iop.web.Etags;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Fidelity self-assessments (programtrohet): partners write and hand in one per agreement and year, administrators
 * approve or return them, finance and auditors read. Scores go by the item's code on the scale ({@code GET scale}).
 * Evidence is sent as a report's attachments are: the file as the request body with its own content type, its name
 * (and the item it is for, if any) as query parameters.
 */
@ApplicationScoped
@Path("fidelity")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FidelityResource {

    @Inject
    private FidelityAssessments assessments;

    @Context
    private UriInfo uri;

    @Operation(summary = "Read the fidelity scale: its steps, domains and items")
    @GET
    @Path("scale")
    public FidelityScaleJson scale() {
        return FidelityScaleJson.of(assessments.scale());
    }

    @Operation(summary = "List an agreement's fidelity self-assessments, newest year first")
    @GET
    public List<FidelityAssessmentJson> ofAgreement(@NotNull @QueryParam("agreementId") Long agreementId) {
        return assessments.ofAgreement(agreementId).stream().map(FidelityAssessmentJson::of).toList();
    }

    @Operation(summary = "Begin a fidelity self-assessment for an agreement and year")
    @POST
    public Response create(@NotNull @Valid FidelityCreateInput in) {
        AssessmentDetails a = assessments.create(in.agreementId(), in.year(), FidelityJson.entries(in.scores()));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(a.id())).build())
                .tag(Etags.of(a.version())).entity(FidelityAssessmentJson.of(a)).build();
    }

    @Operation(summary = "Read a fidelity self-assessment")
    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        return ok(assessments.find(id));
    }

    @Operation(summary = "Save the scores of a draft or returned fidelity self-assessment")
    @PUT
    @Path("{id}")
    public Response revise(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid FidelityReviseInput in) {
        return ok(assessments.revise(id, Etags.expected(ifMatch, in.version()), FidelityJson.entries(in.scores())));
    }

    @Operation(summary = "Hand in a fidelity self-assessment")
    @POST
    @Path("{id}/submit")
    public Response submit(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, VersionInput in) {
        return ok(assessments.submit(id, Etags.expected(ifMatch, in == null ? null : in.version())));
    }

    @Operation(summary = "Approve a handed-in fidelity self-assessment")
    @POST
    @Path("{id}/approve")
    public Response approve(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, VersionInput in) {
        return ok(assessments.approve(id, Etags.expected(ifMatch, in == null ? null : in.version())));
    }

    @Operation(summary = "Return a handed-in fidelity self-assessment with a comment")
    @POST
    @Path("{id}/return")
    public Response returnToPartner(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                                    @NotNull @Valid ReturnInput in) {
        return ok(assessments.returnToPartner(id, Etags.expected(ifMatch, in.version()), in.comment()));
    }

    @Operation(summary = "Attach evidence to a draft or returned fidelity self-assessment, for one item or the whole")
    @POST
    @Path("{id}/attachments")
    @Consumes(MediaType.WILDCARD)
    public Response attach(@PathParam("id") long id,
                           @Parameter(description = "The file's name, with its extension.", example = "rutin.pdf",
                                   schema = @Schema(maxLength = FileType.MAX_NAME)) @QueryParam("filename") String filename,
                           @Parameter(description = "The code of the item it is evidence for; none: the whole assessment.",
                                   example = "A1", schema = @Schema(maxLength = 20)) @QueryParam("item") String item,
                           @HeaderParam("Content-Type") String contentType, InputStream body) throws IOException {
        // Never read more than one byte past the limit: the domain refuses what is too large.
        byte[] bytes = body == null ? new byte[0] : body.readNBytes(FileType.MAX_BYTES + 1);
        AssessmentDetails a = assessments.attach(id, item, filename, contentType, bytes);
        AssessmentDetails.Attachment added = a.attachments().stream()
                .max(java.util.Comparator.comparingLong(AssessmentDetails.Attachment::id)).orElseThrow();
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(added.id())).build())
                .tag(Etags.of(a.version())).entity(FidelityAttachmentJson.of(added)).build();
    }

    @Operation(summary = "Download a piece of evidence of a fidelity self-assessment")
    @GET
    @Path("{id}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    public Response attachment(@PathParam("id") long id, @PathParam("attachmentId") long attachmentId) {
        FidelityAssessments.Evidence e = assessments.evidence(id, attachmentId);
        return Response.ok(e.bytes(), e.contentType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(e.filename(), StandardCharsets.UTF_8).replace("+", "%20"))
                .build();
    }

    @Operation(summary = "Remove a piece of evidence from a draft or returned fidelity self-assessment")
    @DELETE
    @Path("{id}/attachments/{attachmentId}")
    public Response detach(@PathParam("id") long id, @PathParam("attachmentId") long attachmentId) {
        assessments.detach(id, attachmentId);
        return Response.noContent().build();
    }

    private static Response ok(AssessmentDetails a) {
        return Response.ok(FidelityAssessmentJson.of(a)).tag(Etags.of(a.version())).build();
    }
}
