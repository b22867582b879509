package se.iop.report.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.mail.MessagingException;
import se.iop.common.DatabaseReadiness;
import se.iop.common.Days;
import se.iop.common.Settings;
import se.iop.landlord.boundary.MailRun;
import se.iop.landlord.boundary.MailSettings;
import se.iop.landlord.boundary.PacketMailer;
import se.iop.report.entity.ReminderKind;
import se.iop.report.entity.ReportReminder;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Mails the reminders that await mail, one transaction per reminder, over the landlord mailer's session and
 * connection handling ({@link MailRun#sendOnce}): marked ending and committed just before the message's end is written,
 * only while the claim is still this worker's, and sent after the server's 250, so a reminder goes out at most once
 * even when nodes die or race, and one whose worker died at its end shows as uncertain.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReminderWorker {

    private static final Logger LOG = Logger.getLogger(ReminderWorker.class.getName());
    private static final int BATCH = 500;
    static final String REPORTS_PAGE = "reports/list.xhtml";
    static final String FOLLOW_UP_PAGE = "followup/agreement.xhtml?id=";

    @EJB
    private PacketMailer mailer;

    @EJB
    private Reminders reminders;

    @Resource(lookup = DatabaseReadiness.DATASOURCE)
    private DataSource dataSource;

    /** Mails what awaits mail; returns how many went out. */
    public int mailDue() {
        List<Long> ids = reminders.awaiting(Instant.now(), BATCH);
        if (ids.isEmpty()) {
            return 0;
        }
        LocalDate today = Days.today();
        int sent = 0;
        try (MailRun run = mailer.open()) {
            for (Long id : ids) {
                if (deliver(id, today, run)) {
                    sent++;
                }
            }
        }
        int total = sent;
        LOG.info(() -> "Reminders: " + total + " of " + ids.size() + " mailed");
        return sent;
    }

    private boolean deliver(long id, LocalDate today, MailRun run) {
        Optional<Reminders.Claimed> claimed = reminders.claim(id, today);
        if (claimed.isEmpty()) {
            return false;
        }
        Reminders.Claimed c = claimed.get();
        // A report is written from the reports page; a self-assessment is begun on the agreement's follow-up page.
        URI link = Settings.publicUrl().resolve(c.kind() == ReminderKind.FIDELITY
                ? FOLLOW_UP_PAGE + c.agreementId() : REPORTS_PAGE);
        MailRun.Once once;
        try {
            once = run.sendOnce(ReminderMail.compose(run.session(), c.email(),
                    ReminderMail.subject(c.kind(), c.stage(), c.agreementTitle(), c.period()),
                    ReminderMail.text(c.kind(), c.stage(), c.name(), c.agreementTitle(), c.partnerName(), c.period(),
                            c.dueOn(), link)),
                    dataSource, new MailRun.Marks() {
                        @Override
                        public boolean ending(Connection connection, Instant at) throws SQLException {
                            return ReportReminder.markEnding(connection, id, c.claim(), at, MailSettings.claimLease());
                        }

                        @Override
                        public boolean sent(Connection connection, Instant at) throws SQLException {
                            return ReportReminder.markSent(connection, id, c.claim(), at);
                        }
                    }, "Reminder " + id);
        } catch (MessagingException | RuntimeException e) {
            once = new MailRun.Once(MailRun.Outcome.NOT_SENT, e); // the message could not even be composed
        }
        switch (once.outcome()) {
            case NOT_SENT, NOT_ENDED -> reminders.markFailed(id, c.claim(), mailer.why(once.cause()).detail());
            default -> { }
        }
        return once.sent();
    }
}
