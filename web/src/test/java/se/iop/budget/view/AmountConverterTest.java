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
    void writesAnAmountBackAsTheLanguageDoesKeepingEveryDecimal() {
        Locale sv = Locale.forLanguageTag("sv");
        assertEquals("1 050 000,00", AmountConverter.format(new BigDecimal("1050000.00"), sv));
        assertEquals("12 345,678", AmountConverter.format(new BigDecimal("12345.678"), sv));
        assertEquals("700 000", AmountConverter.format(new BigDecimal("700000"), sv));
        assertEquals("999", AmountConverter.format(new BigDecimal("999"), sv));
        assertEquals("-1 000", AmountConverter.format(new BigDecimal("-1000"), sv));
        assertEquals("1050000.00", AmountConverter.format(new BigDecimal("1050000.00"), Locale.ENGLISH));
        assertEquals("", AmountConverter.format(null, Locale.ENGLISH));
    }

    @Test
    void readsBackWhatItWrites() {
        for (String amount : new String[] {"0.01", "1050000.00", "12345.678", "-1000", "999"}) {
            for (Locale locale : new Locale[] {Locale.forLanguageTag("sv"), Locale.ENGLISH}) {
                BigDecimal value = new BigDecimal(amount);
                assertEquals(value, AmountConverter.parse(AmountConverter.format(value, locale)), amount + " " + locale);
            }
        }
    }
}
