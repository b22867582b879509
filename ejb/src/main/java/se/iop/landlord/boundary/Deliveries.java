package se.iop.landlord.boundary;

import se.iop.common.Days;
import se.iop.diary.boundary.Registrations;
import se.iop.diary.control.Registration;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import se.iop.account.boundary.Caller;
import se.iop.common.InvalidInput;
import se.iop.common.MailClaim;
import se.iop.common.NotFound;
import se.iop.common.StateConflict;
import se.iop.landlord.entity.DeliveryStatus;
import se.iop.landlord.entity.Landlord;
import se.iop.landlord.entity.LandlordContact;
import se.iop.landlord.entity.PacketDelivery;
import se.iop.landlord.entity.PacketSend;
import se.iop.landlord.entity.PacketVersion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Sending packet versions to landlords and following them up. A send is checked and stored in one
 * transaction (every delivery queued, or none), then mailed in the background; its progress and
 * each version's deliveries are counted by the database.
 */
@Stateless
@RolesAllowed({"ADMIN", "AUDITOR"})
public class Deliveries {

    private static final Logger LOG = Logger.getLogger(Deliveries.class.getName());

    /** More than a municipality has landlords; a larger send is refused rather than half made. */
    static final int MAX_LANDLORDS = 5000;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller caller;

    @Inject
    private Packets packets;

    @Inject
    private Registrations registrations;

    @Inject
    private Event<SendQueued> queued;

    @RolesAllowed("ADMIN")
    public SendReceipt send(long packetId, int number, SendRequest request) {
        PacketVersion v = packets.version(packetId, number);
        if (!v.published()) {
            throw new StateConflict("version", "error.delivery.unpublished", number);
        }
        List<Long> chosen = request.landlordIds() == null ? List.of() : request.landlordIds();
        if (!request.notYetReached() && chosen.isEmpty()) {
            throw new InvalidInput("landlordIds", "error.delivery.noneChosen");
        }
        if (chosen.size() > MAX_LANDLORDS) {
            throw new InvalidInput("landlordIds", "error.delivery.tooMany", MAX_LANDLORDS);
        }
        Map<Long, Integer> nextNumber = sendNumbers(v);
        List<LandlordContact> targets = new ArrayList<>();
        int alreadyHad = 0;
        int withoutAddress = 0;
        if (request.notYetReached()) {
            targets.addAll(notReached(v));
            withoutAddress = (int) (long) em.createQuery("select count(l) from Landlord l where l.active = true"
                    + " and not exists (select 1 from LandlordContact c where c.landlord = l and c.email is not null)",
                    Long.class).getSingleResult();
        }
        for (Long id : new LinkedHashSet<>(chosen)) {
            Landlord l = id == null ? null : em.find(Landlord.class, id);
            if (l == null) {
                throw new InvalidInput("landlordIds", "error.landlord.unknown", id == null ? 0L : id);
            }
            if (!l.active()) {
                throw new StateConflict("landlordIds", "error.landlord.inactive", l.name());
            }
            if (l.addressees().isEmpty()) {
                throw new InvalidInput("landlordIds", "error.delivery.noAddress", l.name());
            }
            for (LandlordContact c : l.addressees()) {
                if (targets.contains(c)) {
                    continue;
                }
                if (nextNumber.containsKey(c.id()) && !request.resend()) {
                    alreadyHad++;
                } else {
                    targets.add(c);
                }
            }
        }
        if (targets.isEmpty()) {
            throw new StateConflict("landlordIds", request.notYetReached() && chosen.isEmpty()
                    ? "error.delivery.everyoneReached" : "error.delivery.alreadySent", number);
        }
        Instant now = Instant.now();
        PacketSend send = new PacketSend(v, caller.username(), now);
        em.persist(send);
        try {
            for (LandlordContact c : targets) {
                em.persist(new PacketDelivery(v, c, send, nextNumber.getOrDefault(c.id(), 0), caller.username(), now));
            }
            em.flush();
        } catch (PersistenceException e) {
            // Another request queued the same version for the same person at the same moment: the unique key held.
            throw new StateConflict("landlordIds", "error.delivery.alreadySent", number);
        }
        // The version goes out with its first send: then it is registered as an outgoing document.
        registrations.register(Registration.packetVersion(v.id(), v.title(), v.number(),
                now.atZone(Days.SWEDEN).toLocalDate()));
        queued.fire(new SendQueued(send.id()));
        return new SendReceipt(send.id(), targets.size(), alreadyHad, withoutAddress);
    }

    /** For each contact that has this version: the send number a re-send would take. */
    private Map<Long, Integer> sendNumbers(PacketVersion v) {
        Map<Long, Integer> next = new HashMap<>();
        for (Object[] row : em.createQuery("select d.contact.id, max(d.sendNumber) from PacketDelivery d"
                + " where d.packetVersion = :v group by d.contact.id", Object[].class).setParameter("v", v).getResultList()) {
            next.put((Long) row[0], ((Number) row[1]).intValue() + 1);
        }
        return next;
    }

