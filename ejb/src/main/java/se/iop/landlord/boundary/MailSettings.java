package se.iop.landlord.boundary;

import se.iop.common.Settings;

import java.time.Duration;

/**
 * Settings of the landlord mailing: how long the e-mails' links work, how often failed deliveries are
 * tried again, and after how many attempts a delivery waits for an explicit re-send.
 */
public final class MailSettings {

    private MailSettings() {
    }

    /** {@code IOP_MAIL_RETRY_SECONDS}: both the retry timer's interval and the wait after a failure. */
    public static Duration retryInterval() {
        return Duration.ofSeconds(Settings.number("iop.mail.retrySeconds", "IOP_MAIL_RETRY_SECONDS", 300, 1));
    }

    /** {@code IOP_LINK_DAYS}: how long the personal link of an e-mail opens its packet (default 90 days). */
    static Duration linkLifetime() {
        return Duration.ofDays(Settings.number("iop.link.days", "IOP_LINK_DAYS", 90, 1));
    }

    /**
     * {@code IOP_MAIL_CLAIM_SECONDS}: how long a worker holds a delivery it is mailing (default two minutes, longer
     * than the mail session's timeouts allow one message to take). A node that dies holds its deliveries this long;
     * then another node mails them.
     */
    public static Duration claimLease() {
        return Duration.ofSeconds(Settings.number("iop.mail.claimSeconds", "IOP_MAIL_CLAIM_SECONDS", 120, 1));
    }

    /** {@code IOP_MAIL_MAX_ATTEMPTS}. */
    public static int maxAttempts() {
        return (int) Settings.number("iop.mail.maxAttempts", "IOP_MAIL_MAX_ATTEMPTS", 10, 1);
    }
}
