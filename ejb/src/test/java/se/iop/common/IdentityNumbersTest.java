package se.iop.common;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdentityNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "121212-1212", "1212121212", "19121212-1212", "191212121212", "19121212+1212", "121212+1212",
            "811218-9876", "198112189876", "20121212-1212",
            // samordningsnummer: the day plus 60
            "701063-2391", "7010632391", "19701063-2391", "460261-4564",
            // 29 February without a century: some century makes it a date
            "000229-1235"})
    void findsValidNumbersInEveryFormat(String number) {
        assertEquals(Optional.of(number), IdentityNumbers.find(number));
        assertEquals(Optional.of(number), IdentityNumbers.find("Hyresgästen (" + number + ") flyttade in."));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // wrong check digit
            "121212-1213", "1212121210", "19121212-1219", "811218-9870", "701063-2390",
            // not a date: month 13, day 32, day 0, a co-ordination day beyond the month, 30 February
            "121312-1212", "121232-1212", "121200-1212", "120292-1212", "120230-1212",
            // organisation numbers pass the Luhn check but their month is 20 or more
            "212000-0308", "802003-5120", "5560364712",
            // a century that is no birth year, or a date with digits glued on
            "21121212-1212", "121212-12120", "1121212-1212",
            // separators other than - and +
            "121212 1212", "121212/1212"})
    void doesNotFlagWhatIsNoIdentityNumber(String text) {
        assertFalse(IdentityNumbers.contains(text), text);
    }

    @Test
    void findsANumberAmongOtherDigitsAndTellsWhichItIs() {
        String text = "Kostnad 850000 kr, tel 0155-248000, org.nr 802003-5120 och 811218-9876 nämns.";
        assertEquals(Optional.of("811218-9876"), IdentityNumbers.find(text));
        assertFalse(IdentityNumbers.contains("Kostnad 850000 kr, 12 hushåll, 2024-03-31."));
        assertFalse(IdentityNumbers.contains(null));
        assertFalse(IdentityNumbers.contains(""));
    }

    @Test
    void refusesNamingTheField() {
        InvalidInput e = assertThrows(InvalidInput.class, () -> IdentityNumbers.refuse("narrative", "Ny hyresgäst 19811218-9876."));
        assertEquals("narrative", e.field());
        assertEquals("error.identityNumber", e.key());
        assertTrue(e.message(java.util.Locale.forLanguageTag("sv")).contains("personnummer"));
        assertEquals("Tolv hushåll", IdentityNumbers.refuse("narrative", "Tolv hushåll"));
    }

    @Test
    void freeTextChecksLengthAndIdentityNumbers() {
        assertEquals("Klar", FreeText.required("title", "  Klar ", 10));
        assertEquals("title", assertThrows(InvalidInput.class, () -> FreeText.required("title", " ", 10)).field());
        assertEquals("title", assertThrows(InvalidInput.class, () -> FreeText.required("title", "121212-1212", 20)).field());
        assertEquals(null, FreeText.optional("description", "  ", 10));
        assertEquals("description", assertThrows(InvalidInput.class,
                () -> FreeText.optional("description", "Se 1212121212", 20)).field());
    }

    @Test
    void checkDigitIsLuhnOverNineDigits() {
        assertEquals(2, IdentityNumbers.luhnCheckDigit("121212121"));
        assertEquals(6, IdentityNumbers.luhnCheckDigit("811218987"));
        assertEquals(0, IdentityNumbers.luhnCheckDigit("802003512"));
    }
}
