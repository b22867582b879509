package se.iop.account.boundary;

import se.iop.account.entity.Account;
import se.iop.account.entity.Invitation;
import se.iop.account.entity.InvitationState;
import se.iop.account.entity.Role;

import java.time.Instant;
import java.util.List;

/**
 * An invitation as the administrators' list and the API show it: whom it is for, to what, where it stands and
 * when. Never its secret nor the secret's hash.
 */
public record InvitationInfo(Long id, Long accountId, String username, String email, String displayName,
                             List<Role> roles, Long organisationId, String organisationName, InvitationState state,
                             Instant createdAt, String createdBy, Instant sentAt, Instant expiresAt, Instant acceptedAt,
                             String acceptedProvider, Instant revokedAt, String revokedBy) {

    static InvitationInfo of(Invitation i, Instant now) {
        Account a = i.account();
        return new InvitationInfo(i.id(), a.id(), a.username(), i.email(), a.displayName(),
                a.roles().stream().sorted().toList(), a.organisation() == null ? null : a.organisation().id(),
                a.organisation() == null ? null : a.organisation().name(), i.state(now), i.createdAt(), i.createdBy(),
                i.sentAt(), i.expiresAt(), i.acceptedAt(), i.acceptedProvider(), i.revokedAt(), i.revokedBy());
    }

    /** Whether it can be sent again (a new link): neither accepted nor revoked. */
    public boolean resendable() {
        return state == InvitationState.PENDING || state == InvitationState.EXPIRED;
    }
}