    private List<LandlordContact> notReached(PacketVersion v) {
        return em.createQuery("select c from LandlordContact c join fetch c.landlord l left join fetch l.organisation"
                + " where l.active = true and c.email is not null"
                + " and not exists (select 1 from PacketDelivery d where d.packetVersion = :v and d.contact = c)"
                + " order by l.id, c.id", LandlordContact.class).setParameter("v", v).getResultList();
    }

    public SendProgress progress(long sendId) {
        PacketSend s = em.find(PacketSend.class, sendId);
        if (s == null) {
            throw new NotFound("send");
        }
        Counts counts = counts("d.send = :x", s);
        long pending = counts.of(DeliveryStatus.QUEUED);
        long failed = counts.of(DeliveryStatus.FAILED);
        long total = counts.total();
        return new SendProgress(s.id(), s.packetVersion().packet().id(), s.packetVersion().number(), s.requestedAt(),
                s.requestedBy(), total, pending, total - pending - failed - counts.uncertain(), failed, counts.uncertain());
    }

    public DeliveryOverview overview(long packetId, int number) {
        PacketVersion v = packets.version(packetId, number);
        Counts c = counts("d.packetVersion = :x", v);
        long notReached = em.createQuery("select count(l) from Landlord l where l.active = true and not exists"
                + " (select 1 from PacketDelivery d where d.landlord = l and d.packetVersion = :v)", Long.class)
                .setParameter("v", v).getSingleResult();
        return new DeliveryOverview(c.of(DeliveryStatus.QUEUED), c.of(DeliveryStatus.SENT), c.of(DeliveryStatus.OPENED),
                c.of(DeliveryStatus.ACKNOWLEDGED), c.of(DeliveryStatus.FAILED), c.uncertain(), notReached);
    }

    /** Deliveries by status, the uncertain ones (whatever their row's status) apart. */
    private record Counts(Map<DeliveryStatus, Long> byStatus, long uncertain) {
        long of(DeliveryStatus s) {
            return byStatus.get(s);
        }

        long total() {
            return byStatus.values().stream().mapToLong(Long::longValue).sum() + uncertain;
        }
    }

    private Counts counts(String where, Object x) {
        Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
        for (DeliveryStatus s : DeliveryStatus.values()) {
            counts.put(s, 0L);
        }
        Instant now = Instant.now();
        for (Object[] row : em.createQuery("select d.status, count(d) from PacketDelivery d where " + where
                + " and not " + MailClaim.uncertain("d") + " group by d.status", Object[].class)
                .setParameter("x", x).setParameter("now", now).getResultList()) {
            counts.put((DeliveryStatus) row[0], (Long) row[1]);
        }
        long uncertain = em.createQuery("select count(d) from PacketDelivery d where " + where + " and "
                + MailClaim.uncertain("d"), Long.class).setParameter("x", x).setParameter("now", now).getSingleResult();
        return new Counts(counts, uncertain);
    }

    /**
     * An administrator sends again a delivery whose worker died at the message's end (uncertain: it may have arrived):
     * queued once more for the next run of the retry job, and recorded (who, when). Refused unless it is uncertain, so
     * that two such requests at once (the row is locked) send it again once.
     */
    @RolesAllowed("ADMIN")
    public void sendAgain(long deliveryId) {
        PacketDelivery d = em.find(PacketDelivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE);
        if (d == null) {
            throw new NotFound("delivery");
        }
        Instant now = Instant.now();
        Instant ended = d.sendAgain(now);
        MailClaim.recordResend(em, PacketDelivery.TABLE, deliveryId, caller.username(), now, ended);
        LOG.info(() -> "Delivery " + deliveryId + ", uncertain since its worker died at its end (" + ended
                + "), is sent again as " + caller.username() + " asked");
    }

    /** A version's deliveries, optionally of one status, newest request first. */
    public List<PacketDelivery> ofVersion(long packetId, int number, DeliveryStatus status) {
        PacketVersion v = packets.version(packetId, number);
        var query = em.createQuery("select d from PacketDelivery d join fetch d.landlord l left join fetch l.organisation"
                        + " join fetch d.contact where d.packetVersion = :v" + (status == null ? "" : " and d.status = :status")
                        + " order by d.requestedAt desc, d.id desc", PacketDelivery.class)
                .setParameter("v", v).setMaxResults(MAX_LANDLORDS);
        if (status != null) {
            query.setParameter("status", status);
        }
        return query.getResultList();
    }

    /** What a landlord has been sent, newest first. */
    public List<PacketDelivery> ofLandlord(long landlordId) {
        return em.createQuery("select d from PacketDelivery d join fetch d.packetVersion v join fetch v.packet"
                        + " join fetch d.contact join fetch d.landlord l left join fetch l.organisation"
                        + " where l.id = :l order by d.requestedAt desc, d.id desc",
                PacketDelivery.class).setParameter("l", landlordId).getResultList();
    }
}
