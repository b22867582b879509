package se.iop.report.boundary;

import se.iop.report.boundary.ReportDetails.AgreementRef;
import se.iop.report.boundary.ReportDetails.PartnerRef;
import se.iop.report.entity.ActivityReport;
import se.iop.report.entity.ReportPeriod;
import se.iop.report.entity.ReportStatus;

import java.time.LocalDate;

/** A report in a list: whose, for which agreement and period, and where it stands; no text, no counts. */
public record ReportBrief(Long id, long version, AgreementRef agreement, PartnerRef partner, ReportPeriod period,
                          ReportStatus status, LocalDate submittedOn) {

    static ReportBrief of(ActivityReport r) {
        return new ReportBrief(r.id(), r.version(), new AgreementRef(r.agreement().id(), r.agreement().title()),
                new PartnerRef(r.partner().id(), r.partner().name()), r.period(), r.status(), r.submittedOn());
    }
}
