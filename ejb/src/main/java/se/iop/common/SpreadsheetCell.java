package se.iop.common;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The one rule for a value bound for a spreadsheet (every CSV and XLSX export: the budget's transactions and
 * overview, the committee report). A text cell that starts with {@code = + - @}, a tab or a carriage return
 * (OWASP's list), or the full-width forms of the first four, is read by Excel and LibreOffice as a formula,
 * so a description such as {@code =HYPERLINK(…)} from an import could run when finance opens the file
 * ("CSV injection"). Such text is neutralised: in CSV with a leading apostrophe, in XLSX by a quote-prefixed
 * text cell (the text itself unchanged).
 * <p>
 * Numbers are never text: an amount or count is handed over as a number ({@link BigDecimal}, {@link Long},
 * {@link Integer}) and written as one (plain digits, a minus sign, a decimal comma for Swedish Excel), so a
 * negative amount — a reversal — stays a number a spreadsheet can add, and no text can pass for one.
 */
public final class SpreadsheetCell {

    private static final String FORMULA_STARTS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";

    private SpreadsheetCell() {
    }

    /** Whether a spreadsheet would take this text for a formula. */
    public static boolean formulaLike(String text) {
        return text != null && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0;
    }

    /** Text for a CSV cell: a leading apostrophe keeps it from being taken as a formula (OWASP's advice). */
    public static String csvText(String text) {
        if (text == null) {
            return "";
        }
        return formulaLike(text) ? "'" + text : text;
    }

    /**
     * A value as a CSV cell: numbers as numbers with a decimal comma, yes/no as "ja"/"nej", dates ISO-8601,
     * anything else as neutralised text.
     */
    public static String csv(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString().replace('.', ',');
        }
        if (value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        if (value instanceof Boolean flag) {
            return flag ? "ja" : "nej";
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        return csvText(value.toString());
    }
}
