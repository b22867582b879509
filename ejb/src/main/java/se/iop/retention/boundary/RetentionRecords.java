package se.iop.retention.boundary;

import java.time.Instant;
import java.time.LocalDate;

/** The read models of retention and disposal: the plan, what is due, holds and disposal acts. */
public final class RetentionRecords {

    private RetentionRecords() {
    }

    /** How long one document type's content is kept: PERMANENT, or {@code years} after the agreement ends or after creation. */
    public record PlanEntry(String documentType, String retention, Integer years, long version, String changedBy, Instant changedAt) {
    }

    /** One item whose content the plan lets go now; {@code held} when its agreement is under a legal hold. */
    public record Due(String documentType, long recordId, Long agreementId, LocalDate dueOn, boolean held) {
    }

    /** One item named for disposal. */
    public record Item(String documentType, long recordId) {
    }

    /** A legal hold on an agreement: nothing under it is disposed of while it stands. */
    public record Hold(long agreementId, String reason, String placedBy, Instant placedAt) {
    }

    /** One disposal act: who, when, how many items, and per type how many. */
    public record Act(long id, String disposedBy, Instant disposedAt, int items, String summary) {
    }
}
