package se.iop.budget.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import se.iop.budget.boundary.BudgetExports;
import se.iop.budget.boundary.BudgetExports.ExportFile;
import se.iop.budget.boundary.BudgetExports.Format;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * An agreement's budget as files: transactions and overview as CSV or XLSX, the year's costs as SIE 4.
 * Plain links (the budget pages use them with the session cookie), so the media type is the file's,
 * whatever the client's Accept header asks.
 */
@ApplicationScoped
@Path("budgets/{agreementId}/export")
public class BudgetExportResource {

    @Inject
    private BudgetExports exports;

    @Operation(summary = "Export an agreement's budget transactions as CSV")
    @GET
    @Path("transactions.csv")
    public Response transactionsCsv(@PathParam("agreementId") long agreementId) {
        return download(exports.transactions(agreementId, Format.CSV));
    }

    @Operation(summary = "Export an agreement's budget transactions as XLSX")
    @GET
    @Path("transactions.xlsx")
    public Response transactionsXlsx(@PathParam("agreementId") long agreementId) {
        return download(exports.transactions(agreementId, Format.XLSX));
    }

    @Operation(summary = "Export an agreement's budget overview as CSV")
    @GET
    @Path("overview.csv")
    public Response overviewCsv(@PathParam("agreementId") long agreementId) {
        return download(exports.overview(agreementId, Format.CSV));
    }

    @Operation(summary = "Export an agreement's budget overview as XLSX")
    @GET
    @Path("overview.xlsx")
    public Response overviewXlsx(@PathParam("agreementId") long agreementId) {
        return download(exports.overview(agreementId, Format.XLSX));
    }

    /** Booked costs of one calendar year (default: the year of the latest booking) as an SIE 4 file. */
    @Operation(summary = "Export one year's booked costs of an agreement as SIE 4")
    @GET
    @Path("expenses.se")
    public Response sie(@PathParam("agreementId") long agreementId, @QueryParam("year") Integer year) {
        return download(exports.sie(agreementId, year));
    }

    private static Response download(ExportFile file) {
        String encoded = URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(file.content(), file.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"; filename*=UTF-8''" + encoded)
                // Figures of an agreement's money: not for shared caches or the browser's history.
                .header("Cache-Control", "no-store")
                .build();
    }
}
