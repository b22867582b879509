package se.iop.account.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import se.iop.account.entity.Account;
import se.iop.account.entity.Role;
import se.iop.common.InvalidInput;
import se.iop.common.NotFound;
import se.iop.common.StateConflict;
import se.iop.common.Versions;
import se.iop.partner.entity.Organisation;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** User accounts: administrators manage them, auditors read them, everyone may change their own password. */
@Stateless
@RolesAllowed({"ADMIN", "AUDITOR"})
public class Accounts {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller caller;

    /** The roles of a user whose password matches, or empty; inactive users never match. */
    @PermitAll
    public Optional<Set<String>> authenticate(String username, char[] password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        return byUsername(username.strip().toLowerCase())
                .filter(a -> a.passwordMatches(password))
                .map(a -> a.roles().stream().map(Role::name).collect(Collectors.toSet()));
    }

    public List<Account> list() {
        return em.createQuery("select a from Account a left join fetch a.organisation order by a.username", Account.class)
                .getResultList();
    }

    public Account find(long id) {
        Account a = em.find(Account.class, id);
        if (a == null) {
            throw new NotFound("account");
        }
        if (a.organisation() != null) {
            a.organisation().name();
        }
        return a;
    }

    /** The logged-in user's own account, with its organisation read (pages show its name). */
    @PermitAll
    public Account me() {
        Account a = byUsername(caller.username()).orElseThrow(() -> new NotFound("account"));
        if (a.organisation() != null) {
            a.organisation().name();
        }
        return a;
    }

    @RolesAllowed("ADMIN")
    public Account create(AccountData data, char[] password) {
        Account a = new Account(data.username(), data.displayName(), password); // checks the name before it is looked up
        if (byUsername(a.username()).isPresent()) {
            throw new StateConflict("username", "error.account.usernameTaken", a.username());
        }
        a.changeEmail(data.email());
        a.grant(data.roles(), organisation(data.organisationId()));
        em.persist(a);
        return a;
    }

    @RolesAllowed("ADMIN")
    public Account update(long id, Long expectedVersion, AccountData data) {
        Account a = find(id);
        Versions.check(a.version(), expectedVersion);
        if (isSelf(a) && !data.roles().contains(Role.ADMIN)) {
            throw new StateConflict("roles", "error.account.cannotDemoteSelf");
        }
        a.rename(data.displayName());
        a.changeEmail(data.email());
        a.grant(data.roles(), organisation(data.organisationId()));
        return Versions.flushed(em, a);
    }

    @RolesAllowed("ADMIN")
    public Account resetPassword(long id, char[] password) {
        Account a = find(id);
        a.setPassword(password);
        return Versions.flushed(em, a);
    }

    @PermitAll
    public void changeOwnPassword(char[] current, char[] replacement) {
        Account a = me();
        if (!a.passwordMatches(current)) {
            throw new InvalidInput("currentPassword", "error.account.wrongPassword");
        }
        a.setPassword(replacement);
    }

    @RolesAllowed("ADMIN")
    public Account deactivate(long id, Long expectedVersion) {
        Account a = find(id);
        Versions.check(a.version(), expectedVersion);
        if (isSelf(a)) {
            throw new StateConflict("active", "error.account.cannotDeactivateSelf");
        }
        a.deactivate();
        return Versions.flushed(em, a);
    }

    @RolesAllowed("ADMIN")
    public Account reactivate(long id, Long expectedVersion) {
        Account a = find(id);
        Versions.check(a.version(), expectedVersion);
        a.reactivate();
        return Versions.flushed(em, a);
    }

    private boolean isSelf(Account a) {
        return a.username().equals(caller.username());
    }

    private Optional<Account> byUsername(String username) {
        return em.createNamedQuery(Account.FIND_BY_USERNAME, Account.class).setParameter("username", username)
                .getResultStream().findFirst();
    }

    private Organisation organisation(Long id) {
        if (id == null) {
            return null;
        }
        Organisation o = em.find(Organisation.class, id);
        if (o == null) {
            throw new InvalidInput("organisationId", "error.organisation.unknown", id);
        }
        return o;
    }
}
