package se.iop.account.entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHashTest {

    private static final char[] PASSWORD = "bostad-först-2023".toCharArray();

    @Test
    void theRightPasswordMatches() {
        String hash = PasswordHash.of(PASSWORD);
        assertTrue(PasswordHash.matches("bostad-först-2023".toCharArray(), hash));
    }

    @Test
    void aWrongPasswordDoesNot() {
        String hash = PasswordHash.of(PASSWORD);
        assertFalse(PasswordHash.matches("bostad-först-2024".toCharArray(), hash));
        assertFalse(PasswordHash.matches("Bostad-först-2023".toCharArray(), hash));
        assertFalse(PasswordHash.matches(new char[0], hash));
        assertFalse(PasswordHash.matches(null, hash));
        assertFalse(PasswordHash.matches(PASSWORD, null));
    }

    @Test
    void isStoredAsAlgorithmIterationsSaltAndHash() {
        String hash = PasswordHash.of(PASSWORD);
        assertTrue(hash.matches("pbkdf2-sha256\\$210000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), hash);
        assertFalse(hash.contains("bostad"));
    }

    @Test
    void aTestServersSettingLowersTheCountOfNewHashesOnlyAndNeverBelowAThousand() {
        String before = PasswordHash.of(PASSWORD);
        try {
            System.setProperty("iop.password.iterations", "1000");
            String cheap = PasswordHash.of(PASSWORD);
            assertTrue(cheap.startsWith("pbkdf2-sha256$1000$"), cheap);
            assertTrue(PasswordHash.matches(PASSWORD, cheap));
            assertTrue(PasswordHash.matches(PASSWORD, before), "a hash keeps its own count");
            System.setProperty("iop.password.iterations", "10");
            assertTrue(PasswordHash.of(PASSWORD).startsWith("pbkdf2-sha256$1000$"));
        } finally {
            System.clearProperty("iop.password.iterations");
        }
        assertTrue(PasswordHash.of(PASSWORD).startsWith("pbkdf2-sha256$210000$"));
    }

    @Test
    void eachHashHasItsOwnSalt() {
        String first = PasswordHash.of(PASSWORD);
        String second = PasswordHash.of(PASSWORD);
        assertNotEquals(first, second);
        assertTrue(PasswordHash.matches(PASSWORD, first));
        assertTrue(PasswordHash.matches(PASSWORD, second));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain-text-password", "pbkdf2-sha256$210000$c2FsdA", "md5$1$c2FsdA$aGFzaA",
            "pbkdf2-sha256$many$c2FsdA$aGFzaA", "pbkdf2-sha256$0$c2FsdA$aGFzaA", "pbkdf2-sha256$-5$c2FsdA$aGFzaA",
            "pbkdf2-sha256$1000$not base64!$aGFzaA", "pbkdf2-sha256$1000$$aGFzaA", "pbkdf2-sha256$1000$c2FsdA$"})
    void aDamagedStoredHashMatchesNothing(String stored) {
        assertFalse(PasswordHash.matches(PASSWORD, stored));
    }

    @Test
    void generatedPasswordsAreLongAndUnambiguous() {
        String generated = PasswordHash.generatePassword();
        assertEquals(16, generated.length());
        assertTrue(generated.matches("[a-hjkmnp-zA-HJ-NP-Z2-9]{16}"), generated);
        assertNotEquals(generated, PasswordHash.generatePassword());
    }
}
