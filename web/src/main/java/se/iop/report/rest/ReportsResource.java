package se.iop.report.rest;

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
import se.iop.report.boundary.ActivityReports;
import se.iop.report.boundary.ReportQuery;
import se.iop.report.boundary.ReportDetails;
import se.iop.report.entity.FileType;
import se.iop.report.entity.ReportAttachment;
import se.iop.report.entity.ReportStatus;
import se.iop.report.rest.ReportInputs.ReportInput;
import se.iop.report.rest.ReportInputs.ReturnInput;
import se.iop.report.rest.ReportInputs.VersionInput;
import se.iop.report.rest.ReportJson.AttachmentJson;
import se.iop.report.rest.ReportJson.Brief;
import se.iop.report.rest.ReportJson.DueJson;
import se.iop.web.BulkJson;
import se.iop.web.Etags;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Activity reports: partners write and hand them in, administrators approve or return them, auditors
 * read. Attachments are sent as the request body with their own content type and the file name as a
 * query parameter.
 */
@ApplicationScoped
@Path("reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReportsResource {

    @Inject
    private ActivityReports reports;

    @Context
    private UriInfo uri;

    @Operation(summary = "Search activity reports")
    @GET
    public List<Brief> search(@QueryParam("agreementId") Long agreementId, @QueryParam("partnerId") Long partnerId,
                              @QueryParam("status") ReportStatus status) {
        return reports.search(new ReportQuery(agreementId, partnerId, status)).stream().map(Brief::of).toList();
    }

    /** The quarters not yet reported: for a partner its own, for the others every partner's. */
    @Operation(summary = "List the quarters not yet reported")
    @GET
    @Path("due")
    public List<DueJson> due() {
        return reports.due().stream().map(DueJson::of).toList();
    }

    @Operation(summary = "Write a new activity report")
    @POST
    public Response create(@NotNull @Valid ReportInput in) {
        ReportDetails r = reports.create(in.draft());
        return Response.created(uri.getAbsolutePathBuilder().path(r.id().toString()).build())
                .tag(Etags.of(r.version())).entity(json(r)).build();
    }

    @Operation(summary = "Read an activity report")
    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        return ok(reports.find(id));
    }

    @Operation(summary = "Revise a draft or returned activity report")
    @PUT
    @Path("{id}")
    public Response revise(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid ReportInput in) {
        return ok(reports.revise(id, Etags.expected(ifMatch, in.version()), in.draft()));
    }

    @Operation(summary = "Delete a draft activity report")
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        reports.delete(id, Etags.expected(ifMatch, null));
        return Response.noContent().build();
    }

    @Operation(summary = "Hand in an activity report")
    @POST
    @Path("{id}/submit")
    public Response submit(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, VersionInput in) {
        return ok(reports.submit(id, Etags.expected(ifMatch, in == null ? null : in.version())));
    }

    @Operation(summary = "Approve a handed-in activity report")
    @POST
    @Path("{id}/approve")
    public Response approve(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, VersionInput in) {
        return ok(reports.approve(id, Etags.expected(ifMatch, in == null ? null : in.version())));
    }

    @Operation(summary = "Approve several handed-in activity reports",
            description = "Each report is approved on its own rules: one refused (not handed in, changed since the"
                    + " version given, not found) leaves the others approved. The answer lists each report's outcome.")
    @POST
    @Path("approvals")
    public BulkJson.BulkOutcome approveAll(@NotNull @Valid BulkJson.BulkItems in) {
        return BulkJson.BulkOutcome.of(reports.approveAll(in.toItems()));
    }

    @Operation(summary = "Return a handed-in activity report with a comment")
    @POST
    @Path("{id}/return")
    public Response returnToPartner(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                                    @NotNull @Valid ReturnInput in) {
        return ok(reports.returnToPartner(id, Etags.expected(ifMatch, in.version()), in.comment()));
    }

    @Operation(summary = "Attach a file to an activity report")
    @POST
    @Path("{id}/attachments")
    @Consumes(MediaType.WILDCARD)
    public Response attach(@PathParam("id") long id,
                           @Parameter(description = "The file's name, with its extension.", example = "rapport.pdf",
                                   schema = @Schema(maxLength = FileType.MAX_NAME)) @QueryParam("filename") String filename,
                           @HeaderParam("Content-Type") String contentType, InputStream body) throws IOException {
        // Never read more than one byte past the limit: the domain refuses what is too large.
        byte[] bytes = body == null ? new byte[0] : body.readNBytes(FileType.MAX_BYTES + 1);
        ReportAttachment a = reports.attach(id, filename, contentType, bytes);
        return Response.created(uri.getAbsolutePathBuilder().path(a.id().toString()).build())
                .entity(AttachmentJson.of(a)).build();
    }

    @Operation(summary = "Download an attachment of an activity report")
    @GET
    @Path("{id}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    public Response attachment(@PathParam("id") long id, @PathParam("attachmentId") long attachmentId) {
        ReportAttachment a = reports.attachment(id, attachmentId);
        return Response.ok(a.bytes(), a.contentType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(a.filename(), StandardCharsets.UTF_8).replace("+", "%20"))
                .build();
    }

    @Operation(summary = "Remove an attachment from an activity report")
    @DELETE
    @Path("{id}/attachments/{attachmentId}")
    public Response detach(@PathParam("id") long id, @PathParam("attachmentId") long attachmentId) {
        reports.detach(id, attachmentId);
        return Response.noContent().build();
    }

    private Response ok(ReportDetails r) {
        return Response.ok(json(r)).tag(Etags.of(r.version())).build();
    }

    private static ReportJson json(ReportDetails r) {
        return ReportJson.of(r);
    }
}
