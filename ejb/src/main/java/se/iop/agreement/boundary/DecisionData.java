package se.iop.agreement.boundary;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A committee decision as it stands in the minutes (protokoll). */
public record DecisionData(Long committeeId, LocalDate meetingDate, String paragraph, String diarienummer,
                           String text, BigDecimal amount) {
}
