package se.iop.report.boundary;

import se.iop.report.entity.Measure;

import java.math.BigDecimal;
import java.util.Map;

/** What a partner writes in a report: the agreement, the period ("2024-Q1" or "2024-03"), text, counts, costs. */
public record ReportDraft(Long agreementId, String period, String narrative, Map<Measure, Integer> counts,
                          BigDecimal costs) {
}
