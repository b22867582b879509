package se.iop.account.rest;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.iop.account.boundary.AccountData;
import se.iop.account.entity.Role;

import java.util.Set;

/**
 * A person to invite: the e-mail address the invitation goes to (the account's username is made from it), the
 * name shown, the role, and for PARTNER and LANDLORD the organisation (or, for a private landlord, the landlord record). A missing or wrong value is refused with
 * 422 naming the field.
 */
public record InvitationInput(@Size(max = 200) @Schema(example = "anna.berg@example.se") String email,
                              @Size(max = 200) @Schema(example = "Anna Berg") String displayName,
                              @Size(max = 20) @Schema(enumeration = {"ADMIN", "FINANCE", "PARTNER", "LANDLORD", "AUDITOR"})
                              String role,
                              Long organisationId,
                              @Schema(description = "For a LANDLORD who lets as a private person: their landlord record (instead of an organisation).")
                              Long landlordId) {

    AccountData data() {
        return new AccountData(null, displayName, email, Set.of(Role.named("role", role)), organisationId, landlordId);
    }
}
