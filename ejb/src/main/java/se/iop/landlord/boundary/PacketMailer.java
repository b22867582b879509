package se.iop.landlord.boundary;

import se.iop.common.Settings;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import se.iop.landlord.entity.DeliveryStatus;
import se.iop.landlord.entity.PacketDelivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Mails single deliveries through the server's mail session, each in its own transaction with the
 * delivery's row locked: two workers (two nodes, or the retry timer beside a running send) never
 * mail the same delivery twice, and a failure records itself without touching the others.
 * Called only by the application's own workers, never from outside.
 */
@Stateless
@PermitAll
public class PacketMailer {

    private static final Logger LOG = Logger.getLogger(PacketMailer.class.getName());
    /** A queued delivery untouched this long belongs to a send that was interrupted (e.g. by a restart). */
    private static final Duration ORPHANED = Duration.ofMinutes(10);

    @Resource(lookup = "java:jboss/mail/iop")
    private Session mail;

    @PersistenceContext
    private EntityManager em;

    public MailRun open() {
        return new MailRun(mail);
    }

    /** The deliveries of one send still waiting for the mail server, in order. */
    public List<Long> queuedOf(long sendId) {
        return em.createQuery("select d.id from PacketDelivery d where d.send.id = :send and d.status = :queued"
                        + " order by d.id", Long.class)
                .setParameter("send", sendId).setParameter("queued", DeliveryStatus.QUEUED).getResultList();
    }

    /** Failed deliveries due for another attempt, and queued ones an interrupted send left behind. */
    public List<Long> due(Instant now, int max) {
        return em.createQuery("select d.id from PacketDelivery d where (d.status = :failed and d.nextAttemptAt <= :now)"
                        + " or (d.status = :queued and d.requestedAt < :orphaned) order by d.id", Long.class)
                .setParameter("failed", DeliveryStatus.FAILED).setParameter("queued", DeliveryStatus.QUEUED)
                .setParameter("now", now).setParameter("orphaned", now.minus(ORPHANED))
                .setMaxResults(max).getResultList();
    }

    /** Mails one delivery if it still waits for it; true when the mail server took it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean deliver(long deliveryId, MailRun run) {
        PacketDelivery d = em.find(PacketDelivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        if (d == null || !d.awaitingMail(now)) {
            return false;
        }
        // Contact, landlord and its organisation in one query rather than three.
        em.createQuery("select c from LandlordContact c join fetch c.landlord l left join fetch l.organisation"
                + " where c.id = :id", Object.class).setParameter("id", d.contact().id()).getSingleResult();
        // Published versions never change, so one pass reads and prints each version once.
        PacketDocument document = run.document(d.packetVersion().id(), () -> Packets.document(d.packetVersion()));
        byte[] pdf = run.pdf(document.versionId(), () -> PacketPdf.render(document));
        try {
            // The token goes into this mail only (never a log); the delivery keeps its hash.
            String token = d.issueLink(now);
            run.send(PacketMail.compose(run.session(), document, d.email(), d.contact().name(), d.landlord().name(),
                    PacketMail.link(Settings.publicUrl(), token), pdf));
            d.sent(Instant.now());
            return true;
        } catch (MessagingException | RuntimeException e) {
            MailFailure why = MailFailure.of(e, mail);
            LOG.log(Level.WARNING, "Delivery " + deliveryId + " to " + d.email() + " failed (" + why.code() + "): " + why.detail());
            d.failed(why.code(), why.detail(), Instant.now(), MailSettings.retryInterval(), MailSettings.maxAttempts());
            return false;
        }
    }
}
