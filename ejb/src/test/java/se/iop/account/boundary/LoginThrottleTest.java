package se.iop.account.boundary;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginThrottleTest {

    @Test
    void attemptsBelowTheLimitNeverWait() {
        for (int failures = 0; failures < 5; failures++) {
            assertEquals(Duration.ZERO, LoginThrottle.waitAfter(failures, 5));
        }
    }

    @Test
    void fromTheLimitOnTheWaitDoublesWithEachFailureUpToAQuarterOfAnHour() {
        assertEquals(Duration.ofSeconds(5), LoginThrottle.waitAfter(5, 5));
        assertEquals(Duration.ofSeconds(10), LoginThrottle.waitAfter(6, 5));
        assertEquals(Duration.ofSeconds(20), LoginThrottle.waitAfter(7, 5));
        assertEquals(Duration.ofSeconds(640), LoginThrottle.waitAfter(12, 5));
        assertEquals(Duration.ofMinutes(15), LoginThrottle.waitAfter(13, 5));
        assertEquals(Duration.ofMinutes(15), LoginThrottle.waitAfter(70, 5), "no overflow after many doublings");
        assertEquals(Duration.ofMinutes(15), LoginThrottle.waitAfter(Integer.MAX_VALUE, 20));
        Duration before = Duration.ZERO;
        for (int failures = 20; failures < 60; failures++) {
            Duration wait = LoginThrottle.waitAfter(failures, 20);
            assertTrue(wait.compareTo(before) >= 0, "never shorter after another failure");
            before = wait;
        }
    }

    @Test
    void aLongTypedNameIsCountedUnderAKeyThatFitsItsColumn() {
        assertTrue(LoginThrottle.nameKey("x".repeat(5000)).length() <= 320);
        assertTrue(LoginThrottle.addressKey("2001:0db8:85a3:0000:0000:8a2e:0370:7334").length() <= 320);
    }

    @Test
    void theLimitsHaveDefaultsAndCanBeSet() {
        assertEquals(5, LoginThrottle.nameLimit());
        assertEquals(20, LoginThrottle.addressLimit());
        System.setProperty("iop.login.addressLimit", "3");
        try {
            assertEquals(3, LoginThrottle.addressLimit());
            System.setProperty("iop.login.addressLimit", "none");
            assertEquals(20, LoginThrottle.addressLimit(), "a setting that is no number keeps the default");
        } finally {
            System.clearProperty("iop.login.addressLimit");
        }
    }
}
