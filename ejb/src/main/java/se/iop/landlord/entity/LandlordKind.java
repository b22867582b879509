package se.iop.landlord.entity;

/** Who rents out: a company (housing company or private landlord firm) or a private person. */
public enum LandlordKind {
    /** An organisation with an organisation number: a housing company or a landlord firm. */
    COMPANY,
    /** A private person who lets a flat of their own. */
    PERSON
}
