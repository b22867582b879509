package se.iop.landlord.view;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.iop.web.Formats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * How the history tables of the landlord and packet version pages name fields and show values:
 * kinds and statuses in the reader's language, moments in Swedish time, long texts by their beginning.
 */
@Named
@ApplicationScoped
public class LandlordHistory {

    /** Longer texts (a section's body, a note) are cut here; the page itself shows the whole text. */
    static final int TEXT_SHOWN = 300;
    private static final Set<String> LONG_TEXTS = Set.of("body", "bodyEn", "text");

    @Inject
    private LandlordUi ui;

    @Inject
    private Formats formats;

    public String fieldLabel(String field) {
        return ui.label(field);
    }

    public String historyValue(String field, String value) {
        if (value == null || value.isBlank()) {
            return "–";
        }
        try {
            return switch (field) {
                case "kind" -> ui.text("landlord.kind." + value);
                case "status" -> ui.text("landlord.version." + value);
                case "active" -> ui.text(Boolean.parseBoolean(value) ? "common.yes" : "common.no");
                case "publishedAt" -> formats.moment(Instant.parse(value));
                case "availableFrom", "stageOn" -> formats.date(LocalDate.parse(value));
                case "stage" -> ui.text("flat.stage." + value);
                default -> LONG_TEXTS.contains(field) ? shortened(value) : value;
            };
        } catch (DateTimeParseException e) {
            return value;
        }
    }

    static String shortened(String text) {
        return text.length() <= TEXT_SHOWN ? text : text.substring(0, TEXT_SHOWN - 1).strip() + "…";
    }
}
