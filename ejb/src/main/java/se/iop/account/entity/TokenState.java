package se.iop.account.entity;

/** Where an API token stands: in use, past its expiry, or revoked. */
public enum TokenState {
    ACTIVE,
    EXPIRED,
    REVOKED
}
