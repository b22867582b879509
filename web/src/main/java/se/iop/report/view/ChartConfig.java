package se.iop.report.view;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.math.BigDecimal;
import java.util.List;

/**
 * Chart.js configurations for {@code p:chart}, built as JSON. PrimeFaces writes the configuration into
 * a script as it is, so every "&lt;", "&gt;" and "&amp;" in it (in labels taken from user input) is
 * written as a JSON escape: text can never end the script.
 */
public final class ChartConfig {

    public static final String BLUE = "#0b4f6c";
    public static final String GREEN = "#1e6b2e";
    public static final String ORANGE = "#a35200";
    public static final String RED = "#b3261e";
    public static final String GREY = "#6b7480";

    private ChartConfig() {
    }

    /** One line or bar series; a null value leaves a gap (a hidden small count is never drawn as zero). */
    public record Series(String type, String label, List<? extends Number> values, String color, boolean dashed) {
    }

    public static String bars(List<String> labels, List<Series> series, String yTitle, Integer yMax, boolean horizontal) {
        JsonArrayBuilder datasets = Json.createArrayBuilder();
        for (Series s : series) {
            JsonArrayBuilder data = Json.createArrayBuilder();
            for (Number n : s.values()) {
                if (n == null) {
                    data.addNull();
                } else if (n instanceof BigDecimal b) {
                    data.add(b);
                } else {
                    data.add(n.longValue());
                }
            }
            JsonObjectBuilder d = Json.createObjectBuilder().add("type", s.type()).add("label", s.label())
                    .add("data", data).add("borderColor", s.color()).add("backgroundColor", s.color())
                    .add("borderWidth", 2).add("spanGaps", false).add("clip", 8);
            if ("line".equals(s.type())) {
                d.add("fill", false).add("tension", 0.2).add("pointRadius", 3).add("backgroundColor", "#ffffff");
            }
            if (s.dashed()) {
                d.add("borderDash", Json.createArrayBuilder().add(6).add(4)).add("pointRadius", 0);
            }
            datasets.add(d);
        }
        JsonObjectBuilder y = Json.createObjectBuilder().add("beginAtZero", true)
                .add("title", Json.createObjectBuilder().add("display", yTitle != null).add("text", yTitle == null ? "" : yTitle));
        if (yMax != null) {
            y.add("max", yMax);
        }
        JsonObjectBuilder options = Json.createObjectBuilder().add("responsive", true).add("maintainAspectRatio", false)
                .add("animation", false)
                .add("plugins", Json.createObjectBuilder().add("legend", Json.createObjectBuilder().add("position", "bottom")))
                .add("scales", Json.createObjectBuilder().add(horizontal ? "x" : "y", y));
        if (horizontal) {
            options.add("indexAxis", "y");
        }
        return safe(Json.createObjectBuilder().add("type", series.isEmpty() ? "bar" : series.get(0).type())
                .add("data", Json.createObjectBuilder().add("labels", strings(labels)).add("datasets", datasets))
                .add("options", options).build().toString());
    }

    static String doughnut(List<String> labels, List<Long> values, List<String> colors) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        values.forEach(data::add);
        JsonObjectBuilder dataset = Json.createObjectBuilder().add("data", data).add("backgroundColor", strings(colors));
        JsonObjectBuilder options = Json.createObjectBuilder().add("responsive", true).add("maintainAspectRatio", false)
                .add("animation", false)
                .add("plugins", Json.createObjectBuilder().add("legend", Json.createObjectBuilder().add("position", "bottom")));
        return safe(Json.createObjectBuilder().add("type", "doughnut")
                .add("data", Json.createObjectBuilder().add("labels", strings(labels)).add("datasets", Json.createArrayBuilder().add(dataset)))
                .add("options", options).build().toString());
    }

    private static JsonArrayBuilder strings(List<String> values) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        values.forEach(a::add);
        return a;
    }

    /** JSON with the characters that could close or open markup escaped; these only occur inside strings. */
    static String safe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
