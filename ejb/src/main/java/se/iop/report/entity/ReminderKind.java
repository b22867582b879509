package se.iop.report.entity;

/**
 * What a reminder is about: an activity report of a quarter (its period a quarter's code, such as 2025-Q1) or the
 * fidelity self-assessment of a year (its period the year, such as 2025). Both go through one queue and one mailer.
 */
public enum ReminderKind {
    REPORT, FIDELITY
}
