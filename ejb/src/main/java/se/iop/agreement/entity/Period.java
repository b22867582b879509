package se.iop.agreement.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import se.iop.common.InvalidInput;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/** A span of days; either end may still be open, but the end is never before the start. */
@Embeddable
public class Period implements Serializable {

    @Column(name = "start_date")
    private LocalDate start;

    @Column(name = "end_date")
    private LocalDate end;

    protected Period() {
    }

    private Period(LocalDate start, LocalDate end) {
        this.start = start;
        this.end = end;
    }

    public static Period of(LocalDate start, LocalDate end) {
        if (start != null && end != null && end.isBefore(start)) {
            throw new InvalidInput("endDate", "error.period.endBeforeStart");
        }
        return new Period(start, end);
    }

    public static Period open() {
        return new Period(null, null);
    }

    public LocalDate start() {
        return start;
    }

    public LocalDate end() {
        return end;
    }

    public boolean contains(LocalDate day) {
        return (start == null || !day.isBefore(start)) && (end == null || !day.isAfter(end));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Period p && Objects.equals(start, p.start) && Objects.equals(end, p.end);
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, end);
    }

    @Override
    public String toString() {
        return (start == null ? "…" : start) + " – " + (end == null ? "…" : end);
    }
}
