package se.iop.account.entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.iop.common.InvalidInput;
import se.iop.common.Secrets;
import se.iop.common.StateConflict;
import se.iop.partner.entity.Organisation;
import se.iop.partner.entity.OrganisationKind;
import se.iop.partner.entity.OrganisationNumber;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An invitation's rules: its link works once, until it expires, and not after it is revoked or sent again; the
 * account made for it has no password and a username made from the address by one rule.
 */
class InvitationTest {

    private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");
    private static final Duration DAYS_14 = Duration.ofDays(14);
    private static final String SUBJECT = Secrets.sha256("staff\nanna");

    private final Organisation stadsmission = new Organisation("Sörmlands Stadsmission",
            OrganisationNumber.of("802003-5120"), OrganisationKind.NON_PROFIT);

    private Account account() {
        Account a = Account.invited("Anna.Berg@Stadsmissionen.se", 1, "Anna Berg");
        a.grant(EnumSet.of(Role.PARTNER), stadsmission);
        return a;
    }

    private Invitation.Issued issue() {
        return Invitation.issue(account(), NOW, DAYS_14, "admin");
    }

    private static Invitation.Refusal refusedAt(Invitation i, Instant at) {
        return assertThrows(InvitationRefused.class, () -> i.accept(at, "staff", SUBJECT)).reason();
    }

