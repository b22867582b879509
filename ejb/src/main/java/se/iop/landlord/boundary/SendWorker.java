package se.iop.landlord.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * Mails deliveries in the background, one transaction per delivery (no JMS on this server): a send's
 * queued deliveries right after it was requested, and the due retries when the timer asks.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SendWorker {

    private static final Logger LOG = Logger.getLogger(SendWorker.class.getName());
    private static final int RETRY_BATCH = 500;

    @EJB
    private PacketMailer mailer;

    @Asynchronous
    public void mail(long sendId) {
        List<Long> ids = mailer.queuedOf(sendId);
        int sent = run(ids);
        LOG.info(() -> "Send " + sendId + ": " + sent + " of " + ids.size() + " deliveries mailed");
    }

    /** Tries the due deliveries again; returns how many went out. */
    public int retryDue() {
        List<Long> ids = mailer.due(Instant.now(), RETRY_BATCH);
        if (ids.isEmpty()) {
            return 0;
        }
        int sent = run(ids);
        LOG.info(() -> "Retry: " + sent + " of " + ids.size() + " due deliveries mailed");
        return sent;
    }

    private int run(List<Long> ids) {
        int sent = 0;
        try (MailRun run = mailer.open()) {
            for (Long id : ids) {
                if (mailer.deliver(id, run)) {
                    sent++;
                }
            }
        }
        return sent;
    }
}
