package se.iop.common;

import java.math.BigDecimal;

/** Amounts in SEK: numeric(14,2) in the database, never more than two decimals, never floating point. */
public final class Money {

    /** The largest amount: twelve digits before the decimal point, as numeric(14,2) holds. */
    public static final String MAX = "999999999999.99";
    /** The smallest step of an amount, one öre. */
    public static final double STEP = 0.01;

    private static final BigDecimal LIMIT = new BigDecimal(MAX);

    private Money() {
    }

    /** An optional amount that, when given, is zero or more with at most two decimals. */
    public static BigDecimal optionalNonNegative(String field, BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        if (amount.signum() < 0) {
            throw new InvalidInput(field, "error.money.negative");
        }
        return checked(field, amount);
    }

    /** A required amount above zero with at most two decimals. */
    public static BigDecimal positive(String field, BigDecimal amount) {
        if (amount == null) {
            throw new InvalidInput(field, "error.required");
        }
        if (amount.signum() <= 0) {
            throw new InvalidInput(field, "error.money.notPositive");
        }
        return checked(field, amount);
    }

    /** At most two decimals and within numeric(14,2), whatever the sign; {@link Amount} checks what it reads here too. */
    static BigDecimal checked(String field, BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() > 2) {
            throw new InvalidInput(field, "error.money.decimals");
        }
        if (amount.abs().compareTo(LIMIT) > 0) {
            throw new InvalidInput(field, "error.money.tooLarge");
        }
        return amount.setScale(2);
    }
}
