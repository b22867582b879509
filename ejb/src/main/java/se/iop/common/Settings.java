package se.iop.common;

import java.net.URI;
import java.util.Optional;

/**
 * The one reader of the operator's settings: a system property (e.g. {@code iop.public.url}) wins
 * over the environment variable (e.g. {@code IOP_PUBLIC_URL}); blank counts as not set. Read at each
 * call, not cached, so a setting changed on a running server (a system property) takes effect.
 */
public final class Settings {

    private Settings() {
    }

    public static Optional<String> text(String property, String env) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** A whole number, at least {@code min} (a smaller one is raised to it); the fallback when unset or no number. */
    public static long number(String property, String env, long fallback, long min) {
        try {
            return text(property, env).map(v -> Math.max(min, Long.parseLong(v))).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /**
     * {@code IOP_PUBLIC_URL}, e.g. https://iop.nykoping.se/, always ending in a slash: the address in
     * e-mailed links (never taken from a request's Host header), and whether the site is served over TLS.
     */
    public static URI publicUrl() {
        String url = text("iop.public.url", "IOP_PUBLIC_URL").orElse("http://localhost:8080/");
        return URI.create(url.endsWith("/") ? url : url + "/");
    }

    /** Whether {@link #publicUrl()} is https: then the session cookie is Secure and HSTS is sent. */
    public static boolean servedOverTls() {
        return "https".equalsIgnoreCase(publicUrl().getScheme());
    }

    /**
     * {@code IOP_MUNICIPALITY}: the name of the municipality this installation serves (one installation serves one
     * municipality), as the public register and the accessibility statement name it; Nyköpings kommun by default.
     */
    public static String municipality() {
        return text("iop.municipality", "IOP_MUNICIPALITY").orElse("Nyköpings kommun");
    }

    public static boolean flag(String property, String env, boolean fallback) {
        return text(property, env).map(Boolean::parseBoolean).orElse(fallback);
    }
}
