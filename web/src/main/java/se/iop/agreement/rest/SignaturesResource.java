package se.iop.agreement.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import se.iop.agreement.boundary.PartySignature;
import se.iop.agreement.boundary.SignedDocument;
import se.iop.agreement.boundary.Signatures;
import se.iop.agreement.entity.Signature;
import se.iop.common.Days;
import se.iop.report.entity.FileType;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Signing an agreement: the PDF to sign, each party's signature (on paper, or the signed PDF uploaded as a report's
 * attachment is: the file as the body, its name and the rest as query parameters) and the uploaded documents.
 * Administrators record; whoever may read the agreement reads its signatures (a partner only its own agreements').
 */
@ApplicationScoped
@Path("agreements/{id}/signatures")
@Produces(MediaType.APPLICATION_JSON)
public class SignaturesResource {

    @Inject
    private Signatures signatures;

    /** A signature on paper: the party, who signed for it and the day. */
    public record PaperSignatureInput(@NotNull Long partyId,
                                      @NotBlank @Size(max = Signature.SIGNED_BY_MAX) String signedBy,
                                      @NotNull LocalDate signedOn) {
    }

    @Operation(summary = "List the parties of an agreement with their signatures")
    @GET
    public List<PartySignature> list(@PathParam("id") long id) {
        return signatures.of(id);
    }

    @Operation(summary = "Produce the agreement as a PDF for the parties to sign")
    @GET
    @Path("pdf")
    @Produces({"application/pdf", "application/problem+json"})
    public Response signingPdf(@PathParam("id") long id) {
        return Response.ok(signatures.signingPdf(id), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"avtal-" + id + "-for-underskrift.pdf\"").build();
    }

    @Operation(summary = "Record a party's signature on paper")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response onPaper(@PathParam("id") long id, @NotNull @Valid PaperSignatureInput in) {
        PartySignature s = signatures.onPaper(id, in.partyId(), in.signedBy(), in.signedOn());
        return Response.status(Response.Status.CREATED).entity(s).build();
    }

    @Operation(summary = "Record a party's signature by uploading the signed agreement (PDF)",
            description = "The PDF is the request body, sent as application/pdf. It is taken by the rules of report"
                    + " attachments (at most 5 MB, name, type and content agreeing, no personal identity number), kept"
                    + " with its SHA-256 and registered in the diary as received from the party.")
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response withDocument(@PathParam("id") long id,
                                 @Parameter(description = "The party that signed.") @QueryParam("partyId") Long partyId,
                                 @Parameter(description = "Who signed for the party.",
                                         schema = @Schema(maxLength = Signature.SIGNED_BY_MAX)) @QueryParam("signedBy") String signedBy,
                                 @Parameter(description = "The day of signing, yyyy-mm-dd.", example = "2024-01-15")
                                 @QueryParam("signedOn") String signedOn,
                                 @Parameter(description = "The file's name, with its extension.", example = "avtal-signerat.pdf",
                                         schema = @Schema(maxLength = FileType.MAX_NAME)) @QueryParam("filename") String filename,
                                 @HeaderParam("Content-Type") String contentType, InputStream body) throws IOException {
        // Never read more than one byte past the limit: the domain refuses what is too large.
        byte[] bytes = body == null ? new byte[0] : body.readNBytes(FileType.MAX_BYTES + 1);
        PartySignature s = signatures.withDocument(id, partyId, signedBy, Days.parameter("signedOn", signedOn),
                filename, contentType, bytes);
        return Response.status(Response.Status.CREATED).entity(s).build();
    }

    @Operation(summary = "Download a party's uploaded signed agreement, checked against its SHA-256")
    @GET
    @Path("{signatureId}/document")
    @Produces({"application/pdf", "application/problem+json"})
    public Response document(@PathParam("id") long id, @PathParam("signatureId") long signatureId) {
        SignedDocument d = signatures.document(id, signatureId);
        return Response.ok(d.bytes(), d.contentType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(d.filename(), StandardCharsets.UTF_8).replace("+", "%20"))
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(d.sha256())) + ":")
                .build();
    }
}
