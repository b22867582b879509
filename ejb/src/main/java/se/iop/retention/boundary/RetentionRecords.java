package se.iop.retention.boundary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The read models of retention and disposal: the plan, what is due, holds and disposal acts. */
public final class RetentionRecords {

    private RetentionRecords() {
    }

    /**
     * How long one document type's content is kept: PERMANENT, or {@code years} after the agreement ends or after
     * creation; {@code allowedRetentions} are the ones this type may be given (agreements and decisions only
     * PERMANENT, a landlord's papers not counted from an agreement's end).
     */
    public record PlanEntry(String documentType, String retention, Integer years, long version, String changedBy, Instant changedAt,
                            List<String> allowedRetentions) {
    }

    /**
     * One item whose content the plan lets go now; {@code held} when its agreement is under a legal hold. What it
     * is for a reader: its agreement's reference (none for a landlord's papers), {@code subject} (the reporting
     * partner, the file name, the landlord) and {@code countedFrom}, the day it came in or was drawn up.
     */
    public record Due(String documentType, long recordId, Long agreementId, LocalDate dueOn, boolean held,
                      String agreementReference, String subject, LocalDate countedFrom) {
    }

    /** One item named for disposal. */
    public record Item(String documentType, long recordId) {
    }

    /** A legal hold on an agreement: nothing under it is disposed of while it stands. */
    public record Hold(long agreementId, String reason, String placedBy, Instant placedAt, String agreementReference,
                       String agreementTitle) {
    }

    /** One disposal act: who, when, how many items, and per type how many ({@code "TYPE n, TYPE n"}). */
    public record Act(long id, String disposedBy, Instant disposedAt, int items, String summary) {

        /** The summary for the counts per document type, in the order given. */
        static String summarise(Map<String, Integer> perType) {
            return String.join(", ", perType.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
        }

        /** The counts per document type that {@link #summarise} wrote, for a page that names the types in its language. */
        public Map<String, Integer> countsPerType() {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String part : summary.split(", ")) {
                int space = part.lastIndexOf(' ');
                if (space > 0) {
                    counts.put(part.substring(0, space), Integer.parseInt(part.substring(space + 1)));
                }
            }
            return counts;
        }
    }

    /** What one act disposed of, item by item: the disposal record of each. */
    public record Disposed(String documentType, long recordId, Long agreementId, String agreementReference, LocalDate dueOn) {
    }

    /** One disposal act with its items. */
    public record ActDetail(Act act, List<Disposed> disposed) {
    }
}
