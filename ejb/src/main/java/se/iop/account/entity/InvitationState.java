package se.iop.account.entity;

/** Where an invitation stands: its link waiting to be used, used, past its expiry, or revoked. */
public enum InvitationState {
    PENDING,
    ACCEPTED,
    EXPIRED,
    REVOKED
}
