package se.iop.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;

/** How the history tables show a stored value, the same on every page that has one. */
@ApplicationScoped
public class HistoryValues {

    @Inject
    private Ui ui;

    /**
     * Blank as "–", an enum field's constant by its text (enumKeys: field → message key prefix,
     * e.g. "kind" → "organisation.kind."), true/false as yes/no, anything else as stored.
     */
    public String show(String field, String value, Map<String, String> enumKeys) {
        if (isBlank(value)) {
            return "–";
        }
        String prefix = enumKeys.get(field);
        if (prefix != null) {
            return ui.text(prefix + value);
        }
        if ("true".equals(value) || "false".equals(value)) {
            return ui.text(Boolean.parseBoolean(value) ? "common.yes" : "common.no");
        }
        return value;
    }

    /** For a page's own formats (amounts, lists), which apply only to a value that is there. */
    public static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
