package se.iop.account.entity;

import se.iop.common.Settings;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * What the database keeps of a person's subject at an identity provider: HMAC-SHA256 under the installation's
 * key ({@code IOP_IDENTITY_KEY}), over the provider's id and the subject. Keyed, not a plain hash, because an
 * e-ID broker's subject may be a Swedish personal identity number: there are few enough of those to hash them
 * all, so without the key a plain hash would give them back. The key must stay the same for the links to hold.
 */
public final class SubjectHash {

    /** Only for the demo (IOP_DEMO=true), so that ./run.sh --sso works without a key of one's own. */
    private static final String DEMO_KEY = "iop-demo-identity-key-not-for-production";
    static final int MIN_KEY_LENGTH = 32;

    private SubjectHash() {
    }

    /** The hash of this subject at this provider, with the configured key. */
    public static String of(String provider, String subject) {
        return of(key(), provider, subject);
    }

    /**
     * A MAC under the same key for something the server hands out and must recognise when it comes back
     * unchanged (the sign-in state cookie); {@code purpose} keeps it apart from every subject hash.
     */
    public static String mac(String purpose, String text) {
        return of(key(), "mac:" + purpose, text);
    }

    static String of(String key, String provider, String subject) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            // the provider first and a separator no provider id holds: "a" + "bc" and "ab" + "c" differ
            return HexFormat.of().formatHex(mac.doFinal((provider + "\n" + subject).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java has HmacSHA256", e);
        }
    }

    /** Whether sign-in through a provider can work: a key of at least 32 characters, or the demo. */
    public static boolean configured() {
        return Settings.text("iop.identity.key", "IOP_IDENTITY_KEY").filter(k -> k.length() >= MIN_KEY_LENGTH).isPresent()
                || Settings.flag("iop.demo", "IOP_DEMO", false);
    }

    private static String key() {
        return Settings.text("iop.identity.key", "IOP_IDENTITY_KEY").filter(k -> k.length() >= MIN_KEY_LENGTH)
                .or(() -> Settings.flag("iop.demo", "IOP_DEMO", false) ? java.util.Optional.of(DEMO_KEY) : java.util.Optional.empty())
                .orElseThrow(() -> new IllegalStateException(
                        "IOP_IDENTITY_KEY (at least " + MIN_KEY_LENGTH + " characters) is needed for sign-in through a provider"));
    }
}
