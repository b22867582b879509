package se.iop.account.security;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignInStateTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    @BeforeAll
    static void key() {
        System.setProperty("iop.identity.key", "unit-test-identity-key-0123456789abcdef");
    }

    @AfterAll
    static void noKey() {
        System.clearProperty("iop.identity.key");
    }

    @Test
    void comesBackAsItWasMadeUntilItExpires() {
        SignInState s = SignInState.start("staff", "/agreements/view.xhtml?id=7", NOW);
        SignInState read = SignInState.read(s.cookieValue(), NOW.plusSeconds(599)).orElseThrow();
        assertEquals(s, read);
        assertTrue(read.answers("staff", s.state()));
        assertFalse(read.answers("eid", s.state()), "an answer for another provider");
        assertFalse(read.answers("staff", s.state() + "x"));
        assertFalse(read.answers("staff", null));
        assertTrue(SignInState.read(s.cookieValue(), NOW.plus(SignInState.LIFETIME)).isEmpty(), "expired");
    }

    @Test
    void anyChangeToTheCookieIsRefused() {
        String value = SignInState.start("staff", "/", NOW).cookieValue();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String changed = value.substring(0, i) + (c == 'A' ? 'B' : 'A') + value.substring(i + 1);
            assertTrue(SignInState.read(changed, NOW).isEmpty(), "changed at " + i);
        }
        assertTrue(SignInState.read(null, NOW).isEmpty());
        assertTrue(SignInState.read("", NOW).isEmpty());
        assertTrue(SignInState.read("no-mac", NOW).isEmpty());
    }

    @Test
    void eachStartIsNewAndTheChallengeIsS256OfTheVerifier() throws Exception {
        SignInState a = SignInState.start("staff", "/", NOW);
        SignInState b = SignInState.start("staff", "/", NOW);
        assertNotEquals(a.state(), b.state());
        assertNotEquals(a.nonce(), b.nonce());
        assertNotEquals(a.verifier(), b.verifier());
        assertTrue(a.verifier().length() >= 43, "RFC 7636: 43 to 128 characters");
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(a.verifier().getBytes(StandardCharsets.US_ASCII));
        assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(digest), a.challenge());
    }
}
