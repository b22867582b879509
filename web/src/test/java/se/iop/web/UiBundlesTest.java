package se.iop.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The UI texts in Swedish (default and sv) and English have the same keys, and every text with values formats. */
class UiBundlesTest {

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (var in = UiBundlesTest.class.getResourceAsStream("/se/iop/web/" + name + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void theThreeBundlesHaveTheSameKeys() throws IOException {
        Set<String> swedish = new TreeSet<>(bundle("messages").stringPropertyNames());
        assertEquals(swedish, new TreeSet<>(bundle("messages_sv").stringPropertyNames()));
        assertEquals(swedish, new TreeSet<>(bundle("messages_en").stringPropertyNames()));
        assertEquals(bundle("messages"), bundle("messages_sv"), "the default is Swedish, word for word");
    }

    @Test
    void textsWithValuesFormatWithoutLosingAnApostrophe() throws IOException {
        for (String name : new String[] {"messages", "messages_en"}) {
            Properties p = bundle(name);
            for (String key : p.stringPropertyNames()) {
                String pattern = p.getProperty(key);
                if (pattern.contains("{0}")) {
                    String text = new MessageFormat(pattern, Locale.ENGLISH).format(sampleArguments(pattern));
                    assertFalse(text.contains("{0}") || text.contains("''"), key + ": " + text);
                    assertEquals(pattern.replace("''", "'").chars().filter(c -> c == '\'').count(),
                            text.chars().filter(c -> c == '\'').count(), key + " loses an apostrophe: " + text);
                }
            }
        }
    }

    /** A value of the right kind for each argument: a number where the pattern says {n,number}, else text. */
    private static Object[] sampleArguments(String pattern) {
        java.text.Format[] formats = new MessageFormat(pattern, Locale.ENGLISH).getFormatsByArgumentIndex();
        Object[] args = new Object[Math.max(2, formats.length)];
        for (int i = 0; i < args.length; i++) {
            Object sample = i == 0 ? "A" : "B";
            if (i < formats.length && formats[i] instanceof java.text.NumberFormat) {
                sample = 12;
            } else if (i < formats.length && formats[i] instanceof java.text.DateFormat) {
                sample = new java.util.Date(0);
            }
            args[i] = sample;
        }
        return args;
    }
}
