package se.iop.common;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.common.MailClaim.State.ENDING;
import static se.iop.common.MailClaim.State.FREE;
import static se.iop.common.MailClaim.State.HELD;
import static se.iop.common.MailClaim.State.LAPSED;
import static se.iop.common.MailClaim.State.UNCERTAIN;

/** The states of a mail row's claim: who may take it, and which one only an administrator may send again. */
class MailClaimTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);

    /** As {@link MailClaim#markEnding}'s statement leaves the row: ending at {@code at}, the lease renewed. */
    private static void ending(MailClaim c, Instant at) throws ReflectiveOperationException {
        Field endingAt = MailClaim.class.getDeclaredField("endingAt");
        Field until = MailClaim.class.getDeclaredField("claimedUntil");
        endingAt.setAccessible(true);
        until.setAccessible(true);
        endingAt.set(c, at);
        until.set(c, at.plus(LEASE));
    }

    @Test
    void aRowWithoutAClaimIsFreeAndTakenForOneLease() {
        MailClaim c = MailClaim.of(null);
        assertEquals(FREE, c.state(T0));
        String id = c.take(T0, LEASE);
        assertNotNull(id);
        assertTrue(c.is(id));
        assertFalse(c.is(null));
        assertFalse(c.is("another"));
        assertEquals(HELD, c.state(T0.plus(LEASE).minusMillis(1)));
        assertNull(c.take(T0.plusSeconds(1), LEASE), "held: nobody else takes it");
        assertSame(c, MailClaim.of(c));
    }

    @Test
    void aClaimWhoseWorkerDiedBeforeTheEndLapsesAndIsTakenAgainAsBefore() {
        MailClaim c = MailClaim.of(null);
        String first = c.take(T0, LEASE);
        assertEquals(LAPSED, c.state(T0.plus(LEASE)));
        assertFalse(c.uncertain(T0.plus(LEASE)), "the server keeps nothing of a message without its end");
        String second = c.take(T0.plus(LEASE), LEASE);
        assertNotNull(second);
        assertNotEquals(first, second);
        assertFalse(c.is(first), "the first worker may no longer mark it");
    }

    @Test
    void anEndingClaimIsNeverTakenAgainAndIsUncertainOnceItsLeaseRunsOut() throws Exception {
        MailClaim c = MailClaim.of(null);
        String id = c.take(T0, LEASE);
        Instant end = T0.plusSeconds(10);
        ending(c, end);
        assertTrue(c.ending());
        assertTrue(c.is(id), "still its worker's, to mark sent or failed");
        assertEquals(ENDING, c.state(end.plusSeconds(1)));
        assertFalse(c.uncertain(end.plusSeconds(1)));
        assertNull(c.take(end.plusSeconds(1), LEASE));
        assertEquals(UNCERTAIN, c.state(end.plus(LEASE)));
        assertTrue(c.uncertain(end.plus(LEASE)));
        assertNull(c.take(end.plus(LEASE), LEASE), "may have arrived: no worker sends it again");
        assertNull(c.take(end.plus(Duration.ofDays(30)), LEASE), "ever");
    }

    @Test
    void onlyAnUncertainClaimIsSentAgainAndOnlyOnce() throws Exception {
        MailClaim c = MailClaim.of(null);
        assertThrows(StateConflict.class, () -> c.sendAgain(T0), "free");
        c.take(T0, LEASE);
        assertThrows(StateConflict.class, () -> c.sendAgain(T0.plusSeconds(1)), "held");
        assertThrows(StateConflict.class, () -> c.sendAgain(T0.plus(LEASE)), "lapsed: the workers retry it");
        c.take(T0.plus(LEASE), LEASE);
        Instant end = T0.plus(LEASE).plusSeconds(1);
        ending(c, end);
        assertThrows(StateConflict.class, () -> c.sendAgain(end.plusSeconds(1)), "ending: its worker still lives");
        Instant later = end.plus(LEASE);
        assertEquals(end, c.sendAgain(later));
        assertEquals(FREE, c.state(later));
        assertFalse(c.ending());
        assertNull(c.endingAt());
        assertThrows(StateConflict.class, () -> c.sendAgain(later), "once");
        assertNotNull(c.take(later, LEASE), "mailed again like any other");
    }

    @Test
    void theQueriesOfTheStatesSayTheSameAsTheRules() {
        assertEquals("(d.claim.claimedUntil is null or d.claim.claimedUntil <= :now) and d.claim.endingAt is null",
                MailClaim.takeable("d"));
        assertEquals("(r.claim.endingAt is not null and r.claim.claimedUntil <= :now)", MailClaim.uncertain("r"));
    }
}
