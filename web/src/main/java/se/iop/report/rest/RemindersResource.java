package se.iop.report.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import se.iop.report.boundary.Reminders;
import se.iop.report.boundary.SentReminder;

import java.util.List;

/** The e-mail reminders about reports, as made and sent: for administrators and auditors only. */
@Path("reminders")
@Produces(MediaType.APPLICATION_JSON)
public class RemindersResource {

    @Inject
    private Reminders reminders;

    @Operation(summary = "List the report reminders made and sent, newest first, of one agreement or all")
    @GET
    public List<SentReminder> list(@QueryParam("agreementId") Long agreementId) {
        return reminders.sent(agreementId);
    }
}
