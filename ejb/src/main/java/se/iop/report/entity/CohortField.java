package se.iop.report.entity;

/**
 * The figures of an intake cohort ({@link CohortFigures}). A cumulative figure counts what has happened so
 * far and can only grow from one report to the next; retention is a fact stated once the cohort has lived
 * that long in its homes, and stays as stated.
 */
public enum CohortField {
    HOUSED("housed", false),
    RETAINED_12("retained12", false),
    RETAINED_24("retained24", false),
    MOVED_ON("movedOn", true),
    EVICTIONS("evictions", true),
    RETURNED_HOMELESS("returnedHomeless", true),
    LEASES_OWN("leasesOwn", true);

    private final String field;
    private final boolean cumulative;

    CohortField(String field, boolean cumulative) {
        this.field = field;
        this.cumulative = cumulative;
    }

    /** The name of the input field and of the JSON member. */
    public String field() {
        return field;
    }

    public boolean cumulative() {
        return cumulative;
    }
}
