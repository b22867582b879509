package se.iop.budget.view;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import se.iop.budget.boundary.BudgetSummary;
import se.iop.budget.boundary.BudgetSummary.Figures;
import se.iop.budget.boundary.BudgetSummary.Forecast;
import se.iop.budget.boundary.BudgetSummary.MonthPoint;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The budget page's charts as Chart.js configurations, the JSON that PrimeFaces' {@code p:chart} takes:
 * spending to date against plan and allocation with the forecast, planned against spent per line, and
 * who funds the partnership. Every figure comes from the summary the database computed; nothing is
 * summed here. Charts do not animate: figures appear where they belong, also for those who avoid motion. Amounts are formatted in the browser by {@code budgetChartExtender} (budget.js).
 */
final class BudgetCharts {

    /** Texts in the user's language. */
    @FunctionalInterface
    interface Texts {
        String text(String key, Object... args);
    }

    static final String BRAND = "#0b4f6c";
    static final String PLAN = "#5f6f7e";
    static final String FORECAST = "#8a4b00";
    static final String OVER = "#b3261e";
    private static final String[] PALETTE = {"#0b4f6c", "#2e7d32", "#8a4b00", "#6a4c93", "#5f6f7e", "#00796b", "#b3261e"};

    private BudgetCharts() {
    }

