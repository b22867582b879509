package se.iop.report.rest;

import se.iop.report.boundary.OutcomeSummary.CohortPoint;
import se.iop.report.boundary.OutcomeSummary.Count;
import se.iop.report.boundary.ReportBrief;
import se.iop.report.boundary.ReportDetails;
import se.iop.report.entity.DueReport;
import se.iop.report.entity.Measure;
import se.iop.report.entity.PeriodKind;
import se.iop.report.entity.ReportAttachment;
import se.iop.report.entity.ReportStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report as the API shows it, from what the service let the caller see: to a caller who may not see
 * exact counts, a count under three is null and named in {@code suppressed}, and the retention share is
 * left out when it rests on so few. {@code narrativeDisposedOn}: the day the narrative was disposed of
 * (gallrad; the narrative is then null), null while it is kept.
 */
public record ReportJson(Long id, long version, Long agreementId, String agreementTitle, Long partnerId,
                         String partnerName, String period, PeriodKind periodKind, LocalDate periodStart,
                         LocalDate periodEnd, LocalDate dueOn, ReportStatus status, String narrative,
                         LocalDate narrativeDisposedOn, Map<String, Integer> counts, List<String> suppressed, BigDecimal retention12,
                         BigDecimal costs, String createdBy, LocalDate submittedOn, String submittedBy,
                         LocalDate reviewedOn, String reviewedBy, String reviewComment,
                         List<AttachmentJson> attachments, List<CohortJson> cohorts) {

    public static ReportJson of(ReportDetails r) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<String> suppressed = new ArrayList<>();
        for (Measure m : Measure.values()) {
            Count c = r.count(m);
            counts.put(m.field(), c.value());
            if (c.hidden()) {
                suppressed.add(m.field());
            }
        }
        return new ReportJson(r.id(), r.version(), r.agreement().id(), r.agreement().title(), r.partner().id(),
                r.partner().name(), r.period().code(), r.period().kind(), r.period().start(), r.period().end(),
                r.period().dueOn(), r.status(), r.narrative(), r.narrativeDisposedOn(), counts, suppressed, r.retention12(), r.costs(), r.createdBy(),
                r.submittedOn(), r.submittedBy(), r.reviewedOn(), r.reviewedBy(), r.reviewComment(),
                r.attachments().stream().map(AttachmentJson::of).toList(),
                r.cohorts().stream().map(CohortJson::of).toList());
    }

    /**
     * An intake cohort as the report states it, with the shares still housed after 12 and 24 months; to a caller
     * who may not see exact counts, a count under three is null and named in {@code suppressed}.
     */
    public record CohortJson(String cohort, Integer housed, Integer retained12, Integer retained24, Integer movedOn,
                             Integer evictions, Integer returnedHomeless, Integer leasesOwn, BigDecimal retention12,
                             BigDecimal retention24, List<String> suppressed) {

        public static CohortJson of(CohortPoint c) {
            List<String> suppressed = new ArrayList<>();
            Map<String, Count> counts = new LinkedHashMap<>();
            counts.put("housed", c.housed());
            counts.put("retained12", c.retained12());
            counts.put("retained24", c.retained24());
            counts.put("movedOn", c.movedOn());
            counts.put("evictions", c.evictions());
            counts.put("returnedHomeless", c.returnedHomeless());
            counts.put("leasesOwn", c.leasesOwn());
            counts.forEach((field, count) -> {
                if (count.hidden()) {
                    suppressed.add(field);
                }
            });
            return new CohortJson(c.cohort(), c.housed().value(), c.retained12().value(), c.retained24().value(),
                    c.movedOn().value(), c.evictions().value(), c.returnedHomeless().value(), c.leasesOwn().value(),
                    c.retention12(), c.retention24(), suppressed);
        }
    }

    /** {@code disposedOn}: the day its content was disposed of (gallrad), null while it is kept. */
    public record AttachmentJson(Long id, String filename, String contentType, long size, Instant uploadedAt,
                                 String uploadedBy, LocalDate disposedOn) {
        public static AttachmentJson of(ReportAttachment a) {
            return new AttachmentJson(a.id(), a.filename(), a.contentType(), a.sizeBytes(), a.uploadedAt(), a.uploadedBy(),
                    a.disposedOn());
        }
    }

    /** One report in a list, without its text. */
    public record Brief(Long id, long version, Long agreementId, String agreementTitle, Long partnerId,
                        String partnerName, String period, ReportStatus status, LocalDate submittedOn) {
        public static Brief of(ReportBrief r) {
            return new Brief(r.id(), r.version(), r.agreement().id(), r.agreement().title(), r.partner().id(),
                    r.partner().name(), r.period().code(), r.status(), r.submittedOn());
        }
    }

    public record DueJson(long agreementId, String agreementTitle, long partnerId, String partnerName, String period,
                          LocalDate dueOn, boolean overdue, Long reportId, ReportStatus status) {
        public static DueJson of(DueReport d) {
            return new DueJson(d.agreementId(), d.agreementTitle(), d.partnerId(), d.partnerName(), d.period().code(),
                    d.dueOn(), d.overdue(), d.reportId(), d.status());
        }
    }
}
