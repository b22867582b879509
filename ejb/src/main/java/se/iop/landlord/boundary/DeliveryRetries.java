package se.iop.landlord.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import se.iop.common.JobRuns;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tries failed deliveries again every {@code IOP_MAIL_RETRY_SECONDS} (default five minutes), and mails those
 * that a stopped node left queued or claimed. The timer is not persistent: each node starts its own at boot, and
 * {@link JobRuns} lets one node run each period; the claims in {@link PacketMailer} keep any two workers from
 * mailing the same delivery.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DeliveryRetries {

    private static final Logger LOG = Logger.getLogger(DeliveryRetries.class.getName());

    @Resource
    private TimerService timers;

    @EJB
    private SendWorker worker;

    @EJB
    private JobRuns runs;

    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        long interval = MailSettings.retryInterval().toMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig("landlord-mail-retries", false));
        LOG.info(() -> "Failed landlord deliveries are tried again every " + interval / 1000 + " s");
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void retry(Timer timer) {
        // A slow pass is not overtaken by the next tick.
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            if (runs.claim("landlord-mail-retries", MailSettings.retryInterval())) {
                worker.retryDue();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Retrying landlord deliveries failed; the next tick tries again", e);
        } finally {
            running.set(false);
        }
    }
}
