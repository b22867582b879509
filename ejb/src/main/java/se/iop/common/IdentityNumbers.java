package se.iop.common;

import java.time.Month;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what looks like a Swedish personal identity number (personnummer) or co-ordination number
 * (samordningsnummer, the day plus 60) in free text: ten or twelve digits, with or without the century,
 * with "-", "+" or no separator, a possible date and a valid Luhn check digit. Reports hold aggregate
 * numbers only; text that carries such a number is refused. A wrong check digit or an impossible date
 * (an organisation number's month is 20 or more) is not flagged, so such numbers pass.
 */
public final class IdentityNumbers {

    // Digits not glued to further digits: 6 or 8 digits of date, an optional separator, 4 more digits.
    private static final Pattern CANDIDATE = Pattern.compile("(?<!\\d)(\\d{2})?(\\d{2})(\\d{2})(\\d{2})([-+]?)(\\d{3})(\\d)(?!\\d)");

    private IdentityNumbers() {
    }

    /** The first identity number in the text, as written there; empty when there is none. */
    public static Optional<String> find(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = CANDIDATE.matcher(text);
        while (m.find()) {
            String century = m.group(1);
            int year = Integer.parseInt(m.group(2));
            int month = Integer.parseInt(m.group(3));
            int day = Integer.parseInt(m.group(4));
            if (century != null && !(century.equals("18") || century.equals("19") || century.equals("20"))) {
                continue;
            }
            if (!possibleDate(century == null ? null : Integer.parseInt(century) * 100 + year, month, day)) {
                continue;
            }
            String nine = m.group(2) + m.group(3) + m.group(4) + m.group(6);
            if (luhnCheckDigit(nine) == m.group(7).charAt(0) - '0') {
                return Optional.of(m.group());
            }
        }
        return Optional.empty();
    }

    public static boolean contains(String text) {
        return find(text).isPresent();
    }

    /** The text unchanged, or refused naming the field when it carries an identity number. */
    public static String refuse(String field, String text) {
        if (contains(text)) {
            throw new InvalidInput(field, "error.identityNumber");
        }
        return text;
    }

    /** A birth date, or a co-ordination number's (day plus 60); without the century any leap year will do. */
    private static boolean possibleDate(Integer fullYear, int month, int day) {
        if (month < 1 || month > 12) {
            return false;
        }
        int d = day > 60 ? day - 60 : day;
        if (d < 1) {
            return false;
        }
        boolean leap = fullYear == null || java.time.Year.isLeap(fullYear);
        return d <= Month.of(month).length(leap);
    }

    /** The check digit of nine digits: every other digit doubled from the first, digit sums added. */
    static int luhnCheckDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < nineDigits.length(); i++) {
            int d = (nineDigits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }
        return (10 - sum % 10) % 10;
    }
}
