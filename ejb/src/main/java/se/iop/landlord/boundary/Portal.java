package se.iop.landlord.boundary;

import se.iop.common.Days;
import se.iop.diary.boundary.Registrations;
import se.iop.diary.control.Registration;
import se.iop.landlord.entity.LandlordKind;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import se.iop.account.boundary.Caller;
import se.iop.common.NotFound;
import se.iop.common.StateConflict;
import se.iop.landlord.entity.ContactNeed;
import se.iop.landlord.entity.DeliveryStatus;
import se.iop.landlord.entity.Landlord;
import se.iop.landlord.entity.NeedCategory;
import se.iop.landlord.entity.PacketDelivery;
import se.iop.landlord.entity.PacketVersion;

import java.time.Instant;
import java.util.List;

/**
 * The landlord portal: a landlord user sees the packet versions that reached the landlord records it speaks
 * for ({@link Caller#landlordIds()}: its organisation's, or a private landlord's own), reads them, gets the
 * PDF, acknowledges them, and reports contact needs to the support team. Any other version, even one that
 * exists, is "not found" to it. Every read and write here is scoped by that one list, {@link #mine()}.
 */
@Stateless
@RolesAllowed("LANDLORD")
public class Portal {

    private static final List<DeliveryStatus> REACHED = List.of(DeliveryStatus.SENT, DeliveryStatus.OPENED,
            DeliveryStatus.ACKNOWLEDGED);

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller caller;

    @Inject
    private PortalLinks links;

    @Inject
    private Registrations registrations;

    /** The versions delivered to my landlord records: those not yet acknowledged first, then newest first. */
    public List<PortalPacket> packets() {
        return em.createQuery("select new se.iop.landlord.boundary.PortalPacket(v.id, v.title, v.number, v.publishedAt,"
                        + " min(d.sentAt), max(d.openedAt), max(d.acknowledgedAt)) from PacketDelivery d"
                        + " join d.packetVersion v join d.landlord l where l.id in :mine and d.status in :reached"
                        + " group by v.id, v.title, v.number, v.publishedAt"
                        + " order by case when max(d.acknowledgedAt) is null then 0 else 1 end, min(d.sentAt) desc, v.id desc",
                PortalPacket.class).setParameter("mine", mine()).setParameter("reached", REACHED).getResultList();
    }

    /** The flats my landlord records offered, with the stage each has reached; never another landlord's. */
    public List<PortalFlat> flats() {
        return em.createQuery("select new se.iop.landlord.boundary.PortalFlat(f.id, f.address, f.areaSqm, f.rooms,"
                + " f.stage, f.stageOn) from OfferedFlat f where f.landlord.id in :mine order by f.stageOn, f.id",
                PortalFlat.class).setParameter("mine", mine()).getResultList();
    }

    public PortalPacket packet(long versionId) {
        return packets().stream().filter(p -> p.versionId() == versionId).findFirst()
                .orElseThrow(() -> new NotFound("packet"));
    }

    public PacketDocument read(long versionId) {
        deliveries(versionId);
        PacketVersion v = em.find(PacketVersion.class, versionId);
        return Packets.document(v);
    }

    public byte[] pdf(long versionId) {
        return PacketPdf.render(read(versionId));
    }

    /** The landlord has the packet open: its deliveries to my landlord records become OPENED. */
    public void opened(long versionId) {
        Instant now = Instant.now();
        deliveries(versionId).forEach(d -> d.opened(now));
    }

    /** I confirm for my landlord records that the version is read; asking again changes nothing. */
    public PortalPacket acknowledge(long versionId) {
        Instant now = Instant.now();
        deliveries(versionId).forEach(d -> d.acknowledge(caller.username(), now));
        em.flush();
        return packet(versionId);
    }

    /** The version an e-mail's personal link carries, if it was sent to my landlord records; changes nothing. */
    public long linkedVersion(String token) {
        return linked(token).packetVersion().id();
    }

    /** Follows an e-mail's personal link: its delivery counts as opened; returns the version. */
    public long openLink(String token) {
        PacketDelivery d = linked(token);
        d.opened(Instant.now());
        return d.packetVersion().id();
    }

    /** Another landlord's link, or a wrong one, is not found; my own, once expired, says so. */
    private PacketDelivery linked(String token) {
        PacketDelivery d = links.delivery(token)
                .filter(x -> x.status().reached() && mine().contains(x.landlord().id()))
                .orElseThrow(() -> new NotFound("link"));
        if (!d.linkValid(Instant.now(), MailSettings.linkLifetime())) {
            throw new LinkExpired();
        }
        return d;
    }

    public ContactNeed reportNeed(NeedCategory category, String description) {
        Landlord l = mine().stream().findFirst().map(id -> em.find(Landlord.class, id))
                .orElseThrow(() -> new StateConflict(null, "error.portal.noLandlord"));
        ContactNeed need = new ContactNeed(l, category, description, caller.username(), Instant.now());
        em.persist(need);
        registrations.register(Registration.contactNeed(need.id(), l.name(), l.kind() == LandlordKind.PERSON,
                need.reportedAt().atZone(Days.SWEDEN).toLocalDate()));
        return need;
    }

    public List<ContactNeed> myNeeds() {
        return em.createQuery("select n from ContactNeed n join fetch n.landlord l left join fetch l.organisation o"
                + " where l.id in :mine"
                + " order by n.reportedAt desc, n.id desc", ContactNeed.class).setParameter("mine", mine()).getResultList();
    }

    /** My landlord records' deliveries of the version that reached them; none means the version is not mine to see. */
    private List<PacketDelivery> deliveries(long versionId) {
        List<PacketDelivery> mine = em.createQuery("select d from PacketDelivery d join d.landlord l"
                        + " where d.packetVersion.id = :v and l.id in :mine and d.status in :reached",
                PacketDelivery.class).setParameter("v", versionId).setParameter("mine", mine())
                .setParameter("reached", REACHED).getResultList();
        if (mine.isEmpty()) {
            throw new NotFound("packet");
        }
        return mine;
    }

    /** The landlord records I speak for; never empty, so that a query's {@code in} has a value that matches nothing. */
    private List<Long> mine() {
        List<Long> mine = caller.landlordIds();
        return mine.isEmpty() ? List.of(-1L) : mine;
    }
}
