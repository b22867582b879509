package se.iop.report.entity;

/**
 * A report's way through review: written (DRAFT), handed in (SUBMITTED), sent back with a comment
 * (RETURNED, to be corrected and handed in again) or approved (APPROVED, locked for good).
 */
public enum ReportStatus {
    DRAFT, SUBMITTED, RETURNED, APPROVED;

    /** The partner may change the report: while drafting or after it was sent back. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }

    /** Handed in: the period counts as reported. */
    public boolean handedIn() {
        return this == SUBMITTED || this == APPROVED;
    }
}
