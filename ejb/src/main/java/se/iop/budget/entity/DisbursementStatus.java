package se.iop.budget.entity;

/** A payment to a partner: planned, approved (money reserved), paid; or cancelled before it was paid. */
public enum DisbursementStatus {
    PLANNED, APPROVED, PAID, CANCELLED;

    /** Approved and paid money counts against the allocation. */
    public boolean committed() {
        return this == APPROVED || this == PAID;
    }
}
