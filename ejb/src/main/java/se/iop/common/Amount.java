package se.iop.common;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount in SEK as people write it, read and written by one set of rules for every page, the API
 * and the CSV import, so that what is stored is what the person meant, or nothing.
 * <ul>
 * <li>Spaces (plain, no-break, narrow no-break, thin) group thousands; {@code kr} or {@code SEK} may follow.</li>
 * <li>A lone comma or point followed by exactly three digits ({@code 12,000}, {@code 1.700}) is a decimal
 *     sign in one language and a thousands separator in the other: it is refused, showing both readings.</li>
 * <li>Otherwise a lone comma or point is the decimal sign ({@code 1234,5}, {@code 1234.50}).</li>
 * <li>Points or commas group thousands only where nothing else is possible: with the other sign as
 *     decimal sign ({@code 1.700.000,50}, {@code 1,700,000.50}) or in two or more groups ({@code 1.700.000}).</li>
 * <li>At most two decimals; the size limit of {@link Money}. The sign is kept for the field's own rule.</li>
 * </ul>
 * What {@link #format} and {@link #display} write, {@link #read} reads back to the same value in either
 * language. As a message argument an {@code Amount} is shown in the message's language.
 */
public record Amount(BigDecimal value) implements Serializable {

    private static final int TYPED_MAX = 60;
    private static final int ECHO_MAX = 40;
    private static final String SPACES = " \u00A0\u202F\u2009";
    private static final String SPACE = "[" + SPACES + "]";
    private static final Pattern CURRENCY = Pattern.compile("(?i)(?:kr|sek)$");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern NOT_DIGITS = Pattern.compile("\\D");
    /** Whole kronor grouped by single spaces, the first group of one to three digits. */
    private static final Pattern SPACE_GROUPED = Pattern.compile("\\d{1,3}(?:" + SPACE + "\\d{3})+");
    /** Three digits after the sign could also be a group of thousands: the part before it is one group. */
    private static final Pattern ONE_GROUP = Pattern.compile("[1-9]\\d{0,2}");
    private static final Pattern POINT_GROUPED = Pattern.compile("[1-9]\\d{0,2}(?:\\.\\d{3})+");
    private static final Pattern COMMA_GROUPED = Pattern.compile("[1-9]\\d{0,2}(?:,\\d{3})+");
    private static final Pattern NUMBER_CHARS = Pattern.compile("[\\d.," + SPACES + "]+");

    public Amount {
        Objects.requireNonNull(value, "value");
    }

    /** The text typed for an amount was no amount at all (letters, a formula, digits grouped wrongly). */
    public static final class Unreadable extends InvalidInput {
        Unreadable(String field, String typed) {
            super(field, "error.amount.unreadable", echo(typed));
        }
    }

    /**
     * The amount typed into {@code field}, or null when nothing was typed. The value keeps the decimals
     * typed (at most two); the field's own rule (above zero, not negative) is the domain's.
     *
     * @throws InvalidInput naming the field, when the text is unreadable ({@link Unreadable}),
     *                      ambiguous, has more than two decimals or is too large
     */
    public static BigDecimal read(String field, String typed) {
        if (typed == null || trim(typed).isEmpty()) {
            return null;
        }
        String text = trim(typed);
        if (text.length() > TYPED_MAX) {
            throw new Unreadable(field, typed);
        }
        Matcher currency = CURRENCY.matcher(text);
        if (currency.find()) {
            text = trim(text.substring(0, currency.start()));
        }
        boolean negative = false;
        if (!text.isEmpty() && (text.charAt(0) == '-' || text.charAt(0) == '\u2212' || text.charAt(0) == '+')) {
            negative = text.charAt(0) != '+';
            text = trim(text.substring(1));
        }
        if (text.isEmpty() || !NUMBER_CHARS.matcher(text).matches()) {
            throw new Unreadable(field, typed);
        }
        BigDecimal value = digits(field, typed, text, negative);
        Money.checked(field, value);
        return value;
    }

    private static BigDecimal digits(String field, String typed, String text, boolean negative) {
        int points = count(text, '.');
        int commas = count(text, ',');
        String whole;
        String decimals = "";
        if (points > 0 && commas > 0) {
            // Both signs: the last one is the decimal sign, and it appears once; the other groups thousands.
            int last = Math.max(text.lastIndexOf('.'), text.lastIndexOf(','));
            char decimal = text.charAt(last);
            if (count(text, decimal) != 1 || !(decimal == ',' ? POINT_GROUPED : COMMA_GROUPED)
                    .matcher(text.substring(0, last)).matches()) {
                throw new Unreadable(field, typed);
            }
            whole = text.substring(0, last);
            decimals = decimalsAfter(field, typed, text.substring(last + 1));
        } else if (points + commas == 1) {
            int sign = Math.max(text.indexOf('.'), text.indexOf(','));
            whole = text.substring(0, sign);
            String after = text.substring(sign + 1);
            if (!wholeKronor(whole) || !DIGITS.matcher(after).matches()) {
                throw new Unreadable(field, typed);
            }
            if (after.length() == 3 && ONE_GROUP.matcher(whole).matches()) {
                String minus = negative ? "-" : "";
                throw new InvalidInput(field, "error.amount.ambiguous", echo(typed),
                        new Amount(new BigDecimal(minus + whole + "." + after)),
                        new Amount(new BigDecimal(minus + whole + after)));
            }
            decimals = decimalsAfter(field, typed, after);
        } else if (points + commas > 1) {
            if (!(points > 0 ? POINT_GROUPED : COMMA_GROUPED).matcher(text).matches()) {
                throw new Unreadable(field, typed);
            }
            whole = text;
        } else {
            if (!wholeKronor(text)) {
                throw new Unreadable(field, typed);
            }
            whole = text;
        }
        String kronor = NOT_DIGITS.matcher(whole).replaceAll("");
        if (kronor.length() > 15) {
            throw new InvalidInput(field, "error.money.tooLarge");
        }
        return new BigDecimal((negative ? "-" : "") + kronor + (decimals.isEmpty() ? "" : "." + decimals));
    }

    private static String decimalsAfter(String field, String typed, String after) {
        if (!DIGITS.matcher(after).matches()) {
            throw new Unreadable(field, typed);
        }
        if (after.length() > 2) {
            throw new InvalidInput(field, "error.money.decimals");
        }
        return after;
    }

    private static boolean wholeKronor(String text) {
        return DIGITS.matcher(text).matches() || SPACE_GROUPED.matcher(text).matches();
    }

    /**
     * For a form field: {@code 1 700 000,50} in Swedish (plain spaces, as people type), {@code 1,700,000.50}
     * in English; always with two decimals, so a comma or point is never followed by three digits.
     */
    public static String format(BigDecimal value, Locale locale) {
        if (value == null) {
            return "";
        }
        return swedish(locale) ? write(value, ' ', ',', "-") : write(value, ',', '.', "-");
    }

    /**
     * For reading on a page or in a message: {@code 1 700 000,50 kr} in Swedish (no-break spaces, so the
     * figure never breaks over two lines; a true minus sign), {@code 1,700,000.50 SEK} in English.
     */
    public static String display(BigDecimal value, Locale locale) {
        return swedish(locale) ? write(value, '\u00A0', ',', "\u2212") + "\u00A0kr" : write(value, ',', '.', "-") + " SEK";
    }

    /** In a message: the amount in the message's language, with its currency. */
    String display(Locale locale) {
        return display(value, locale);
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }

    /** Digits grouped by threes, at least two decimals and every further decimal the value has; nothing rounded. */
    private static String write(BigDecimal value, char group, char decimal, String minus) {
        BigDecimal v = value.stripTrailingZeros();
        v = v.scale() < 2 ? v.setScale(2) : v;
        String plain = v.abs().toPlainString();
        int point = plain.indexOf('.');
        String whole = plain.substring(0, point);
        StringBuilder out = new StringBuilder(plain.length() + whole.length() / 3 + 2);
        if (v.signum() < 0) {
            out.append(minus);
        }
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                out.append(group);
            }
            out.append(whole.charAt(i));
        }
        return out.append(decimal).append(plain, point + 1, plain.length()).toString();
    }

    private static boolean swedish(Locale locale) {
        return locale == null || "sv".equals(locale.getLanguage());
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    /** Without the spaces of any kind around it (String.strip keeps the no-break ones). */
    private static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && space(text.charAt(start))) {
            start++;
        }
        while (end > start && space(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean space(char c) {
        return Character.isWhitespace(c) || SPACES.indexOf(c) >= 0;
    }

    /** What was typed, quoted back in a message, cut short so a stray paragraph cannot flood it. */
    private static String echo(String typed) {
        String t = trim(typed);
        return t.length() <= ECHO_MAX ? t : t.substring(0, ECHO_MAX - 1) + "…";
    }
}
