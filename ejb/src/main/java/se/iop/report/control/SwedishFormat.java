package se.iop.report.control;

import se.iop.common.Percent;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Locale;

/** Amounts, shares and dates as a Swedish committee paper writes them. */
public final class SwedishFormat {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    private SwedishFormat() {
    }

    /** "1 700 000 kr", grouped by plain spaces so that every font prints them. */
    public static String kronor(BigDecimal amount) {
        if (amount == null) {
            return "–";
        }
        NumberFormat f = NumberFormat.getNumberInstance(SWEDISH);
        f.setMaximumFractionDigits(0);
        return f.format(amount.setScale(0, RoundingMode.HALF_UP)).replace('\u00a0', ' ').replace('\u202f', ' ') + " kr";
    }

    /** "37,7 %" by the one rule ({@link Percent}), with a plain space as for amounts. */
    public static String percent(BigDecimal value) {
        return Percent.format(value, SWEDISH).replace('\u00a0', ' ');
    }

    public static String date(LocalDate date) {
        return date == null ? "–" : date.toString();
    }

    public static String text(String value) {
        return value == null || value.isBlank() ? "–" : value;
    }
}
