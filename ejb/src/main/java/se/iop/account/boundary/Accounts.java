package se.iop.account.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import se.iop.account.entity.Account;
import se.iop.account.entity.AccountIdentity;
import se.iop.account.entity.SubjectHash;
import se.iop.account.entity.PasswordHash;
import se.iop.account.entity.Role;
import se.iop.common.InvalidInput;
import se.iop.common.NotFound;
import se.iop.common.StateConflict;
import se.iop.common.Text;
import se.iop.common.Versions;
import se.iop.landlord.entity.Landlord;
import se.iop.partner.entity.Organisation;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/** User accounts: administrators manage them, auditors read them, everyone may change their own password. */
@Stateless
@RolesAllowed({"ADMIN", "AUDITOR"})
public class Accounts {

    @PersistenceContext
    private EntityManager em;

    private static final Logger LOG = Logger.getLogger(Accounts.class.getName());

    @Inject
    private Caller caller;

    @Inject
    private LoginThrottle throttle;

    /**
     * Checks a password, throttled per name and client address ({@link LoginThrottle}). Unknown and
     * inactive accounts take as long as real ones (a dummy hash is computed), and get the same answer.
     */
    @PermitAll
    public Authentication authenticate(String username, char[] password, String address) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        String from = address == null ? "" : address;
        long waiting = throttle.waitFor(name, from);
        if (waiting > 0) {
            return Authentication.refused(waiting);
        }
        Optional<Account> account = name.isEmpty() || name.length() > 100 ? Optional.empty() : byUsername(name);
        char[] typed = password == null ? new char[0] : password;
        if (account.isPresent() && account.get().passwordMatches(typed)) {
            throttle.succeeded(name);
            Account a = account.get();
            return Authentication.valid(a.username(), a.roles().stream().map(Role::name).collect(Collectors.toSet()),
                    a.sessionStamp());
        }
        if (account.isEmpty()) {
            PasswordHash.spendTheSameTime(typed);
        }
        return Authentication.refused(throttled(throttle.failed(name, from), name, account.isPresent(), from));
    }

    /** After a failure: how long the next attempt waits, and one log line when a limit is first reached. */
    private static long throttled(LoginThrottle.Failures attempt, String name, boolean known, String address) {
        int nameLimit = LoginThrottle.nameLimit();
        int addressLimit = LoginThrottle.addressLimit();
        if (attempt.nameFailures() == nameLimit) {
            // A name that is no account is not written out: it may be a password typed in the wrong field.
            LOG.info(() -> "Logins throttled for " + (known ? "account '" + name + "'" : "an unknown account name")
                    + " after " + nameLimit + " failed attempts");
        }
        if (attempt.addressFailures() == addressLimit) {
            LOG.info(() -> "Logins throttled from address " + address + " after " + addressLimit + " failed attempts");
        }
        return Math.max(LoginThrottle.waitAfter(attempt.nameFailures(), nameLimit).toSeconds(),
                LoginThrottle.waitAfter(attempt.addressFailures(), addressLimit).toSeconds());
    }

    /**
     * A sign-in through an OpenID Connect provider: the active account linked to this subject there, if any
     * ({@code sub} is the provider's own subject, the same unless accounts are linked by another claim). Where the
     * provider maps groups to roles ({@link IdentityProviders.Provider#mapsGroups}) and sent its groups claim
     * ({@code groups}, else null), a staff account's roles become those its groups map to; none: refused.
     * The subject is hashed before it is looked up ({@link SubjectHash}); an unknown subject finds nothing
     * and creates nothing (only an invitation links a subject).
     */
    @PermitAll
    public Authentication signIn(String provider, String subject, String sub, List<String> groups) {
        Optional<AccountIdentity> link = linked(provider, subject);
        if (link.isEmpty() || !link.get().account().active()) {
            return Authentication.refused(0);
        }
        link.get().signedIn(Instant.now(), sub == null ? null : SubjectHash.of(provider, sub));
        Account a = link.get().account();
        Optional<IdentityProviders.Provider> mapping = IdentityProviders.find(provider).filter(IdentityProviders.Provider::mapsGroups);
        if (mapping.isPresent() && groups != null && a.roles().stream().noneMatch(Role::needsOrganisation)) {
            Set<Role> mapped = groups.stream().map(mapping.get().groupRoles()::get).filter(java.util.Objects::nonNull)
                    .collect(Collectors.toCollection(() -> java.util.EnumSet.noneOf(Role.class)));
            if (mapped.isEmpty()) {
                LOG.info(() -> "Sign-in through '" + provider + "' refused for account '" + a.username()
                        + "': none of its groups there maps to a role");
                return Authentication.refused(0);
            }
            if (!mapped.equals(a.roles())) {
                LOG.info(() -> "Roles of account '" + a.username() + "' set from its groups at '" + provider + "': " + mapped);
                a.grant(mapped, null);
            }
        }
        return Authentication.valid(a.username(), a.roles().stream().map(Role::name).collect(Collectors.toSet()),
                a.sessionStamp());
    }

    /**
     * A provider said this person ({@code sub}, the provider's own subject) logged out there (back-channel
     * logout): every session of the account linked to it ends on its next request. False when none is linked.
     */
    @PermitAll
    public boolean endSessionsOf(String provider, String sub) {
        List<AccountIdentity> links = em.createNamedQuery(AccountIdentity.FIND_BY_SUB, AccountIdentity.class)
                .setParameter("provider", provider).setParameter("hash", SubjectHash.of(provider, sub)).getResultList();
        links.forEach(l -> l.account().endSessions());
        return !links.isEmpty();
    }

    /** The providers an account is linked to. */
    public List<IdentityInfo> identities(long accountId) {
        find(accountId);
        return em.createQuery("select new se.iop.account.boundary.IdentityInfo(i.provider, i.linkedAt, i.lastSignInAt)"
                + " from AccountIdentity i where i.account.id = :id order by i.provider", IdentityInfo.class)
                .setParameter("id", accountId).getResultList();
    }

    /**
     * Links a subject at a configured provider to an account by an administrator's word: a machine client that
     * calls the API with the provider's access tokens (its subject is the client's service identity there), or a
     * person whose link must move. People are otherwise linked by accepting an invitation.
     */
    @RolesAllowed("ADMIN")
    public IdentityInfo link(long accountId, String provider, String subject) {
        Account a = find(accountId);
        String id = provider == null ? "" : provider.strip();
        if (IdentityProviders.find(id).isEmpty()) {
            throw new InvalidInput("provider", "error.identity.unknownProvider", id);
        }
        String s = Text.required("subject", subject, 255);
        if (linked(id, s).isPresent()) {
            throw new StateConflict("subject", "error.identity.subjectLinked");
        }
        if (linkAt(accountId, id).isPresent()) {
            throw new StateConflict("provider", "error.identity.providerLinked", id);
        }
        AccountIdentity link = AccountIdentity.link(a, id, SubjectHash.of(id, s), Instant.now());
        link.unused();
        em.persist(link);
        return new IdentityInfo(link.provider(), link.linkedAt(), link.lastSignInAt());
    }

    /** Removes an account's link to a provider; its sessions end (one may have been signed in through it). */
    @RolesAllowed("ADMIN")
    public void unlink(long accountId, String provider) {
        Account a = find(accountId);
        em.remove(linkAt(accountId, provider).orElseThrow(() -> new NotFound("identity")));
        a.endSessions();
    }

    private Optional<AccountIdentity> linked(String provider, String subject) {
        return linkedHash(em, provider, SubjectHash.of(provider, subject));
    }

    /** The link of a subject (by its hash) at a provider: who signs in as it. */
    static Optional<AccountIdentity> linkedHash(EntityManager em, String provider, String subjectHash) {
        return em.createNamedQuery(AccountIdentity.FIND, AccountIdentity.class)
                .setParameter("provider", provider).setParameter("subjectHash", subjectHash)
                .getResultStream().findFirst();
    }

    /** An account's link at a provider, if it has one. */
    static Optional<AccountIdentity> linkAt(EntityManager em, long accountId, String provider) {
        return em.createNamedQuery(AccountIdentity.OF_ACCOUNT_AT, AccountIdentity.class)
                .setParameter("account", accountId).setParameter("provider", provider)
                .getResultStream().findFirst();
    }

    private Optional<AccountIdentity> linkAt(long accountId, String provider) {
        return linkAt(em, accountId, provider);
    }

    /** The stamp a session of this account must carry to go on, or empty when the account may not log in. */
    @PermitAll
    public OptionalInt sessionStamp(String username) {
        List<Integer> stamps = em.createQuery("select a.sessionStamp from Account a where a.username = :username and a.active",
                        Integer.class).setParameter("username", username).getResultList();
        return stamps.isEmpty() ? OptionalInt.empty() : OptionalInt.of(stamps.get(0));
    }

    public List<Account> list() {
        return em.createQuery("select a from Account a left join fetch a.organisation left join fetch a.landlord"
                + " order by a.username", Account.class).getResultList();
    }

    public Account find(long id) {
        Account a = em.find(Account.class, id);
        if (a == null) {
            throw new NotFound("account");
        }
        return read(a);
    }

    /** The logged-in user's own account, with whom it acts for read (pages show the name). */
    @PermitAll
    public Account me() {
        return read(byUsername(caller.username()).orElseThrow(() -> new NotFound("account")));
    }

    /** The account with its organisation or private landlord loaded, for pages and answers after the transaction. */
    private static Account read(Account a) {
        a.actsFor();
        return a;
    }

    @RolesAllowed("ADMIN")
    public Account create(AccountData data, char[] password) {
        Account a = new Account(data.username(), data.displayName(), password); // checks the name before it is looked up
        if (byUsername(a.username()).isPresent()) {
            throw new StateConflict("username", "error.account.usernameTaken", a.username());
        }
        return enrolled(a, data);
    }

    /**
     * The account of a person invited by e-mail ({@link Invitations}): made as {@link #create} makes one, from the
     * same data (its username left out), but with no password, and named by the first free username the
     * address gives ({@link Account#usernameFor}).
     */
    @RolesAllowed("ADMIN")
    public Account createInvited(AccountData data) {
        for (int attempt = 1; attempt <= 1000; attempt++) {
            Account a = Account.invited(data.email(), attempt, data.displayName());
            if (byUsername(a.username()).isEmpty()) {
                return enrolled(a, data);
            }
        }
        throw new StateConflict("email", "error.account.usernameTaken", Account.usernameFor(data.email(), 1));
    }

    /** A new account's e-mail, roles and organisation, as the administrator gave them; then it is stored. */
    private Account enrolled(Account a, AccountData data) {
        a.changeEmail(data.email());
        a.grant(data.roles(), organisation(data.organisationId()), landlord(data.landlordId()));
        em.persist(a);
        return read(a);
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
        a.grant(data.roles(), organisation(data.organisationId()), landlord(data.landlordId()));
        return read(Versions.flushed(em, a));
    }

    @RolesAllowed("ADMIN")
    public Account resetPassword(long id, char[] password) {
        Account a = find(id);
        a.setPassword(password);
        return read(Versions.flushed(em, a));
    }

    /** Changes the caller's password, which ends their other sessions; gives the stamp this session goes on with. */
    @PermitAll
    public int changeOwnPassword(char[] current, char[] replacement) {
        Account a = me();
        if (!a.passwordMatches(current)) {
            throw new InvalidInput("currentPassword", "error.account.wrongPassword");
        }
        a.setPassword(replacement);
        return a.sessionStamp();
    }

    @RolesAllowed("ADMIN")
    public Account deactivate(long id, Long expectedVersion) {
        Account a = find(id);
        Versions.check(a.version(), expectedVersion);
        if (isSelf(a)) {
            throw new StateConflict("active", "error.account.cannotDeactivateSelf");
        }
        a.deactivate();
        return read(Versions.flushed(em, a));
    }

    @RolesAllowed("ADMIN")
    public Account reactivate(long id, Long expectedVersion) {
        Account a = find(id);
        Versions.check(a.version(), expectedVersion);
        a.reactivate();
        return read(Versions.flushed(em, a));
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

    private Landlord landlord(Long id) {
        if (id == null) {
            return null;
        }
        Landlord l = em.find(Landlord.class, id);
        if (l == null) {
            throw new InvalidInput("landlordId", "error.account.unknownLandlord", id);
        }
        return l;
    }
}
