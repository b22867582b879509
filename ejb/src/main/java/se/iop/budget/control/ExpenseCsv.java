package se.iop.budget.control;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import se.iop.budget.entity.Expense;
import se.iop.budget.entity.LineCategory;
import se.iop.common.Amount;
import se.iop.common.InvalidInput;
import se.iop.common.Messages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file of booked costs from the accounting system, read and checked row by row against an
 * agreement's budget before anything is stored. The format is the one the README describes: a header
 * row naming the columns (Swedish or English names, any order, other columns ignored), separated by
 * semicolons, commas or tabs, in UTF-8 or Windows-1252; dates ISO-8601 ({@code 2024-03-31}), compact
 * ({@code 20240331}) or day first ({@code 31/3/2024}, {@code 31.3.2024}, {@code 31/3 2024}); amounts
 * above zero, written as on every page ({@link Amount}).
 * <p>
 * Rows are numbered as a spreadsheet shows them: the header is row 1.
 */
public final class ExpenseCsv {

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final int MAX_ROWS = 50_000;

    /** The columns, by the field name problems report and the header names accepted for them. */
    public enum Column {
        DATE("date", true, "datum", "date", "bokföringsdatum", "transaktionsdatum"),
        LINE("line", true, "budgetrad", "line", "budget line", "rad", "kategori", "category"),
        AMOUNT("amount", true, "belopp", "amount"),
        DESCRIPTION("description", true, "beskrivning", "description", "text"),
        VOUCHER("voucher", true, "verifikation", "voucher", "verifikationsnummer", "vernr"),
        PHASE("phase", false, "fas", "phase"),
        PARTNER("partner", false, "partner", "organisation", "organization");

        private final String field;
        private final boolean required;
        private final List<String> names;

        Column(String field, boolean required, String... names) {
            this.field = field;
            this.required = required;
            this.names = List.of(names);
        }

        public String field() {
            return field;
        }

        /** The Swedish header name, as the template and the messages write it. */
        public String header() {
            return names.get(0);
        }
    }

    /** What the file is checked against: the agreement's phases with their lines, and its parties. */
    public record Budget(List<PhasePlan> phases, List<Party> parties) {
    }

    public record PhasePlan(long id, String name, LocalDate start, LocalDate end, List<Line> lines) {
        boolean contains(LocalDate day) {
            return !day.isBefore(start) && !day.isAfter(end);
        }
    }

    public record Line(long id, String name, LineCategory category) {
    }

    public record Party(long organisationId, String name, String organisationNumber) {
    }

    /** A row that passed every check, ready to be booked. */
    public record Row(int row, long phaseId, long lineId, Long partnerId, LocalDate spentOn, BigDecimal amount,
                      String description, String voucher) {
    }

    /** Why a row (0: the file as a whole) cannot be imported, as a message key and its arguments. */
    public record Problem(int row, String field, String key, List<Object> args) {

        public Problem(int row, String field, String key, Object... args) {
            this(row, field, key, List.of(args));
        }

        public String message(Locale locale) {
            return Messages.format(locale, key, args.toArray());
        }
    }

    /**
     * The rows that passed, the problems found, and the first row of each voucher in the file, for the
     * check against vouchers already booked.
     */
    public record Result(int rowCount, List<Row> rows, List<Problem> problems, Map<String, Integer> vouchers) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Problems in the order a reader goes through the file: by row, then by column. */
    public static final Comparator<Problem> ORDER = Comparator.comparingInt(Problem::row)
            .thenComparingInt(p -> fieldOrder(p.field()));

