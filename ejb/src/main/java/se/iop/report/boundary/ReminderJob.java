package se.iop.report.boundary;

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
import se.iop.common.Days;
import se.iop.common.JobRuns;
import se.iop.landlord.boundary.MailSettings;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every mail retry interval ({@code IOP_MAIL_RETRY_SECONDS}), on one node per period ({@link JobRuns}): makes the
 * reminders that are due and mails those that await mail, failed ones included once they are due again.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ReminderJob {

    private static final Logger LOG = Logger.getLogger(ReminderJob.class.getName());
    static final String JOB = "report-reminders";

    @Resource
    private TimerService timers;

    @EJB
    private Reminders reminders;

    @EJB
    private ReminderWorker worker;

    @EJB
    private JobRuns runs;

    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        long interval = MailSettings.retryInterval().toMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig(JOB, false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void run(Timer timer) {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            Duration period = MailSettings.retryInterval();
            if (runs.claim(JOB, period)) {
                int made = reminders.queue(Days.today());
                if (made > 0) {
                    LOG.info(() -> made + " report reminders queued");
                }
                worker.mailDue();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Report reminders failed; the next tick tries again", e);
        } finally {
            running.set(false);
        }
    }
}
