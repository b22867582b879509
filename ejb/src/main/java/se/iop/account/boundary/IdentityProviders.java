package se.iop.account.boundary;

import se.iop.account.entity.Role;
import se.iop.common.Settings;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The OpenID Connect providers people sign in through, from the operator's settings: {@code IOP_OIDC_PROVIDERS}
 * names them (e.g. {@code staff,eid}), and each has its own variables {@code IOP_OIDC_<ID>_…}
 * ({@code iop.oidc.<id>.…} as system properties). A provider with a setting missing is left out, with one log
 * line saying which. Also whether local passwords may be used, on the login page and over HTTP Basic.
 */
public final class IdentityProviders {

    private static final Logger LOG = Logger.getLogger(IdentityProviders.class.getName());
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    /**
     * One provider. {@code subjectClaim} is the claim an account is linked by ({@code sub}, or for an e-ID broker
     * e.g. a personal identity number claim: it is only ever kept as a keyed hash); {@code usernameClaim} the
     * name written in the log; {@code audience}, when set, lets the provider's access tokens (JWT) call the API.
     */
    public record Provider(String id, String label, URI issuer, String clientId, String clientSecret, String scopes,
                           String subjectClaim, String usernameClaim, Optional<String> audience,
                           Optional<String> groupsClaim, Map<String, Role> groupRoles) {

        /** Whether sign-ins through this provider set the roles of municipal staff from their groups. */
        public boolean mapsGroups() {
            return groupsClaim.isPresent() && !groupRoles.isEmpty();
        }

        /** The address the provider sends the browser back to after sign-in. */
        public URI callback() {
            return Settings.publicUrl().resolve("sso/" + id + "/callback");
        }

        /** The address a provider's back-channel logout is posted to (registered with the provider). */
        public URI backChannelLogout() {
            return Settings.publicUrl().resolve("sso/" + id + "/backchannel-logout");
        }
    }

    private IdentityProviders() {
    }

    /** The configured providers, in the order given. */
    public static List<Provider> all() {
        return Settings.text("iop.oidc.providers", "IOP_OIDC_PROVIDERS").stream()
                .flatMap(list -> Arrays.stream(list.split(",")))
                .map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .distinct()
                .map(IdentityProviders::read)
                .flatMap(Optional::stream)
                .toList();
    }

    public static Optional<Provider> find(String id) {
        return all().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** Local passwords on the login page ({@code IOP_LOCAL_LOGIN}, on unless switched off). */
    public static boolean localLogin() {
        return Settings.flag("iop.local.login", "IOP_LOCAL_LOGIN", true);
    }

    /**
     * HTTP Basic with a local password on the API ({@code IOP_API_BASIC}): off by default outside the demo, since
     * each such request costs a password hash; API clients use tokens. Never on when local passwords are off.
     */
    public static boolean apiBasic() {
        return localLogin() && Settings.flag("iop.api.basic", "IOP_API_BASIC", Settings.flag("iop.demo", "IOP_DEMO", false));
    }

    /**
     * How far the providers' clocks may be from this server's ({@code IOP_OIDC_CLOCK_SKEW_SECONDS}, default 60): a
     * token is good from its issue time less this until its expiry plus this, and never longer.
     */
    public static Duration clockSkew() {
        return Duration.ofSeconds(Settings.number("iop.oidc.clockSkewSeconds", "IOP_OIDC_CLOCK_SKEW_SECONDS", 60, 0));
    }

    private static Optional<Provider> read(String id) {
        if (!ID.matcher(id).matches()) {
            LOG.warning(() -> "IOP_OIDC_PROVIDERS: '" + id + "' is no provider id (a-z, 0-9 and -, at most 40); left out");
            return Optional.empty();
        }
        Optional<String> issuer = setting(id, "issuer");
        Optional<String> clientId = setting(id, "client.id");
        Optional<String> secret = setting(id, "client.secret");
        if (issuer.isEmpty() || clientId.isEmpty() || secret.isEmpty()) {
            LOG.warning(() -> "Sign-in provider '" + id + "' needs " + env(id, "ISSUER") + ", " + env(id, "CLIENT_ID")
                    + " and " + env(id, "CLIENT_SECRET") + "; left out");
            return Optional.empty();
        }
        URI issuerUri;
        try {
            issuerUri = URI.create(issuer.get());
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> env(id, "ISSUER") + " is no address; provider '" + id + "' left out");
            return Optional.empty();
        }
        return Optional.of(new Provider(id, setting(id, "label").orElse(id), issuerUri, clientId.get(), secret.get(),
                setting(id, "scopes").orElse("openid profile email"),
                setting(id, "subject.claim").orElse("sub"),
                setting(id, "username.claim").orElse("preferred_username"),
                setting(id, "audience"), setting(id, "groups.claim"), groupRoles(id)));
    }

    /**
     * {@code IOP_OIDC_<ID>_GROUP_ROLES}: {@code group=ROLE} pairs, comma-separated, e.g.
     * {@code iop-handlaggare=ADMIN,iop-ekonomi=FINANCE}. Only the municipality's roles (ADMIN, FINANCE, AUDITOR):
     * a partner's or landlord's account is bound to an organisation by its invitation, not by a group.
     */
    private static Map<String, Role> groupRoles(String id) {
        Map<String, Role> roles = new LinkedHashMap<>();
        for (String pair : setting(id, "group.roles").orElse("").split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.lastIndexOf('=');
            Optional<Role> role = eq < 0 ? Optional.empty() : Arrays.stream(Role.values())
                    .filter(r -> r.name().equals(pair.substring(eq + 1).strip()) && !r.needsOrganisation()).findFirst();
            if (role.isEmpty()) {
                LOG.warning(() -> env(id, "GROUP_ROLES") + ": '" + pair.strip() + "' is no group=ADMIN|FINANCE|AUDITOR; left out");
            } else {
                roles.put(pair.substring(0, eq).strip(), role.get());
            }
        }
        return Map.copyOf(roles);
    }

    private static Optional<String> setting(String id, String name) {
        return Settings.text("iop.oidc." + id + "." + name, env(id, name.replace('.', '_').toUpperCase(Locale.ROOT)));
    }

    private static String env(String id, String name) {
        return "IOP_OIDC_" + id.replace('-', '_').toUpperCase(Locale.ROOT) + "_" + name;
    }
}
