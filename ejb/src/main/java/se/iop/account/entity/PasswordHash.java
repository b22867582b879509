package se.iop.account.entity;

import se.iop.common.Settings;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * PBKDF2-HMAC-SHA256 password hashes, stored as {@code pbkdf2-sha256$iterations$salt$hash}
 * (Base64). The iteration count follows OWASP's current advice and is kept in each hash, so it can
 * be raised later without invalidating old ones.
 */
public final class PasswordHash {

    /** OWASP's advice for PBKDF2-HMAC-SHA256: what every new hash gets unless {@link #iterations()} says less. */
    static final int DEFAULT_ITERATIONS = 210_000;
    /** Below this a hash protects nothing worth the name; a smaller setting is raised to it. */
    static final int MIN_ITERATIONS = 1_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final String PREFIX = "pbkdf2-sha256";
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * Stored for an account that has no password (made by an invitation: it signs in through an identity
     * provider). No password matches it, after as much work as a wrong one takes.
     */
    public static final String NONE = "none";

    private PasswordHash() {
    }

    public static String of(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        int iterations = iterations();
        return format(iterations, salt, derive(password, salt, iterations));
    }

    /**
     * The count new hashes get: {@code IOP_PASSWORD_ITERATIONS} ({@code iop.password.iterations}), 210 000 when
     * unset. Only for servers whose passwords guard nothing: the test servers, whose clients send HTTP Basic with
     * every request, set 1 000, so that a request costs what the test asks and not 60 ms of hashing. A hash keeps its
     * own count, so a server given the default again still opens accounts hashed with less.
     */
    static int iterations() {
        return (int) Math.min(Integer.MAX_VALUE, Settings.number("iop.password.iterations", "IOP_PASSWORD_ITERATIONS",
                DEFAULT_ITERATIONS, MIN_ITERATIONS));
    }

    /** Hashes as a login would, for a name that has no account: the answer takes as long as a real one. */
    public static void spendTheSameTime(char[] password) {
        matches(password, Dummy.HASH);
    }

    private static final class Dummy {
        static final String HASH = of("no account has this password".toCharArray());
    }

    public static boolean matches(char[] password, String stored) {
        if (password == null || stored == null) {
            return false;
        }
        if (NONE.equals(stored)) {
            // As long as a wrong password takes: the answer must not tell that the account has none.
            spendTheSameTime(password);
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            return false;
        }
        // A damaged stored hash refuses the login instead of failing it with an error.
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            if (iterations < 1 || salt.length == 0 || expected.length == 0) {
                return false;
            }
            return MessageDigest.isEqual(expected, derive(password, salt, iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String format(int iterations, byte[] salt, byte[] hash) {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17 runtime", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** A random password for a first administrator, readable and typeable. */
    public static String generatePassword() {
        String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
