package se.iop.budget.boundary;

import org.junit.jupiter.api.Test;
import se.iop.budget.boundary.BudgetSummary.Figures;
import se.iop.budget.boundary.BudgetSummary.Forecast;
import se.iop.budget.boundary.BudgetSummary.MonthPoint;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BudgetSummariesTest {

    private static Figures phase(String planned, LocalDate start, LocalDate end) {
        return Figures.of(1L, null, "Fas 1", null, new BigDecimal("1000.00"), new BigDecimal(planned),
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, start, end);
    }

    private static Figures month(int year, int month, String spentToDate) {
        return Figures.of(null, null, null, null, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                new BigDecimal(spentToDate), LocalDate.of(year, month, 1), null);
    }

    @Test
    void figuresDeriveRemainingPercentAndFlags() {
        Figures line = Figures.of(1L, 2L, "Hyra", "HOUSING", BigDecimal.ZERO, new BigDecimal("300.00"),
                BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("301.00"), null, null);
        assertEquals(new BigDecimal("-1.00"), line.remaining());
        assertEquals(new BigDecimal("100.3"), line.percentUsed());
        assertTrue(line.overSpent());
        assertFalse(line.overPlanned());

        Figures phase = Figures.of(1L, null, "Fas", null, new BigDecimal("3.00"), new BigDecimal("4.00"),
                BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("1.00"), null, null);
        assertTrue(phase.overPlanned());
        assertEquals(new BigDecimal("33.3"), phase.percentUsed(), "1/3 rounds half-even to one decimal");
        assertEquals(new BigDecimal("2.00"), phase.remaining(), "remaining is of the allocation");

        Figures empty = Figures.of(1L, null, "Tom", null, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, null, null);
        assertNull(empty.percentUsed());
    }

    @Test
    void curveRunsMonthByMonthCarryingSpendingAndSpreadingThePlanOverDays() {
        // 366 days in 2024: the plan of 366.00 spends 1.00 a day.
        List<MonthPoint> points = BudgetSummaries.curve(
                List.of(phase("366.00", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31))),
                List.of(month(2024, 1, "10.00"), month(2024, 3, "25.50")));
        assertEquals(12, points.size());
        assertEquals(new MonthPoint("2024-01", new BigDecimal("10.00"), new BigDecimal("31.00")), points.get(0));
        assertEquals(new MonthPoint("2024-02", new BigDecimal("10.00"), new BigDecimal("60.00")), points.get(1));
        assertEquals(new MonthPoint("2024-03", new BigDecimal("25.50"), new BigDecimal("91.00")), points.get(2));
        assertEquals(new BigDecimal("366.00"), points.get(11).plannedToDate());
        assertEquals(new BigDecimal("25.50"), points.get(11).spentToDate());
    }

    @Test
    void forecastSaysWhenTheMoneyRunsOutAtTheCurrentRate() {
        Figures total = Figures.of(null, null, null, null, new BigDecimal("1000.00"), BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("100.00"),
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
        // 10 days, 100 spent: 10 a day; 900 left lasts 90 more days.
        Forecast f = BudgetSummaries.forecast(total, LocalDate.of(2024, 1, 10));
        assertEquals(new BigDecimal("10.00"), f.perDay());
        assertEquals(LocalDate.of(2024, 4, 9), f.runsOutOn());
        assertTrue(f.beforeEnd());

        Forecast nothingSpent = BudgetSummaries.forecast(Figures.of(null, null, null, null, new BigDecimal("1000.00"),
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 12, 31)), LocalDate.of(2024, 6, 1));
        assertNull(nothingSpent.runsOutOn());

        Forecast afterEnd = BudgetSummaries.forecast(total, LocalDate.of(2026, 1, 1));
        assertEquals(LocalDate.of(2024, 12, 31), afterEnd.asOf(), "after the last phase the forecast stops at its end");
    }
}
