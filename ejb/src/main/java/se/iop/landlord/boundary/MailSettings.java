package se.iop.landlord.boundary;

import se.iop.common.Settings;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Settings of the landlord mailing, read from system properties or environment variables: the
 * public address of the portal in the e-mails' links, how often failed deliveries are tried again,
 * and after how many attempts a delivery waits for an explicit re-send.
 */
final class MailSettings {

    private MailSettings() {
    }

    /** {@code IOP_PUBLIC_URL}: see {@link Settings#publicUrl()}. */
    static URI publicUrl() {
        return Settings.publicUrl();
    }

    /** {@code IOP_MAIL_RETRY_SECONDS}: both the retry timer's interval and the wait after a failure. */
    static Duration retryInterval() {
        return Duration.ofSeconds(Math.max(1, number("iop.mail.retrySeconds", "IOP_MAIL_RETRY_SECONDS", 300)));
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
        return Settings.setting(property, env);
    }
}
