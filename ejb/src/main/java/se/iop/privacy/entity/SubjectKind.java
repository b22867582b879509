package se.iop.privacy.entity;

/** The kinds of record that hold a person: whom a GDPR request can be about. */
public enum SubjectKind {
    /** A contact person of an organisation (table contact). */
    CONTACT,
    /** A contact person of a landlord (table landlord_contact). */
    LANDLORD_CONTACT,
    /** A landlord who is a private person (table landlord, kind PERSON), with its contacts and accounts. */
    PRIVATE_LANDLORD,
    /** A user account (table account). */
    ACCOUNT
}
