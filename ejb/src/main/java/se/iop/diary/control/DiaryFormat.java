package se.iop.diary.control;

import se.iop.common.Settings;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The municipality's registration number format: a pattern such as {@code {prefix} {year}/{seq:4}} (giving
 * {@code SN 2024/0123}), the prefix of each committee that has its own series, and the default prefix of the
 * documents without a committee. Every number is one prefix's yearly series and a sequence in it; the format is
 * refused when two different (prefix, year, sequence) could be written alike: each of the three parts exactly
 * once, parts that follow each other parted by a character that is no letter or digit (prefixes are letters
 * and digits only, years and sequences digits), and no prefix used twice.
 */
public final class DiaryFormat {

    public static final String PATTERN_VARIABLE = "IOP_DIARY_PATTERN";
    public static final String PREFIXES_VARIABLE = "IOP_DIARY_PREFIXES";
    public static final String DEFAULT_PREFIX_VARIABLE = "IOP_DIARY_DEFAULT_PREFIX";
    public static final String DEFAULT_PATTERN = "{prefix} {year}/{seq:4}";
    public static final String DEFAULT_PREFIX = "IOP";
    /** The longest number the diary keeps (its column). */
    public static final int MAX_LENGTH = 60;

    private static final Pattern TOKEN = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern SEQ = Pattern.compile("seq(?::([1-9]))?");
    private static final Pattern PREFIX = Pattern.compile("\\p{L}[\\p{L}\\p{N}]{0,9}");

    private final String pattern;
    private final List<Object> parts;
    private final int seqWidth;
    private final String defaultPrefix;
    private final Map<String, String> committeePrefixes;

    private enum Part { PREFIX, YEAR, SEQ }

    private DiaryFormat(String pattern, List<Object> parts, int seqWidth, String defaultPrefix,
                        Map<String, String> committeePrefixes) {
        this.pattern = pattern;
        this.parts = parts;
        this.seqWidth = seqWidth;
        this.defaultPrefix = defaultPrefix;
        this.committeePrefixes = committeePrefixes;
    }

    /** The format the operator configured (README, Public records), read now; refused when it could collide. */
    public static DiaryFormat configured() {
        return of(Settings.text("iop.diary.pattern", PATTERN_VARIABLE).orElse(DEFAULT_PATTERN),
                Settings.text("iop.diary.defaultPrefix", DEFAULT_PREFIX_VARIABLE).orElse(DEFAULT_PREFIX),
                Settings.text("iop.diary.prefixes", PREFIXES_VARIABLE).orElse(""));
    }

