package se.iop.common;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        assertEquals("No agreement 99999 found.", new NotFound("agreement", 99999L).message(Locale.ENGLISH));
        assertEquals("Hittar inte avtal 99999.", new NotFound("avtal", 99999L).message(Locale.forLanguageTag("sv")));
    }

    @Test
    void swedishIsTheDefault() {
        assertEquals("Fältet måste fyllas i.", Messages.format(Locale.forLanguageTag("sv"), "error.required"));
        assertEquals("This field is required.", Messages.format(Locale.ENGLISH, "error.required"));
        assertEquals("no.such.key", Messages.format(Locale.ENGLISH, "no.such.key"));
    }
}
