package se.iop.budget.view;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import se.iop.budget.boundary.BudgetSummary;
import se.iop.budget.boundary.BudgetSummary.Figures;
import se.iop.budget.boundary.BudgetSummary.Forecast;
import se.iop.budget.boundary.BudgetSummary.MonthPoint;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BudgetChartsTest {

    private static final BudgetCharts.Texts TEXTS = (key, args) -> args.length == 0 ? key : key + args[0];
    private static final LocalDate START = LocalDate.of(2026, 1, 1);
    private static final LocalDate END = LocalDate.of(2026, 12, 31);

    private static BigDecimal sek(String amount) {
        return new BigDecimal(amount);
    }

    private static Figures figures(long id, Long parent, String label, String allocated, String planned, String spent) {
        BigDecimal zero = sek("0.00");
        return Figures.of(id, parent, label, null, sek(allocated), sek(planned), zero, zero, sek(spent), START, END);
    }

    private static BudgetSummary summary(Forecast forecast, List<Figures> phases, List<Figures> lines) {
        Figures total = figures(0, null, null, "1000000.00", "900000.00", "150000.00");
        List<MonthPoint> months = List.of(
                new MonthPoint("2026-05", sek("100000.00"), sek("380000.00")),
                new MonthPoint("2026-06", sek("150000.00"), sek("450000.00")),
                new MonthPoint("2026-07", sek("150000.00"), sek("530000.00")),
                new MonthPoint("2026-08", sek("150000.00"), sek("600000.00")));
        return new BudgetSummary(1, total, phases,
                List.of(figures(7, null, "Socialnämnden", "600000.00", "0.00", "0.00"),
                        figures(8, null, "Vård- och omsorgsnämnden", "400000.00", "0.00", "0.00")),
                List.of(), lines,
                List.of(figures(9, null, "Sörmlands Stadsmission", "240000.00", "0.00", "0.00")),
                months, forecast);
    }

    private static JsonObject parse(String json) {
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            return r.readObject();
        }
    }

    private static JsonArray datasets(JsonObject chart) {
        return chart.getJsonObject("data").getJsonArray("datasets");
    }

    private static JsonObject dataset(JsonObject chart, String label) {
        return datasets(chart).getValuesAs(JsonObject.class).stream().filter(d -> d.getString("label").equals(label))
                .findFirst().orElseThrow(() -> new AssertionError("no dataset " + label + " in " + chart));
    }

    private static List<String> values(JsonObject dataset) {
        return dataset.getJsonArray("data").stream()
                .map(v -> v.getValueType() == JsonValue.ValueType.NULL ? null : v.toString()).toList();
    }

    @Test
    void spendingStopsAtTheForecastDayAndTheForecastGoesOnAtTheRateSoFar() {
        Forecast forecast = new Forecast(LocalDate.of(2026, 6, 15), sek("1000.00"), LocalDate.of(2028, 10, 1), false);
        JsonObject chart = parse(BudgetCharts.spending(summary(forecast, List.of(), List.of()), TEXTS));

        assertEquals("line", chart.getString("type"));
        assertFalse(chart.getJsonObject("options").getBoolean("animation"), "no motion");
        assertEquals(List.of("\"2026-05\"", "\"2026-06\"", "\"2026-07\"", "\"2026-08\""),
                chart.getJsonObject("data").getJsonArray("labels").stream().map(Object::toString).toList());
        assertEquals(java.util.Arrays.asList("100000.00", "150000.00", null, null), values(dataset(chart, "budget.chart.spent")));
        assertEquals(List.of("380000.00", "450000.00", "530000.00", "600000.00"), values(dataset(chart, "budget.chart.plan")));
        assertEquals(List.of("1000000.00", "1000000.00", "1000000.00", "1000000.00"),
                values(dataset(chart, "budget.chart.allocated")));
        // From 15 June: 46 days to the end of July, 77 to the end of August, at 1 000 kr a day.
        assertEquals(java.util.Arrays.asList(null, "150000.00", "196000.00", "227000.00"),
                values(dataset(chart, "budget.chart.forecast")));
    }

    @Test
    void withNothingSpentThereIsNoForecastLine() {
        Forecast none = new Forecast(LocalDate.of(2026, 6, 15), null, null, false);
        JsonObject chart = parse(BudgetCharts.spending(summary(none, List.of(), List.of()), TEXTS));
        assertTrue(datasets(chart).getValuesAs(JsonObject.class).stream()
                .noneMatch(d -> d.getString("label").equals("budget.chart.forecast")));
    }

    @Test
    void anAgreementWithoutPhasesHasNoCharts() {
        Forecast none = new Forecast(LocalDate.of(2026, 6, 15), null, null, false);
        BudgetSummary empty = new BudgetSummary(1, figures(0, null, null, "0.00", "0.00", "0.00"), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), none);
        assertNull(BudgetCharts.spending(empty, TEXTS));
        assertNull(BudgetCharts.lines(empty, TEXTS));
        assertNull(BudgetCharts.funding(empty, TEXTS));
    }

    @Test
    void linesShowPlannedAgainstSpentWithOverspentBarsInRedAndThePhaseNamedWhenThereAreSeveral() {
        Forecast forecast = new Forecast(LocalDate.of(2026, 6, 15), sek("1000.00"), null, false);
        List<Figures> phases = List.of(figures(1, null, "Fas 1", "600000.00", "0.00", "0.00"),
                figures(2, null, "Fas 2", "400000.00", "0.00", "0.00"));
        List<Figures> lines = List.of(figures(11, 1L, "Boendestöd", "0.00", "500000.00", "510000.50"),
                figures(21, 2L, "Hyresgarantier", "0.00", "300000.00", "1000.00"));
        JsonObject chart = parse(BudgetCharts.lines(summary(forecast, phases, lines), TEXTS));

        assertEquals("y", chart.getJsonObject("options").getString("indexAxis"));
        assertEquals(List.of("\"Fas 1: Boendestöd\"", "\"Fas 2: Hyresgarantier\""),
                chart.getJsonObject("data").getJsonArray("labels").stream().map(Object::toString).toList());
        assertEquals(List.of("500000.00", "300000.00"), values(dataset(chart, "budget.chart.planned")));
        // Spent within the plan, and stacked on it what went beyond: 500 000 + 10 000,50 for the overspent line.
        assertEquals(List.of("500000.00", "1000.00"), values(dataset(chart, "budget.chart.used")));
        assertEquals(List.of("10000.50", "0.00"), values(dataset(chart, "budget.chart.overPlan")));
        assertEquals(BudgetCharts.OVER, dataset(chart, "budget.chart.overPlan").getString("backgroundColor"));
        assertEquals("spent", dataset(chart, "budget.chart.overPlan").getString("stack"));
        assertEquals("spent", dataset(chart, "budget.chart.used").getString("stack"));
    }

    @Test
    void fundingShowsEachCommitteeAndEachPartysCoFinancing() {
        Forecast forecast = new Forecast(LocalDate.of(2026, 6, 15), null, null, false);
        JsonObject chart = parse(BudgetCharts.funding(summary(forecast, List.of(), List.of()), TEXTS));
        assertEquals("doughnut", chart.getString("type"));
        assertEquals(List.of("\"Socialnämnden\"", "\"Vård- och omsorgsnämnden\"", "\"budget.chart.cofinancingSörmlands Stadsmission\""),
                chart.getJsonObject("data").getJsonArray("labels").stream().map(Object::toString).toList());
        assertEquals(List.of("600000.00", "400000.00", "240000.00"), values(datasets(chart).getJsonObject(0)));
    }

    @Test
    void aNameTypedByAUserCannotEndTheScriptTheConfigurationIsWrittenInto() {
        String hostile = "</script><script>alert(1)</script> & \u2028";
        Forecast forecast = new Forecast(LocalDate.of(2026, 6, 15), null, null, false);
        String json = BudgetCharts.lines(summary(forecast, List.of(figures(1, null, "Fas 1", "1.00", "1.00", "0.00")),
                List.of(figures(11, 1L, hostile, "0.00", "1.00", "0.00"))), TEXTS);
        assertFalse(json.contains("<") || json.contains(">") || json.contains("&") || json.contains("\u2028"), json);
        assertEquals(hostile, parse(json).getJsonObject("data").getJsonArray("labels").getString(0), "the name is kept as typed");
    }
}
