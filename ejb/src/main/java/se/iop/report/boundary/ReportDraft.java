package se.iop.report.boundary;

import se.iop.report.entity.CohortFigures;
import se.iop.report.entity.Measure;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a partner writes in a report: the agreement, the period ("2024-Q1" or "2024-03"), text, counts, the
 * intake cohorts' figures (none when null) and costs.
 */
public record ReportDraft(Long agreementId, String period, String narrative, Map<Measure, Integer> counts,
                          List<CohortFigures> cohorts, BigDecimal costs) {

    /** A draft without cohorts. */
    public ReportDraft(Long agreementId, String period, String narrative, Map<Measure, Integer> counts, BigDecimal costs) {
        this(agreementId, period, narrative, counts, List.of(), costs);
    }
}
