package se.iop.common;

import java.net.URI;
import java.util.Optional;

/** Settings read from a system property, else the environment variable of the same meaning. */
public final class Settings {

    private Settings() {
    }

    /**
     * {@code IOP_PUBLIC_URL}, e.g. https://iop.nykoping.se/, always ending in a slash: the address users and
     * clients reach the application at (portal links in e-mails, the API document's server) — never taken
     * from a request's Host header.
     */
    public static URI publicUrl() {
        String url = setting("iop.public.url", "IOP_PUBLIC_URL").orElse("http://localhost:8080/");
        return URI.create(url.endsWith("/") ? url : url + "/");
    }

    /** The system property, else the environment variable; blank counts as not set. */
    public static Optional<String> setting(String property, String env) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
