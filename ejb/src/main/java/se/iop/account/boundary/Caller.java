package se.iop.account.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import se.iop.account.entity.Account;
import se.iop.account.entity.Role;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Who is calling, and for partners and landlords, which organisation or landlord records they act for. Reads only:
 * it joins its caller's transaction where there is one and begins none of its own ({@code SUPPORTS}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Caller {

    @Resource
    private SessionContext context;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CallerCache cache;

    public String username() {
        return context.getCallerPrincipal().getName();
    }

    public boolean is(Role role) {
        return context.isCallerInRole(role.name());
    }

    /** True for the roles that act for no organisation (administrators, finance, auditors): they see every agreement. */
    public boolean seesEverything() {
        return Arrays.stream(Role.values()).filter(r -> !r.needsOrganisation()).anyMatch(this::is);
    }

    /** The organisation a partner or landlord user acts for, if any (kept briefly: {@link CallerCache}). */
    public Optional<Long> organisationId() {
        String username = username();
        return cache.organisationId(username, () -> em.createQuery(
                        "select o.id from Account a join a.organisation o where a.username = :username", Long.class)
                .setParameter("username", username).getResultStream().findFirst());
    }

    /**
     * The landlord records a landlord user speaks for ({@link Account#LANDLORDS_SPOKEN_FOR}): its organisation's
     * landlords, or its own private landlord record; none for anyone else.
     */
    public List<Long> landlordIds() {
        return em.createNamedQuery(Account.LANDLORDS_SPOKEN_FOR, Long.class).setParameter("username", username())
                .getResultList();
    }
}
