package se.iop.landlord.view;

import org.junit.jupiter.api.Test;
import se.iop.landlord.entity.DeliveryFailure;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The landlord pages' texts: in all three bundles, Swedish the same in both Swedish files, and every key the pages use exists. */
class LandlordMessagesTest {

    private static final Pattern KEY = Pattern.compile("landlord\\.[A-Za-z]+\\.[A-Za-z0-9.]*[A-Za-z0-9]|landlord\\.(?:actions|active|inactive|back|choose|stale|invalidDate)\\b");

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = LandlordMessagesTest.class.getResourceAsStream("/se/iop/web/" + name + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<String> landlordKeys(Properties p) {
        Set<String> keys = new TreeSet<>();
        p.stringPropertyNames().stream().filter(k -> k.startsWith("landlord.")).forEach(keys::add);
        return keys;
    }

    @Test
    void theThreeBundlesHaveTheSameLandlordKeysAndSwedishIsTheDefault() throws IOException {
        Properties sv = bundle("messages_sv");
        Properties standard = bundle("messages");
        Properties en = bundle("messages_en");
        assertEquals(landlordKeys(standard), landlordKeys(sv));
        assertEquals(landlordKeys(standard), landlordKeys(en));
        for (String key : landlordKeys(standard)) {
            assertEquals(standard.getProperty(key), sv.getProperty(key), key);
            assertFalse(en.getProperty(key).isBlank(), key);
        }
        assertEquals("Hyresvärdar", standard.getProperty("landlord.nav.landlords"));
        assertEquals("Landlords", en.getProperty("landlord.nav.landlords"));
    }

    @Test
    void everyKeyThePagesAndBeansUseExists() throws IOException {
        Set<String> known = landlordKeys(bundle("messages"));
        Set<String> used = new TreeSet<>();
        for (Path root : new Path[]{Path.of("src/main/webapp"), Path.of("src/main/java/se/iop/landlord")}) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(x -> x.toString().endsWith(".xhtml") || x.toString().endsWith(".java")).toList()) {
                    Matcher m = KEY.matcher(Files.readString(f));
                    while (m.find()) {
                        used.add(m.group());
                    }
                }
            }
        }
        // Keys built from an enum or a field name at run time, e.g. 'landlord.kind.' += k.
        used.removeIf(k -> k.endsWith(".") || k.equals("landlord.field.section") || k.equals("landlord.history.subject")
                || k.matches("landlord\\.(boundary|entity|rest|view)\\..*"));
        for (String part : new String[]{"heading", "body", "headingEn", "bodyEn"}) {
            assertTrue(known.contains("landlord.field.section." + part), part);
        }
        // The subjects and fields the history of a landlord and of a packet version names (audit.boundary.History).
        for (String subject : new String[]{"landlord", "contact", "note", "flat", "version", "section"}) {
            assertTrue(known.contains("landlord.history.subject." + subject), subject);
        }
        for (String field : new String[]{"kind", "name", "address", "active", "role", "email", "phone", "text", "areaSqm",
                "rooms", "availableFrom", "status", "title", "titleEn", "publishedAt", "publishedBy", "position", "heading",
                "body", "headingEn", "bodyEn"}) {
            assertTrue(known.contains("landlord.field." + field), field);
        }
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(known);
        assertTrue(missing.isEmpty(), "missing texts: " + missing);
        for (String prefix : new String[]{"landlord.kind.", "landlord.delivery.", "landlord.version.", "landlord.need."}) {
            assertTrue(known.stream().anyMatch(k -> k.startsWith(prefix)), prefix);
        }
        for (String status : new String[]{"QUEUED", "SENT", "OPENED", "ACKNOWLEDGED", "FAILED"}) {
            assertTrue(known.contains("landlord.delivery." + status), status);
        }
    }

    @Test
    void everyFailureCodeIsSaidInSwedishAndEnglish() throws IOException {
        Properties sv = bundle("messages");
        Properties en = bundle("messages_en");
        for (DeliveryFailure code : DeliveryFailure.values()) {
            String key = "landlord.failure." + code;
            assertTrue(sv.containsKey(key) && en.containsKey(key), key);
            assertFalse(sv.getProperty(key).equals(en.getProperty(key)), "translated: " + key);
        }
    }
}