    @Test
    void theSecretIs256RandomBitsAndOnlyItsHashOpensIt() {
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            Invitation.Issued issued = issue();
            assertTrue(issued.secret().matches("[A-Za-z0-9_-]{43}"), issued.secret());
            assertTrue(Invitation.wellFormed(issued.secret()));
            assertTrue(issued.invitation().opensWith(issued.secret()));
            assertTrue(secrets.add(issued.secret()), "each secret is new");
        }
        Invitation.Issued issued = issue();
        assertFalse(issued.invitation().opensWith(issue().secret()), "another invitation's secret");
        assertEquals("anna.berg@stadsmissionen.se", issued.invitation().email().toLowerCase());
        assertEquals("admin", issued.invitation().createdBy());
        assertEquals(NOW, issued.invitation().createdAt());
        assertEquals(NOW, issued.invitation().sentAt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+",
            " AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n"})
    void aMalformedSecretIsNoSecret(String text) {
        assertFalse(Invitation.wellFormed(text));
        assertFalse(Invitation.wellFormed(null));
    }

    @Test
    void itWorksUntilItsLastMomentAndThenHasExpired() {
        Invitation i = issue().invitation();
        Instant last = NOW.plus(DAYS_14);
        assertEquals(last, i.expiresAt());
        assertEquals(InvitationState.PENDING, i.state(last.minusNanos(1000)));
        assertEquals(Optional.empty(), i.refusal(last.minusNanos(1000)));
        assertEquals(InvitationState.EXPIRED, i.state(last));
        assertEquals(Optional.of(Invitation.Refusal.EXPIRED), i.refusal(last));
        assertEquals(Invitation.Refusal.EXPIRED, refusedAt(i, last));
        assertNull(i.acceptedAt(), "nothing changed");
    }

    @Test
    void itWorksOnceAndLinksTheSubjectToTheAccount() {
        Invitation i = issue().invitation();
        Instant at = NOW.plus(Duration.ofDays(2));
        AccountIdentity link = i.accept(at, "staff", SUBJECT);
        assertSame(i.account(), link.account());
        assertEquals("staff", link.provider());
        assertEquals(at, link.linkedAt());
        assertEquals(at, i.acceptedAt());
        assertEquals("staff", i.acceptedProvider());
        assertEquals(InvitationState.ACCEPTED, i.state(at));
        assertEquals(InvitationState.ACCEPTED, i.state(at.plus(Duration.ofDays(30))), "used, not expired, later");
        assertEquals(Invitation.Refusal.USED, refusedAt(i, at.plusSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> issue().invitation().accept(at, "Staff IdP", SUBJECT));
        assertThrows(IllegalArgumentException.class, () -> issue().invitation().accept(at, "staff", "not a hash"));
    }

    @Test
    void aRevokedInvitationIsAsUnknownAsAForgedOneAndStaysRevoked() {
        Invitation i = issue().invitation();
        Instant at = NOW.plusSeconds(60);
        i.revoke(at, "handlaggare");
        i.revoke(at.plusSeconds(60), "admin");
        assertEquals(at, i.revokedAt());
        assertEquals("handlaggare", i.revokedBy(), "revoking again changes nothing");
        assertEquals(InvitationState.REVOKED, i.state(at));
        assertEquals(InvitationState.REVOKED, i.state(at.plus(Duration.ofDays(30))), "revoked wins over expired");
        assertEquals(Invitation.Refusal.UNKNOWN, refusedAt(i, at.plusSeconds(1)));
        assertEquals("error.invitation.revoked", assertThrows(StateConflict.class, () -> i.sendAgain(at, DAYS_14)).key());
    }

    @Test
    void anAcceptedInvitationIsNeitherRevokedNorSentAgain() {
        Invitation i = issue().invitation();
        i.accept(NOW.plusSeconds(1), "eid", SUBJECT);
        assertEquals("error.invitation.accepted", assertThrows(StateConflict.class, () -> i.revoke(NOW, "admin")).key());
        assertEquals("error.invitation.accepted", assertThrows(StateConflict.class, () -> i.sendAgain(NOW, DAYS_14)).key());
        assertNull(i.revokedAt());
    }

    @Test
    void sendingAgainKillsTheOldLinkAndStartsTheLifetimeAnew() {
        Invitation.Issued issued = issue();
        Invitation i = issued.invitation();
        Instant later = NOW.plus(Duration.ofDays(20));
        assertEquals(InvitationState.EXPIRED, i.state(later));
        String fresh = i.sendAgain(later, DAYS_14);
        assertNotEquals(issued.secret(), fresh);
        assertFalse(i.opensWith(issued.secret()), "the old link is dead");
        assertTrue(i.opensWith(fresh));
        assertEquals(later, i.sentAt());
        assertEquals(NOW, i.createdAt());
        assertEquals(later.plus(DAYS_14), i.expiresAt());
        assertEquals(InvitationState.PENDING, i.state(later));
    }

    @Test
    void anInactiveAccountsInvitationIsAsUnknown() {
        Invitation i = issue().invitation();
        i.account().deactivate();
        assertEquals(Invitation.Refusal.UNKNOWN, refusedAt(i, NOW.plusSeconds(1)));
    }

    @Test
    void theInvitedAccountHasNoPasswordAndAnyPasswordFailsAsAWrongOne() {
        Account a = account();
        assertEquals("anna.berg@stadsmissionen.se", a.username());
        assertEquals("Anna.Berg@Stadsmissionen.se", a.email());
        assertTrue(a.active());
        for (String typed : new String[] {"", "none", "bostadforst", PasswordHash.NONE, "anna.berg@stadsmissionen.se"}) {
            assertFalse(a.passwordMatches(typed.toCharArray()), typed);
        }
        assertFalse(PasswordHash.matches("none".toCharArray(), PasswordHash.NONE));
    }

    @Test
    void noPasswordTakesAsLongToRefuseAsAWrongOne() {
        Account invited = account();
        Account local = new Account("kim", "Kim", "ett-langt-losenord".toCharArray());
        invited.passwordMatches("warm-up".toCharArray());
        long none = Long.MAX_VALUE;
        long wrong = Long.MAX_VALUE;
        // The quickest of several turns taken alternately: on a busy machine one turn may wait for the CPU, the
        // quickest of each is the work itself (a PBKDF2 of the same iterations, or far less where it is skipped).
        for (int i = 0; i < 7; i++) {
            long t0 = System.nanoTime();
            invited.passwordMatches("fel-losenord".toCharArray());
            long t1 = System.nanoTime();
            local.passwordMatches("fel-losenord".toCharArray());
            long t2 = System.nanoTime();
            none = Math.min(none, t1 - t0);
            wrong = Math.min(wrong, t2 - t1);
        }
        assertTrue(none > wrong / 2, "no password " + none / 1_000_000 + " ms, a wrong one " + wrong / 1_000_000 + " ms");
    }

    @Test
    void theUsernameIsTheAddressInLowerCaseWithASuffixBeforeTheAtOnAClash() {
        assertEquals("anna.berg@nykoping.se", Account.usernameFor("Anna.Berg@Nykoping.se", 1));
        assertEquals("anna.berg-2@nykoping.se", Account.usernameFor("Anna.Berg@Nykoping.se", 2));
        assertEquals("anna.berg-13@nykoping.se", Account.usernameFor(" anna.berg@nykoping.se ", 13));
        assertEquals("o-neill-kim-x@example.se", Account.usernameFor("o'neill+kim!x@example.se", 1), "signs a username takes not");
        String local = "a".repeat(64);
        String domain = "b".repeat(60) + ".example.se";
        String longest = Account.usernameFor(local + "@" + domain, 1);
        assertEquals(100, longest.length());
        assertTrue(longest.startsWith(local + "@"));
        assertTrue(Account.usernameFor(local + "@" + domain, 7).startsWith(local + "-7@"), "the suffix stays");
        for (String bad : new String[] {null, "", "  ", "anna", "anna@", "åsa@nykoping.se"}) {
            InvalidInput e = assertThrows(InvalidInput.class, () -> Account.usernameFor(bad, 1), bad);
            assertEquals("email", e.field());
        }
    }
}
