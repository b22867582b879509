package se.iop.budget.rest;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import se.iop.budget.boundary.BudgetSummary;
import se.iop.budget.boundary.BudgetSummary.Figures;
import se.iop.budget.boundary.BudgetSummary.Forecast;
import se.iop.budget.boundary.BudgetSummary.MonthPoint;

import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Writes the budget summary ({@code GET /api/budgets/{id}}, the API's most read answer) straight to a JSON-P
 * generator: the same document JSON-B wrote (its property names in its order, A to Z, and nulls left out; a test
 * holds the two equal), without JSON-B finding each record's properties by reflection and keeping every object it
 * wrote in a set, which was a good part of the request's work.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class BudgetSummaryWriter implements MessageBodyWriter<BudgetSummary> {

    private static final JsonGeneratorFactory JSON = Json.createGeneratorFactory(Map.of());

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == BudgetSummary.class;
    }

    @Override
    public void writeTo(BudgetSummary summary, Class<?> type, Type genericType, Annotation[] annotations,
                        MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) {
        try (JsonGenerator json = JSON.createGenerator(out, StandardCharsets.UTF_8)) {
            write(json, summary);
        }
    }

    /** The summary as one JSON object, property names A to Z as JSON-B orders them. */
    static void write(JsonGenerator json, BudgetSummary s) {
        json.writeStartObject();
        json.write("agreementId", s.agreementId());
        figures(json, "cofinancing", s.cofinancing());
        figures(json, "committees", s.committees());
        if (s.forecast() != null) {
            forecast(json, s.forecast());
        }
        figures(json, "lines", s.lines());
        if (s.months() != null) {
            json.writeStartArray("months");
            for (MonthPoint m : s.months()) {
                json.writeStartObject();
                text(json, "month", m.month());
                number(json, "plannedToDate", m.plannedToDate());
                number(json, "spentToDate", m.spentToDate());
                json.writeEnd();
            }
            json.writeEnd();
        }
        figures(json, "partners", s.partners());
        figures(json, "phases", s.phases());
        if (s.total() != null) {
            json.writeKey("total");
            figures(json, s.total());
        }
        json.writeEnd();
    }

    private static void forecast(JsonGenerator json, Forecast f) {
        json.writeStartObject("forecast");
        date(json, "asOf", f.asOf());
        json.write("beforeEnd", f.beforeEnd());
        number(json, "perDay", f.perDay());
        date(json, "runsOutOn", f.runsOutOn());
        json.writeEnd();
    }

    private static void figures(JsonGenerator json, String name, List<Figures> list) {
        if (list == null) {
            return;
        }
        json.writeStartArray(name);
        for (Figures f : list) {
            figures(json, f);
        }
        json.writeEnd();
    }

    private static void figures(JsonGenerator json, Figures f) {
        json.writeStartObject();
        number(json, "allocated", f.allocated());
        number(json, "committed", f.committed());
        text(json, "detail", f.detail());
        date(json, "end", f.end());
        if (f.id() != null) {
            json.write("id", f.id());
        }
        text(json, "label", f.label());
        json.write("overPlanned", f.overPlanned());
        json.write("overSpent", f.overSpent());
        number(json, "paid", f.paid());
        if (f.parentId() != null) {
            json.write("parentId", f.parentId());
        }
        number(json, "percentUsed", f.percentUsed());
        number(json, "planned", f.planned());
        number(json, "remaining", f.remaining());
        number(json, "spent", f.spent());
        date(json, "start", f.start());
        json.writeEnd();
    }

    private static void number(JsonGenerator json, String name, BigDecimal value) {
        if (value != null) {
            json.write(name, value);
        }
    }

    private static void text(JsonGenerator json, String name, String value) {
        if (value != null) {
            json.write(name, value);
        }
    }

    /** ISO 8601, 2026-12-04, as JSON-B writes a LocalDate. */
    private static void date(JsonGenerator json, String name, LocalDate value) {
        if (value != null) {
            json.write(name, value.toString());
        }
    }
}
