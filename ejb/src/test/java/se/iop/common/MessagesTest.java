package se.iop.common;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessagesTest {

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (var in = MessagesTest.class.getResourceAsStream("/se/iop/common/" + name + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void swedishAndEnglishHaveTheSameKeys() throws IOException {
        assertEquals(bundle("errors").stringPropertyNames(), bundle("errors_en").stringPropertyNames());
    }

    @Test
    void everyMessageFormatsWithoutLosingAnApostropheOrAPlaceholder() throws IOException {
        for (Locale locale : new Locale[]{Locale.forLanguageTag("sv"), Locale.ENGLISH}) {
            for (String key : bundle("errors").stringPropertyNames()) {
                String text = Messages.format(locale, key, 1234567L, 7L);
                assertFalse(text.equals(key), key + " missing for " + locale);
                assertFalse(text.contains("{0}") || text.contains("{1}"), key + ": " + text);
                // MessageFormat drops a single apostrophe: the files must write it doubled.
                assertFalse(text.contains("''"), key + ": " + text);
            }
        }
        assertTrue(Messages.format(Locale.ENGLISH, "error.organisationNumber.checkDigit").contains("number's"));
    }

    @Test
    void idsAreWrittenWithoutGrouping() {
        assertEquals("Party 1234567 is not in the agreement.", Messages.format(Locale.ENGLISH, "error.party.unknown", 1234567L));
    }

    /** A 404 names the kind of thing asked for, nothing else: no id, nothing it hangs on. */
    @Test
    void notFoundNamesOnlyTheKindAskedFor() {
        assertEquals("No expense found.", new NotFound("expense").message(Locale.ENGLISH));
        assertEquals("Hittar ingen kostnad.", new NotFound("expense").message(Locale.forLanguageTag("sv")));
        NotFound hidden = assertThrows(NotFound.class, () -> NotFound.as("expense", () -> {
            throw new NotFound("agreement");
        }));
        assertEquals("No expense found.", hidden.message(Locale.ENGLISH), "the agreement behind it is not named");
        assertEquals("x", NotFound.as("expense", () -> "x"));
        for (String kind : List.of("agreement", "report", "attachment", "account", "milestone", "disbursement", "phase",
                "line", "allocation", "expense", "organisation", "contact", "landlord", "contactNeed", "packet", "version",
                "send", "flat", "link")) {
            for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("sv"))) {
                String text = new NotFound(kind).message(locale);
                assertFalse(text.startsWith("error."), kind + " has no text in " + locale);
                assertFalse(text.matches(".*\\d.*"), text);
            }
        }
    }

    @Test
    void swedishIsTheDefault() {
        assertEquals("Fältet måste fyllas i.", Messages.format(Locale.forLanguageTag("sv"), "error.required"));
        assertEquals("This field is required.", Messages.format(Locale.ENGLISH, "error.required"));
        assertEquals("no.such.key", Messages.format(Locale.ENGLISH, "no.such.key"));
    }
}
