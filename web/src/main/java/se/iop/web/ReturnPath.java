package se.iop.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where a visitor may be sent after logging in: a path of this application only, never another site.
 * The target travels as a request parameter of the login page (no session before login), so it is
 * untrusted text: anything but a short same-origin path is dropped and the start page used instead.
 */
public final class ReturnPath {

    /** Longer targets are not remembered: the login page then leads to the start page. */
    public static final int MAX_LENGTH = 300;

    public static final String START = "/index.xhtml";
    private static final String LOGIN = "/login.xhtml";

    private ReturnPath() {
    }

    /**
     * The target as a path inside the application (without the context path), if it is one:
     * starts with one {@code /}, holds no {@code //}, no backslash, no control character and no
     * scheme, also once percent-decoded (until nothing changes), and is not the login page.
     */
    public static Optional<String> of(String target) {
        if (target == null || target.isEmpty() || target.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        // Checked as sent and after each round of percent-decoding until nothing changes: a browser or
        // proxy that decodes once more must not find "//" or "\\" either. More rounds than that: refused.
        String text = target;
        for (int round = 0; ; round++) {
            if (!safe(text, round == 0) || round == 4) {
                return Optional.empty();
            }
            String decoded;
            try {
                decoded = URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            if (decoded.equals(text)) {
                break;
            }
            text = decoded;
        }
        String path = target.split("[?#]", 2)[0];
        if (path.equals(LOGIN) || path.startsWith(LOGIN + ";")) {
            return Optional.empty();
        }
        return Optional.of(target);
    }

    /** The target, or the start page when it is none a visitor may be sent to. */
    public static String orStart(String target) {
        return of(target).orElse(START);
    }

    /** Raw: as sent, where even a space has no place; decoded, a space (from %20 in a query) is harmless. */
    private static boolean safe(String text, boolean raw) {
        if (!text.startsWith("/") || text.startsWith("//") || text.contains("\\")) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || (raw && Character.isWhitespace(c))
                    || Character.getType(c) == Character.FORMAT) {
                return false;
            }
        }
        // A scheme before the first slash, e.g. "/x" never has one; "/javascript:" is only a path.
        String path = text.split("[?#]", 2)[0];
        return !path.contains("//") && !path.contains("/../") && !path.endsWith("/..");
    }
}
