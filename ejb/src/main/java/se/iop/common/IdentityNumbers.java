package se.iop.common;

import java.text.Normalizer;
import java.time.Month;
import java.time.Year;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what looks like a Swedish personal identity number (personnummer) or co-ordination number
 * (samordningsnummer, the day plus 60) in text: ten or twelve digits, a possible date of birth and a
 * valid Luhn check digit, with or without the century, with any separator or none before the last
 * four digits ({@code 811218-9876}, {@code 811218+9876}, {@code 811218 9876}, {@code 811218–9876},
 * {@code 198112189876}). Nothing in IOP may hold one: every text people type passes through
 * {@link Text}, and report attachments through the same check.
 * <p>
 * The text is normalised first, so that look-alikes cannot hide a number: Unicode compatibility forms
 * (full-width and styled digits), digits of other scripts, every kind of dash and minus, every kind
 * of space (no-break, thin, …) and invisible characters (zero-width space, soft hyphen, …) between the
 * digits. A wrong check digit or an impossible date passes, so organisation numbers (whose month is 20
 * or more), ISO dates, grouped phone numbers, vouchers and amounts are not taken for one. A phone number
 * written as ten digits in a row can be one (a 070 number reads as a birth in 2007): such text is
 * refused, and written with a space or hyphen it passes.
 */
public final class IdentityNumbers {

    /*
     * After normalising: not glued to further digits, an optional century, six digits of date, an
     * optional separator (one dash, plus, point or slash, possibly with a space either side, or up to
     * two spaces), three digits and the check digit.
     */
    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<!\\d)(\\d{2})?(\\d{2})(\\d{2})(\\d{2})(?: ?[-+./] ?| {1,2})?(\\d{3})(\\d)(?!\\d)");

    private IdentityNumbers() {
    }

    /** The first identity number in the text, in its normalised form; empty when there is none. */
    public static Optional<String> find(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = CANDIDATE.matcher(normalise(text));
        while (m.find()) {
            if (identityNumber(m)) {
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

    /**
     * The text as the detector reads it: compatibility forms folded (NFKC), every decimal digit as its
     * ASCII digit, every dash or minus as '-', every line break as '\n' (a number is not looked for
     * across lines, nor across a document's cells), every other space as ' ', and invisible characters
     * (format and control characters other than white space) left out. Letters and other signs stay.
     */
    static String normalise(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.DECIMAL_DIGIT_NUMBER) {
                out.append((char) ('0' + Character.digit(cp, 10)));
            } else if (type == Character.DASH_PUNCTUATION || cp == 0x2212 || cp == 0x2043 || cp == 0x02D7) {
                out.append('-'); // hyphens, en and em dashes, the minus sign, the hyphen bullet, the modifier minus
            } else if (cp == '\n' || cp == '\r' || cp == 0x0B || cp == '\f' || cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
                out.append('\n');
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                out.append(' ');
            } else if (type != Character.FORMAT && type != Character.CONTROL) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static boolean identityNumber(Matcher m) {
        String century = m.group(1);
        if (century != null && !(century.equals("18") || century.equals("19") || century.equals("20"))) {
            return false;
        }
        int year = Integer.parseInt(m.group(2));
        int month = Integer.parseInt(m.group(3));
        int day = Integer.parseInt(m.group(4));
        if (!possibleDate(century == null ? null : Integer.parseInt(century) * 100 + year, month, day)) {
            return false;
        }
        String nine = m.group(2) + m.group(3) + m.group(4) + m.group(5);
        return luhnCheckDigit(nine) == m.group(6).charAt(0) - '0';
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
        boolean leap = fullYear == null || Year.isLeap(fullYear);
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
