package se.iop.diary.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import se.iop.diary.boundary.DiaryPage;
import se.iop.diary.boundary.DiaryQuery;
import se.iop.diary.boundary.PublicEntry;
import se.iop.diary.boundary.Registrations;

import java.util.List;

/**
 * The public diary, without a login (web.xml lets {@code /api/public/*} through): the entries a search finds,
 * as JSON (a page) or CSV (all found, up to {@value Registrations#CSV_MAX}). A secret entry has no description
 * or counterpart here, and a search never matches on what it hides.
 */
@ApplicationScoped
@Path("public")
public class PublicDiaryResource {

    @Inject
    private Registrations registrations;

    /** A page of the public diary; {@code requestFrom} says whom to ask for a document. */
    public record PublicDiaryJson(long total, int page, int size, int pages, String requestFrom,
                                  List<PublicEntry> entries) {
        static PublicDiaryJson of(DiaryPage<PublicEntry> p) {
            return new PublicDiaryJson(p.total(), p.page(), p.size(), p.pages(), Registrations.requestContact(),
                    p.entries());
        }
    }

    @Operation(summary = "Search the public diary (no login)", description = "Open to anyone without credentials."
            + " A secret entry has no description or counterpart, nor has a private person as counterpart; a search"
            + " never matches what is hidden.")
    @GET
    @Path("diary")
    @Produces({"application/json", "application/problem+json"})
    public PublicDiaryJson search(@QueryParam("number") String number, @QueryParam("from") String from,
                                  @QueryParam("to") String to, @QueryParam("counterpart") String counterpart,
                                  @QueryParam("text") String text, @QueryParam("page") String page,
                                  @QueryParam("size") String size) {
        return PublicDiaryJson.of(registrations.publicSearch(
                DiaryQuery.parse(number, from, to, counterpart, text, page, size)));
    }

    @Operation(summary = "The public diary's entries a search finds, as CSV (no login)", description = "Open to anyone"
            + " without credentials. A header row with the JSON's field names, then one row per entry (semicolons,"
            + " UTF-8 with a byte-order mark); what is hidden is an empty cell.")
    @GET
    @Path("diary.csv")
    @Produces({"text/csv", "application/problem+json"})
    public Response csv(@QueryParam("number") String number, @QueryParam("from") String from,
                        @QueryParam("to") String to, @QueryParam("counterpart") String counterpart,
                        @QueryParam("text") String text) {
        byte[] csv = registrations.publicCsv(DiaryQuery.parse(number, from, to, counterpart, text, null, null));
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"diarium.csv\"").build();
    }
}
