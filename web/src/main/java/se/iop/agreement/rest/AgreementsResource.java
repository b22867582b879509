package se.iop.agreement.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import se.iop.agreement.boundary.AgreementQuery;
import se.iop.agreement.boundary.Agreements;
import se.iop.agreement.entity.Agreement;
import se.iop.agreement.entity.AgreementStatus;
import se.iop.agreement.rest.AgreementInputs.AgreementInput;
import se.iop.agreement.rest.AgreementInputs.AmendmentInput;
import se.iop.agreement.rest.AgreementInputs.DecisionInput;
import se.iop.agreement.rest.AgreementInputs.EligibilityInput;
import se.iop.agreement.rest.AgreementInputs.LeaveInput;
import se.iop.agreement.rest.AgreementInputs.PartyInput;
import se.iop.agreement.rest.AgreementInputs.StatusInput;
import se.iop.audit.boundary.Change;
import se.iop.audit.boundary.History;
import se.iop.web.Etags;

import java.util.List;

/** Agreements (IOP) with their parties, committee decisions, amendments, status and history. */
@ApplicationScoped
@Path("agreements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgreementsResource {

    @Inject
    private Agreements agreements;

    @Inject
    private History history;

    @Context
    private UriInfo uri;

    public record Page(long total, int first, int max, List<AgreementJson.Brief> items) {
    }

    @Operation(summary = "Search agreements, a page at a time")
    @GET
    public Page list(@QueryParam("q") String text, @QueryParam("status") AgreementStatus status,
                     @QueryParam("first") @DefaultValue("0") int first,
                     @QueryParam("max") @DefaultValue("50") int max) {
        AgreementQuery q = new AgreementQuery(text, status, first, max);
        return new Page(agreements.count(q), first, max,
                agreements.search(q).stream().map(AgreementJson.Brief::of).toList());
    }

    @Operation(summary = "Read an agreement")
    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        return ok(agreements.find(id));
    }

    @Operation(summary = "Register a new agreement")
    @POST
    public Response create(@NotNull @Valid AgreementInput in) {
        Agreement a = agreements.create(in.draft());
        return Response.created(uri.getAbsolutePathBuilder().path(a.id().toString()).build())
                .tag(Etags.of(a.version())).entity(AgreementJson.of(a)).build();
    }

    @Operation(summary = "Update an agreement's details")
    @PUT
    @Path("{id}")
    public Response update(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid AgreementInput in) {
        return ok(agreements.update(id, Etags.expected(ifMatch, in.version()), in.draft()));
    }

    @Operation(summary = "Record the eligibility assessment of an agreement")
    @PUT
    @Path("{id}/eligibility")
    public Response assess(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid EligibilityInput in) {
        return ok(agreements.assessEligibility(id, Etags.expected(ifMatch, in.version()), in.checklist()));
    }

    @Operation(summary = "Change an agreement's status")
    @POST
    @Path("{id}/status")
    public Response changeStatus(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                                 @NotNull @Valid StatusInput in) {
        return ok(agreements.changeStatus(id, Etags.expected(ifMatch, in.version()), in.status(), in.on(), in.reason()));
    }

    @Operation(summary = "Add a party to an agreement")
    @POST
    @Path("{id}/parties")
    public Response addParty(@PathParam("id") long id, @NotNull @Valid PartyInput in) {
        agreements.addParty(id, in.data());
        return created(id);
    }

    @Operation(summary = "Remove a party from an agreement")
    @DELETE
    @Path("{id}/parties/{partyId}")
    public Response removeParty(@PathParam("id") long id, @PathParam("partyId") long partyId) {
        agreements.removeParty(id, partyId);
        return ok(agreements.find(id));
    }

    /** The party leaves the agreement by an amendment (ADMIN); answers the agreement with the amendment. */
    @Operation(summary = "Record that a party leaves the agreement, by an amendment")
    @POST
    @Path("{id}/parties/{partyId}/leave")
    public Response partyLeaves(@PathParam("id") long id, @PathParam("partyId") long partyId,
                                @NotNull @Valid LeaveInput in) {
        agreements.partyLeaves(id, partyId, in.data());
        return created(id);
    }

    @Operation(summary = "Register a committee decision on an agreement")
    @POST
    @Path("{id}/decisions")
    public Response registerDecision(@PathParam("id") long id, @NotNull @Valid DecisionInput in) {
        agreements.registerDecision(id, in.data());
        return created(id);
    }

    @Operation(summary = "Record an amendment to an agreement")
    @POST
    @Path("{id}/amendments")
    public Response amend(@PathParam("id") long id, @NotNull @Valid AmendmentInput in) {
        agreements.amend(id, in.data());
        return created(id);
    }

    @Operation(summary = "List every change of an agreement")
    @GET
    @Path("{id}/history")
    public List<Change> history(@PathParam("id") long id) {
        agreements.find(id);
        return history.ofAgreement(id);
    }

    private Response created(long id) {
        Agreement a = agreements.find(id);
        return Response.status(Response.Status.CREATED).tag(Etags.of(a.version())).entity(AgreementJson.of(a)).build();
    }

    private static Response ok(Agreement a) {
        return Response.ok(AgreementJson.of(a)).tag(Etags.of(a.version())).build();
    }
}