    private static final Pattern COMPACT_DATE = Pattern.compile("\\d{8}");
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})[./](\\d{1,2})[./ ](\\d{4})");
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    private static final int ECHO_MAX = 40;

    private final Budget budget;
    private final List<Row> rows = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Integer> vouchers = new LinkedHashMap<>();
    private final Map<Column, Integer> columns = new EnumMap<>(Column.class);

    private ExpenseCsv(Budget budget) {
        this.budget = budget;
    }

    /** Reads and checks the whole file; nothing is stored here. */
    public static Result read(byte[] file, Budget budget) {
        ExpenseCsv csv = new ExpenseCsv(budget);
        int count = csv.parse(file);
        csv.problems.sort(ORDER);
        return new Result(count, List.copyOf(csv.rows), List.copyOf(csv.problems), Map.copyOf(csv.vouchers));
    }

    private static int fieldOrder(String field) {
        for (Column c : Column.values()) {
            if (c.field().equals(field)) {
                return c.ordinal();
            }
        }
        return -1;
    }

    private int parse(byte[] file) {
        if (file == null || file.length == 0) {
            problems.add(new Problem(0, "file", "error.import.empty"));
            return 0;
        }
        if (file.length > MAX_BYTES) {
            problems.add(new Problem(0, "file", "error.import.tooLarge", MAX_BYTES / (1024 * 1024)));
            return 0;
        }
        if (budget.phases().isEmpty()) {
            problems.add(new Problem(0, "file", "error.import.noPhases"));
            return 0;
        }
        String text = decode(file);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter(text)).setIgnoreEmptyLines(false)
                .setTrim(true).get();
        int count = 0;
        try (CSVParser parser = CSVParser.parse(text, format)) {
            Iterator<CSVRecord> records = parser.iterator();
            long linesRead = 0;
            boolean header = true;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                int row = (int) linesRead + 1;
                linesRead = parser.getCurrentLineNumber();
                if (blank(record)) {
                    continue;
                }
                if (header) {
                    header = false;
                    if (!readHeader(record, row)) {
                        return 0;
                    }
                    continue;
                }
                if (++count > MAX_ROWS) {
                    problems.add(new Problem(0, "file", "error.import.tooManyRows", MAX_ROWS));
                    return count - 1;
                }
                check(record, row);
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            // commons-csv reports an unterminated quote and the like while iterating.
            problems.add(new Problem(count + 2, "file", "error.import.malformed"));
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (count == 0 && problems.isEmpty()) {
            problems.add(new Problem(0, "file", "error.import.noRows"));
        }
        return count;
    }

    /** UTF-8 (with or without byte order mark) when the bytes are valid UTF-8, else Windows-1252 as Swedish Excel saves. */
    static String decode(byte[] file) {
        int skip = file.length >= 3 && (file[0] & 0xFF) == 0xEF && (file[1] & 0xFF) == 0xBB && (file[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer bytes = ByteBuffer.wrap(file, skip, file.length - skip);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return new String(file, skip, file.length - skip, Charset.forName("windows-1252"));
        }
    }

    /** The separator the header line uses most: semicolon (Swedish Excel), comma or tab. */
    static char delimiter(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        char best = ';';
        long most = 0;
        for (char c : new char[] {';', ',', '\t'}) {
            long n = first.chars().filter(ch -> ch == c).count();
            if (n > most) {
                most = n;
                best = c;
            }
        }
        return best;
    }

    private static boolean blank(CSVRecord record) {
        for (String value : record) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private boolean readHeader(CSVRecord record, int row) {
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
            for (Column c : Column.values()) {
                if (c.names.contains(name)) {
                    if (columns.containsKey(c)) {
                        problems.add(new Problem(row, c.field(), "error.import.duplicateColumn", c.header()));
                    } else {
                        columns.put(c, i);
                    }
                }
            }
        }
        for (Column c : Column.values()) {
            if (c.required && !columns.containsKey(c)) {
                problems.add(new Problem(row, c.field(), "error.import.missingColumn", c.header()));
            }
        }
        return problems.isEmpty();
    }

    private String value(CSVRecord record, Column c) {
        Integer index = columns.get(c);
        return index == null || index >= record.size() ? "" : record.get(index).strip();
    }

    private void check(CSVRecord record, int row) {
        int before = problems.size();
        LocalDate date = date(row, value(record, Column.DATE));
        PhasePlan phase = phase(row, value(record, Column.PHASE), date);
        Line line = line(row, value(record, Column.LINE), phase);
        BigDecimal amount = amount(row, value(record, Column.AMOUNT));
        String description = checked(row, () -> Expense.checkedDescription(value(record, Column.DESCRIPTION)));
        String voucher = checked(row, () -> Expense.checkedVoucher(value(record, Column.VOUCHER)));
        Long partner = partner(row, value(record, Column.PARTNER));
        if (voucher != null) {
            Integer first = vouchers.putIfAbsent(voucher, row);
            if (first != null) {
                problems.add(new Problem(row, Column.VOUCHER.field(), "error.import.voucherTwice", echo(voucher), first));
            }
        }
        if (problems.size() == before) {
            rows.add(new Row(row, phase.id(), line.id(), partner, date, amount, description, voucher));
        } else if (phase != null && date != null && !phase.contains(date)) {
            // This row goes no further, so Expense.book (the rule) will not see it: its date is said here as
            // the rule says it, so that a row's problems are all listed at once.
            problems.add(new Problem(row, Column.DATE.field(), "error.dateOutsidePhase", phase.start(), phase.end()));
        }
    }

    private LocalDate date(int row, String value) {
        if (value.isEmpty()) {
            problems.add(new Problem(row, Column.DATE.field(), "error.required"));
            return null;
        }
        LocalDate date = parseDate(value);
        if (date == null) {
            problems.add(new Problem(row, Column.DATE.field(), "error.import.date", echo(value)));
        }
        return date;
    }

    /** ISO, compact, or day first with the month second, never month first; two-digit years are refused. */
    static LocalDate parseDate(String value) {
        try {
            if (value.length() == 10 && value.charAt(4) == '-') {
                return LocalDate.parse(value);
            }
            if (COMPACT_DATE.matcher(value).matches()) {
                return LocalDate.parse(value, COMPACT);
            }
            Matcher m = DAY_FIRST.matcher(value);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    private PhasePlan phase(int row, String name, LocalDate date) {
        if (!name.isEmpty()) {
            PhasePlan named = budget.phases().stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst().orElse(null);
            if (named == null) {
                problems.add(new Problem(row, Column.PHASE.field(), "error.import.phaseUnknown", echo(name)));
            }
            return named; // whether the date lies within it is the cost's rule (Expense.book)
        }
        if (budget.phases().size() == 1) {
            return budget.phases().get(0);
        }
        if (date == null) {
            return null;
        }
        List<PhasePlan> containing = budget.phases().stream().filter(p -> p.contains(date)).toList();
        if (containing.size() == 1) {
            return containing.get(0);
        }
        problems.add(containing.isEmpty()
                ? new Problem(row, Column.DATE.field(), "error.import.dateOutsidePhases", date)
                : new Problem(row, Column.PHASE.field(), "error.import.phaseAmbiguous", date));
        return null;
    }

    /** A line of the phase by its name, or by its category where the phase has one line of it. */
    private Line line(int row, String value, PhasePlan phase) {
        if (value.isEmpty()) {
            problems.add(new Problem(row, Column.LINE.field(), "error.required"));
            return null;
        }
        if (phase == null) {
            return null; // which lines there are depends on the phase, already reported
        }
        for (Line l : phase.lines()) {
            if (l.name().equalsIgnoreCase(value)) {
                return l;
            }
        }
        LineCategory category = Arrays.stream(LineCategory.values()).filter(c -> c.name().equalsIgnoreCase(value))
                .findFirst().orElse(null);
        List<Line> ofCategory = phase.lines().stream().filter(l -> l.category() == category).toList();
        if (category != null && ofCategory.size() == 1) {
            return ofCategory.get(0);
        }
        problems.add(category != null && ofCategory.size() > 1
                ? new Problem(row, Column.LINE.field(), "error.import.lineAmbiguous", echo(value), phase.name())
                : new Problem(row, Column.LINE.field(), "error.import.lineUnknown", echo(value), phase.name()));
        return null;
    }

    /** Read as every page reads an amount ({@link Amount}), then the cost's own rule for it ({@link Expense#checkedAmount}). */
    private BigDecimal amount(int row, String value) {
        return checked(row, () -> Expense.checkedAmount(Amount.read(Column.AMOUNT.field(), value)));
    }

    /**
     * One of the cost's own field rules ({@link Expense}), its refusal a problem of the row: every field of a row is
     * checked, so a row's problems are listed together. The whole cost is checked again by {@link Expense#book} before
     * it is booked (the import service does it), which adds what needs the phase, the line and the party.
     */
    private <T> T checked(int row, Supplier<T> rule) {
        try {
            return rule.get();
        } catch (InvalidInput refused) {
            problems.add(new Problem(row, columnOf(refused.field()), refused.key(), refused.args()));
            return null;
        }
    }

    /** The column a field of {@link Expense} is read from, as problems name it. */
    public static String columnOf(String entityField) {
        return switch (entityField) {
            case "spentOn" -> Column.DATE.field();
            case "lineId" -> Column.LINE.field();
            case "phaseId" -> Column.PHASE.field();
            case "partnerId" -> Column.PARTNER.field();
            default -> entityField;
        };
    }

    /** A party of the agreement by organisation name or number; an empty cell books the cost on no partner. */
    private Long partner(int row, String value) {
        if (value.isEmpty()) {
            return null;
        }
        String digits = value.replaceAll("\\D", "");
        for (Party p : budget.parties()) {
            if (p.name().equalsIgnoreCase(value)
                    || (digits.length() == 10 && digits.equals(p.organisationNumber().replaceAll("\\D", "")))) {
                return p.organisationId();
            }
        }
        problems.add(new Problem(row, Column.PARTNER.field(), "error.import.partnerUnknown", echo(value)));
        return null;
    }

    /** A value quoted back in a message, cut short so a stray paragraph cannot flood the report. */
    private static String echo(String value) {
        return value.length() <= ECHO_MAX ? value : value.substring(0, ECHO_MAX - 1) + "…";
    }
}
