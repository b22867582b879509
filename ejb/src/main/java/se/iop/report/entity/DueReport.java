package se.iop.report.entity;

import java.time.LocalDate;

/**
 * A quarter a partner has not yet reported on an agreement: due by {@code dueOn}, overdue after it.
 * When a report for it is being written or was sent back, {@code reportId} and {@code status} say so.
 */
public record DueReport(long agreementId, String agreementTitle, long partnerId, String partnerName,
                        ReportPeriod period, LocalDate dueOn, boolean overdue, Long reportId, ReportStatus status) {
}
