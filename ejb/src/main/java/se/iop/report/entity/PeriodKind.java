package se.iop.report.entity;

/** How long a reporting period is: a calendar month or a calendar quarter. */
public enum PeriodKind {
    MONTH, QUARTER
}
