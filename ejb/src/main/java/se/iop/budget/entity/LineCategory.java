package se.iop.budget.entity;

/**
 * What a budget line pays for, with the account (kontonummer) costs are booked on by default when
 * exported to the accounting system; a line may name another account.
 */
public enum LineCategory {
    STAFF("5010"),
    HOUSING("5220"),
    SUPPORT_ACTIVITIES("6990"),
    ADMINISTRATION("6110"),
    OTHER("6990");

    private final String defaultAccount;

    LineCategory(String defaultAccount) {
        this.defaultAccount = defaultAccount;
    }

    public String defaultAccount() {
        return defaultAccount;
    }
}
