package se.iop.landlord.entity;

/** What a landlord needs the support team for. */
public enum NeedCategory {
    /** Neighbours complain, noise, threats. */
    DISTURBANCE,
    /** The rent was not paid. */
    UNPAID_RENT,
    /** Damage to the flat or the building. */
    DAMAGE,
    /** The landlord has not reached the tenant or is worried. */
    CONCERN,
    OTHER
}
