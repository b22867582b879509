package se.iop.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MoneyTest {

    private static void refused(String key, org.junit.jupiter.api.function.Executable action) {
        InvalidInput e = assertThrows(InvalidInput.class, action);
        assertEquals("amount", e.field());
        assertEquals(key, e.key());
    }

    @Test
    void anOptionalAmountMayBeMissingOrZero() {
        assertNull(Money.optionalNonNegative("amount", null));
        assertEquals(new BigDecimal("0.00"), Money.optionalNonNegative("amount", BigDecimal.ZERO));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.01", "-1", "-1700000"})
    void isNeverNegative(String amount) {
        refused("error.money.negative", () -> Money.optionalNonNegative("amount", new BigDecimal(amount)));
        refused("error.money.notPositive", () -> Money.positive("amount", new BigDecimal(amount)));
    }

    @Test
    void aPositiveAmountIsAboveZeroAndRequired() {
        refused("error.money.notPositive", () -> Money.positive("amount", BigDecimal.ZERO));
        refused("error.money.notPositive", () -> Money.positive("amount", new BigDecimal("0.00")));
        refused("error.required", () -> Money.positive("amount", null));
        assertEquals(new BigDecimal("0.01"), Money.positive("amount", new BigDecimal("0.01")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.001", "1.005", "850000.125", "1E-3"})
    void hasAtMostTwoDecimals(String amount) {
        refused("error.money.decimals", () -> Money.optionalNonNegative("amount", new BigDecimal(amount)));
        refused("error.money.decimals", () -> Money.positive("amount", new BigDecimal(amount)));
    }

    @Test
    void trailingZerosAreNotDecimals() {
        assertEquals(new BigDecimal("1.50"), Money.positive("amount", new BigDecimal("1.500000")));
        assertEquals(new BigDecimal("1700000.00"), Money.positive("amount", new BigDecimal("1.7E+6")));
        assertEquals(new BigDecimal("850000.00"), Money.positive("amount", new BigDecimal("850000")));
    }

    @Test
    void fitsTwelveDigitsBeforeTheDecimalPoint() {
        assertEquals(new BigDecimal("999999999999.99"),
                Money.positive("amount", new BigDecimal("999999999999.99")));
        assertEquals(new BigDecimal(Money.MAX), Money.optionalNonNegative("amount", new BigDecimal(Money.MAX)));
        refused("error.money.tooLarge", () -> Money.positive("amount", new BigDecimal(Money.MAX).add(BigDecimal.valueOf(Money.STEP))));
        refused("error.money.tooLarge", () -> Money.positive("amount", new BigDecimal("1000000000000")));
        refused("error.money.tooLarge", () -> Money.optionalNonNegative("amount", new BigDecimal("1E+20")));
    }

    @Test
    void namesTheFieldItWasGiven() {
        InvalidInput e = assertThrows(InvalidInput.class,
                () -> Money.optionalNonNegative("contributionAmount", new BigDecimal("-5")));
        assertEquals("contributionAmount", e.field());
    }
}
