package se.iop.report.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import se.iop.common.InvalidInput;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a report covers: one calendar month or one calendar quarter. Written "2024-03" or
 * "2024-Q1" (also "2024-K1", kvartal) in the API. A report is due by the end of the month after its
 * period.
 */
@Embeddable
public class ReportPeriod implements Serializable, Comparable<ReportPeriod> {

    private static final long serialVersionUID = 1L;
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[QqKk]([1-4])");

    @Enumerated(EnumType.STRING)
    @Column(name = "period_kind", nullable = false, length = 10)
    private PeriodKind kind;

    @Column(name = "period_start", nullable = false)
    private LocalDate start;

    @Column(name = "period_end", nullable = false)
    private LocalDate end;

    protected ReportPeriod() {
    }

    private ReportPeriod(PeriodKind kind, LocalDate start, LocalDate end) {
        this.kind = kind;
        this.start = start;
        this.end = end;
    }

    public static ReportPeriod month(YearMonth month) {
        return new ReportPeriod(PeriodKind.MONTH, month.atDay(1), month.atEndOfMonth());
    }

    public static ReportPeriod quarter(int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new InvalidInput("period", "error.report.period");
        }
        YearMonth first = YearMonth.of(year, quarter * 3 - 2);
        return new ReportPeriod(PeriodKind.QUARTER, first.atDay(1), first.plusMonths(2).atEndOfMonth());
    }

    /** The quarter a day falls in. */
    public static ReportPeriod quarterOf(LocalDate day) {
        return quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    /** A period by its kind and first day, which must be the first day of a month (of a quarter's first month). */
    public static ReportPeriod of(PeriodKind kind, LocalDate start) {
        if (kind == null) {
            throw new InvalidInput("periodKind", "error.required");
        }
        if (start == null) {
            throw new InvalidInput("periodStart", "error.required");
        }
        if (start.getDayOfMonth() != 1 || (kind == PeriodKind.QUARTER && (start.getMonthValue() - 1) % 3 != 0)) {
            throw new InvalidInput("periodStart", "error.report.periodStart");
        }
        return kind == PeriodKind.MONTH ? month(YearMonth.from(start)) : quarterOf(start);
    }

    /** "2024-03" for March 2024, "2024-Q1" (or "2024-K1") for its first quarter. */
    public static ReportPeriod parse(String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidInput("period", "error.required");
        }
        String text = code.strip();
        Matcher q = QUARTER.matcher(text);
        if (q.matches()) {
            return quarter(year(q.group(1)), Integer.parseInt(q.group(2)));
        }
        Matcher m = MONTH.matcher(text);
        if (m.matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month >= 1 && month <= 12) {
                return month(YearMonth.of(year(m.group(1)), month));
            }
        }
        throw new InvalidInput("period", "error.report.period");
    }

    private static int year(String digits) {
        int year = Integer.parseInt(digits);
        if (year < 2000 || year > 2100) {
            throw new InvalidInput("period", "error.report.period");
        }
        return year;
    }

    public String code() {
        return kind == PeriodKind.MONTH ? YearMonth.from(start).toString()
                : start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
    }

    /** "Kvartal 1 2024" or "mars 2024" in Swedish, "Q1 2024" or "March 2024" in English. */
    public String label(Locale locale) {
        boolean swedish = "sv".equals(locale.getLanguage());
        if (kind == PeriodKind.QUARTER) {
            int q = (start.getMonthValue() - 1) / 3 + 1;
            return swedish ? "Kvartal " + q + " " + start.getYear() : "Q" + q + " " + start.getYear();
        }
        return start.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, swedish ? Locale.forLanguageTag("sv") : Locale.ENGLISH)
                + " " + start.getYear();
    }

    public boolean overlaps(ReportPeriod other) {
        return !start.isAfter(other.end) && !other.start.isAfter(end);
    }

    /** Whether the period overlaps the days from {@code from} to {@code to}; either end may be open (null). */
    public boolean overlaps(LocalDate from, LocalDate to) {
        return (to == null || !start.isAfter(to)) && (from == null || !end.isBefore(from));
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    /** The first day of every month the period covers. */
    public List<LocalDate> months() {
        List<LocalDate> months = new ArrayList<>();
        for (LocalDate m = start; !m.isAfter(end); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    public boolean hasBegun(LocalDate today) {
        return !today.isBefore(start);
    }

    /** A report can be submitted from the last day of its period. */
    public boolean hasReachedLastDay(LocalDate today) {
        return !today.isBefore(end);
    }

    /** The last day to submit: the end of the month after the period. */
    public LocalDate dueOn() {
        return YearMonth.from(end).plusMonths(1).atEndOfMonth();
    }

    public PeriodKind kind() {
        return kind;
    }

    public LocalDate start() {
        return start;
    }

    public LocalDate end() {
        return end;
    }

    @Override
    public int compareTo(ReportPeriod o) {
        int byStart = start.compareTo(o.start);
        return byStart != 0 ? byStart : end.compareTo(o.end);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReportPeriod p && kind == p.kind && Objects.equals(start, p.start);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, start);
    }

    @Override
    public String toString() {
        return code();
    }
}
