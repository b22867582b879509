package se.iop.account.entity;

import se.iop.common.StateConflict;

/**
 * An invitation's link did not sign the person in, and why ({@link Invitation.Refusal}): the invitation page
 * says it in words and whom to ask. Nothing is stored when it is thrown.
 */
public class InvitationRefused extends StateConflict {

    private final Invitation.Refusal reason;

    public InvitationRefused(Invitation.Refusal reason) {
        super(null, "error.invitation.refused." + reason);
        this.reason = reason;
    }

    public Invitation.Refusal reason() {
        return reason;
    }
}
