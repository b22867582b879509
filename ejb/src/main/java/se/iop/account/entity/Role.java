package se.iop.account.entity;

/** What a user may do. The names are the security roles of the application. */
public enum Role {
    /** Committee administrator at the municipality: registers and changes everything. */
    ADMIN,
    /** Finance staff: allocations, payments, costs. */
    FINANCE,
    /** A user at a non-profit partner, bound to its organisation. */
    PARTNER,
    /** A user at a landlord, bound to its organisation. */
    LANDLORD,
    /** Auditor or committee member: reads everything, changes nothing. */
    AUDITOR;

    public boolean needsOrganisation() {
        return this == PARTNER || this == LANDLORD;
    }
}
