package se.iop.common;

/**
 * The one rule for text people type, in every feature: trimmed, within its length, free of control
 * characters and invisible format characters, and free of Swedish personal identity numbers (see
 * {@link IdentityNumbers}). A one-line field ({@link #required}, {@link #optional}) takes no line break
 * or tab; a multi-line field ({@link #requiredLines}, {@link #optionalLines}) takes newlines, tabs and
 * the carriage return of a CR LF pair, as a browser's text area sends them. Entities call it in their
 * constructors and business methods, so no page, API or import can store text that breaks it.
 */
public final class Text {

    private Text() {
    }

    /** One line, trimmed, that must be present and at most {@code max} characters long. */
    public static String required(String field, String value, int max) {
        return checked(field, present(field, value), max, false);
    }

    /** One line, trimmed, null when blank, at most {@code max} characters long. */
    public static String optional(String field, String value, int max) {
        return value == null || value.isBlank() ? null : checked(field, value.strip(), max, false);
    }

    /** Text of several lines, trimmed, that must be present and at most {@code max} characters long. */
    public static String requiredLines(String field, String value, int max) {
        return checked(field, present(field, value), max, true);
    }

    /** Text of several lines, trimmed, null when blank, at most {@code max} characters long. */
    public static String optionalLines(String field, String value, int max) {
        return value == null || value.isBlank() ? null : checked(field, value.strip(), max, true);
    }

    /**
     * What someone searches for: trimmed, null when blank, and refused like any text when it holds a control
     * or invisible character (the database takes no NUL); it is not stored, so it is not checked further.
     */
    public static String searchTerm(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String term = value.strip();
        int bad = firstUnsafe(term, false);
        if (bad >= 0) {
            throw new InvalidInput(field, "error.text.control", codePoint(bad));
        }
        return term;
    }

    private static String present(String field, String value) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInput(field, "error.required");
        }
        return trimmed;
    }

    private static String checked(String field, String value, int max, boolean lines) {
        if (value.length() > max) {
            throw new InvalidInput(field, "error.tooLong", max);
        }
        int bad = firstUnsafe(value, lines);
        if (bad >= 0) {
            if (!lines && (bad == '\n' || bad == '\r' || bad == '\t')) {
                throw new InvalidInput(field, "error.text.oneLine");
            }
            throw new InvalidInput(field, "error.text.control", codePoint(bad));
        }
        return IdentityNumbers.refuse(field, value);
    }

    /**
     * The first character that no stored text may hold, or -1 when there is none: control characters
     * (C0, DEL, C1; in multi-line text newline, tab and the CR of a CR LF pair are fine), unpaired
     * surrogates, noncharacters, the line and paragraph separators, and invisible format characters
     * (zero-width space, word joiner, byte order mark, bidirectional overrides and isolates that can
     * make text read differently from what is stored, tag characters). The joiners that scripts and
     * emoji need (U+200C, U+200D), the direction marks (U+200E, U+200F, U+061C) and the soft hyphen
     * that word processors put in pasted text are harmless and kept.
     */
    static int firstUnsafe(String text, boolean lines) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (!allowed(cp, lines, next < text.length() ? text.charAt(next) : -1)) {
                return cp;
            }
            i = next;
        }
        return -1;
    }

    private static boolean allowed(int cp, boolean lines, int following) {
        switch (Character.getType(cp)) {
            case Character.CONTROL:
                return lines && (cp == '\n' || cp == '\t' || (cp == '\r' && following == '\n'));
            case Character.FORMAT:
                return cp == 0x00AD || cp == 0x061C || (cp >= 0x200C && cp <= 0x200F);
            case Character.SURROGATE, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR:
                return false;
            default:
                return !noncharacter(cp);
        }
    }

    private static boolean noncharacter(int cp) {
        return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }

    /** How a character is named in a message: its code point, since it may well be invisible. */
    static String codePoint(int cp) {
        return String.format("U+%04X", cp);
    }
}
