package se.iop.landlord.boundary;

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
import java.util.Optional;

/**
 * The landlord portal: a landlord user sees the packet versions that reached its own organisation,
 * reads them, gets the PDF, acknowledges them, and reports contact needs to the support team. Any
 * other version, even one that exists, is "not found" to it.
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

    /** The versions delivered to my organisation, newest first. */
    public List<PortalPacket> packets() {
        return em.createQuery("select new se.iop.landlord.boundary.PortalPacket(v.id, v.title, v.number, v.publishedAt,"
                        + " min(d.sentAt), max(d.openedAt), max(d.acknowledgedAt)) from PacketDelivery d"
                        + " join d.packetVersion v join d.landlord l where l.organisation.id = :own and d.status in :reached"
                        + " group by v.id, v.title, v.number, v.publishedAt order by min(d.sentAt) desc, v.id desc",
                PortalPacket.class).setParameter("own", own()).setParameter("reached", REACHED).getResultList();
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

    /** The landlord has the packet open: its deliveries to my organisation become OPENED. */
    public void opened(long versionId) {
        Instant now = Instant.now();
        deliveries(versionId).forEach(d -> d.opened(now));
    }

    /** My organisation confirms it has read the version; asking again changes nothing. */
    public PortalPacket acknowledge(long versionId) {
        Instant now = Instant.now();
        deliveries(versionId).forEach(d -> d.acknowledge(caller.username(), now));
        em.flush();
        return packet(versionId);
    }

    /** The version an e-mail's personal link carries, if it was sent to my organisation; changes nothing. */
    public long linkedVersion(String token) {
        return linked(token).packetVersion().id();
    }

    /** Follows an e-mail's personal link: its delivery counts as opened; returns the version. */
    public long openLink(String token) {
        PacketDelivery d = linked(token);
        d.opened(Instant.now());
        return d.packetVersion().id();
    }

    /** Another organisation's link, or a wrong one, is not found; my own, once expired, says so. */
    private PacketDelivery linked(String token) {
        PacketDelivery d = links.delivery(token)
                .filter(x -> x.status().reached() && ownOrganisation(x.landlord()))
                .orElseThrow(() -> new NotFound("link"));
        if (!d.linkValid(Instant.now(), MailSettings.linkLifetime())) {
            throw new LinkExpired();
        }
        return d;
    }

    public ContactNeed reportNeed(NeedCategory category, String description) {
        Landlord l = landlord().orElseThrow(() -> new StateConflict(null, "error.portal.noLandlord"));
        ContactNeed need = new ContactNeed(l, category, description, caller.username(), Instant.now());
        em.persist(need);
        l.name();
        return need;
    }

    public List<ContactNeed> myNeeds() {
        return em.createQuery("select n from ContactNeed n join fetch n.landlord l left join fetch l.organisation o"
                + " where o.id = :own"
                + " order by n.reportedAt desc, n.id desc", ContactNeed.class).setParameter("own", own()).getResultList();
    }

    /** My organisation's deliveries of the version that reached it; none means the version is not mine to see. */
    private List<PacketDelivery> deliveries(long versionId) {
        List<PacketDelivery> mine = em.createQuery("select d from PacketDelivery d join d.landlord l"
                        + " where d.packetVersion.id = :v and l.organisation.id = :own and d.status in :reached",
                PacketDelivery.class).setParameter("v", versionId).setParameter("own", own())
                .setParameter("reached", REACHED).getResultList();
        if (mine.isEmpty()) {
            throw new NotFound("packet");
        }
        return mine;
    }

    private boolean ownOrganisation(Landlord l) {
        return l.organisation() != null && l.organisation().id().equals(own());
    }

    private Optional<Landlord> landlord() {
        return em.createNamedQuery(Landlord.BY_ORGANISATION, Landlord.class).setParameter("organisation", own())
                .getResultStream().findFirst();
    }

    private long own() {
        return caller.organisationId().orElse(-1L);
    }
}
