package se.iop.report.view;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import se.iop.report.view.ChartConfig.Series;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartConfigTest {

    private static JsonObject read(String json) {
        try (var r = Json.createReader(new StringReader(json))) {
            return r.readObject();
        }
    }

    @Test
    void labelsFromUsersCannotCloseTheScriptTheConfigurationIsWrittenInto() {
        String title = "</script><script>alert('x')</script> & <b>";
        String json = ChartConfig.bars(List.of(title), List.of(new Series("bar", "Använt", List.of(new BigDecimal("12.5")), "#000", false)),
                "Procent", 100, true);
        assertFalse(json.contains("<") || json.contains(">") || json.contains("&"), json);
        JsonObject config = read(json);
        assertEquals(title, config.getJsonObject("data").getJsonArray("labels").getString(0), "still the same text once parsed");
        assertEquals("y", config.getJsonObject("options").getString("indexAxis"));
        assertEquals(100, config.getJsonObject("options").getJsonObject("scales").getJsonObject("x").getInt("max"));
    }

    @Test
    void aHiddenCountLeavesAGapNotAZero() {
        JsonObject config = read(ChartConfig.bars(List.of("K1", "K2", "K3"),
                List.of(new Series("line", "Hushåll", Arrays.asList(4, null, 7), "#111", true)), null, null, false));
        var data = config.getJsonObject("data").getJsonArray("datasets").getJsonObject(0).getJsonArray("data");
        assertEquals(4, data.getInt(0));
        assertTrue(data.isNull(1));
        assertEquals(7, data.getInt(2));
        assertEquals("line", config.getString("type"));
        assertTrue(config.getJsonObject("data").getJsonArray("datasets").getJsonObject(0).containsKey("borderDash"));
    }

    @Test
    void aDoughnutHasOneValueAndColourPerLabel() {
        JsonObject config = read(ChartConfig.doughnut(List.of("Klara", "Försenade"), List.of(3L, 1L), List.of("#0f0", "#f00")));
        var dataset = config.getJsonObject("data").getJsonArray("datasets").getJsonObject(0);
        assertEquals(2, dataset.getJsonArray("data").size());
        assertEquals("#f00", dataset.getJsonArray("backgroundColor").getString(1));
    }
}
