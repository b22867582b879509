package se.iop.report.entity;

import se.iop.common.StateConflict;

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

    /**
     * Refuses a change by the partner unless the thing under review may still be changed; {@code keys} is the
     * prefix of the messages in the thing's own words ({@code error.report}: ".locked", ".underReview").
     */
    public void requireEditable(String keys) {
        if (this == APPROVED) {
            throw new StateConflict("status", keys + ".locked");
        }
        if (this == SUBMITTED) {
            throw new StateConflict("status", keys + ".underReview");
        }
    }

    /** Refuses a review step unless the thing was handed in (message {@code keys + ".notSubmitted"}). */
    public void requireSubmitted(String keys) {
        if (this != SUBMITTED) {
            throw new StateConflict("status", keys + ".notSubmitted", this);
        }
    }
}
