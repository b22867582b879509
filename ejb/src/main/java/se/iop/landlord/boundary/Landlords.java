package se.iop.landlord.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import se.iop.account.boundary.Caller;
import se.iop.common.Days;
import se.iop.common.InvalidInput;
import se.iop.common.NotFound;
import se.iop.common.StateConflict;
import se.iop.common.Versions;
import se.iop.landlord.entity.ContactNote;
import se.iop.landlord.entity.Landlord;
import se.iop.landlord.entity.LandlordContact;
import se.iop.landlord.entity.LandlordKind;
import se.iop.landlord.entity.OfferedFlat;
import se.iop.partner.boundary.OrganisationData;
import se.iop.partner.boundary.Organisations;
import se.iop.partner.entity.Organisation;
import se.iop.partner.entity.OrganisationKind;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The register of landlords: companies and private persons, their contacts with notes, the flats
 * they offer. Administrators change it, auditors read it; partners and landlords do not see it.
 */
@Stateless
@RolesAllowed({"ADMIN", "AUDITOR"})
public class Landlords {

    private static final String SUMMARY = "select new se.iop.landlord.boundary.LandlordSummary(l.id, l.kind,"
            + " coalesce(o.name, l.personName), o.organisationNumber.value, coalesce(l.address, o.address), l.active,"
            + " (select count(c) from LandlordContact c where c.landlord = l),"
            + " (select count(c) from LandlordContact c where c.landlord = l and c.email is not null),"
            + " (select count(f) from OfferedFlat f where f.landlord = l and " + OfferedFlat.ON_THE_WAY + "))"
            + " from Landlord l left join l.organisation o";

    /** The reason a withdrawal through the old "remove the flat" gets when it names none. */
    static final String WITHDRAWN = "Återtagen ur registret";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller caller;

    @Inject
    private Organisations organisations;

    public List<LandlordSummary> search(LandlordQuery q) {
        Map<String, Object> p = new HashMap<>();
        TypedQuery<LandlordSummary> query = em.createQuery(SUMMARY + where(q, p)
                + " order by lower(coalesce(o.name, l.personName)), l.id", LandlordSummary.class);
        p.forEach(query::setParameter);
        return query.setFirstResult(Math.max(0, q.first())).setMaxResults(Math.max(1, Math.min(q.max(), 1000)))
                .getResultList();
    }

    public long count(LandlordQuery q) {
        Map<String, Object> p = new HashMap<>();
        TypedQuery<Long> query = em.createQuery("select count(l) from Landlord l left join l.organisation o"
                + where(q, p), Long.class);
        p.forEach(query::setParameter);
        return query.getSingleResult();
    }

