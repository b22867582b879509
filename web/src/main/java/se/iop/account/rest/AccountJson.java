package se.iop.account.rest;

import se.iop.account.entity.Account;
import se.iop.account.entity.Role;

import java.util.List;

/**
 * An account as the API shows it, without anything of its password: whom it acts for is its organisation
 * ({@code organisationId}) or, for a private landlord, its landlord record ({@code landlordId}), named in
 * {@code actsFor}.
 */
public record AccountJson(Long id, long version, String username, String displayName, String email, List<Role> roles,
                          Long organisationId, Long landlordId, String actsFor, boolean active) {

    static AccountJson of(Account a) {
        return new AccountJson(a.id(), a.version(), a.username(), a.displayName(), a.email(),
                a.roles().stream().sorted().toList(),
                a.organisation() == null ? null : a.organisation().id(),
                a.landlord() == null ? null : a.landlord().id(), a.actsFor(), a.active());
    }
}
