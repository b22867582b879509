package se.iop.account.boundary;

import se.iop.account.entity.Role;

import java.time.Instant;
import java.util.List;

/**
 * What the invitation page shows the person who opened a working link: who they are invited as, by whom, to
 * which role and organisation, and until when the link works.
 */
public record InvitationPreview(String displayName, String email, List<Role> roles, String organisationName,
                                String invitedBy, Instant expiresAt) {
}
