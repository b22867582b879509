package se.iop.partner.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import se.iop.account.boundary.Caller;
import se.iop.account.entity.Role;
import se.iop.common.NotFound;
import se.iop.common.StateConflict;
import se.iop.common.Versions;
import se.iop.partner.entity.Committee;
import se.iop.partner.entity.Contact;
import se.iop.partner.entity.Organisation;
import se.iop.partner.entity.OrganisationKind;
import se.iop.partner.entity.OrganisationNumber;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The register of organisations, their committees and contacts. */
@Stateless
@RolesAllowed({"ADMIN", "FINANCE", "AUDITOR", "PARTNER"})
public class Organisations {

    private static final Set<String> SORTABLE = Set.of("name", "kind", "organisationNumber");

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller caller;

    public List<Organisation> search(OrganisationQuery q) {
        Map<String, Object> p = params(q);
        TypedQuery<Organisation> query = em.createQuery("select o from Organisation o" + where(q, p) + orderBy(q),
                Organisation.class);
        p.forEach(query::setParameter);
        return query.setFirstResult(Math.max(0, q.first())).setMaxResults(Math.max(1, Math.min(q.max(), 1000)))
                .getResultList();
    }

    public long count(OrganisationQuery q) {
        Map<String, Object> p = params(q);
        TypedQuery<Long> query = em.createQuery("select count(o) from Organisation o" + where(q, p), Long.class);
        p.forEach(query::setParameter);
        return query.getSingleResult();
    }

