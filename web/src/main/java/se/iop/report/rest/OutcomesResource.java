package se.iop.report.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import se.iop.report.boundary.OutcomeSummaries;
import se.iop.report.boundary.OutcomeSummary;

/** Outcomes over time from approved reports, with milestones and budget pace: over all agreements or one. */
@ApplicationScoped
@Path("outcomes")
@Produces(MediaType.APPLICATION_JSON)
public class OutcomesResource {

    @Inject
    private OutcomeSummaries outcomes;

    @Operation(summary = "Read the outcomes over all agreements")
    @GET
    public OutcomeSummary overall() {
        return outcomes.overall();
    }

    @Operation(summary = "Read the outcomes of an agreement")
    @GET
    @Path("{agreementId}")
    public OutcomeSummary ofAgreement(@PathParam("agreementId") long agreementId) {
        return outcomes.ofAgreement(agreementId);
    }
}
