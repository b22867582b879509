package se.iop.account.boundary;

import se.iop.account.entity.Role;

import java.util.Set;

/**
 * What an administrator enters about a user; the password only when creating or resetting. A landlord user
 * has an organisation (a housing company) or a private landlord record ({@code landlordId}), not both.
 */
public record AccountData(String username, String displayName, String email, Set<Role> roles,
                          Long organisationId, Long landlordId) {
}
