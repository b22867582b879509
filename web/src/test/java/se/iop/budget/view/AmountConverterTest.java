package se.iop.budget.view;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AmountConverterTest {

    private static void reads(String typed, String expected) {
        assertEquals(new BigDecimal(expected), AmountConverter.parse(typed), typed);
    }

    @Test
    void readsSwedishAndEnglishWaysOfWritingKronor() {
        reads("12 500,50", "12500.50");
        reads("12500.50", "12500.50");
        reads("1\u00a0700\u00a0000,00 kr", "1700000.00");
        reads("1 700 000 SEK", "1700000");
        reads("1.700.000,50", "1700000.50");
        reads("1,700,000.50", "1700000.50");
        reads("1.700.000", "1700000");
        reads("850000", "850000");
    }

    @Test
    void keepsEveryDecimalSoThatTheDomainRefusesAThirdOne() {
        reads("100,555", "100.555");
        reads("0.001", "0.001");
    }

    @Test
    void keepsTheSignForTheDomainToJudge() {
        reads("-500", "-500");
    }

    @Test
    void somethingThatIsNoAmountIsNone() {
        assertNull(AmountConverter.parse("tolv"));
        assertNull(AmountConverter.parse("12,5,0.1"));
        assertNull(AmountConverter.parse("1e6"));
        assertNull(AmountConverter.parse(","));
    }

    @Test
    void writesAStoredAmountBackWithTheLanguagesDecimalSign() {
        assertEquals("1050000,00", AmountConverter.format(new BigDecimal("1050000.00"), Locale.forLanguageTag("sv")));
        assertEquals("1050000.00", AmountConverter.format(new BigDecimal("1050000.00"), Locale.ENGLISH));
        assertEquals("", AmountConverter.format(null, Locale.ENGLISH));
    }
}
