package se.iop.partner.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.iop.partner.boundary.OrganisationQuery;
import se.iop.partner.boundary.Organisations;
import se.iop.partner.entity.Committee;
import se.iop.partner.entity.Organisation;
import se.iop.partner.entity.OrganisationKind;
import se.iop.web.Etags;

import java.util.List;

/** Organisations, their committees and contacts. */
@ApplicationScoped
@Path("organisations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrganisationsResource {

    @Inject
    private Organisations organisations;

    @Context
    private UriInfo uri;

    public record Page(long total, int first, int max, List<OrganisationJson> items) {
    }

    public record CommitteeInput(@NotBlank @Size(max = 200) String name) {
    }

    public record ContactInput(@NotBlank @Size(max = 200) String name, @Size(max = 200) String role,
                               @Size(max = 200) @Schema(example = "kontakt@example.se") String email,
                               @Size(max = 50) String phone) {
    }

    @Operation(summary = "Search organisations, a page at a time")
    @GET
    public Page list(@QueryParam("q") String text, @QueryParam("kind") OrganisationKind kind,
                     @QueryParam("inactive") @DefaultValue("false") boolean includeInactive,
                     @QueryParam("sort") @DefaultValue("name") String sort,
                     @QueryParam("desc") @DefaultValue("false") boolean descending,
                     @QueryParam("first") @DefaultValue("0") int first,
                     @QueryParam("max") @DefaultValue("50") int max) {
        OrganisationQuery q = new OrganisationQuery(text, kind, includeInactive, sort, !descending, first, max);
        return new Page(organisations.count(q), first, max,
                organisations.search(q).stream().map(OrganisationJson::brief).toList());
    }

    @Operation(summary = "Read an organisation with committees and contacts")
    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        return ok(organisations.find(id));
    }

    @Operation(summary = "Register an organisation")
    @POST
    public Response create(@NotNull @Valid OrganisationInput in) {
        Organisation o = organisations.create(in.data());
        return Response.created(uri.getAbsolutePathBuilder().path(o.id().toString()).build())
                .tag(Etags.of(o.version())).entity(OrganisationJson.of(o)).build();
    }

    @Operation(summary = "Update an organisation")
    @PUT
    @Path("{id}")
    public Response update(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid OrganisationInput in) {
        return ok(organisations.update(id, Etags.expected(ifMatch, in.version()), in.data()));
    }

    @Operation(summary = "Deactivate an organisation")
    @POST
    @Path("{id}/deactivate")
    public Response deactivate(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        return ok(organisations.deactivate(id, Etags.expected(ifMatch, null)));
    }

    @Operation(summary = "Reactivate an organisation")
    @POST
    @Path("{id}/reactivate")
    public Response reactivate(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        return ok(organisations.reactivate(id, Etags.expected(ifMatch, null)));
    }

    @Operation(summary = "Add a committee to an organisation")
    @POST
    @Path("{id}/committees")
    public Response addCommittee(@PathParam("id") long id, @NotNull @Valid CommitteeInput in) {
        organisations.addCommittee(id, in.name());
        return Response.status(Response.Status.CREATED).entity(OrganisationJson.of(organisations.find(id))).build();
    }

    @Operation(summary = "Rename a committee (unique in any case within its municipality)")
    @PUT
    @Path("{id}/committees/{committeeId}")
    public Response renameCommittee(@PathParam("id") long id, @PathParam("committeeId") long committeeId,
                                    @HeaderParam("If-Match") String ifMatch, @NotNull @Valid CommitteeInput in) {
        return ok(organisations.renameCommittee(id, committeeId, in.name(), Etags.expected(ifMatch, null)));
    }

    @Operation(summary = "Deactivate a committee: no new decisions; the decisions it took keep it")
    @POST
    @Path("{id}/committees/{committeeId}/deactivate")
    public Response deactivateCommittee(@PathParam("id") long id, @PathParam("committeeId") long committeeId,
                                        @HeaderParam("If-Match") String ifMatch) {
        return ok(organisations.deactivateCommittee(id, committeeId, Etags.expected(ifMatch, null)));
    }

    @Operation(summary = "Add a contact person to an organisation")
    @POST
    @Path("{id}/contacts")
    public Response addContact(@PathParam("id") long id, @NotNull @Valid ContactInput in) {
        organisations.addContact(id, in.name(), in.role(), in.email(), in.phone());
        return Response.status(Response.Status.CREATED).entity(OrganisationJson.of(organisations.find(id))).build();
    }

    private static Response ok(Committee c) {
        return Response.ok(OrganisationJson.CommitteeJson.of(c)).tag(Etags.of(c.version())).build();
    }

    private static Response ok(Organisation o) {
        return Response.ok(OrganisationJson.of(o)).tag(Etags.of(o.version())).build();
    }
}
