package se.iop.account.boundary;

import se.iop.common.Settings;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The OpenID Connect providers people sign in through, from the operator's settings: {@code IOP_OIDC_PROVIDERS}
 * names them (e.g. {@code staff,eid}), and each has its own variables {@code IOP_OIDC_<ID>_…}
 * ({@code iop.oidc.<id>.…} as system properties); here only the name a person sees,
 * {@code IOP_OIDC_<ID>_LABEL} (the id when unset).
 */
public final class IdentityProviders {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    /** One provider: its id (in {@code /sso/<id>} and in each account link) and the name shown for it. */
    public record Provider(String id, String label) {
    }

    private IdentityProviders() {
    }

    /** The configured providers, in the order given; an id that cannot be one is left out. */
    public static List<Provider> all() {
        return Settings.text("iop.oidc.providers", "IOP_OIDC_PROVIDERS").stream()
                .flatMap(list -> Arrays.stream(list.split(",")))
                .map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> ID.matcher(s).matches())
                .distinct()
                .map(id -> new Provider(id, setting(id, "label").orElse(id)))
                .toList();
    }

    public static Optional<Provider> find(String id) {
        return all().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    private static Optional<String> setting(String id, String name) {
        return Settings.text("iop.oidc." + id + "." + name,
                "IOP_OIDC_" + id.replace('-', '_').toUpperCase(Locale.ROOT) + "_" + name.replace('.', '_').toUpperCase(Locale.ROOT));
    }
}
