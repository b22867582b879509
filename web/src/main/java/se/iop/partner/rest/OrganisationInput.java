package se.iop.partner.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.iop.partner.boundary.OrganisationData;
import se.iop.partner.entity.OrganisationKind;

/** An organisation as a client sends it; {@code version} is the one it read, for updates. */
public record OrganisationInput(@NotBlank @Size(max = 200) String name,
                                @NotBlank @Size(max = 20) @Schema(example = "802500-1234") String organisationNumber,
                                @NotNull OrganisationKind kind,
                                @Size(max = 200) String address,
                                @Size(max = 200) @Schema(example = "info@example.se") String email,
                                @Size(max = 50) String phone,
                                Long version) {

    public OrganisationData data() {
        return new OrganisationData(name, organisationNumber, kind, address, email, phone);
    }
}
