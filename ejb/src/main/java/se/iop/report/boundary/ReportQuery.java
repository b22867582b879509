package se.iop.report.boundary;

import se.iop.report.entity.ReportStatus;

/** A search among reports; every part optional. A partner searches among its own only. */
public record ReportQuery(Long agreementId, Long partnerId, ReportStatus status) {

    public static ReportQuery all() {
        return new ReportQuery(null, null, null);
    }
}
