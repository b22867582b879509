package se.iop.diary.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import se.iop.diary.boundary.DiaryEntry;
import se.iop.diary.boundary.DiaryPage;
import se.iop.diary.boundary.DiaryQuery;
import se.iop.diary.boundary.Registrations;
import se.iop.web.Etags;

import java.util.List;

/**
 * The whole diary for the municipality's administrators and auditors, with the secrecy marking that only
 * administrators set and lift (the service checks the roles).
 */
@ApplicationScoped
@Path("diary")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DiaryResource {

    @Inject
    private Registrations registrations;

    public record DiaryJson(long total, int page, int size, int pages, List<DiaryEntry> entries) {
    }

    /** A secrecy marking: the OSL provision (e.g. {@code 26 kap. 1 § OSL}) and why. */
    public record SecrecyInput(@NotNull @Size(max = 100) String secrecyReference,
                               @NotNull @Size(max = 1000) String secrecyReason, Long version) {
    }

    @Operation(summary = "Search the whole diary (administrators, auditors)")
    @GET
    public DiaryJson search(@QueryParam("number") String number, @QueryParam("from") String from,
                            @QueryParam("to") String to, @QueryParam("counterpart") String counterpart,
                            @QueryParam("text") String text, @QueryParam("page") String page,
                            @QueryParam("size") String size) {
        DiaryPage<DiaryEntry> p = registrations.search(DiaryQuery.parse(number, from, to, counterpart, text, page, size));
        return new DiaryJson(p.total(), p.page(), p.size(), p.pages(), p.entries());
    }

    @Operation(summary = "Read a diary entry (administrators, auditors)")
    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        return ok(registrations.find(id));
    }

    @Operation(summary = "Mark a diary entry secret under an OSL provision (administrators)")
    @PUT
    @Path("{id}/secrecy")
    public Response mark(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                         @NotNull @Valid SecrecyInput in) {
        return ok(registrations.markSecret(id, Etags.expected(ifMatch, in.version()), in.secrecyReference(),
                in.secrecyReason()));
    }

    @Operation(summary = "Lift a diary entry's secrecy marking (administrators)")
    @DELETE
    @Path("{id}/secrecy")
    public Response lift(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        return ok(registrations.liftSecrecy(id, Etags.expected(ifMatch, null)));
    }

    private static Response ok(DiaryEntry e) {
        return Response.ok(e).tag(Etags.of(e.version())).build();
    }
}
