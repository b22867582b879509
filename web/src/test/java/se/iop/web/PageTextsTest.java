package se.iop.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page texts: three bundles in step, and every text a page names exists. */
class PageTextsTest {

    private static final Path BUNDLES = Path.of("src/main/resources/se/iop/web");
    private static final Path PAGES = Path.of("src/main/webapp");
    /** A literal key in a page, e.g. msg['organisation.list.title']; a prefix ending in '.' is joined with a value. */
    private static final Pattern KEY = Pattern.compile("msg\\['([^']+)'\\]");

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(BUNDLES.resolve(name + ".properties"), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    @Test
    void theThreeBundlesHaveTheSameKeysAndSwedishIsTheDefault() throws IOException {
        Properties base = bundle("messages");
        assertEquals(new TreeSet<>(base.stringPropertyNames()), new TreeSet<>(bundle("messages_en").stringPropertyNames()));
        assertEquals(base, bundle("messages_sv"), "messages_sv.properties is the same Swedish as the default");
    }

    @Test
    void everyKeyAPageNamesExists() throws IOException {
        Set<String> keys = bundle("messages").stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(PAGES)) {
            for (Path page : files.filter(f -> f.toString().endsWith(".xhtml")).toList()) {
                Matcher m = KEY.matcher(Files.readString(page, StandardCharsets.UTF_8));
                while (m.find()) {
                    String key = m.group(1);
                    if (key.endsWith(".")) {
                        prefixes.add(key);
                    } else if (!keys.contains(key)) {
                        missing.add(page.getFileName() + ": " + key);
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "missing texts: " + missing);
        for (String prefix : prefixes) {
            assertTrue(keys.stream().anyMatch(k -> k.startsWith(prefix)), "no text starts with " + prefix);
        }
    }

    @Test
    void everyRoleAndOrganisationKindHasAName() throws IOException {
        Set<String> keys = bundle("messages").stringPropertyNames();
        for (String role : new String[]{"ADMIN", "FINANCE", "PARTNER", "LANDLORD", "AUDITOR"}) {
            assertTrue(keys.contains("account.role." + role) && keys.contains("account.roleHelp." + role), role);
        }
        for (String kind : new String[]{"MUNICIPALITY", "NON_PROFIT", "HOUSING_COMPANY"}) {
            assertTrue(keys.contains("organisation.kind." + kind), kind);
        }
    }
}
