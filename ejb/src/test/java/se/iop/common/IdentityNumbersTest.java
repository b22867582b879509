package se.iop.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdentityNumbersTest {

    /**
     * Ways people write (or paste) a personal identity or co-ordination number; every one must be found,
     * alone and inside a sentence. 811218-9876, 121212-1212, 701063-2391 and 000229-1235 have valid check digits.
     */
    static List<String> refused() {
        return List.of(
                "811218-9876", "8112189876", "19811218-9876", "198112189876", "811218+9876", "19811218+9876",
                "121212-1212", "1212121212", "20121212-1212", "191212121212",
                // a space of any kind, or two, or a dash with spaces, between date and number
                "811218 9876", "811218  9876", "811218 - 9876", "811218\u00A09876", "811218\u202F9876",
                "811218\u20099876", "811218\u30009876", "19811218 9876",
                // every kind of dash and minus
                "811218\u20139876", "811218\u20149876", "811218\u22129876", "811218\u20119876", "811218\u20109876",
                "811218\u20129876", "811218\uFE639876", "811218\uFF0D9876",
                // other separators
                "811218.9876", "811218/9876",
                // invisible characters between the digits
                "811218\u200B-9876", "8112\u200B189876", "8112\u00AD18-9876", "81\u206012189876", "811218\uFEFF9876",
                // compatibility forms: full-width, styled, superscript digits
                "\uFF18\uFF11\uFF11\uFF12\uFF11\uFF18-\uFF19\uFF18\uFF17\uFF16",
                "\uD835\uDFD6\uD835\uDFCF\uD835\uDFCF\uD835\uDFD0\uD835\uDFCF\uD835\uDFD6-\uD835\uDFD7\uD835\uDFD6\uD835\uDFD5\uD835\uDFD4",
                // digits of other scripts: Arabic-Indic, Eastern Arabic-Indic (Persian), Devanagari
                "\u0668\u0661\u0661\u0662\u0661\u0668-\u0669\u0668\u0667\u0666",
                "\u06F8\u06F1\u06F1\u06F2\u06F1\u06F8\u06F9\u06F8\u06F7\u06F6",
                "\u096E\u0967\u0967\u0968\u0967\u096E-\u096F\u096E\u096D\u096C",
                // co-ordination numbers: the day plus 60
                "701063-2391", "7010632391", "19701063-2391", "701063 2391",
                // 29 February: without a century some leap year will do; 2000 was one
                "000229-1235", "20000229-1235",
                // glued to letters, in brackets, after a colon
                "pnr811218-9876", "(811218-9876)", "Personnummer:811218-9876.");
    }

    /** Numbers and dates that are no identity number and must pass. */
    static List<String> passed() {
        return List.of(
                // dates
                "2024-03-31", "20240331", "31/3/2024", "31.3.2024", "2024-03-31 14:00", "den 7 september 2023",
                "2023-09-07 – 2023-09-14", "1 jan 2024 – 31 dec 2026", "Q1 2024", "2024-Q3", "v. 12 2024",
                // organisation numbers: valid check digit, but the month is 20 or more
                "212000-0308", "212000-0456", "556036-4712", "5560364712", "802003-5120", "556677-8899",
                "802480-0123", "969663-0004", "716400-1237", "16556036-4712", "165560364712", "Org.nr 556016-0136",
                // wrong check digit, impossible dates, a century that is no birth year
                "811218-9870", "121212-1213", "811318-9876", "811232-9876", "811200-9876", "810230-9876",
                "810292-9876", "21121212-1212", "17811218-9876",
                // glued to further digits
                "1811218-9876", "811218-98760", "0811218-9876",
                // phone numbers as Swedes write them
                "0155-24 80 00", "0155-248000", "070-123 45 67", "070-1234567", "+46 70 123 45 67", "+46701234567",
                "08-123 456 78", "0046 155 24 80 00", "0701234567", "0155248000",
                // vouchers and references
                "V2024-0117", "VER-2024-000123", "F123456", "Verifikation A 1234", "2024-117", "SN 2023/123",
                "VON 2023/00045", "Faktura 2024031501", "LF-240315-12",
                // amounts
                "1 234 567,89 kr", "1234567.50", "850 000 kr", "12 345 678 kr", "1.700.000,50", "SEK 1,700,000.00",
                "9876543210 kr", "Bidrag 1 700 000 SEK",
                // a number on the next line is not the rest of a number
                "811218\n9876", "Postnummer 611 83 Nyköping");
    }

    @ParameterizedTest
    @MethodSource("refused")
    void findsEverySpelling(String number) {
        assertTrue(IdentityNumbers.contains(number), number);
        assertTrue(IdentityNumbers.contains("Hyresgästen (" + number + ") flyttade in."), number);
        assertTrue(IdentityNumbers.contains("Rad ett.\nHyresgästen " + number + "\nRad tre."), number);
    }

    @ParameterizedTest
    @MethodSource("passed")
    void letsDatesOrganisationNumbersPhonesVouchersAndAmountsPass(String text) {
        assertFalse(IdentityNumbers.contains(text), text);
        assertFalse(IdentityNumbers.contains("Kostnad enligt underlag: " + text + ", se bilaga."), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"811218-9876", "811218\u20139876", "811218\u00A09876", "\uFF18\uFF11\uFF11\uFF12\uFF11\uFF18-\uFF19\uFF18\uFF17\uFF16"})
    void tellsTheNumberInItsPlainForm(String written) {
        assertEquals(Optional.of("811218-9876"), IdentityNumbers.find(written).map(s -> s.replace(' ', '-')));
    }

    @Test
    void findsTheNumberAmongOtherDigits() {
        String text = "Kostnad 850000 kr, tel 0155-248000, org.nr 802003-5120 och 811218-9876 nämns.";
        assertEquals(Optional.of("811218-9876"), IdentityNumbers.find(text));
        assertFalse(IdentityNumbers.contains("Kostnad 850000 kr, 12 hushåll, 2024-03-31."));
        assertFalse(IdentityNumbers.contains(null));
        assertFalse(IdentityNumbers.contains(""));
    }

    @Test
    void normalisesLookAlikesToPlainDigitsDashesAndSpaces() {
        assertEquals("811218-9876", IdentityNumbers.normalise("\uFF18\uFF11\uFF11\uFF12\uFF11\uFF18\u2013\u0669\u0668\u0667\u0666"));
        assertEquals("811218 9876", IdentityNumbers.normalise("811218\u00A09876"));
        assertEquals("8112189876", IdentityNumbers.normalise("81\u200B12\u00AD18\uFEFF9876"));
        assertEquals("a\nb c", IdentityNumbers.normalise("a\r\u2028b\u2009c").replace("\n\n", "\n"));
        assertEquals("Nyköping", IdentityNumbers.normalise("Nyko\u0308ping"), "letters are composed, not stripped");
    }

    @Test
    void refusesNamingTheField() {
        InvalidInput e = assertThrows(InvalidInput.class, () -> IdentityNumbers.refuse("narrative", "Ny hyresgäst 19811218-9876."));
        assertEquals("narrative", e.field());
        assertEquals("error.identityNumber", e.key());
        assertTrue(e.message(Locale.forLanguageTag("sv")).contains("personnummer"));
        assertEquals("Tolv hushåll", IdentityNumbers.refuse("narrative", "Tolv hushåll"));
    }

    @Test
    void checkDigitIsLuhnOverNineDigits() {
        assertEquals(2, IdentityNumbers.luhnCheckDigit("121212121"));
        assertEquals(6, IdentityNumbers.luhnCheckDigit("811218987"));
        assertEquals(0, IdentityNumbers.luhnCheckDigit("802003512"));
    }
}
