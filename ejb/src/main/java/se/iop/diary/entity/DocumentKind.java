package se.iop.diary.entity;

/**
 * The kinds of document the application registers in the diary, each where it creates, receives or sends one.
 * The database keeps the name (registry_entry.document_kind) without a list of its own: a new kind is a constant here.
 */
public enum DocumentKind {
    /** An IOP agreement, drawn up when created. */
    AGREEMENT,
    /** A committee's decision behind an agreement, drawn up by that committee. */
    COMMITTEE_DECISION,
    /** An amendment of an agreement, drawn up. */
    AMENDMENT,
    /** A partner's activity report, received when first submitted. */
    ACTIVITY_REPORT,
    /** A file attached to an activity report, received with the report's submission. */
    REPORT_ATTACHMENT,
    /** A partner's yearly fidelity self-assessment, received when first submitted. */
    FIDELITY_ASSESSMENT,
    /** Evidence attached to a fidelity self-assessment, received with the assessment's submission. */
    FIDELITY_ATTACHMENT,
    /** A landlord's request to be contacted, received when the landlord reports it. */
    CONTACT_NEED,
    /** A version of a landlord information packet, sent when it is first sent. */
    PACKET_VERSION,
    /** An archive package of an ended agreement, sent to the archive. */
    ARCHIVE_PACKAGE,
    /** A party's signed copy of an agreement, received when uploaded (a signature on paper is no document here). */
    SIGNED_AGREEMENT
}
