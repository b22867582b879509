package se.iop.report.boundary;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A reminder (with its recipient's present address) as the administrator's list shows it: to whom, about what ({@code kind}
 * REPORT: the report of a quarter, {@code period} its code; FIDELITY: the self-assessment of the year {@code period}), at
 * which stage, how it went.
 */
public record SentReminder(long id, String kind, long agreementId, String agreementTitle, String partnerName, String period,
                           String stage, String recipient, String email, LocalDate dueOn, String status, int attempts,
                           Instant queuedAt, Instant sentAt, String failureReason) {
}
