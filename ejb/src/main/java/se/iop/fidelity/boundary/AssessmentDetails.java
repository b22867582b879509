package se.iop.fidelity.boundary;

import se.iop.fidelity.entity.FidelityAssessment;
import se.iop.fidelity.entity.FidelityScale;
import se.iop.fidelity.entity.FidelityScore;
import se.iop.report.entity.ReportStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A self-assessment as pages and the API read it: its scores by item, in the scale's order, and their sums. */
public record AssessmentDetails(long id, long version, long agreementId, String agreementTitle, long partnerId,
                                String partnerName, int year, ReportStatus status, List<Entry> entries,
                                FidelityScale.Scoring scoring, String createdBy, LocalDate submittedOn,
                                String submittedBy, LocalDate reviewedOn, String reviewedBy, String reviewComment,
                                List<Attachment> attachments) {

    /** One item of the scale with what the assessment says of it (score and comment null when not given). */
    public record Entry(String domain, String item, String text, Integer score, String comment) {
    }

    /**
     * One piece of evidence: for the item of code {@code item}, or (null) the whole assessment; {@code disposedOn} is the
     * day its content was disposed of (gallrad), null while it is kept.
     */
    public record Attachment(long id, String item, String filename, String contentType, long sizeBytes,
                             Instant uploadedAt, String uploadedBy, LocalDate disposedOn) {
        public boolean disposed() {
            return disposedOn != null;
        }
    }

    static AssessmentDetails of(FidelityAssessment a, FidelityScale scale) {
        List<Entry> entries = new ArrayList<>();
        for (FidelityScale.Domain d : scale.domains()) {
            for (FidelityScale.Item i : d.items()) {
                FidelityScore s = a.scores().stream().filter(x -> x.itemId() == i.id()).findFirst().orElse(null);
                entries.add(new Entry(d.code(), i.code(), i.text(), s == null ? null : s.score(),
                        s == null ? null : s.comment()));
            }
        }
        return new AssessmentDetails(a.id(), a.version(), a.agreement().id(), a.agreement().title(), a.partner().id(),
                a.partner().name(), a.year(), a.status(), entries, scale.score(a.scoreByItem()), a.createdBy(),
                a.submittedOn(), a.submittedBy(), a.reviewedOn(), a.reviewedBy(), a.reviewComment(),
                a.attachments().stream().map(f -> new Attachment(f.id(), f.itemId() == null ? null
                        : scale.item(f.itemId()).map(FidelityScale.Item::code).orElse(null), f.filename(),
                        f.contentType(), f.sizeBytes(), f.uploadedAt(), f.uploadedBy(), f.disposedOn())).toList());
    }
}
