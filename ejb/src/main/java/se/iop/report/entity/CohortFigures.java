package se.iop.report.entity;

import se.iop.common.InvalidInput;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One intake cohort as a partner states it in a report: the households that moved in during one quarter
 * ({@code quarter}), how many still lived in their home 12 and 24 months after moving in, and how many
 * have left so far, by way: moved on to another home by choice, evicted, returned to homelessness; and how
 * many have taken over the lease in their own name. Counts, never persons; all but {@code housed} may be
 * left empty while not known. The rules that hold within one report are in {@link #check}, those between
 * a report and an earlier approved one in {@link #requireConsistentWith}.
 */
public record CohortFigures(ReportPeriod quarter, Integer housed, Integer retained12, Integer retained24,
                            Integer movedOn, Integer evictions, Integer returnedHomeless, Integer leasesOwn) {

    /** Months after moving in at which retention is asked for. */
    public static final int FIRST_FOLLOW_UP = 12;
    public static final int SECOND_FOLLOW_UP = 24;

    public CohortFigures {
        Objects.requireNonNull(quarter, "quarter");
    }

    /** A cohort by its quarter's code ("2024-Q1" or "2024-K1"); {@code index} names it while the code is unreadable. */
    public static CohortFigures of(String code, int index, Integer housed, Integer retained12, Integer retained24,
                                   Integer movedOn, Integer evictions, Integer returnedHomeless, Integer leasesOwn) {
        ReportPeriod q;
        try {
            q = ReportPeriod.parse(code);
        } catch (InvalidInput e) {
            throw new InvalidInput("cohorts[" + index + "].cohort", "error.cohort.quarter", code == null ? "" : code);
        }
        if (q.kind() != PeriodKind.QUARTER) {
            throw new InvalidInput("cohorts[" + index + "].cohort", "error.cohort.quarter", code);
        }
        return new CohortFigures(q, housed, retained12, retained24, movedOn, evictions, returnedHomeless, leasesOwn);
    }

    public String code() {
        return quarter.code();
    }

    public Integer get(CohortField f) {
        return switch (f) {
            case HOUSED -> housed;
            case RETAINED_12 -> retained12;
            case RETAINED_24 -> retained24;
            case MOVED_ON -> movedOn;
            case EVICTIONS -> evictions;
            case RETURNED_HOMELESS -> returnedHomeless;
            case LEASES_OWN -> leasesOwn;
        };
    }

    /** The problem's field, e.g. {@code cohorts[2024-Q1].retained12}: the cohort and the figure. */
    public String field(CohortField f) {
        return "cohorts[" + code() + "]." + f.field();
    }

    /** The day from which the whole cohort has lived {@code months} months in its homes. */
    public LocalDate followedUpFrom(int months) {
        return quarter.end().plusDays(1).plusMonths(months).minusDays(1);
    }

    /** Whether every household of the cohort has lived {@code months} months in its home by {@code day}. */
    public boolean followedUpBy(int months, LocalDate day) {
        return !day.isBefore(followedUpFrom(months));
    }

    /**
     * The rules within one report on a period ending {@code periodEnd}: a cohort has moved in by then, its
     * counts are whole numbers in range, retention is given only once the whole cohort has lived that long
     * in its homes, never more are retained than were housed, no more at 24 months than at 12, and the
     * exits (moved on, evicted, homeless again) and the leases taken over never exceed the households housed.
     */
    public void check(LocalDate periodEnd) {
        if (quarter.start().isAfter(periodEnd)) {
            throw new InvalidInput(field(CohortField.HOUSED), "error.cohort.future", code());
        }
        if (housed == null) {
            throw new InvalidInput(field(CohortField.HOUSED), "error.cohort.housedRequired", code());
        }
        for (CohortField f : CohortField.values()) {
            Integer n = get(f);
            if (n != null && n < 0) {
                throw new InvalidInput(field(f), "error.cohort.negative", code());
            }
            if (n != null && n > Outcomes.MAX) {
                throw new InvalidInput(field(f), "error.report.countTooLarge", Outcomes.MAX);
            }
        }
        if (retained12 != null && !followedUpBy(FIRST_FOLLOW_UP, periodEnd)) {
            throw new InvalidInput(field(CohortField.RETAINED_12), "error.cohort.notYet", code(), FIRST_FOLLOW_UP,
                    followedUpFrom(FIRST_FOLLOW_UP));
        }
        if (retained24 != null && !followedUpBy(SECOND_FOLLOW_UP, periodEnd)) {
            throw new InvalidInput(field(CohortField.RETAINED_24), "error.cohort.notYet", code(), SECOND_FOLLOW_UP,
                    followedUpFrom(SECOND_FOLLOW_UP));
        }
        notOver(CohortField.RETAINED_12, retained12, housed, "error.cohort.retainedOverHoused");
        notOver(CohortField.RETAINED_24, retained24, housed, "error.cohort.retainedOverHoused");
        if (retained12 != null) {
            notOver(CohortField.RETAINED_24, retained24, retained12, "error.cohort.retained24OverRetained12");
        }
        notOver(CohortField.EVICTIONS, exits(), housed, "error.cohort.exitsOverHoused");
        notOver(CohortField.LEASES_OWN, leasesOwn, housed, "error.cohort.leasesOverHoused");
    }

    private void notOver(CohortField f, Integer value, int limit, String key) {
        if (value != null && value > limit) {
            throw new InvalidInput(field(f), key, code(), value, limit);
        }
    }

    /** Households that have left so far, in any of the three ways (empty counts as none). */
    public int exits() {
        return zero(movedOn) + zero(evictions) + zero(returnedHomeless);
    }

    /**
     * The rules against the same partner's earlier approved report (on a period ending {@code earlierEnd}) that
     * stated this cohort too: once its quarter was over the cohort was complete, so it never grows after that
     * (nor shrinks: the households that moved in stay counted); before, it could only grow. Retention once
     * stated does not change, and what has happened so far (exits, leases taken over) never becomes less.
     */
    public void requireConsistentWith(CohortFigures earlier, LocalDate earlierEnd, String earlierPeriod) {
        if (!earlier.quarter.equals(quarter)) {
            return;
        }
        boolean complete = !earlierEnd.isBefore(quarter.end());
        if (complete && housed > earlier.housed) {
            throw new InvalidInput(field(CohortField.HOUSED), "error.cohort.grows", code(), housed, earlier.housed, earlierPeriod);
        }
        if (housed < earlier.housed) {
            throw new InvalidInput(field(CohortField.HOUSED), "error.cohort.contradicts.housed", code(), housed, earlier.housed,
                    earlierPeriod);
        }
        for (CohortField f : CohortField.values()) {
            Integer now = get(f);
            Integer before = earlier.get(f);
            if (f == CohortField.HOUSED || now == null || before == null) {
                continue;
            }
            boolean contradicts = f.cumulative() ? now < before : !now.equals(before);
            if (contradicts) {
                throw new InvalidInput(field(f), "error.cohort.contradicts." + f.field(), code(), now, before, earlierPeriod);
            }
        }
    }

    private static int zero(Integer n) {
        return n == null ? 0 : n;
    }
}
