package se.iop.budget.control;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An SIE file of type 4 ("transaktioner", SIE filformat utgåva 4B), the Swedish exchange format that
 * accounting programs read: identification, the accounts used, an optional project dimension, the
 * year's results per account and one verification (#VER) per booking with its balanced #TRANS rows.
 * Written in the format's character set PC8 (IBM code page 437), lines ended by CR LF; amounts with a
 * decimal point, dates as yyyymmdd.
 */
public final class SieFile {

    /** IBM PC 8-bit extended ASCII, which SIE calls PC8. */
    public static final Charset PC8 = Charset.forName("IBM437");

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    public enum AccountType {
        /** Tillgång, skuld, intäkt, kostnad: the letters #KTYP uses. */
        T, S, I, K
    }

    public record Account(String number, String name, AccountType type) {
    }

    /** One row of a verification; {@code text} may be null. Debit positive, credit negative. */
    public record Trans(String account, BigDecimal amount, String text) {
    }

    public record Verification(LocalDate date, String text, List<Trans> rows) {
        public Verification {
            BigDecimal sum = rows.stream().map(Trans::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.signum() != 0) {
                throw new IllegalArgumentException("a verification must balance, this one is off by " + sum);
            }
            rows = List.copyOf(rows);
        }
    }

    /** A project, cost centre or the like that every transaction is marked with (#DIM and #OBJEKT). */
    public record Tag(int dimension, String dimensionName, String object, String objectName) {
    }

    private final String program;
    private final String version;
    private final LocalDate generated;
    private final String generatedBy;
    private final String company;
    private final String organisationNumber;
    private final LocalDate yearStart;
    private final LocalDate yearEnd;
    private final String chartOfAccounts;
    private final String series;
    private String prose;
    private Tag tag;
    private final Map<String, Account> accounts = new TreeMap<>();
    private final List<Verification> verifications = new ArrayList<>();

    public SieFile(String program, String version, LocalDate generated, String generatedBy, String company,
                   String organisationNumber, LocalDate yearStart, LocalDate yearEnd, String chartOfAccounts,
                   String series) {
        this.program = program;
        this.version = version;
        this.generated = generated;
        this.generatedBy = generatedBy;
        this.company = company;
        this.organisationNumber = organisationNumber;
        this.yearStart = yearStart;
        this.yearEnd = yearEnd;
        this.chartOfAccounts = chartOfAccounts;
        this.series = series;
    }

    public SieFile prose(String text) {
        this.prose = text;
        return this;
    }

    public SieFile tag(Tag projectTag) {
        this.tag = projectTag;
        return this;
    }

    public SieFile account(Account account) {
        accounts.put(account.number(), account);
        return this;
    }

    public SieFile add(Verification verification) {
        if (verification.date().isBefore(yearStart) || verification.date().isAfter(yearEnd)) {
            throw new IllegalArgumentException("verification dated " + verification.date() + " outside the year");
        }
        for (Trans t : verification.rows()) {
            if (!accounts.containsKey(t.account())) {
                throw new IllegalArgumentException("account " + t.account() + " is not declared");
            }
        }
        verifications.add(verification);
        return this;
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        line(out, "#FLAGGA", "0");
        line(out, "#PROGRAM", quote(program), quote(version));
        line(out, "#FORMAT", "PC8");
        line(out, "#GEN", DAY.format(generated), quote(generatedBy));
        line(out, "#SIETYP", "4");
        if (prose != null) {
            line(out, "#PROSA", quote(prose));
        }
        if (organisationNumber != null) {
            line(out, "#ORGNR", organisationNumber);
        }
        line(out, "#FNAMN", quote(company));
        line(out, "#RAR", "0", DAY.format(yearStart), DAY.format(yearEnd));
        line(out, "#KPTYP", chartOfAccounts);
        line(out, "#VALUTA", "SEK");
        for (Account a : accounts.values()) {
            line(out, "#KONTO", a.number(), quote(a.name()));
        }
        for (Account a : accounts.values()) {
            line(out, "#KTYP", a.number(), a.type().name());
        }
        if (tag != null) {
            line(out, "#DIM", Integer.toString(tag.dimension()), quote(tag.dimensionName()));
            line(out, "#OBJEKT", Integer.toString(tag.dimension()), quote(tag.object()), quote(tag.objectName()));
        }
        for (Map.Entry<String, BigDecimal> result : results().entrySet()) {
            line(out, "#RES", "0", result.getKey(), amount(result.getValue()));
        }
        String objects = tag == null ? "{}" : "{" + tag.dimension() + " " + quote(tag.object()) + "}";
        int number = 1;
        for (Verification v : verifications) {
            line(out, "#VER", quote(series), Integer.toString(number++), DAY.format(v.date()), quote(v.text()));
            out.append("{\r\n");
            for (Trans t : v.rows()) {
                out.append("   ");
                if (t.text() == null) {
                    line(out, "#TRANS", t.account(), objects, amount(t.amount()), DAY.format(v.date()));
                } else {
                    line(out, "#TRANS", t.account(), objects, amount(t.amount()), DAY.format(v.date()), quote(t.text()));
                }
            }
            out.append("}\r\n");
        }
        return out.toString();
    }

    /** The year's result per cost or income account, summed from the verifications written. */
    private Map<String, BigDecimal> results() {
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        for (Account a : accounts.values()) {
            if (a.type() == AccountType.K || a.type() == AccountType.I) {
                sums.put(a.number(), BigDecimal.ZERO.setScale(2));
            }
        }
        for (Verification v : verifications) {
            for (Trans t : v.rows()) {
                sums.computeIfPresent(t.account(), (k, sum) -> sum.add(t.amount()));
            }
        }
        return sums;
    }

    public byte[] bytes() {
        CharsetEncoder encoder = PC8.newEncoder().onUnmappableCharacter(CodingErrorAction.REPLACE)
                .onMalformedInput(CodingErrorAction.REPLACE).replaceWith(new byte[] {'?'});
        try {
            ByteBuffer encoded = encoder.encode(CharBuffer.wrap(text()));
            ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.remaining());
            out.write(encoded.array(), encoded.arrayOffset(), encoded.remaining());
            return out.toByteArray();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(e); // cannot happen when replacing
        }
    }

    private static void line(StringBuilder out, String label, String... fields) {
        out.append(label);
        for (String f : fields) {
            out.append(' ').append(f);
        }
        out.append("\r\n");
    }

    static String amount(BigDecimal value) {
        return value.setScale(2).toPlainString();
    }

    /**
     * A text field in quotes. SIE escapes a quote inside as \" and knows no other escape, so a
     * backslash becomes a slash and control characters a space; typographic dashes and quotes, which
     * PC8 lacks, become their plain forms. Other characters PC8 lacks are written as '?'.
     */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        String plain = text == null ? "" : text;
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            switch (c) {
                case '"', '\u201C', '\u201D', '\u201E' -> out.append("\\\"");
                case '\\' -> out.append('/');
                case '\u2013', '\u2014', '\u2212' -> out.append('-');
                case '\u2018', '\u2019' -> out.append('\'');
                case '\u2026' -> out.append("...");
                default -> out.append(Character.isISOControl(c) || Character.isSpaceChar(c) ? ' ' : c);
            }
        }
        return out.append('"').toString();
    }
}
