package se.iop.budget.boundary;

import se.iop.budget.control.ExpenseCsv;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an import of costs did: with no problems, every row was booked ({@code imported} rows, {@code
 * total} SEK); with problems, nothing was, and each problem names its row, field and why.
 */
public record ImportReport(int rows, int imported, BigDecimal total, List<ExpenseCsv.Problem> problems) {

    public ImportReport {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
