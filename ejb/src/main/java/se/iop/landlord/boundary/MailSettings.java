package se.iop.landlord.boundary;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Settings of the landlord mailing, read from system properties or environment variables: the
 * public address of the portal in the e-mails' links, how long those links work, how often failed
 * deliveries are tried again, and after how many attempts a delivery waits for an explicit re-send.
 */
final class MailSettings {

    private MailSettings() {
    }

    /** {@code IOP_PUBLIC_URL}, e.g. https://iop.nykoping.se/ — never taken from a request's Host header. */
    static URI publicUrl() {
        String url = setting("iop.public.url", "IOP_PUBLIC_URL").orElse("http://localhost:8080/");
        return URI.create(url.endsWith("/") ? url : url + "/");
    }

    /** {@code IOP_MAIL_RETRY_SECONDS}: both the retry timer's interval and the wait after a failure. */
    static Duration retryInterval() {
        return Duration.ofSeconds(Math.max(1, number("iop.mail.retrySeconds", "IOP_MAIL_RETRY_SECONDS", 300)));
    }

    /** {@code IOP_LINK_DAYS}: how long the personal link of an e-mail opens its packet (default 90 days). */
    static Duration linkLifetime() {
        return Duration.ofDays(Math.max(1, number("iop.link.days", "IOP_LINK_DAYS", 90)));
    }

    /** {@code IOP_MAIL_MAX_ATTEMPTS}. */
    static int maxAttempts() {
        return (int) Math.max(1, number("iop.mail.maxAttempts", "IOP_MAIL_MAX_ATTEMPTS", 10));
    }

    private static long number(String property, String env, long fallback) {
        try {
            return setting(property, env).map(Long::parseLong).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static Optional<String> setting(String property, String env) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
