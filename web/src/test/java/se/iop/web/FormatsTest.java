package se.iop.web;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FormatsTest {

    @Test
    void swedishMoneyGroupsByNonBreakingSpaceAndEndsInKronor() {
        assertEquals("1\u00a0700\u00a0000,00\u00a0kr", Formats.money(new BigDecimal("1700000"), Locale.forLanguageTag("sv")));
    }

    @Test
    void englishMoneyUsesCommasAndTheCurrencyCode() {
        assertEquals("1,700,000.50 SEK", Formats.money(new BigDecimal("1700000.5"), Locale.ENGLISH));
    }

    @Test
    void aTimelineDayNamesItsMonthInTheUsersLanguage() {
        assertEquals("11 mars 2026", Formats.longDate(LocalDate.of(2026, 3, 11), Locale.forLanguageTag("sv")));
        assertEquals("11 March 2026", Formats.longDate(LocalDate.of(2026, 3, 11), Locale.ENGLISH));
    }
}
