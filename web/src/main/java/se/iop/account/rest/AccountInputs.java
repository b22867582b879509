package se.iop.account.rest;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.iop.account.boundary.AccountData;
import se.iop.account.entity.Role;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What clients send to the accounts API, checked for shape; the account checks the rest and names the field.
 * A landlord user has {@code organisationId} (a housing company) or {@code landlordId} (a private landlord's
 * own record, a landlord of kind PERSON), not both.
 */
public final class AccountInputs {

    private AccountInputs() {
    }

    /** A new account with its first password (at least 10 characters). */
    public record AccountInput(@Size(max = 100) @Schema(example = "kim.hyresvard") String username,
                               @Size(max = 200) String displayName,
                               @Size(max = 200) @Schema(example = "kim@example.se") String email,
                               @Size(max = 5) List<Role> roles,
                               Long organisationId, Long landlordId,
                               @Size(max = 200) String password) {
        AccountData data() {
            return new AccountData(username, displayName, email, roleSet(roles), organisationId, landlordId);
        }

        char[] passwordChars() {
            return password == null ? null : password.toCharArray();
        }
    }

    /** An account's name, e-mail, roles and binding; {@code version} is the one the client read. */
    public record AccountUpdate(@Size(max = 200) String displayName,
                                @Size(max = 200) @Schema(example = "kim@example.se") String email,
                                @Size(max = 5) List<Role> roles,
                                Long organisationId, Long landlordId, Long version) {
        /** The user name cannot change, so it is not sent. */
        AccountData data() {
            return new AccountData(null, displayName, email, roleSet(roles), organisationId, landlordId);
        }
    }

    /** The roles given, as a set; none (or only nulls) is an empty set, which the account refuses by name. */
    private static Set<Role> roleSet(List<Role> given) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (given != null) {
            given.stream().filter(Objects::nonNull).forEach(roles::add);
        }
        return roles;
    }
}
