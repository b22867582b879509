package se.iop.budget.boundary;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A cost to book: on which phase and line, for which partner, when, how much, which voucher. */
public record ExpenseData(Long phaseId, Long lineId, Long partnerId, LocalDate spentOn, BigDecimal amount,
                          String description, String voucher) {
}
