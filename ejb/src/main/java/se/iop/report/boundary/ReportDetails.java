package se.iop.report.boundary;

import se.iop.report.boundary.OutcomeSummary.CohortPoint;
import se.iop.report.boundary.OutcomeSummary.Count;
import se.iop.report.entity.ActivityReport;
import se.iop.report.entity.CohortFigures;
import se.iop.report.entity.Measure;
import se.iop.report.entity.Outcomes;
import se.iop.report.entity.ReportAttachment;
import se.iop.report.entity.ReportPeriod;
import se.iop.report.entity.ReportStatus;
import se.iop.report.entity.SmallCounts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One report as the caller may see it. {@link ActivityReports} builds it and decides whether the
 * counts are {@code exact}: when not, a count under three is hidden (its value null) and the retention
 * share is not given when it rests on fewer than three households, so no page or endpoint that shows
 * a report can forget to hide them. {@code narrativeDisposedOn}: the day the narrative was disposed of
 * (gallrad, the narrative then null), null while it is kept.
 */
public record ReportDetails(Long id, long version, AgreementRef agreement, PartnerRef partner, ReportPeriod period,
                            ReportStatus status, String narrative, LocalDate narrativeDisposedOn, boolean exact,
                            Map<Measure, Count> counts,
                            BigDecimal retention12, BigDecimal costs, String createdBy, LocalDate submittedOn,
                            String submittedBy, LocalDate reviewedOn, String reviewedBy, String reviewComment,
                            List<ReportAttachment> attachments, List<CohortPoint> cohorts) {

    public record AgreementRef(Long id, String title) {
    }

    public record PartnerRef(Long id, String name) {
    }

    static ReportDetails of(ActivityReport r, boolean exact) {
        Outcomes o = r.outcomes();
        Map<Measure, Count> counts = new EnumMap<>(Measure.class);
        for (Measure m : Measure.values()) {
            counts.put(m, Count.of(o.get(m), exact));
        }
        return new ReportDetails(r.id(), r.version(), new AgreementRef(r.agreement().id(), r.agreement().title()),
                new PartnerRef(r.partner().id(), r.partner().name()), r.period(), r.status(), r.narrative(), r.narrativeDisposedOn(), exact,
                Collections.unmodifiableMap(counts),
                SmallCounts.share(o.get(Measure.TENANCIES_12_KEPT), o.get(Measure.TENANCIES_12_DUE), exact),
                r.costs(), r.createdBy(), r.submittedOn(), r.submittedBy(), r.reviewedOn(), r.reviewedBy(),
                r.reviewComment(), List.copyOf(r.attachments()), r.cohorts().stream().map(c -> cohort(c, exact)).toList());
    }

    private static CohortPoint cohort(CohortFigures c, boolean exact) {
        return new CohortPoint(c.code(), c.quarter().start(), Count.of(c.housed(), exact), Count.of(c.retained12(), exact),
                Count.of(c.retained24(), exact), Count.of(c.movedOn(), exact), Count.of(c.evictions(), exact),
                Count.of(c.returnedHomeless(), exact), Count.of(c.leasesOwn(), exact),
                SmallCounts.share(c.retained12(), c.retained12() == null ? null : c.housed(), exact),
                SmallCounts.share(c.retained24(), c.retained24() == null ? null : c.housed(), exact));
    }

    /** A count as the caller may see it. */
    public Count count(Measure m) {
        return counts.get(m);
    }
}