    // Partners see only their own organisation in the register.
    private Map<String, Object> params(OrganisationQuery q) {
        Map<String, Object> p = new HashMap<>();
        if (q.text() != null && !q.text().isBlank()) {
            p.put("text", "%" + q.text().strip().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (q.kind() != null) {
            p.put("kind", q.kind());
        }
        if (!caller.seesEverything()) {
            p.put("own", caller.organisationId().orElse(-1L));
        }
        return p;
    }

    private static String where(OrganisationQuery q, Map<String, Object> p) {
        StringBuilder w = new StringBuilder(" where 1 = 1");
        if (p.containsKey("text")) {
            w.append(" and (lower(o.name) like :text or o.organisationNumber.value like :text)");
        }
        if (p.containsKey("kind")) {
            w.append(" and o.kind = :kind");
        }
        if (!q.includeInactive()) {
            w.append(" and o.active = true");
        }
        if (p.containsKey("own")) {
            w.append(" and o.id = :own");
        }
        return w.toString();
    }

    private static String orderBy(OrganisationQuery q) {
        String field = SORTABLE.contains(q.sortBy()) ? q.sortBy() : "name";
        String path = "organisationNumber".equals(field) ? "o.organisationNumber.value" : "o." + field;
        return " order by " + path + (q.ascending() ? " asc" : " desc") + ", o.id";
    }

    /** One organisation with its committees and contacts; partners may read only their own. */
    public Organisation find(long id) {
        Organisation o = em.find(Organisation.class, id);
        if (o == null || (!caller.seesEverything() && !Optional.of(id).equals(caller.organisationId()))) {
            throw new NotFound("organisation");
        }
        o.committees().size();
        o.contacts().size();
        return o;
    }

    /** Every active committee of every active municipality, for choosing who decided. */
    public List<Committee> committees() {
        return em.createQuery("select c from Committee c join fetch c.organisation o"
                + " where c.active = true and o.active = true order by o.name, c.name", Committee.class).getResultList();
    }

    @RolesAllowed("ADMIN")
    public Organisation create(OrganisationData data) {
        OrganisationNumber number = OrganisationNumber.of(data.organisationNumber());
        requireUnique(number, null);
        Organisation o = new Organisation(data.name(), number, data.kind());
        o.describeContactDetails(data.address(), data.email(), data.phone());
        em.persist(o);
        return o;
    }

    @RolesAllowed("ADMIN")
    public Organisation update(long id, Long expectedVersion, OrganisationData data) {
        Organisation o = find(id);
        Versions.check(o.version(), expectedVersion);
        OrganisationNumber number = OrganisationNumber.of(data.organisationNumber());
        requireUnique(number, id);
        o.rename(data.name());
        o.changeNumber(number);
        requireKindFitsAccounts(o, data.kind());
        o.changeKind(data.kind());
        o.describeContactDetails(data.address(), data.email(), data.phone());
        return Versions.flushed(em, o);
    }

    /**
     * A partner or landlord account stays bound to an organisation of the kind its role needs ({@link Role}):
     * the kind cannot change under such accounts (the account itself refuses the mismatch when granted).
     */
    private void requireKindFitsAccounts(Organisation o, OrganisationKind kind) {
        if (kind == null || kind == o.kind()) {
            return; // the entity names a missing kind
        }
        long bound = em.createQuery("select count(distinct a) from Account a join a.roles r"
                        + " where a.organisation = :o and r in :roles", Long.class)
                .setParameter("o", o).setParameter("roles", Role.notFor(kind)).getSingleResult();
        if (bound > 0) {
            throw new StateConflict("kind", "error.organisation.kindHeldByAccounts", bound);
        }
    }

    @RolesAllowed("ADMIN")
    public Organisation deactivate(long id, Long expectedVersion) {
        Organisation o = find(id);
        Versions.check(o.version(), expectedVersion);
        o.deactivate();
        return Versions.flushed(em, o);
    }

    @RolesAllowed("ADMIN")
    public Organisation reactivate(long id, Long expectedVersion) {
        Organisation o = find(id);
        Versions.check(o.version(), expectedVersion);
        o.reactivate();
        return Versions.flushed(em, o);
    }

    @RolesAllowed("ADMIN")
    public Committee addCommittee(long organisationId, String name) {
        Committee c = find(organisationId).addCommittee(name);
        em.flush();
        return c;
    }

    /** A new name, unique in any case within the municipality; decisions already taken show the new name. */
    @RolesAllowed("ADMIN")
    public Committee renameCommittee(long organisationId, long committeeId, String name, Long expectedVersion) {
        Organisation o = find(organisationId);
        Committee c = o.committee(committeeId);
        Versions.check(c.version(), expectedVersion);
        o.renameCommittee(c, name);
        // two renames at the same moment: the index holds the rule the entity checked
        return Versions.flushed(em, c, rule -> rule.is("committee_name_once")
                ? new StateConflict("committee", "error.committee.duplicate", c.name()) : null);
    }

    /** No longer offered for new decisions; the decisions it took keep it. */
    @RolesAllowed("ADMIN")
    public Committee deactivateCommittee(long organisationId, long committeeId, Long expectedVersion) {
        Organisation o = find(organisationId);
        Committee c = o.committee(committeeId);
        Versions.check(c.version(), expectedVersion);
        o.deactivateCommittee(c);
        return Versions.flushed(em, c);
    }

    @RolesAllowed("ADMIN")
    public Contact addContact(long organisationId, String name, String role, String email, String phone) {
        Contact c = find(organisationId).addContact(name, role, email, phone);
        em.flush();
        return c;
    }

    @RolesAllowed("ADMIN")
    public void removeContact(long organisationId, long contactId) {
        Organisation o = find(organisationId);
        Contact contact = o.contacts().stream().filter(c -> c.id() == contactId).findFirst()
                .orElseThrow(() -> new NotFound("contact"));
        o.removeContact(contact);
    }

    private void requireUnique(OrganisationNumber number, Long self) {
        List<Organisation> same = em.createNamedQuery(Organisation.FIND_BY_NUMBER, Organisation.class)
                .setParameter("number", number.value()).getResultList();
        if (same.stream().anyMatch(o -> !o.id().equals(self))) {
            throw new StateConflict("organisationNumber", "error.organisationNumber.taken", number.value());
        }
    }
}
