package se.iop.account.entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.iop.common.InvalidInput;
import se.iop.common.Secrets;
import se.iop.common.StateConflict;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiTokenTest {

    /** 10:00 in Stockholm on 3 December 2026. */
    private static final Instant NOW = ZonedDateTime.parse("2026-12-03T10:00:00+01:00[Europe/Stockholm]").toInstant();
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    private static final Account ACCOUNT = new Account("integration", "Ekonomisystemet", "bostadforst".toCharArray());

    private static ApiToken.Issued issue(TokenScope scope, LocalDate expiresOn) {
        return ApiToken.issue(ACCOUNT, "Ekonomisystemet", scope, expiresOn, NOW, "admin");
    }

    @Test
    void theSecretIsIopAnd256RandomBitsAndOnlyItsHashAndPrefixAreKept() {
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            ApiToken.Issued issued = issue(null, null);
            String secret = issued.secret();
            assertTrue(secret.matches("iop_[A-Za-z0-9_-]{43}"), secret);
            assertTrue(ApiToken.wellFormed(secret));
            assertEquals(secret.substring(0, 12), issued.token().prefix());
            assertTrue(secrets.add(secret), "each secret is new");
        }
        ApiToken.Issued issued = issue(null, null);
        assertEquals(Secrets.sha256(issued.secret()).length(), 64);
        assertNotEquals(issued.secret(), issued.token().prefix());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "iop_", "iop_abc", "IOP_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "iop_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "iop_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "iop_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "iop_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+",
            "iop_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA ", " iop_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void aMalformedTokenIsNoToken(String text) {
        assertFalse(ApiToken.wellFormed(text));
    }

    @Test
    void nullIsNoToken() {
        assertFalse(ApiToken.wellFormed(null));
    }

    @Test
    void expiresAfterNinetyDaysByDefaultAtTheEndOfTheDayInSweden() {
        ApiToken t = issue(null, null).token();
        assertEquals(TODAY.plusDays(91).atStartOfDay(se.iop.common.Days.SWEDEN).toInstant(), t.expiresAt());
        assertEquals(TokenScope.READ_ONLY, t.scope(), "read-only unless asked otherwise");
    }

    @Test
    void worksThroughItsLastDayAndNotAMomentLonger() {
        ApiToken t = issue(TokenScope.ACCOUNT_ROLES, TODAY.plusDays(10)).token();
        Instant lastMoment = TODAY.plusDays(11).atStartOfDay(se.iop.common.Days.SWEDEN).toInstant().minusMillis(1);
        assertTrue(t.admits(lastMoment));
        assertFalse(t.admits(lastMoment.plusMillis(1)));
        assertEquals(TokenState.EXPIRED, ApiToken.state(null, t.expiresAt(), t.expiresAt()));
        assertEquals(TODAY.plusDays(10), ApiToken.lastDay(t.expiresAt()));
    }

    @Test
    void expiresFromTodayToAYearAhead() {
        assertTrue(issue(null, TODAY).token().admits(NOW));
        issue(null, TODAY.plusDays(365));
        for (LocalDate wrong : new LocalDate[]{TODAY.minusDays(1), TODAY.plusDays(366)}) {
            InvalidInput e = assertThrows(InvalidInput.class, () -> issue(null, wrong));
            assertEquals("expiresOn", e.field());
            assertEquals("error.token.expiry", e.key());
        }
    }

    @Test
    void aRevokedTokenAdmitsNothingAndStaysRevokedByTheFirst() {
        ApiToken t = issue(TokenScope.ACCOUNT_ROLES, null).token();
        t.revoke(NOW.plusSeconds(60), "admin");
        t.revoke(NOW.plusSeconds(120), "other");
        assertFalse(t.admits(NOW.plusSeconds(61)));
        assertEquals("admin", t.revokedBy());
        assertEquals(NOW.plusSeconds(60), t.revokedAt());
        assertEquals(TokenState.REVOKED, ApiToken.state(t.revokedAt(), t.expiresAt(), NOW));
    }

    @Test
    void aDeactivatedAccountGetsNoTokenAndItsTokensStopWorking() {
        Account a = new Account("skript", "Ett skript", "bostadforst".toCharArray());
        ApiToken t = ApiToken.issue(a, "Statistik", null, null, NOW, "admin").token();
        assertTrue(t.admits(NOW));
        a.deactivate();
        assertFalse(t.admits(NOW));
        StateConflict e = assertThrows(StateConflict.class, () -> ApiToken.issue(a, "Ny", null, null, NOW, "admin"));
        assertEquals("accountId", e.field());
    }

    @Test
    void aNameFollowsTheRuleForTypedText() {
        InvalidInput blank = assertThrows(InvalidInput.class, () -> ApiToken.issue(ACCOUNT, " ", null, null, NOW, "admin"));
        assertEquals("name", blank.field());
        assertThrows(InvalidInput.class, () -> ApiToken.issue(ACCOUNT, "Rad\nbrytning", null, null, NOW, "admin"));
    }

    @Test
    void readOnlyLetsOnlyReadsThrough() {
        for (String read : new String[]{"GET", "HEAD"}) {
            assertTrue(TokenScope.READ_ONLY.permits(read));
        }
        for (String write : new String[]{"POST", "PUT", "PATCH", "DELETE", "OPTIONS", "get", "TRACE"}) {
            assertFalse(TokenScope.READ_ONLY.permits(write), write);
            assertTrue(TokenScope.ACCOUNT_ROLES.permits(write), write);
        }
    }

    @Test
    void aScopeIsNamedExactlyAndReadOnlyWhenNoneIsNamed() {
        assertEquals(TokenScope.READ_ONLY, TokenScope.named("scope", null));
        assertEquals(TokenScope.READ_ONLY, TokenScope.named("scope", " "));
        assertEquals(TokenScope.ACCOUNT_ROLES, TokenScope.named("scope", "ACCOUNT_ROLES"));
        for (String wrong : new String[]{"account_roles", "ADMIN", "READ ONLY", "*"}) {
            InvalidInput e = assertThrows(InvalidInput.class, () -> TokenScope.named("scope", wrong));
            assertEquals("scope", e.field());
            assertEquals("error.token.scope", e.key());
        }
    }

    @Test
    void timesAreKeptToTheMicrosecondAsTheDatabaseKeepsThem() {
        ApiToken t = ApiToken.issue(ACCOUNT, "Mikro", null, null, NOW.plusNanos(123_456_789), "admin").token();
        assertEquals(NOW.plusNanos(123_456_000), t.createdAt());
        t.revoke(NOW.plusNanos(987_654_321), "admin");
        assertEquals(NOW.plusNanos(987_654_000), t.revokedAt());
    }

    @Test
    void theLastUseIsWrittenAtMostOnceAMinute() {
        assertTrue(ApiToken.lastUseDue(null, NOW));
        assertFalse(ApiToken.lastUseDue(NOW.minusSeconds(59), NOW));
        assertTrue(ApiToken.lastUseDue(NOW.minusSeconds(60), NOW));
    }
}
