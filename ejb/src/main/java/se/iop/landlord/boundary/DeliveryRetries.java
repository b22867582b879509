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

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tries failed deliveries again every {@code IOP_MAIL_RETRY_SECONDS} (default five minutes). The
 * timer is not persistent: each node starts its own at boot, and the row locks in {@link PacketMailer}
 * keep two nodes from mailing the same delivery.
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
            worker.retryDue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Retrying landlord deliveries failed; the next tick tries again", e);
        } finally {
            running.set(false);
        }
    }
}
