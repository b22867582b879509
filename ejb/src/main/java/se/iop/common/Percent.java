package se.iop.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * The one rule for a percentage: a share computed with one decimal, rounded half up (12,25 → 12,3 as a
 * committee paper rounds it, not half to even), and written as the reader's language writes it — "12,5 %"
 * in Swedish (a no-break space before the sign, so the two never part at a line end), "12.5%" in English.
 * Pages, the committee report (PDF and CSV) and the exports take both from here; spreadsheets get the
 * number itself.
 */
public final class Percent {

    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    public static final int DECIMALS = 1;
    /** Where there is no share to give (nothing to divide by, or a count hidden). */
    public static final String NONE = "–";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Percent() {
    }

    /** {@code part} of {@code whole} in per cent, one decimal; null when the whole is missing or zero. */
    public static BigDecimal of(BigDecimal part, BigDecimal whole) {
        if (part == null || whole == null || whole.signum() == 0) {
            return null;
        }
        return part.multiply(HUNDRED).divide(whole, DECIMALS, ROUNDING);
    }

    public static BigDecimal of(long part, long whole) {
        return of(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
    }

    /** A percentage (already in per cent) with one decimal in the reader's language (Swedish unless English); a dash for none. */
    public static String format(BigDecimal percent, Locale locale) {
        if (percent == null) {
            return NONE;
        }
        boolean swedish = locale == null || !"en".equals(locale.getLanguage());
        DecimalFormat f = new DecimalFormat("#,##0.0", DecimalFormatSymbols.getInstance(swedish ? Locale.forLanguageTag("sv-SE") : Locale.ENGLISH));
        f.setRoundingMode(ROUNDING);
        // Swedish groups thousands with a no-break space (U+00A0), never the narrow one some JDKs give.
        String number = f.format(percent).replace('\u202f', '\u00a0').replace('\u2212', '-');
        return swedish ? number + "\u00a0%" : number + "%";
    }
}
