package se.iop.account.boundary;

import se.iop.account.entity.Role;

import java.util.Set;

/** What an administrator enters about a user; the password only when creating or resetting. */
public record AccountData(String username, String displayName, String email, Set<Role> roles,
                          Long organisationId) {
}
