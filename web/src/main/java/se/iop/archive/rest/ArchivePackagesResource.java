package se.iop.archive.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import se.iop.archive.boundary.ArchivePackage;
import se.iop.archive.boundary.ArchivePackages;

import java.util.Base64;
import java.util.HexFormat;

/**
 * The archive package of an ended agreement as a ZIP (E-ARK CSIP / FGS Package). A POST, not a GET: each call
 * makes a new package with its own identifier, and the package is registered in the diary as an outgoing
 * document. Administrators only; an agreement not ended is 409 naming {@code status}.
 */
@ApplicationScoped
@Path("agreements/{id}/archive-package")
public class ArchivePackagesResource {

    @Inject
    private ArchivePackages packages;

    @Operation(summary = "Produce the archive package (FGS/E-ARK CSIP ZIP) of an ended agreement")
    @POST
    @Produces({"application/zip", "application/problem+json"})
    public Response produce(@PathParam("id") long id) {
        ArchivePackage p = packages.produce(id);
        return Response.ok(p.zip(), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + p.fileName() + "\"")
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(p.sha256())) + ":")
                .header("X-IOP-Package-Id", p.objId())
                .build();
    }
}
