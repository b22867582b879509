package se.iop.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.iop.budget.boundary.BudgetSummary;
import se.iop.report.control.SwedishFormat;
import se.iop.report.entity.Outcomes;

import java.math.BigDecimal;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PercentTest {

    private static final Locale SV = Locale.forLanguageTag("sv-SE");

    /** part, whole, share: one decimal, half up (HALF_EVEN gave 12,2 for 49 of 400 and 0,2 for 1 of 400). */
    @ParameterizedTest
    @CsvSource({
            "1, 8, 12.5",
            "49, 400, 12.3",
            "1, 400, 0.3",
            "1, 3, 33.3",
            "2, 3, 66.7",
            "0, 5, 0.0",
            "5, 5, 100.0",
            "9, 8, 112.5",
            "1234567.89, 1700000.00, 72.6"})
    void aShareHasOneDecimalRoundedHalfUp(String part, String whole, String share) {
        assertEquals(new BigDecimal(share), Percent.of(new BigDecimal(part), new BigDecimal(whole)));
    }

    @Test
    void noWholeNoShare() {
        assertNull(Percent.of(BigDecimal.ONE, BigDecimal.ZERO));
        assertNull(Percent.of(null, BigDecimal.TEN));
        assertNull(Percent.of(BigDecimal.ONE, null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "12.5    | 12,5\u00a0%       | 12.5%",
            "12      | 12,0\u00a0%       | 12.0%",
            "12.25   | 12,3\u00a0%       | 12.3%",
            "0       | 0,0\u00a0%        | 0.0%",
            "100.0   | 100,0\u00a0%      | 100.0%",
            "1234.5  | 1\u00a0234,5\u00a0% | 1,234.5%",
            "-3.5    | -3,5\u00a0%       | -3.5%"})
    void isWrittenAsTheLanguageWritesIt(String value, String swedish, String english) {
        assertEquals(swedish, Percent.format(new BigDecimal(value), SV));
        assertEquals(english, Percent.format(new BigDecimal(value), Locale.ENGLISH));
        assertEquals(swedish, Percent.format(new BigDecimal(value), null), "Swedish first");
    }

    @Test
    void noneIsADash() {
        assertEquals("–", Percent.format(null, SV));
        assertEquals("–", Percent.format(null, Locale.ENGLISH));
    }

    /** The budget figures, the outcome shares and the committee paper all come to the same figure. */
    @Test
    void everyCallerComputesAndWritesTheSame() {
        BigDecimal z = BigDecimal.ZERO.setScale(2);
        BudgetSummary.Figures f = BudgetSummary.Figures.of(1L, null, "Fas 1", null, new BigDecimal("400.00"),
                z, z, z, new BigDecimal("49.00"), null, null);
        assertEquals(new BigDecimal("12.3"), f.percentUsed());
        assertEquals(new BigDecimal("12.3"), Outcomes.percent(49, 400));
        assertEquals("12,3 %", SwedishFormat.percent(f.percentUsed()), "the paper prints a plain space");
        assertEquals("–", SwedishFormat.percent(null));
    }
}
