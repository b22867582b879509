package se.iop.landlord.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.mail.MessagingException;
import se.iop.common.DatabaseReadiness;
import se.iop.common.Settings;
import se.iop.landlord.entity.PacketDelivery;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Mails deliveries in the background, one transaction per delivery (no JMS on this server): a send's
 * queued deliveries right after it was requested, split over a few workers when it is large, and the
 * due retries when the timer asks.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SendWorker {

    private static final Logger LOG = Logger.getLogger(SendWorker.class.getName());
    private static final int RETRY_BATCH = 500;
    /** A large send is mailed by this many workers at once, each with its own SMTP connection. */
    static final int PARALLEL = 3;
    private static final int SLICE_MIN = 30;

    @EJB
    private PacketMailer mailer;

    /** Outside any container transaction (this bean supports none): marking sent commits on its own connection. */
    @Resource(lookup = DatabaseReadiness.DATASOURCE)
    private DataSource dataSource;

    @Resource
    private SessionContext context;

    @Asynchronous
    public void mail(long sendId) {
        try {
            List<Long> ids = mailer.queuedOf(sendId);
            List<List<Long>> slices = slices(ids);
            for (int i = 1; i < slices.size(); i++) {
                context.getBusinessObject(SendWorker.class).mailSlice(sendId, slices.get(i));
            }
            int sent = slices.isEmpty() ? 0 : run(slices.get(0));
            LOG.info(() -> "Send " + sendId + ": " + ids.size() + " deliveries in " + slices.size() + " slices; "
                    + sent + " of the first slice mailed");
        } catch (RuntimeException e) {
            throw failed(sendId, e);
        }
    }

    /** Another worker's share of a large send. */
    @Asynchronous
    public void mailSlice(long sendId, List<Long> ids) {
        try {
            int sent = run(ids);
            LOG.fine(() -> "Send " + sendId + ": a slice of " + ids.size() + " deliveries, " + sent + " mailed");
        } catch (RuntimeException e) {
            throw failed(sendId, e);
        }
    }

    /**
     * Nobody waits for an asynchronous call, and the EJB container does not log system exceptions
     * (configure.cli): the failure is logged here. What was not mailed stays queued for the retry timer.
     */
    private static RuntimeException failed(long sendId, RuntimeException e) {
        LOG.log(java.util.logging.Level.SEVERE, "Send " + sendId + ": the background mailing failed", e);
        return e;
    }

    /** Round-robin, so every worker starts at once on the front of the queue. */
    static List<List<Long>> slices(List<Long> ids) {
        int n = ids.size() < SLICE_MIN ? 1 : PARALLEL;
        List<List<Long>> slices = new java.util.ArrayList<>();
        for (int i = 0; i < Math.min(n, ids.size()); i++) {
            slices.add(new java.util.ArrayList<>());
        }
        for (int i = 0; i < ids.size(); i++) {
            slices.get(i % slices.size()).add(ids.get(i));
        }
        return slices;
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
                if (deliver(id, run)) {
                    sent++;
                }
            }
        }
        return sent;
    }

    /**
     * Mails one delivery if it awaits mail and no other worker holds it; true when the mail server took it (or may
     * have). Marked ending and committed before the message's end is written ({@link EndHeldTransport}), sent after
     * the server's 250 ({@link MailRun#sendOnce}), so a node that dies mid-way leaves a delivery still to be mailed
     * (by another node, once the claim has run out), a mail sent, or a delivery shown as uncertain.
     */
    boolean deliver(long deliveryId, MailRun run) {
        Optional<PacketMailer.Claimed> claimed = mailer.claim(deliveryId, run);
        if (claimed.isEmpty()) {
            return false;
        }
        PacketMailer.Claimed c = claimed.get();
        byte[] pdf = run.pdf(c.document().versionId(), () -> PacketPdf.render(c.document()));
        MailRun.Once once;
        try {
            once = run.sendOnce(PacketMail.compose(run.session(), c.document(), c.email(), c.contactName(),
                    c.landlordName(), PacketMail.link(Settings.publicUrl(), c.token()), pdf), dataSource,
                    new MailRun.Marks() {
                        @Override
                        public boolean ending(Connection connection, Instant at) throws SQLException {
                            return PacketDelivery.markEnding(connection, deliveryId, c.claim(), at, MailSettings.claimLease());
                        }

                        @Override
                        public boolean sent(Connection connection, Instant at) throws SQLException {
                            return PacketDelivery.markSent(connection, deliveryId, c.claim(), at);
                        }
                    }, "Delivery " + deliveryId);
        } catch (MessagingException | RuntimeException e) {
            once = new MailRun.Once(MailRun.Outcome.NOT_SENT, e); // the message could not even be composed
        }
        switch (once.outcome()) {
            case NOT_SENT, NOT_ENDED -> mailer.markFailed(deliveryId, c.claim(), mailer.why(once.cause()));
            default -> { }
        }
        return once.sent();
    }
}