    private static String where(LandlordQuery q, Map<String, Object> p) {
        StringBuilder w = new StringBuilder(" where 1 = 1");
        if (q.text() != null && !q.text().isBlank()) {
            p.put("text", "%" + q.text().strip().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%");
            w.append(" and (lower(coalesce(o.name, l.personName)) like :text or o.organisationNumber.value like :text")
                    .append(" or lower(coalesce(l.address, o.address, '')) like :text")
                    .append(" or exists (select 1 from LandlordContact c where c.landlord = l")
                    .append(" and (lower(c.name) like :text or lower(coalesce(c.email, '')) like :text)))");
        }
        if (q.kind() != null) {
            p.put("kind", q.kind());
            w.append(" and l.kind = :kind");
        }
        if (!q.includeInactive()) {
            w.append(" and l.active = true");
        }
        if (q.withFlats()) {
            w.append(" and exists (select 1 from OfferedFlat f where f.landlord = l and " + OfferedFlat.ON_THE_WAY + ")");
        }
        if (q.withoutAddress()) {
            w.append(" and not exists (select 1 from LandlordContact c where c.landlord = l and c.email is not null)");
        }
        return w.toString();
    }

    /** One landlord with its contacts, their notes and its flats. */
    public Landlord find(long id) {
        Landlord l = em.find(Landlord.class, id);
        if (l == null) {
            throw new NotFound("landlord");
        }
        l.name();
        l.contacts().forEach(c -> c.notes().size());
        l.flats().size();
        return l;
    }

    @RolesAllowed("ADMIN")
    public Landlord create(LandlordData data) {
        if (data.kind() == null) {
            throw new InvalidInput("kind", "error.required");
        }
        Landlord l = data.kind() == LandlordKind.COMPANY ? Landlord.company(company(data))
                : Landlord.person(data.name(), data.address());
        if (data.kind() == LandlordKind.COMPANY) {
            l.describe(null, data.address());
        }
        if (data.contact() != null) {
            ContactData c = data.contact();
            l.addContact(c.name(), c.role(), c.email(), c.phone());
        }
        em.persist(l);
        em.flush();
        return l;
    }

    private Organisation company(LandlordData data) {
        Organisation o;
        if (data.organisationId() != null) {
            o = em.find(Organisation.class, data.organisationId());
            if (o == null) {
                throw new InvalidInput("organisationId", "error.organisation.unknown", data.organisationId());
            }
        } else {
            o = organisations.create(new OrganisationData(data.name(), data.organisationNumber(),
                    OrganisationKind.HOUSING_COMPANY, data.address(), null, null));
            em.flush();
        }
        if (!em.createNamedQuery(Landlord.BY_ORGANISATION, Landlord.class).setParameter("organisation", o.id())
                .getResultList().isEmpty()) {
            throw new StateConflict("organisationId", "error.landlord.duplicate", o.name());
        }
        return o;
    }

    @RolesAllowed("ADMIN")
    public Landlord update(long id, Long expectedVersion, String name, String address) {
        Landlord l = find(id);
        Versions.check(l.version(), expectedVersion);
        l.describe(name, address);
        return Versions.flushed(em, l);
    }

    @RolesAllowed("ADMIN")
    public Landlord deactivate(long id, Long expectedVersion) {
        Landlord l = find(id);
        Versions.check(l.version(), expectedVersion);
        l.deactivate();
        return Versions.flushed(em, l);
    }

    @RolesAllowed("ADMIN")
    public Landlord reactivate(long id, Long expectedVersion) {
        Landlord l = find(id);
        Versions.check(l.version(), expectedVersion);
        l.reactivate();
        return Versions.flushed(em, l);
    }

    @RolesAllowed("ADMIN")
    public LandlordContact addContact(long landlordId, ContactData data) {
        LandlordContact c = find(landlordId).addContact(data.name(), data.role(), data.email(), data.phone());
        em.flush();
        return c;
    }

    @RolesAllowed("ADMIN")
    public LandlordContact updateContact(long landlordId, long contactId, Long expectedVersion, ContactData data) {
        LandlordContact c = find(landlordId).contact(contactId);
        Versions.check(c.version(), expectedVersion);
        c.update(data.name(), data.role(), data.email(), data.phone());
        return Versions.flushed(em, c);
    }

    /** A contact who has been sent packets stays, as the deliveries name them. */
    @RolesAllowed("ADMIN")
    public void removeContact(long landlordId, long contactId) {
        Landlord l = find(landlordId);
        LandlordContact c = l.contact(contactId);
        long deliveries = em.createQuery("select count(d) from PacketDelivery d where d.contact = :c", Long.class)
                .setParameter("c", c).getSingleResult();
        if (deliveries > 0) {
            throw new StateConflict("contactId", "error.landlord.contactHasDeliveries", c.name());
        }
        l.removeContact(c);
        em.flush();
    }

    @RolesAllowed("ADMIN")
    public ContactNote addNote(long landlordId, long contactId, String text) {
        ContactNote note = find(landlordId).contact(contactId).addNote(text, caller.username(), Instant.now());
        em.flush();
        return note;
    }

    @RolesAllowed("ADMIN")
    public OfferedFlat offerFlat(long landlordId, FlatData data) {
        OfferedFlat f = find(landlordId).offerFlat(data.address(), data.areaSqm(), data.rooms(), data.availableFrom(),
                Days.today(), caller.username());
        em.flush();
        return f;
    }

    /** The flat becomes WITHDRAWN today (the default reason when none is given) and stays, with its history. */
    @RolesAllowed("ADMIN")
    public FlatStages withdrawFlat(long landlordId, long flatId, String reason) {
        Landlord l = find(landlordId);
        OfferedFlat f = l.flat(flatId);
        l.withdrawFlat(f, Days.today(), reason == null || reason.isBlank() ? WITHDRAWN : reason, caller.username(),
                Instant.now());
        return FlatStages.of(Versions.flushed(em, f));
    }

    /** Each flat of the landlord with its stage and steps, for the landlord page's timeline. */
    public List<FlatStages> flatStages(long landlordId) {
        return find(landlordId).flats().stream().map(FlatStages::of).toList();
    }

    /** A flat's stage and every step it took. */
    public FlatStages stages(long landlordId, long flatId) {
        return FlatStages.of(find(landlordId).flat(flatId));
    }

    /** Moves a flat on (or back, or off the way) as its rules allow; an older version than the stored one is stale. */
    @RolesAllowed("ADMIN")
    public FlatStages moveFlat(long landlordId, long flatId, StageChange change) {
        OfferedFlat f = find(landlordId).flat(flatId);
        Versions.check(f.version(), change.version());
        f.moveTo(change.stage(), change.date(), change.reason(), caller.username(), Instant.now());
        return FlatStages.of(Versions.flushed(em, f));
    }

    /** The housing companies in the organisation register that are not landlords here yet. */
    public List<Organisation> companiesNotRegistered() {
        return em.createQuery("select o from Organisation o where o.kind = :kind and o.active = true"
                        + " and not exists (select 1 from Landlord l where l.organisation = o) order by o.name",
                Organisation.class).setParameter("kind", OrganisationKind.HOUSING_COMPANY).getResultList();
    }
}
