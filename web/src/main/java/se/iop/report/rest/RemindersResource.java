package se.iop.report.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import se.iop.report.boundary.Reminders;
import se.iop.report.boundary.SentReminder;

import java.util.List;

/** The e-mail reminders about reports, as made and sent: for administrators and auditors only; sent again by administrators. */
@ApplicationScoped
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

    /** 204 when queued again; 409 unless the reminder's status is UNCERTAIN. */
    @Operation(summary = "Send again a report reminder that may not have arrived (its mailer died at the message's end)")
    @POST
    @Path("{id}/send-again")
    public Response sendAgain(@PathParam("id") long id) {
        reminders.sendAgain(id);
        return Response.noContent().build();
    }
}
