package se.iop.account.security;

import se.iop.account.entity.SubjectHash;
import se.iop.common.Secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * What a sign-in through a provider must remember between sending the browser there and its coming back:
 * the provider, the {@code state} and {@code nonce} sent, the PKCE verifier, and the page to show after.
 * Kept in a short-lived cookie under a MAC ({@link SubjectHash#mac}), not in a session: no session is made
 * before a login, so a flood of sign-in starts costs the server no memory, and any node can finish it.
 */
record SignInState(String provider, String state, String nonce, String verifier, String returnTo, Instant expires) {

    static final String COOKIE = "IOP_SIGNIN";
    /** Long enough to type a password and open a BankID app; a sign-in left longer starts again. */
    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final String PURPOSE = "signin";

    static SignInState start(String provider, String returnTo, Instant now) {
        return new SignInState(provider, Secrets.random(24), Secrets.random(24), Secrets.random(32), returnTo,
                now.plus(LIFETIME));
    }

    /** The PKCE challenge of the verifier (S256). */
    String challenge() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The cookie's value: the fields in base64url, then the MAC over them. */
    String cookieValue() {
        String payload = String.join("|", encode(provider), state, nonce, verifier, encode(returnTo),
                Long.toString(expires.getEpochSecond()));
        return payload + "." + SubjectHash.mac(PURPOSE, payload);
    }

    /** The state in a cookie value, when it is one this server made, unchanged and not expired. */
    static Optional<SignInState> read(String value, Instant now) {
        if (value == null) {
            return Optional.empty();
        }
        int dot = value.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String payload = value.substring(0, dot);
        if (!MessageDigest.isEqual(SubjectHash.mac(PURPOSE, payload).getBytes(StandardCharsets.US_ASCII),
                value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        String[] f = payload.split("\\|", -1);
        if (f.length != 6) {
            return Optional.empty();
        }
        try {
            SignInState s = new SignInState(decode(f[0]), f[1], f[2], f[3], decode(f[4]),
                    Instant.ofEpochSecond(Long.parseLong(f[5])));
            return now.isBefore(s.expires) ? Optional.of(s) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether the {@code state} the provider sent back is the one sent, for this provider. */
    boolean answers(String providerId, String returnedState) {
        return provider.equals(providerId) && returnedState != null
                && MessageDigest.isEqual(state.getBytes(StandardCharsets.US_ASCII), returnedState.getBytes(StandardCharsets.US_ASCII));
    }

    private static String encode(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String s) {
        return new String(Base64.getUrlDecoder().decode(s), StandardCharsets.UTF_8);
    }
}
