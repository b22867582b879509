package se.iop.budget.control;

/**
 * Text bound for a spreadsheet. A cell that starts with {@code = + - @} (or a tab or carriage return,
 * or their full-width forms) is read by Excel and LibreOffice as a formula, so a description such as
 * {@code =HYPERLINK(…)} from an import could run when finance opens an export ("CSV injection").
 */
public final class SafeText {

    private static final String FORMULA_STARTS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";

    private SafeText() {
    }

    public static boolean formulaLike(String text) {
        return text != null && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0;
    }

    /** For CSV, where a cell has no type: a leading apostrophe keeps it from being taken as a formula (OWASP's advice). */
    public static String forCsv(String text) {
        if (text == null) {
            return "";
        }
        return formulaLike(text) ? "'" + text : text;
    }
}
