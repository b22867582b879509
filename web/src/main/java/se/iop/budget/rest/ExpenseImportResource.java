package se.iop.budget.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import se.iop.budget.boundary.ExpenseImports;
import se.iop.budget.boundary.ImportReport;
import se.iop.budget.control.ExpenseCsv;
import se.iop.web.ApiDocument;
import se.iop.web.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Costs from the accounting system, as a CSV body: all rows are booked, or none and a problem detail
 * lists each bad row (row as the spreadsheet numbers it, field, why).
 */
@ApplicationScoped
@Path("budgets/{agreementId}/expenses/import")
public class ExpenseImportResource {

    /** The report on each row cannot be longer than this; the count says how many there were. */
    static final int REPORTED_MAX = 1000;

    public record Imported(int rows, int imported, BigDecimal total) {
    }

    public record RowProblem(int row, String field, String message) {
    }

    /** A problem detail (RFC 9457) with the extension member {@code errors}: every bad row. */
    public record ImportProblem(String type, String title, int status, String detail, String field, int errorCount,
                                List<RowProblem> errors) {
    }

    @Inject
    private ExpenseImports imports;

    @Operation(summary = "Import costs from the accounting system's CSV file")
    @APIResponse(responseCode = "200", description = "Every row was booked.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Imported.class)))
    @APIResponse(responseCode = "413", description = "The file is too large; nothing was imported.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = ApiDocument.PROBLEM)))
    @APIResponse(responseCode = "422", description = "Rows the rules refused, each with its row, field and why; "
            + "nothing was imported.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ImportProblem.class)))
    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM, "application/vnd.ms-excel"})
    @Produces(MediaType.APPLICATION_JSON)
    public Response importCsv(@PathParam("agreementId") long agreementId,
                              @RequestBody(required = true, description = "The CSV file; the README describes its columns.",
                                      content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING),
                                              example = "datum;budgetrad;belopp;beskrivning;verifikation\n"
                                                      + "2024-03-15;Boendestödjare;1250,00;Handledning mars;V-9001"))
                              InputStream body) throws IOException {
        byte[] file = body == null ? new byte[0] : body.readNBytes(ExpenseCsv.MAX_BYTES + 1);
        if (file.length > ExpenseCsv.MAX_BYTES) {
            return Problem.response(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    "The file is larger than " + ExpenseCsv.MAX_BYTES / (1024 * 1024) + " MB.", "file");
        }
        ImportReport report = imports.importCsv(agreementId, file);
        if (report.ok()) {
            return Response.ok(new Imported(report.rows(), report.imported(), report.total())).build();
        }
        List<RowProblem> errors = report.problems().stream().limit(REPORTED_MAX)
                .map(p -> new RowProblem(p.row(), p.field(), p.message(Locale.ENGLISH))).toList();
        String detail = report.problems().size() + (report.problems().size() == 1 ? " problem" : " problems")
                + " in the file; nothing was imported.";
        return Response.status(422).type(Problem.MEDIA_TYPE).entity(new ImportProblem("about:blank",
                "Unprocessable Content", 422, detail, "file", report.problems().size(), errors)).build();
    }
}
