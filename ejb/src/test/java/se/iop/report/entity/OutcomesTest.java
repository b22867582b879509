package se.iop.report.entity;

import org.junit.jupiter.api.Test;
import se.iop.common.InvalidInput;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OutcomesTest {

    @Test
    void keepsEveryCountByItsMeasure() {
        Map<Measure, Integer> counts = new EnumMap<>(Measure.class);
        int n = 0;
        for (Measure m : Measure.values()) {
            counts.put(m, n++);
        }
        counts.put(Measure.TENANCIES_6_KEPT, 2);
        counts.put(Measure.TENANCIES_12_KEPT, 4);
        Outcomes o = Outcomes.of(counts);
        assertEquals(counts, o.asMap());
        assertEquals(Optional.empty(), o.missing());
    }

    @Test
    void refusesNegativeOrHugeCountsNamingTheField() {
        assertEquals("evictions", assertThrows(InvalidInput.class, () -> Outcomes.of(Map.of(Measure.EVICTIONS, -1))).field());
        assertEquals("peopleInContact", assertThrows(InvalidInput.class,
                () -> Outcomes.of(Map.of(Measure.PEOPLE_IN_CONTACT, Outcomes.MAX + 1))).field());
    }

    @Test
    void noMoreTenanciesKeptThanWereDue() {
        assertEquals("tenancies12Kept", assertThrows(InvalidInput.class, () -> Outcomes.of(Map.of(
                Measure.TENANCIES_12_DUE, 5, Measure.TENANCIES_12_KEPT, 6))).field());
        assertEquals("tenancies6Kept", assertThrows(InvalidInput.class, () -> Outcomes.of(Map.of(
                Measure.TENANCIES_6_DUE, 0, Measure.TENANCIES_6_KEPT, 1))).field());
    }

    @Test
    void aDraftMayLackCountsButSubmissionNamesTheFirstMissing() {
        Outcomes partial = Outcomes.of(Map.of(Measure.PEOPLE_IN_CONTACT, 10));
        assertEquals(Optional.of(Measure.HOUSEHOLDS_HOUSED), partial.missing());
        Map<Measure, Integer> all = new EnumMap<>(Partnership.all(3).asMap());
        all.put(Measure.SHELTER_NIGHTS_AVOIDED, null);
        assertEquals(Optional.empty(), Outcomes.of(all).missing(), "shelter nights only where known");
    }

    @Test
    void retentionIsTheShareKept() {
        Outcomes o = Outcomes.of(Map.of(Measure.TENANCIES_12_DUE, 9, Measure.TENANCIES_12_KEPT, 7,
                Measure.TENANCIES_6_DUE, 10, Measure.TENANCIES_6_KEPT, 9));
        assertEquals(new BigDecimal("77.8"), o.retention12());
        assertEquals(new BigDecimal("90.0"), o.retention6());
        assertNull(Outcomes.of(Map.of(Measure.TENANCIES_12_DUE, 0, Measure.TENANCIES_12_KEPT, 0)).retention12());
        assertNull(Outcomes.none().retention12());
    }

    @Test
    void smallCountsAreHiddenBeyondThePartner() {
        assertEquals("< 3", SmallCounts.shown(0));
        assertEquals("< 3", SmallCounts.shown(1));
        assertEquals("< 3", SmallCounts.shown(2));
        assertEquals("3", SmallCounts.shown(3));
        assertEquals("17", SmallCounts.shown(17));
        assertEquals("–", SmallCounts.shown(null));
        assertNull(SmallCounts.orNull(2));
        assertEquals(3, SmallCounts.orNull(3));
        assertNull(SmallCounts.share(2, 2), "two of two would single them out");
        assertEquals(new BigDecimal("66.7"), SmallCounts.share(2, 3));
        assertNull(SmallCounts.share(1, null));
    }
}
