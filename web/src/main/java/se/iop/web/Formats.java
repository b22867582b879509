package se.iop.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.iop.common.Amount;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Money and dates as pages show them: amounts in SEK in the user's language ("1 700 000,00 kr" in
 * Swedish, "1,700,000.00 SEK" in English), dates ISO-8601, moments in Swedish time. Empty values show
 * as an en dash; {@link #longDate} writes the month's name for timelines. Use as {@code #{formats.money(x)}}.
 */
@Named
@ApplicationScoped
public class Formats {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String NONE = "–";

    @Inject
    private Ui ui;

    public String money(BigDecimal amount) {
        if (amount == null) {
            return NONE;
        }
        return money(amount, ui.locale());
    }

    /** Written by {@link Amount}, so that an amount copied from a page into a field reads back the same. */
    static String money(BigDecimal amount, Locale locale) {
        return Amount.display(amount.setScale(2, RoundingMode.HALF_UP), locale);
    }

    public String date(LocalDate date) {
        return date == null ? NONE : date.toString();
    }

    /** A day written out in the user's language, for timelines: "11 mars 2026", "11 March 2026". */
    public String longDate(LocalDate date) {
        return date == null ? NONE : longDate(date, ui.locale());
    }

    static String longDate(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(date);
    }

    public String moment(Instant instant) {
        return instant == null ? NONE : MOMENT.format(instant.atZone(SWEDEN));
    }

    /** Free text, or a dash when there is none. */
    public String text(String value) {
        return value == null || value.isBlank() ? NONE : value;
    }
}
