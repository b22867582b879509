package se.iop.budget.rest;

import jakarta.json.Json;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.stream.JsonGenerator;
import org.junit.jupiter.api.Test;
import se.iop.budget.boundary.BudgetSummary;
import se.iop.budget.boundary.BudgetSummary.Figures;
import se.iop.budget.boundary.BudgetSummary.Forecast;
import se.iop.budget.boundary.BudgetSummary.MonthPoint;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The summary's own writer writes the very document JSON-B (Yasson, as in WildFly) wrote before it. */
class BudgetSummaryWriterTest {

    private static BigDecimal sek(String amount) {
        return new BigDecimal(amount);
    }

    private static String ours(BudgetSummary s) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = Json.createGenerator(out)) {
            BudgetSummaryWriter.write(json, s);
        }
        return out.toString();
    }

    private static String jsonb(BudgetSummary s) throws Exception {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            return jsonb.toJson(s);
        }
    }

    @Test
    void aFullSummaryIsWrittenAsJsonBWroteIt() throws Exception {
        Figures total = Figures.of(null, null, null, null, sek("1000000.00"), sek("900000.00"), sek("250000.00"),
                sek("300000.00"), sek("120000.50"), LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31));
        Figures phase = Figures.of(11L, null, "Fas 1 – \"start\"", null, sek("500000.00"), sek("600000.00"),
                sek("0.00"), sek("0.00"), sek("700000.00"), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        Figures line = Figures.of(21L, 11L, "Personal", "STAFF", sek("0.00"), sek("0.00"), sek("0.00"), sek("0.00"),
                sek("-15.25"), null, null);
        Figures committee = Figures.of(31L, null, "Socialnämnden", "Nyköpings kommun", sek("500000.00"), sek("0.00"),
                sek("0.00"), sek("0.00"), sek("0.00"), null, null);
        Figures partner = Figures.of(41L, null, "Stadsmissionen", null, sek("0.00"), sek("0.00"), sek("250000.00"),
                sek("300000.00"), sek("99.99"), null, null);
        Figures cofinancing = Figures.of(51L, null, "Hyresbolaget", "IN_KIND,MONEY", sek("12345678901.99"), sek("0.00"),
                sek("0.00"), sek("0.00"), sek("0.00"), null, null);
        BudgetSummary s = new BudgetSummary(7L, total, List.of(phase), List.of(committee), List.of(partner), List.of(line),
                List.of(cofinancing),
                List.of(new MonthPoint("2026-01", sek("100.00"), sek("82191.78")), new MonthPoint("2026-02", sek("0.00"), sek("0.00"))),
                new Forecast(LocalDate.of(2026, 12, 4), sek("354.00"), LocalDate.of(2034, 5, 1), false));
        assertEquals(jsonb(s), ours(s));
    }

    @Test
    void anEmptySummaryWithoutForecastIsWrittenAsJsonBWroteIt() throws Exception {
        Figures total = Figures.of(null, null, null, null, sek("0.00"), sek("0.00"), sek("0.00"), sek("0.00"),
                sek("0.00"), null, null);
        BudgetSummary s = new BudgetSummary(8L, total, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                new Forecast(LocalDate.of(2026, 12, 4), null, null, true));
        assertEquals(jsonb(s), ours(s));
    }
}
