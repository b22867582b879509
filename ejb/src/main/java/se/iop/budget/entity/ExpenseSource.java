package se.iop.budget.entity;

/** Who put a cost in: finance staff, the partner itself, or an import from the accounting system. */
public enum ExpenseSource {
    FINANCE, PARTNER, IMPORT
}
