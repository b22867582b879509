package se.iop.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextTest {

    @Test
    void trimsAndChecksPresenceAndLength() {
        assertEquals("Klar", Text.required("title", "  Klar ", 10));
        assertEquals("error.required", assertThrows(InvalidInput.class, () -> Text.required("title", " ", 10)).key());
        assertEquals("error.required", assertThrows(InvalidInput.class, () -> Text.requiredLines("body", null, 10)).key());
        assertNull(Text.optional("description", "  ", 10));
        assertNull(Text.optionalLines("description", null, 10));
        InvalidInput tooLong = assertThrows(InvalidInput.class, () -> Text.optional("title", "x".repeat(11), 10));
        assertEquals("error.tooLong", tooLong.key());
        assertEquals("title", tooLong.field());
    }

    @Test
    void refusesIdentityNumbersNamingTheField() {
        InvalidInput e = assertThrows(InvalidInput.class, () -> Text.required("title", "Inflytt 811218 9876", 50));
        assertEquals("title", e.field());
        assertEquals("error.identityNumber", e.key());
        assertEquals("description", assertThrows(InvalidInput.class,
                () -> Text.optionalLines("description", "Rad ett\r\nGäller 811218\u20139876", 100)).field());
        assertEquals("Org.nr 802003-5120, tel 070-123 45 67", Text.required("title", "Org.nr 802003-5120, tel 070-123 45 67", 50));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\u0000", "\u0001", "\u0007", "\u0008", "\u000B", "\u000C", "\u001B", "\u007F", "\u0080", "\u0085", "\u009F",
            // invisible format characters: zero-width space, word joiner, invisible times, byte order mark
            "\u200B", "\u2060", "\u2062", "\uFEFF",
            // bidirectional embeddings, overrides and isolates ("Trojan Source")
            "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069",
            // line and paragraph separators, interlinear annotation, a tag character, noncharacters
            "\u2028", "\u2029", "\uFFF9", "\uDB40\uDC41", "\uFFFF", "\uFFFE", "\uFDD0", "\uD83F\uDFFF",
            // unpaired surrogates
            "\uD800", "\uDC00"})
    void refusesControlAndInvisibleCharactersInAnyText(String bad) {
        // White space at either end is trimmed away like a space; inside the text it is refused.
        String[] texts = Character.isWhitespace(bad.codePointAt(0)) ? new String[] {"Te" + bad + "xt"}
                : new String[] {bad + "Text", "Te" + bad + "xt", "Text" + bad};
        for (String text : texts) {
            InvalidInput one = assertThrows(InvalidInput.class, () -> Text.required("title", text, 50), text);
            assertEquals("title", one.field());
            assertEquals("error.text.control", one.key());
            InvalidInput lines = assertThrows(InvalidInput.class, () -> Text.optionalLines("body", text, 50), text);
            assertEquals("body", lines.field());
            assertEquals("error.text.control", lines.key());
        }
    }

    @Test
    void namesTheCharacterByItsCodePoint() {
        InvalidInput nul = assertThrows(InvalidInput.class, () -> Text.required("title", "Mil\u0000stolpe", 50));
        assertTrue(nul.message(Locale.ENGLISH).contains("U+0000"), nul.message(Locale.ENGLISH));
        InvalidInput rlo = assertThrows(InvalidInput.class, () -> Text.required("title", "fil\u202Efdp.exe", 50));
        assertTrue(rlo.message(Locale.forLanguageTag("sv")).contains("U+202E"));
        InvalidInput tag = assertThrows(InvalidInput.class, () -> Text.required("title", "a\uDB40\uDC41", 50));
        assertTrue(tag.message(Locale.ENGLISH).contains("U+E0041"), tag.message(Locale.ENGLISH));
    }

    @Test
    void oneLineTakesNoLineBreakOrTab() {
        for (String text : new String[] {"Rad ett\nrad två", "Rad ett\r\nrad två", "Namn\tRoll", "Rad\rett"}) {
            InvalidInput e = assertThrows(InvalidInput.class, () -> Text.required("name", text, 50), text);
            assertEquals("name", e.field());
            assertEquals("error.text.oneLine", e.key());
        }
    }

    @Test
    void severalLinesTakeNewlinesTabsAndCrLfButNoLoneCarriageReturn() {
        assertEquals("Rad ett\nrad två\r\n\tindrag", Text.requiredLines("body", "Rad ett\nrad två\r\n\tindrag", 50));
        assertEquals("error.text.control",
                assertThrows(InvalidInput.class, () -> Text.requiredLines("body", "Rad ett\rrad två", 50)).key());
        assertEquals("error.text.control",
                assertThrows(InvalidInput.class, () -> Text.requiredLines("body", "Rad ett\u2028rad två", 50)).key());
    }

    @Test
    void aSearchTermIsTrimmedAndRefusesControlCharactersOnly() {
        assertEquals("Nyköping", Text.searchTerm("q", "  Nyköping "));
        assertNull(Text.searchTerm("q", " "));
        assertEquals("811218-9876", Text.searchTerm("q", "811218-9876"), "nothing stored holds one, so it finds nothing");
        InvalidInput e = assertThrows(InvalidInput.class, () -> Text.searchTerm("q", "Ny\u0000köping"));
        assertEquals("q", e.field());
        assertEquals("error.text.control", e.key());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Nyköping – Ängsvägen 3, lgh 1102", "Åsa Öberg-Ärlig", "“Bostad först” — ‘housing first’", "50 % · 12 €",
            // joiners in emoji and scripts, direction marks in right-to-left text, a soft hyphen from a word processor
            "Familj \uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645",
            "\u05E9\u05DC\u05D5\u05DD \u200F(2024)", "\u0645\u0631\u062D\u0628\u0627 \u061C123", "bo\u00ADstad",
            "Private use \uE000", "Math \uD835\uDC00", "No-break\u00A0space and thin\u2009space"})
    void takesOrdinaryTextInAnyScript(String text) {
        assertEquals(text, Text.required("title", text, 100));
        assertEquals(text, Text.requiredLines("body", text, 100));
    }
}
