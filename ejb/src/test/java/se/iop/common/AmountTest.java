package se.iop.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The one amount reader and writer: each rule of reading, each refusal with its message, and write → read. */
class AmountTest {

    private static final Locale SV = Locale.forLanguageTag("sv");
    private static final Locale EN = Locale.ENGLISH;

    private static InvalidInput refused(String typed) {
        InvalidInput e = assertThrows(InvalidInput.class, () -> Amount.read("amount", typed), typed);
        assertEquals("amount", e.field(), "the refusal names the field");
        return e;
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
            // plain digits, a lone decimal comma or point with one or two decimals
            "850000             | 850000",
            "1234,5             | 1234.5",
            "1234.50            | 1234.50",
            "0,05               | 0.05",
            "12,00              | 12.00",
            "12.5               | 12.5",
            // spaces of every kind group thousands
            "12 500,50          | 12500.50",
            "1\u00A0700\u00A0000,00    | 1700000.00",
            "1\u202F700\u202F000.5     | 1700000.5",
            "1\u2009700\u2009000       | 1700000",
            // kronor may be named, in any case, with or without a space
            "1 700 000 kr       | 1700000",
            "1 700 000 SEK      | 1700000",
            "250kr              | 250",
            "99,50 Kr           | 99.50",
            "1\u00A0234,50\u00A0kr     | 1234.50",
            "12 sek             | 12",
            // points or commas group thousands where nothing else is possible
            "1.700.000,50       | 1700000.50",
            "1,700,000.50       | 1700000.50",
            "1.700,5            | 1700.5",
            "1,700.05           | 1700.05",
            "1.700.000          | 1700000",
            "1,700,000          | 1700000",
            "12,000.00          | 12000.00",
            "12.000,00          | 12000.00",
            // more than three digits before the sign cannot be a group: the sign is decimal
            "1234,56            | 1234.56",
            // the sign is kept for the field's own rule; a true minus as pages write it
            "-500               | -500",
            "\u2212500,25       | -500.25",
            "\u221212\u00A0345,67\u00A0kr | -12345.67",
            "+12                | 12",
            // the largest amount numeric(14,2) holds
            "999 999 999 999,99 | 999999999999.99",
    })
    void readsWhatWasMeant(String typed, String meant) {
        assertEquals(new BigDecimal(meant), Amount.read("amount", typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\u00A0"})
    void nothingTypedIsNoAmount(String typed) {
        assertNull(Amount.read("amount", typed));
        assertNull(Amount.read("amount", null));
    }

    @ParameterizedTest(name = "\"{0}\" could be {1} or {2}")
    @CsvSource(delimiter = '|', value = {
            "12,000   | 12.00 | 12000",
            "12.000   | 12.00 | 12000",
            "1.700    | 1.70  | 1700",
            "1,700 kr | 1.70  | 1700",
            "1,505    | 1.505 | 1505",
            "999.999  | 999.999 | 999999",
            "-12,000  | -12.00 | -12000",
    })
    void aLoneSignBeforeThreeDigitsIsRefusedShowingBothReadings(String typed, String decimal, String thousands) {
        InvalidInput e = refused(typed);
        assertEquals("error.amount.ambiguous", e.key());
        assertEquals(0, new BigDecimal(decimal).compareTo(((Amount) e.args().get(1)).value()), "decimal reading");
        assertEquals(0, new BigDecimal(thousands).compareTo(((Amount) e.args().get(2)).value()), "thousands reading");
    }

    @Test
    void theAmbiguityIsExplainedInEitherLanguageWithReadingsThatReadBack() {
        InvalidInput e = refused("12,000");
        assertEquals("”12,000” kan läsas både som 12,00\u00A0kr och som 12\u00A0000,00\u00A0kr och gissas därför inte. "
                + "Skriv beloppet med två decimaler (t.ex. 12\u00A0000,00\u00A0kr) så att det bara kan läsas på ett sätt.",
                e.message(SV));
        assertEquals("“12,000” can be read both as 12.00 SEK and as 12,000.00 SEK, so it is not guessed. "
                + "Write the amount with two decimals (e.g. 12,000.00 SEK) so that it reads only one way.", e.message(EN));
        // Each reading as shown reads back, in both languages, to itself.
        assertEquals(new BigDecimal("12.00"), Amount.read("amount", "12,00\u00A0kr"));
        assertEquals(new BigDecimal("12000.00"), Amount.read("amount", "12\u00A0000,00\u00A0kr"));
        assertEquals(new BigDecimal("12.00"), Amount.read("amount", "12.00 SEK"));
        assertEquals(new BigDecimal("12000.00"), Amount.read("amount", "12,000.00 SEK"));
        assertEquals("“1.700” can be read both as 1.70 SEK and as 1,700.00 SEK, so it is not guessed. "
                + "Write the amount with two decimals (e.g. 1,700.00 SEK) so that it reads only one way.",
                refused("1.700").message(EN));
    }

    @ParameterizedTest(name = "\"{0}\" has too many decimals")
    @ValueSource(strings = {"12 345,678", "1234,567", "0,500", "0.125", "1.700.000,505", "1,234.5678", "10,1234", "1 700.000"})
    void moreThanTwoDecimalsAreRefusedWhereTheyCannotBeThousands(String typed) {
        InvalidInput e = refused(typed);
        assertEquals("error.money.decimals", e.key());
        assertEquals("Högst två decimaler (hela ören).", e.message(SV));
        assertEquals("At most two decimals (whole öre).", e.message(EN));
    }

    @ParameterizedTest(name = "\"{0}\" is no amount")
    @ValueSource(strings = {"tolv", "12 34", "1 2345", "1.2.3", "1.70.000", "1,234.5,6", "1.234.567.8", "12,5,0.1",
            "1e6", ",", ",50", "12,", "kr", "=1+1", "12 kronor", "SEK 12", "1,234 567", "1 234.567.890",
            "1..5", "--5", "1\t000", "0.123,45", "1.234,5.6"})
    void whatIsNoAmountIsRefusedQuotingIt(String typed) {
        InvalidInput e = refused(typed);
        assertInstanceOf(Amount.Unreadable.class, e);
        assertEquals("error.amount.unreadable", e.key());
        assertEquals("Beloppet ”" + typed.strip() + "” går inte att läsa. Skriv t.ex. 1234,50 eller 1\u00A0234,50 eller "
                + "1\u00A0700\u00A0000 kr.", e.message(SV));
        assertEquals("The amount “" + typed.strip() + "” cannot be read. Write it like 1234.50 or 1,234.50 or "
                + "1\u00A0700\u00A0000 SEK.", e.message(EN));
    }

    @Test
    void aLongTextIsQuotedShort() {
        InvalidInput e = refused("x".repeat(100));
        assertEquals("Beloppet ”" + "x".repeat(39) + "…” går inte att läsa. Skriv t.ex. 1234,50 eller 1\u00A0234,50 eller "
                + "1\u00A0700\u00A0000 kr.", e.message(SV));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 000 000 000 000", "1000000000000", "1.000.000.000.000,00", "99999999999999999999999"})
    void theSizeLimitOfTheDatabaseHolds(String typed) {
        InvalidInput e = refused(typed);
        assertEquals("error.money.tooLarge", e.key());
        assertEquals("Beloppet är för stort.", e.message(SV));
        assertEquals("The amount is too large.", e.message(EN));
    }

    @ParameterizedTest(name = "{0}: \"{1}\" / \"{2}\"")
    @CsvSource(delimiter = '|', value = {
            "1700000.5  | 1 700 000,50       | 1,700,000.50",
            "12000      | 12 000,00          | 12,000.00",
            "12         | 12,00              | 12.00",
            "999.9      | 999,90             | 999.90",
            "0          | 0,00               | 0.00",
            "0.01       | 0,01               | 0.01",
            "-1000      | -1 000,00          | -1,000.00",
            "999999999999.99 | 999 999 999 999,99 | 999,999,999,999.99",
    })
    void aFieldShowsTheAmountAsTheLanguageWritesIt(String value, String swedish, String english) {
        BigDecimal amount = new BigDecimal(value);
        assertEquals(swedish, Amount.format(amount, SV));
        assertEquals(english, Amount.format(amount, EN));
        assertEquals("", Amount.format(null, SV));
    }

    @Test
    void aPageShowsTheAmountWithNoBreakSpacesAndItsCurrency() {
        assertEquals("1\u00A0700\u00A0000,50\u00A0kr", Amount.display(new BigDecimal("1700000.50"), SV));
        assertEquals("\u221212\u00A0345,67\u00A0kr", Amount.display(new BigDecimal("-12345.67"), SV));
        assertEquals("1,700,000.50 SEK", Amount.display(new BigDecimal("1700000.5"), EN));
        assertEquals("-12,345.67 SEK", Amount.display(new BigDecimal("-12345.67"), EN));
    }

    /** Whatever is written in either language, read back, is the same amount: never a thousand times off. */
    @Test
    void everyAmountWrittenReadsBackTheSame() {
        Random random = new Random(20240914L);
        for (int i = 0; i < 5_000; i++) {
            BigDecimal amount = randomAmount(random);
            for (Locale locale : new Locale[] {SV, EN}) {
                String field = Amount.format(amount, locale);
                assertEquals(amount, Amount.read("amount", field), field);
                String page = Amount.display(amount, locale);
                assertEquals(amount, Amount.read("amount", page), page);
            }
        }
    }

    /** Every magnitude from öre to the limit alike, so short amounts (the ambiguous ones) are drawn as often as long. */
    private static BigDecimal randomAmount(Random random) {
        int digits = 1 + random.nextInt(12);
        StringBuilder s = new StringBuilder(random.nextInt(10) == 0 ? "-" : "");
        s.append(1 + random.nextInt(9));
        for (int d = 1; d < digits; d++) {
            s.append(random.nextInt(10));
        }
        if (random.nextInt(8) == 0) {
            s.setLength(s.length() - digits);
            s.append('0');
        }
        s.append('.').append(random.nextInt(10)).append(random.nextInt(10));
        return new BigDecimal(s.toString());
    }

    @Test
    void asAMessageArgumentAnAmountIsShownInTheMessagesLanguage() {
        assertEquals("Beloppet ”x” går inte att läsa. Skriv t.ex. 1234,50 eller 1\u00A0234,50 eller 1\u00A0700\u00A0000 kr.",
                Messages.format(SV, "error.amount.unreadable", "x"));
        InvalidInput e = refused("1.505");
        assertEquals("1.505", e.args().get(1).toString(), "the plain value, where no language is known");
        assertEquals(new BigDecimal("1505"), ((Amount) e.args().get(2)).value());
        assertEquals(true, e.message(SV).contains("1,505\u00A0kr och som 1\u00A0505,00\u00A0kr"), e.message(SV));
    }
}
