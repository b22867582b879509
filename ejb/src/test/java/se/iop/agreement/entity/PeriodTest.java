package se.iop.agreement.entity;

import org.junit.jupiter.api.Test;
import se.iop.common.InvalidInput;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeriodTest {

    private static final LocalDate START = LocalDate.of(2023, 10, 1);
    private static final LocalDate END = LocalDate.of(2025, 12, 31);

    @Test
    void keepsItsEnds() {
        Period p = Period.of(START, END);
        assertEquals(START, p.start());
        assertEquals(END, p.end());
    }

    @Test
    void aSingleDayIsAPeriod() {
        Period p = Period.of(START, START);
        assertTrue(p.contains(START));
        assertFalse(p.contains(START.plusDays(1)));
    }

    @Test
    void refusesAnEndBeforeTheStart() {
        InvalidInput e = assertThrows(InvalidInput.class, () -> Period.of(END, START));
        assertEquals("endDate", e.field());
        assertEquals("error.period.endBeforeStart", e.key());
    }

    @Test
    void eitherEndMayBeOpen() {
        assertNull(Period.of(null, END).start());
        assertNull(Period.of(START, null).end());
        Period open = Period.open();
        assertNull(open.start());
        assertNull(open.end());
        assertEquals(Period.open(), Period.of(null, null));
    }

    @Test
    void containsItsEndsAndWhatLiesBetween() {
        Period p = Period.of(START, END);
        assertTrue(p.contains(START));
        assertTrue(p.contains(END));
        assertTrue(p.contains(LocalDate.of(2024, 6, 1)));
        assertFalse(p.contains(START.minusDays(1)));
        assertFalse(p.contains(END.plusDays(1)));
    }

    @Test
    void openEndsReachAsFarAsNeeded() {
        assertTrue(Period.of(START, null).contains(LocalDate.of(2999, 1, 1)));
        assertFalse(Period.of(START, null).contains(START.minusDays(1)));
        assertTrue(Period.of(null, END).contains(LocalDate.of(1900, 1, 1)));
        assertTrue(Period.open().contains(START));
    }

    @Test
    void equalityIsByValue() {
        assertEquals(Period.of(START, END), Period.of(START, END));
        assertEquals(Period.of(START, END).hashCode(), Period.of(START, END).hashCode());
        assertNotEquals(Period.of(START, END), Period.of(START, null));
        assertEquals("2023-10-01 – 2025-12-31", Period.of(START, END).toString());
    }
}
