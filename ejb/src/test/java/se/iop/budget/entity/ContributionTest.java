package se.iop.budget.entity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.iop.common.InvalidInput;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ContributionTest {

    private static Contribution hours(String hours) {
        return new Contribution(null, null, ContributionKind.VOLUNTEER_HOURS, "Volontärer", new BigDecimal("1000"),
                new BigDecimal(hours));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.01", "600", "600.5", Contribution.HOURS_MAX})
    void hoursAreKeptAsTheColumnHoldsThem(String hours) {
        assertEquals(new BigDecimal(hours).setScale(2), hours(hours).hours());
    }

    @ParameterizedTest
    @ValueSource(strings = {"100000000", "1e308", "-99999999999.999", "600.125", "1E-7"})
    void hoursTheColumnCannotHoldAreRefusedNamingTheField(String hours) {
        InvalidInput e = assertThrows(InvalidInput.class, () -> hours(hours));
        assertEquals("hours", e.field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1"})
    void volunteerHoursMustBeThere(String hours) {
        assertEquals("hours", assertThrows(InvalidInput.class, () -> hours(hours)).field());
    }
}
