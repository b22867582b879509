package se.iop.common;

/** Checks on free text the domain takes in. */
public final class Text {

    private Text() {
    }

    /** Trimmed text that must be present and at most {@code max} characters long. */
    public static String required(String field, String value, int max) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInput(field, "error.required");
        }
        return limit(field, trimmed, max);
    }

    /** Trimmed text, null when blank, at most {@code max} characters long. */
    public static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return limit(field, value.strip(), max);
    }

    private static String limit(String field, String value, int max) {
        if (value.length() > max) {
            throw new InvalidInput(field, "error.tooLong", max);
        }
        return value;
    }
}
