package se.iop.privacy.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import se.iop.privacy.boundary.Erasure;
import se.iop.privacy.boundary.Extract;
import se.iop.privacy.boundary.PersonalData;
import se.iop.privacy.boundary.RequestInfo;
import se.iop.privacy.control.ExtractPdf;

import java.util.List;

/**
 * GDPR requests: an extract of every personal datum held about a person (JSON, or a PDF in Swedish) and its
 * erasure, by administrators; the record of the requests made, for administrators and auditors. The person is
 * named in the request body, never in the URL, so no address or name ends up in an access log.
 */
@ApplicationScoped
@Path("privacy")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PrivacyResource {

    static final String PDF = "application/pdf";

    @Inject
    private PersonalData personalData;

    @Operation(summary = "Extract of every personal datum held about a person (GDPR art. 15)")
    @POST
    @Path("extracts")
    public Extract extract(@Valid @NotNull PersonInput person) {
        return personalData.extract(person.query());
    }

    @Operation(summary = "The same extract as a readable PDF in Swedish")
    @POST
    @Path("extracts/pdf")
    @Produces(PDF)
    public Response extractPdf(@Valid @NotNull PersonInput person) {
        Extract extract = personalData.extract(person.query());
        return Response.ok(ExtractPdf.render(extract), PDF)
                .header("Content-Disposition", "attachment; filename=\"registerutdrag-" + extract.requestId() + ".pdf\"")
                .build();
    }

    @Operation(summary = "Erase or pseudonymise a person's data where no retention rule keeps it (GDPR art. 17)")
    @POST
    @Path("erasures")
    public Erasure erase(@Valid @NotNull PersonInput person) {
        return personalData.erase(person.query());
    }

    @Operation(summary = "The GDPR requests carried out and their outcomes, newest first")
    @GET
    @Path("requests")
    public List<RequestInfo> requests() {
        return personalData.requests();
    }
}
