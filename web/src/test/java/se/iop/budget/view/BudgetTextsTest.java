package se.iop.budget.view;

import org.junit.jupiter.api.Test;
import se.iop.budget.entity.ContributionKind;
import se.iop.budget.entity.DisbursementStatus;
import se.iop.budget.entity.ExpenseSource;
import se.iop.budget.entity.LineCategory;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The budget page's texts exist in Swedish (twice: default and sv) and English, for every key the page uses. */
class BudgetTextsTest {

    private static final Pattern KEY = Pattern.compile("['\"](budget\\.[A-Za-z.]+[A-Za-z])['\"]");

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (var in = BudgetTextsTest.class.getResourceAsStream("/se/iop/web/" + name + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<String> budgetKeys(Properties p) {
        Set<String> keys = new TreeSet<>();
        p.stringPropertyNames().stream().filter(k -> k.startsWith("budget.")).forEach(keys::add);
        return keys;
    }

    /** Keys named in full in the budget pages and views. */
    private static Set<String> usedKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Stream.concat(
                Stream.of(Path.of("src/main/webapp/budget"), Path.of("src/main/webapp/WEB-INF/includes"))
                        .flatMap(BudgetTextsTest::walk).filter(f -> f.getFileName().toString().startsWith("budget")
                                || f.getParent().endsWith("budget")),
                walk(Path.of("src/main/java/se/iop/budget/view")))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Matcher m = KEY.matcher(Files.readString(f));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }

    private static Stream<Path> walk(Path dir) {
        try {
            return Files.walk(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void swedishDefaultSwedishAndEnglishHaveTheSameBudgetKeys() throws IOException {
        Set<String> sv = budgetKeys(bundle("messages"));
        assertEquals(sv, budgetKeys(bundle("messages_sv")));
        assertEquals(sv, budgetKeys(bundle("messages_en")));
        Properties def = bundle("messages");
        Properties svBundle = bundle("messages_sv");
        for (String key : sv) {
            assertEquals(def.getProperty(key), svBundle.getProperty(key), key + ": the default is the Swedish text");
        }
    }

    @Test
    void everyKeyThePagesUseExists() throws IOException {
        Set<String> known = budgetKeys(bundle("messages"));
        Set<String> used = usedKeys();
        assertTrue(used.size() > 100, "found the pages' keys: " + used.size());
        for (String key : used) {
            if (!key.startsWith("budget.view") && !key.startsWith("budget.boundary") && !key.startsWith("budget.entity")) {
                assertTrue(known.contains(key), key + " is used but has no text");
            }
        }
    }

    @Test
    void everyCategoryKindStatusAndSourceHasAName() throws IOException {
        for (String language : new String[] {"messages", "messages_en"}) {
            Properties p = bundle(language);
            Stream.of(LineCategory.values()).forEach(c -> assertTrue(p.containsKey("budget.category." + c), language + " " + c));
            Stream.of(ContributionKind.values()).forEach(k -> assertTrue(p.containsKey("budget.kind." + k), language + " " + k));
            Stream.of(DisbursementStatus.values())
                    .forEach(s -> assertTrue(p.containsKey("budget.disbursement.status." + s), language + " " + s));
            Stream.of(ExpenseSource.values()).forEach(s -> assertTrue(p.containsKey("budget.source." + s), language + " " + s));
        }
    }

    @Test
    void textsWithValuesFormatWithoutLosingAPlaceholderOrAnApostrophe() throws IOException {
        for (String language : new String[] {"messages", "messages_en"}) {
            Properties p = bundle(language);
            Locale locale = language.endsWith("en") ? Locale.ENGLISH : Locale.forLanguageTag("sv");
            for (String key : budgetKeys(p)) {
                String pattern = p.getProperty(key);
                if (pattern.contains("{0")) {
                    String text = new MessageFormat(pattern, locale).format(new Object[] {2, "b", "c"});
                    assertFalse(text.contains("{") || text.contains("''"), key + ": " + text);
                    assertEquals(pattern.contains("'"), text.contains("'"), key + " keeps its apostrophe: " + text);
                }
            }
        }
        assertEquals("2 budgetrader har förbrukat mer än planerat.",
                new MessageFormat(bundle("messages").getProperty("budget.overview.overSpentLines"), Locale.forLanguageTag("sv"))
                        .format(new Object[] {2}));
    }
}
