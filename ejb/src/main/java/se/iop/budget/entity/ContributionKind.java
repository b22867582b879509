package se.iop.budget.entity;

/** How a party co-finances the partnership: money, premises, volunteer hours, or something else of value. */
public enum ContributionKind {
    MONEY, PREMISES, VOLUNTEER_HOURS, OTHER_IN_KIND;

    public boolean inKind() {
        return this != MONEY;
    }
}
