package se.iop.landlord.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import se.iop.account.boundary.Caller;
import se.iop.agreement.entity.Agreement;
import se.iop.common.InvalidInput;
import se.iop.common.NotFound;
import se.iop.common.Versions;
import se.iop.landlord.entity.InformationPacket;
import se.iop.landlord.entity.PacketVersion;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Information packets and their versions: administrators write drafts, publish them and start new
 * versions; auditors read them. The PDF of any version is made here on request.
 */
@Stateless
@RolesAllowed({"ADMIN", "AUDITOR"})
public class Packets {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller caller;

    public List<PacketSummary> list() {
        return em.createQuery("select new se.iop.landlord.boundary.PacketSummary(p.id, a.id, a.title, v.title,"
                + " v.number, v.status, v.publishedAt) from InformationPacket p join p.agreement a join p.versions v"
                + " where v.number = (select max(w.number) from PacketVersion w where w.packet = p)"
                + " order by p.id desc", PacketSummary.class).getResultList();
    }

    public InformationPacket find(long packetId) {
        InformationPacket p = em.find(InformationPacket.class, packetId);
        if (p == null) {
            throw new NotFound("packet");
        }
        p.agreement().title();
        p.versions().size();
        return p;
    }

    /** One version with its sections, its packet and agreement loaded. */
    public PacketVersion version(long packetId, int number) {
        PacketVersion v = find(packetId).version(number);
        v.sections().size();
        v.supportContacts().size();
        return v;
    }

    /** The version as landlords will read it, with its support contacts. */
    public PacketDocument document(long packetId, int number) {
        return document(version(packetId, number));
    }

    public byte[] pdf(long packetId, int number) {
        return PacketPdf.render(document(packetId, number));
    }

    static PacketDocument document(PacketVersion v) {
        LocalDate today = LocalDate.now(Clock.system(PacketDocument.SWEDEN));
        return PacketDocument.of(v, SupportContacts.of(v, today), today);
    }

    @RolesAllowed("ADMIN")
    public InformationPacket create(Long agreementId, PacketDraft draft) {
        InformationPacket p = new InformationPacket(agreement(agreementId), draft.title(), draft.titleEn(),
                draft.sections(), Instant.now());
        em.persist(p);
        em.flush();
        return p;
    }

    @RolesAllowed("ADMIN")
    public PacketVersion edit(long packetId, int number, Long expectedVersion, PacketDraft draft) {
        PacketVersion v = version(packetId, number);
        Versions.check(v.version(), expectedVersion);
        v.edit(draft.title(), draft.titleEn(), draft.sections());
        return Versions.flushed(em, v);
    }

    /** Freezes the draft with the support contacts the agreement's partners have today. */
    @RolesAllowed("ADMIN")
    public PacketVersion publish(long packetId, int number, Long expectedVersion) {
        PacketVersion v = version(packetId, number);
        Versions.check(v.version(), expectedVersion);
        v.publish(SupportContacts.current(v.packet().agreement(), LocalDate.now(Clock.system(PacketDocument.SWEDEN))),
                caller.username(), Instant.now());
        return Versions.flushed(em, v);
    }

    @RolesAllowed("ADMIN")
    public PacketVersion newVersion(long packetId) {
        PacketVersion v = find(packetId).newVersion();
        em.flush();
        return v;
    }

    private Agreement agreement(Long id) {
        if (id == null) {
            throw new InvalidInput("agreementId", "error.required");
        }
        Agreement a = em.find(Agreement.class, id);
        if (a == null) {
            throw new InvalidInput("agreementId", "error.packet.unknownAgreement", id);
        }
        return a;
    }
}
