package se.iop.landlord.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.mail.Session;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import se.iop.common.MailClaim;
import se.iop.landlord.entity.DeliveryStatus;
import se.iop.landlord.entity.PacketDelivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The database side of mailing single deliveries, each step a transaction of its own: a worker claims a delivery
 * (its row locked only for that moment, skipped when another worker holds it), the mail goes out, and just before
 * the message's end reaches the mail server the delivery is marked sent — but only while the claim is still that
 * worker's. Any worker on any node may take any delivery that awaits mail and is not claimed: a node that dies
 * leaves its claims to run out ({@code IOP_MAIL_CLAIM_SECONDS}), and another node sends what it did not.
 * Called only by the application's own workers ({@link SendWorker}), never from outside.
 */
@Stateless
@PermitAll
public class PacketMailer {

    private static final Logger LOG = Logger.getLogger(PacketMailer.class.getName());

    @Resource(lookup = "java:jboss/mail/iop")
    private Session mail;

    @PersistenceContext
    private EntityManager em;

    /** What the mail of one claimed delivery needs, read while it was claimed. */
    public record Claimed(long deliveryId, String claim, PacketDocument document, String email, String contactName,
                          String landlordName, String token) {
    }

    public MailRun open() {
        return new MailRun(mail);
    }

    /** The deliveries of one send still waiting for the mail server, in order. */
    public List<Long> queuedOf(long sendId) {
        return em.createQuery("select d.id from PacketDelivery d where d.send.id = :send and d.status = :queued"
                        + " order by d.id", Long.class)
                .setParameter("send", sendId).setParameter("queued", DeliveryStatus.QUEUED).getResultList();
    }

    /**
     * Deliveries that await mail and nobody holds: failed ones due for another attempt, queued ones no worker took
     * (a send whose node stopped), and those whose worker's claim ran out before the message's end — never one whose
     * worker died at the end (uncertain: only an administrator sends it again).
     */
    public List<Long> due(Instant now, int max) {
        return em.createQuery("select d.id from PacketDelivery d where (d.status = :queued or (d.status = :failed"
                        + " and d.nextAttemptAt <= :now)) and " + MailClaim.takeable("d")
                        + " order by d.id", Long.class)
                .setParameter("failed", DeliveryStatus.FAILED).setParameter("queued", DeliveryStatus.QUEUED)
                .setParameter("now", now).setMaxResults(max).getResultList();
    }

    /**
     * Takes a delivery for the calling worker, when it awaits mail and no other worker holds it (a row another
     * transaction has locked is skipped, not waited for), and makes the mail's personal link.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Claimed> claim(long deliveryId, MailRun run) {
        if (em.createNativeQuery("select id from packet_delivery where id = ?1 for update skip locked")
                .setParameter(1, deliveryId).getResultList().isEmpty()) {
            return Optional.empty();
        }
        PacketDelivery d = em.find(PacketDelivery.class, deliveryId);
        Instant now = Instant.now();
        String claim = d.claim(now, MailSettings.claimLease());
        if (claim == null) {
            return Optional.empty();
        }
        // Contact, landlord and its organisation in one query rather than three.
        em.createQuery("select c from LandlordContact c join fetch c.landlord l left join fetch l.organisation"
                + " where c.id = :id", Object.class).setParameter("id", d.contact().id()).getSingleResult();
        // Published versions never change, so one pass reads each version once.
        PacketDocument document = run.document(d.packetVersion().id(), () -> Packets.document(d.packetVersion()));
        // The token goes into this mail only (never a log); the delivery keeps its hash.
        String token = d.issueLink(now);
        return Optional.of(new Claimed(deliveryId, claim, document, d.email(), d.contact().name(), d.landlord().name(),
                token));
    }

    /**
     * The mail did not go out (before its end, refused at its end, or its end never went out whole): failed, due again
     * later, if the claim is still the caller's.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void markFailed(long deliveryId, String claim, MailFailure why) {
        PacketDelivery d = em.find(PacketDelivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE);
        if (d != null && d.claimedBy(claim)) {
            LOG.log(Level.WARNING, "Delivery " + deliveryId + " to " + d.email() + " failed (" + why.code() + "): " + why.detail());
            d.failed(why.code(), why.detail(), Instant.now(), MailSettings.retryInterval(), MailSettings.maxAttempts());
        }
    }

    /** Why a mail did not go out, in the words of the server's mail session. */
    public MailFailure why(Exception e) {
        return MailFailure.of(e, mail);
    }
}