    /**
     * @param pattern       e.g. {@code {prefix} {year}/{seq:4}}
     * @param defaultPrefix the prefix of documents without a committee of their own
     * @param prefixes      committees with their own series, {@code Socialnämnden=SN;Vård- och omsorgsnämnden=VON}
     */
    public static DiaryFormat of(String pattern, String defaultPrefix, String prefixes) {
        List<Object> parts = new ArrayList<>();
        Map<Part, Integer> seen = new HashMap<>();
        int seqWidth = 1;
        Matcher m = TOKEN.matcher(pattern);
        int at = 0;
        while (m.find()) {
            parts.add(pattern.substring(at, m.start()));
            String name = m.group(1).strip().toLowerCase(Locale.ROOT);
            Part part;
            Matcher seq = SEQ.matcher(name);
            if (name.equals("prefix")) {
                part = Part.PREFIX;
            } else if (name.equals("year")) {
                part = Part.YEAR;
            } else if (seq.matches()) {
                part = Part.SEQ;
                seqWidth = seq.group(1) == null ? 1 : Integer.parseInt(seq.group(1));
            } else {
                throw unknown(pattern, m.group());
            }
            if (seen.merge(part, 1, Integer::sum) > 1) {
                throw new DiaryMisconfigured(PATTERN_VARIABLE, "error.diary.patternToken", pattern, token(part));
            }
            parts.add(part);
            at = m.end();
        }
        parts.add(pattern.substring(at));
        for (Part p : Part.values()) {
            if (!seen.containsKey(p)) {
                throw new DiaryMisconfigured(PATTERN_VARIABLE, "error.diary.patternToken", pattern, token(p));
            }
        }
        for (Object p : parts) {
            if (p instanceof String literal && (literal.indexOf('{') >= 0 || literal.indexOf('}') >= 0
                    || literal.chars().anyMatch(Character::isISOControl))) {
                throw unknown(pattern, literal);
            }
        }
        // parts alternate literal, part, literal, part, literal, part, literal
        for (int i = 2; i < parts.size() - 1; i += 2) {
            String between = (String) parts.get(i);
            if (between.chars().allMatch(Character::isLetterOrDigit)) {
                throw new DiaryMisconfigured(PATTERN_VARIABLE, "error.diary.patternAdjacent", pattern,
                        token((Part) parts.get(i - 1)), token((Part) parts.get(i + 1)));
            }
        }
        String fallback = prefix(DEFAULT_PREFIX_VARIABLE, defaultPrefix.strip());
        Map<String, String> byCommittee = new HashMap<>();
        Map<String, String> committeeOf = new HashMap<>();
        for (String item : prefixes.split(";")) {
            if (item.isBlank()) {
                continue;
            }
            int eq = item.lastIndexOf('=');
            if (eq <= 0 || item.substring(0, eq).isBlank()) {
                throw new DiaryMisconfigured(PREFIXES_VARIABLE, "error.diary.prefixMapping", item.strip());
            }
            String committee = item.substring(0, eq).strip();
            String prefix = prefix(PREFIXES_VARIABLE, item.substring(eq + 1).strip());
            String key = key(committee);
            if (byCommittee.containsKey(key)) {
                throw new DiaryMisconfigured(PREFIXES_VARIABLE, "error.diary.committeeTwice", committee);
            }
            String other = committeeOf.get(prefix.toUpperCase(Locale.ROOT));
            if (other != null) {
                throw new DiaryMisconfigured(PREFIXES_VARIABLE, "error.diary.prefixTwice", prefix, other, committee);
            }
            if (prefix.equalsIgnoreCase(fallback)) {
                throw new DiaryMisconfigured(PREFIXES_VARIABLE, "error.diary.prefixIsDefault", prefix, committee);
            }
            byCommittee.put(key, prefix);
            committeeOf.put(prefix.toUpperCase(Locale.ROOT), committee);
        }
        DiaryFormat format = new DiaryFormat(pattern, List.copyOf(parts), seqWidth, fallback, Map.copyOf(byCommittee));
        if (format.number("W".repeat(10), 9999, Integer.MAX_VALUE).length() > MAX_LENGTH) {
            throw new DiaryMisconfigured(PATTERN_VARIABLE, "error.diary.patternLong", pattern, MAX_LENGTH);
        }
        return format;
    }

    private static DiaryMisconfigured unknown(String pattern, String part) {
        return new DiaryMisconfigured(PATTERN_VARIABLE, "error.diary.patternUnknown", pattern, part,
                "{prefix}", "{year}", "{seq}", "{seq:N}");
    }

    private static String prefix(String variable, String prefix) {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new DiaryMisconfigured(variable, "error.diary.prefix", prefix);
        }
        return prefix;
    }

    private static String token(Part p) {
        return switch (p) {
            case PREFIX -> "{prefix}";
            case YEAR -> "{year}";
            case SEQ -> "{seq}";
        };
    }

    /** The series of a committee's documents: its own prefix where configured, else the default. */
    public String prefixFor(String committeeName) {
        return committeeName == null ? defaultPrefix : committeePrefixes.getOrDefault(key(committeeName), defaultPrefix);
    }

    /**
     * A committee's name as the settings match it: letters and digits only, without accents, in lower case, so
     * {@code Vård- och omsorgsnämnden} may be written {@code Vard-och-omsorgsnamnden} where spaces or non-ASCII
     * letters are awkward (a JVM argument).
     */
    static String key(String committeeName) {
        String plain = Normalizer.normalize(committeeName, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    public String defaultPrefix() {
        return defaultPrefix;
    }

    public String pattern() {
        return pattern;
    }

    /** The number as the municipality writes it, e.g. {@code SN 2024/0123}. */
    public String number(String prefix, int year, int sequence) {
        StringBuilder b = new StringBuilder();
        for (Object p : parts) {
            if (p instanceof String literal) {
                b.append(literal);
            } else {
                switch ((Part) p) {
                    case PREFIX -> b.append(prefix);
                    case YEAR -> b.append(String.format(Locale.ROOT, "%04d", year));
                    case SEQ -> b.append(String.format(Locale.ROOT, "%0" + seqWidth + "d", sequence));
                }
            }
        }
        return b.toString();
    }
}
