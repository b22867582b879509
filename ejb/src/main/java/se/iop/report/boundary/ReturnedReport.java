package se.iop.report.boundary;

import se.iop.report.entity.ActivityReport;
import se.iop.report.entity.ReportPeriod;

import java.time.LocalDate;

/** A report the municipality sent back to its partner: for which agreement and period, when, and why. */
public record ReturnedReport(Long id, Long agreementId, String agreementTitle, ReportPeriod period, LocalDate returnedOn,
                             String reason) {

    static ReturnedReport of(ActivityReport r) {
        return new ReturnedReport(r.id(), r.agreement().id(), r.agreement().title(), r.period(), r.reviewedOn(),
                r.reviewComment());
    }
}
