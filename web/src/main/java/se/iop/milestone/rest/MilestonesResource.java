package se.iop.milestone.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import se.iop.common.InvalidInput;
import se.iop.milestone.boundary.Milestones;
import se.iop.milestone.entity.Milestone;
import se.iop.milestone.rest.MilestoneInputs.MilestoneInput;
import se.iop.milestone.rest.MilestoneInputs.StatusInput;
import se.iop.web.Etags;

import java.util.List;

/** Milestones of agreements: listed per agreement, planned and followed up by administrators. */
@ApplicationScoped
@Path("milestones")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MilestonesResource {

    @Inject
    private Milestones milestones;

    @Context
    private UriInfo uri;

    @Operation(summary = "List an agreement's milestones")
    @GET
    public List<MilestoneJson> ofAgreement(@QueryParam("agreementId") Long agreementId) {
        if (agreementId == null) {
            throw new InvalidInput("agreementId", "error.required");
        }
        return milestones.ofAgreement(agreementId).stream().map(MilestoneJson::of).toList();
    }

    @Operation(summary = "Plan a milestone of an agreement")
    @POST
    public Response create(@NotNull @Valid MilestoneInput in) {
        if (in.agreementId() == null) {
            throw new InvalidInput("agreementId", "error.required");
        }
        Milestone m = milestones.create(in.agreementId(), in.data());
        return Response.created(uri.getAbsolutePathBuilder().path(m.id().toString()).build())
                .tag(Etags.of(m.version())).entity(MilestoneJson.of(m)).build();
    }

    @Operation(summary = "Read a milestone")
    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        return ok(milestones.find(id));
    }

    @Operation(summary = "Revise a milestone")
    @PUT
    @Path("{id}")
    public Response revise(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid MilestoneInput in) {
        return ok(milestones.revise(id, Etags.expected(ifMatch, in.version()), in.data()));
    }

    @Operation(summary = "Change a milestone's status")
    @POST
    @Path("{id}/status")
    public Response changeStatus(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                                 @NotNull @Valid StatusInput in) {
        return ok(milestones.changeStatus(id, Etags.expected(ifMatch, in.version()), in.target(), in.on(), in.reason()));
    }

    private static Response ok(Milestone m) {
        return Response.ok(MilestoneJson.of(m)).tag(Etags.of(m.version())).build();
    }
}
