package se.iop.web;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionLifetimeTest {

    private static final Instant LOGIN = Instant.parse("2026-12-03T08:00:00Z");

    @Test
    void aSessionEndsAtItsMaximumLifetimeHoweverBusy() {
        Duration ten = Duration.ofHours(10);
        assertFalse(SessionLifetime.over(LOGIN, LOGIN, ten));
        assertFalse(SessionLifetime.over(LOGIN, LOGIN.plus(ten).minusSeconds(1), ten));
        assertTrue(SessionLifetime.over(LOGIN, LOGIN.plus(ten), ten));
        assertTrue(SessionLifetime.over(LOGIN, LOGIN.plus(Duration.ofDays(3)), ten));
    }

    @Test
    void theDefaultsAndTheSettings() {
        assertEquals(Duration.ofMinutes(30), SessionLifetime.idle());
        assertEquals(Duration.ofHours(10), SessionLifetime.maximum());
        System.setProperty("iop.session.idleMinutes", "15");
        System.setProperty("iop.session.maxHours", "0");
        try {
            assertEquals(Duration.ofMinutes(15), SessionLifetime.idle());
            assertEquals(Duration.ofHours(1), SessionLifetime.maximum(), "at least an hour");
            System.setProperty("iop.session.maxHours", "many");
            assertEquals(Duration.ofHours(10), SessionLifetime.maximum(), "not a number: the default");
        } finally {
            System.clearProperty("iop.session.idleMinutes");
            System.clearProperty("iop.session.maxHours");
        }
    }
}