    /**
     * Spending to date per month (up to the forecast's day), the plan spread over the phases, the
     * allocation as a ceiling, and from the forecast's day on, spending continued at the rate so far.
     * Null when the agreement has no phase.
     */
    static String spending(BudgetSummary s, Texts t) {
        List<MonthPoint> months = s.months();
        if (months.isEmpty()) {
            return null;
        }
        Forecast forecast = s.forecast();
        YearMonth asOf = YearMonth.from(forecast.asOf());
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder spent = Json.createArrayBuilder();
        JsonArrayBuilder planned = Json.createArrayBuilder();
        JsonArrayBuilder ahead = Json.createArrayBuilder();
        JsonArrayBuilder ceiling = Json.createArrayBuilder();
        for (MonthPoint m : months) {
            YearMonth month = YearMonth.parse(m.month());
            labels.add(m.month());
            if (month.isAfter(asOf)) {
                spent.addNull();
            } else {
                spent.add(m.spentToDate());
            }
            planned.add(m.plannedToDate());
            BigDecimal projected = projected(s.total(), forecast, month);
            if (projected == null) {
                ahead.addNull();
            } else {
                ahead.add(projected);
            }
            ceiling.add(s.total().allocated());
        }
        JsonArrayBuilder datasets = Json.createArrayBuilder()
                .add(line(t.text("budget.chart.spent"), spent, BRAND, false).add("borderWidth", 3))
                .add(line(t.text("budget.chart.plan"), planned, PLAN, false))
                .add(line(t.text("budget.chart.allocated"), ceiling, OVER, true).add("pointRadius", 0));
        if (forecast.perDay() != null) {
            datasets.add(line(t.text("budget.chart.forecast"), ahead, FORECAST, true));
        }
        return safe(Json.createObjectBuilder()
                .add("type", "line")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", options(false)
                        .add("interaction", Json.createObjectBuilder().add("mode", "index").add("intersect", false)))
                .build());
    }

    /** Where spending at the rate so far stands at the end of the month; null before the forecast's month. */
    static BigDecimal projected(Figures total, Forecast forecast, YearMonth month) {
        YearMonth asOf = YearMonth.from(forecast.asOf());
        if (forecast.perDay() == null || month.isBefore(asOf)) {
            return null;
        }
        if (month.equals(asOf)) {
            return total.spent();
        }
        LocalDate monthEnd = month.atEndOfMonth();
        long days = ChronoUnit.DAYS.between(forecast.asOf(), monthEnd);
        return total.spent().add(forecast.perDay().multiply(BigDecimal.valueOf(days))).setScale(2, RoundingMode.HALF_EVEN);
    }

    /**
     * Planned against spent per budget line: spending within the plan, and stacked on it in red what
     * was spent beyond the plan. Null without lines.
     */
    static String lines(BudgetSummary s, Texts t) {
        if (s.lines().isEmpty()) {
            return null;
        }
        boolean severalPhases = s.phases().size() > 1;
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder planned = Json.createArrayBuilder();
        JsonArrayBuilder within = Json.createArrayBuilder();
        JsonArrayBuilder beyond = Json.createArrayBuilder();
        for (Figures line : s.lines()) {
            String phase = severalPhases ? phaseName(s, line.parentId()) : null;
            labels.add(phase == null ? line.label() : phase + ": " + line.label());
            planned.add(line.planned());
            within.add(line.overSpent() ? line.planned() : line.spent());
            beyond.add(line.overSpent() ? line.spent().subtract(line.planned()) : BigDecimal.ZERO.setScale(2));
        }
        JsonArrayBuilder datasets = Json.createArrayBuilder()
                .add(bar(t.text("budget.chart.planned"), planned, PLAN, "planned"))
                .add(bar(t.text("budget.chart.used"), within, BRAND, "spent"))
                .add(bar(t.text("budget.chart.overPlan"), beyond, OVER, "spent"));
        JsonObjectBuilder stacked = Json.createObjectBuilder().add("stacked", true);
        return safe(Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", Json.createObjectBuilder()
                        .add("animation", false)
                        .add("responsive", true)
                        .add("maintainAspectRatio", false)
                        .add("indexAxis", "y")
                        .add("plugins", Json.createObjectBuilder().add("legend", Json.createObjectBuilder().add("position", "bottom")))
                        .add("scales", Json.createObjectBuilder()
                                .add("x", Json.createObjectBuilder().add("beginAtZero", true).add("stacked", true))
                                .add("y", stacked)))
                .build());
    }

    private static JsonObjectBuilder bar(String label, JsonArrayBuilder data, String colour, String stack) {
        return Json.createObjectBuilder().add("label", label).add("data", data).add("backgroundColor", colour)
                .add("stack", stack);
    }

    /** Who funds the partnership: each committee's allocations and each party's co-financing. Null when nobody does yet. */
    static String funding(BudgetSummary s, Texts t) {
        if (s.committees().isEmpty() && s.cofinancing().isEmpty()) {
            return null;
        }
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder values = Json.createArrayBuilder();
        JsonArrayBuilder colours = Json.createArrayBuilder();
        int i = 0;
        for (Figures c : s.committees()) {
            labels.add(c.label());
            values.add(c.allocated());
            colours.add(PALETTE[i++ % PALETTE.length]);
        }
        for (Figures c : s.cofinancing()) {
            labels.add(t.text("budget.chart.cofinancing", c.label()));
            values.add(c.allocated());
            colours.add(PALETTE[i++ % PALETTE.length]);
        }
        JsonObjectBuilder dataset = Json.createObjectBuilder().add("label", t.text("budget.chart.funding"))
                .add("data", values).add("backgroundColor", colours).add("borderColor", "#ffffff").add("borderWidth", 2);
        return safe(Json.createObjectBuilder()
                .add("type", "doughnut")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", Json.createArrayBuilder().add(dataset)))
                .add("options", Json.createObjectBuilder().add("animation", false).add("responsive", true).add("maintainAspectRatio", false)
                        .add("plugins", Json.createObjectBuilder().add("legend", Json.createObjectBuilder().add("position", "bottom"))))
                .build());
    }

    private static String phaseName(BudgetSummary s, Long phaseId) {
        return s.phases().stream().filter(p -> p.id().equals(phaseId)).map(Figures::label).findFirst().orElse(null);
    }

    private static JsonObjectBuilder line(String label, JsonArrayBuilder data, String colour, boolean dashed) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("label", label).add("data", data)
                .add("borderColor", colour).add("backgroundColor", colour).add("fill", false)
                .add("tension", 0).add("pointRadius", 2).add("borderWidth", 2);
        if (dashed) {
            b.add("borderDash", Json.createArrayBuilder().add(6).add(4));
        }
        return b;
    }

    private static JsonObjectBuilder options(boolean horizontal) {
        JsonObjectBuilder valueAxis = Json.createObjectBuilder().add("beginAtZero", true);
        return Json.createObjectBuilder()
                .add("animation", false)
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                .add("plugins", Json.createObjectBuilder().add("legend", Json.createObjectBuilder().add("position", "bottom")))
                .add("scales", Json.createObjectBuilder().add(horizontal ? "x" : "y", valueAxis));
    }

    /**
     * The configuration goes into an inline script: names typed by users must not be able to end it,
     * so the characters HTML could read are written as JSON escapes (they occur only inside strings).
     */
    static String safe(JsonObject config) {
        return config.toString().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }
}
