package se.iop.report.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import se.iop.common.Days;
import se.iop.report.boundary.CommitteeReports;


/**
 * The committee follow-up report of an agreement for a period ({@code from}, {@code to}: ISO dates,
 * by default from the agreement's start until today), as PDF or as CSV.
 */
@ApplicationScoped
@Path("committee-reports/{agreementId}")
public class CommitteeReportsResource {

    @Inject
    private CommitteeReports reports;

    @Operation(summary = "Download an agreement's committee follow-up report as PDF")
    @GET
    @Path("pdf")
    @Produces({"application/pdf", "application/problem+json"})
    public Response pdf(@PathParam("agreementId") long agreementId, @QueryParam("from") String from,
                        @QueryParam("to") String to) {
        byte[] pdf = reports.pdf(agreementId, Days.parameter("from", from), Days.parameter("to", to));
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"uppfoljning-" + agreementId + ".pdf\"").build();
    }

    @Operation(summary = "Download an agreement's committee follow-up report as CSV")
    @GET
    @Path("csv")
    @Produces({"text/csv", "application/problem+json"})
    public Response csv(@PathParam("agreementId") long agreementId, @QueryParam("from") String from,
                        @QueryParam("to") String to) {
        byte[] csv = reports.csv(agreementId, Days.parameter("from", from), Days.parameter("to", to));
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"uppfoljning-" + agreementId + ".csv\"").build();
    }
}
