package se.iop.landlord.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import se.iop.account.boundary.Caller;
import se.iop.common.NotFound;
import se.iop.common.Versions;
import se.iop.landlord.entity.ContactNeed;

import java.time.Instant;
import java.util.List;

/** What landlords asked the support team for: administrators follow them up, auditors read them. */
@Stateless
@RolesAllowed({"ADMIN", "AUDITOR"})
public class ContactNeeds {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller caller;

    /** Open ones first, then the handled; newest first within each. */
    public List<ContactNeed> list(boolean openOnly) {
        return em.createQuery("select n from ContactNeed n join fetch n.landlord l left join fetch l.organisation"
                + (openOnly ? " where n.handledAt is null" : "")
                + " order by case when n.handledAt is null then 0 else 1 end, n.reportedAt desc, n.id desc",
                ContactNeed.class).setMaxResults(1000).getResultList();
    }

    public long openCount() {
        return em.createQuery("select count(n) from ContactNeed n where n.handledAt is null", Long.class).getSingleResult();
    }

    public ContactNeed find(long id) {
        ContactNeed n = em.find(ContactNeed.class, id);
        if (n == null) {
            throw new NotFound("contactNeed");
        }
        n.landlord().name();
        return n;
    }

    @RolesAllowed("ADMIN")
    public ContactNeed handle(long id, Long expectedVersion, String note) {
        ContactNeed n = find(id);
        Versions.check(n.version(), expectedVersion);
        n.handle(caller.username(), note, Instant.now());
        return Versions.flushed(em, n);
    }
}
