package se.iop.identity;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import se.iop.it.ItDatabase;
import se.iop.it.Keycloak;
import se.iop.it.Management;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sign-in providers of the identity tests, set on the running server as system properties (as an operator
 * sets the environment variables), and removed after: {@code staff} (Keycloak realm iop-staff, whose access
 * tokens may call the API), {@code eid} (realm iop-eid, subject = personal identity number) and {@code down}
 * (nothing listens there). A test class that signs in through them says {@code @ExtendWith(ItProviders.Configured.class)}
 * after Arquillian's extension.
 */
public final class ItProviders {

    static final String KEY = "it-identity-key-0123456789abcdef-0123456789";
    private static final Map<String, String> SETTINGS = new LinkedHashMap<>();

    static {
        SETTINGS.put("iop.identity.key", KEY);
        SETTINGS.put("iop.oidc.providers", "staff, eid, down");
        SETTINGS.put("iop.oidc.staff.issuer", Keycloak.issuer(Keycloak.STAFF).toString());
        SETTINGS.put("iop.oidc.staff.client.id", Keycloak.CLIENT);
        SETTINGS.put("iop.oidc.staff.client.secret", Keycloak.STAFF_SECRET);
        SETTINGS.put("iop.oidc.staff.label", "Nyköpings kommun");
        SETTINGS.put("iop.oidc.staff.audience", Keycloak.API_AUDIENCE);
        SETTINGS.put("iop.oidc.eid.issuer", Keycloak.issuer(Keycloak.EID).toString());
        SETTINGS.put("iop.oidc.eid.client.id", Keycloak.CLIENT);
        SETTINGS.put("iop.oidc.eid.client.secret", Keycloak.EID_SECRET);
        SETTINGS.put("iop.oidc.eid.label", "BankID eller Freja");
        SETTINGS.put("iop.oidc.eid.subject.claim", "personal_identity_number");
        // nothing listens on port 9 of loopback
        SETTINGS.put("iop.oidc.down.issuer", "http://127.0.0.1:9/realms/none");
        SETTINGS.put("iop.oidc.down.client.id", "iop");
        SETTINGS.put("iop.oidc.down.client.secret", "x");
        SETTINGS.put("iop.oidc.down.label", "Nere");
    }

    private ItProviders() {
    }

    /** Configures the providers before a test class's first test and removes them after its last. */
    public static final class Configured implements BeforeAllCallback, AfterAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            configure();
        }

        @Override
        public void afterAll(ExtensionContext context) {
            clear();
        }
    }

    public static void configure() {
        Keycloak.start();
        try (Management server = Management.itServer()) {
            SETTINGS.forEach(server::systemProperty);
        }
    }

    public static void clear() {
        try (Management server = Management.itServer()) {
            SETTINGS.keySet().forEach(name -> server.systemProperty(name, null));
        }
    }

    /** Sets one more setting for a test (null removes it). */
    public static void set(String name, String value) {
        try (Management server = Management.itServer()) {
            server.systemProperty(name, null == value ? null : value);
        }
    }

    static String subjectHash(String provider, String subject) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal((provider + "\n" + subject).getBytes(StandardCharsets.UTF_8)));
    }

    /** Links a person at a provider to an account, as an accepted invitation does (straight into the database). */
    static void link(long accountId, String provider, String subject) throws Exception {
        try (Connection c = ItDatabase.database().connect();
             PreparedStatement ps = c.prepareStatement("insert into account_identity (account_id, provider, subject_hash, linked_at)"
                     + " values (?, ?, ?, now())")) {
            ps.setLong(1, accountId);
            ps.setString(2, provider);
            ps.setString(3, subjectHash(provider, subject));
            ps.executeUpdate();
        }
    }
}
