package se.iop.report.boundary;

import java.time.Instant;
import java.time.LocalDate;

/** A reminder (with its recipient's present address) as the administrator's list shows it: to whom, about which report period, at which stage, how it went. */
public record SentReminder(long id, long agreementId, String agreementTitle, String partnerName, String period,
                           String stage, String recipient, String email, LocalDate dueOn, String status, int attempts,
                           Instant queuedAt, Instant sentAt, String failureReason) {
}
