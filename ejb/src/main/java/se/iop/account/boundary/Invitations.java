package se.iop.account.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import se.iop.account.entity.Account;
import se.iop.account.entity.Invitation;
import se.iop.account.entity.InvitationRefused;
import se.iop.account.entity.Role;
import se.iop.account.entity.SubjectHash;
import se.iop.common.NotFound;
import se.iop.common.Secrets;
import se.iop.common.Settings;
import se.iop.common.StateConflict;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Invitations: an administrator invites a person by e-mail to a role (and for partners and landlords an
 * organisation); an account is made for them at once, with no password, and the e-mail carries a link that
 * works once until it expires ({@code IOP_INVITATION_DAYS}, 14 by default). The first sign-in through an
 * identity provider by way of the link ({@link #accept}) links that provider's subject to the account — the
 * only way a subject is ever linked. Administrators send an invitation again (a new link; the old one is dead)
 * and revoke it; auditors read the list. The secret is never logged, and the database keeps only its hash.
 */
@Stateless
@RolesAllowed({"ADMIN", "AUDITOR"})
public class Invitations {

    private static final Logger LOG = Logger.getLogger(Invitations.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller caller;

    @Inject
    private Accounts accounts;

    @Resource(lookup = "java:jboss/mail/iop")
    private Session mail;

    /** {@code IOP_INVITATION_DAYS}: how long an invitation's link works from its e-mail (default 14 days). */
    private Duration lifetime() {
        return Duration.ofDays(Settings.number("iop.invitation.days", "IOP_INVITATION_DAYS", Invitation.DEFAULT_DAYS, 1));
    }

    /**
     * Invites the person at {@code data.email()}: makes their account as {@link Accounts#createInvited} does (the
     * account form's rules: roles, organisation) and mails them the link. An address with an open invitation or
     * an active account already is refused (409); when the mail server does not take the message, nothing is
     * stored (409, try again).
     */
    @RolesAllowed("ADMIN")
    public InvitationInfo invite(AccountData data) {
        String address = data.email() == null ? "" : data.email().strip().toLowerCase(Locale.ROOT);
        if (!em.createQuery("select i.id from Invitation i where lower(i.email) = :email and i.acceptedAt is null"
                        + " and i.revokedAt is null", Long.class)
                .setParameter("email", address).setMaxResults(1).getResultList().isEmpty()) {
            throw new StateConflict("email", "error.invitation.pending", data.email().strip());
        }
        List<String> holders = em.createQuery("select a.username from Account a where lower(a.email) = :email"
                        + " and a.active order by a.username", String.class)
                .setParameter("email", address).setMaxResults(1).getResultList();
        if (!holders.isEmpty()) {
            throw new StateConflict("email", "error.invitation.accountExists", holders.get(0));
        }
        Account account = accounts.createInvited(data);
        Instant now = Instant.now();
        Invitation.Issued issued = Invitation.issue(account, now, lifetime(), caller.username());
        em.persist(issued.invitation());
        em.flush();
        send(issued.invitation(), issued.secret());
        return InvitationInfo.of(issued.invitation(), now);
    }

    /** Mails the invitation again with a new link, working anew for the whole lifetime; the old link is dead. */
    @RolesAllowed("ADMIN")
    public InvitationInfo resend(long id) {
        Invitation i = invitation(id);
        if (!i.account().active()) {
            throw new StateConflict(null, "error.invitation.inactiveAccount");
        }
        Instant now = Instant.now();
        String secret = i.sendAgain(now, lifetime());
        em.flush();
        send(i, secret);
        return InvitationInfo.of(i, now);
    }

    /**
     * Ends the invitation: its link works no more, and the account made for it, never used, is deactivated.
     * Revoking it again changes nothing; an accepted invitation is not revoked (deactivate the account instead).
     */
    @RolesAllowed("ADMIN")
    public InvitationInfo revoke(long id) {
        Invitation i = invitation(id);
        Instant now = Instant.now();
        i.revoke(now, caller.username());
        i.account().deactivate();
        em.flush();
        return InvitationInfo.of(i, now);
    }

    /** Every invitation, newest first: pending, accepted, expired and revoked. */
    public List<InvitationInfo> list() {
        Instant now = Instant.now();
        return em.createQuery("select distinct i from Invitation i join fetch i.account a left join fetch a.roles"
                        + " left join fetch a.organisation order by i.createdAt desc, i.id desc", Invitation.class)
                .getResultList().stream().map(i -> InvitationInfo.of(i, now)).toList();
    }

    public InvitationInfo find(long id) {
        return InvitationInfo.of(invitation(id), Instant.now());
    }

    /**
     * What the link with this secret invites to, for the invitation page, or {@link InvitationRefused} saying why
     * it would not sign anyone in (an unknown and a forged link are one answer). Reads only.
     */
    @PermitAll
    public InvitationPreview preview(String secret) {
        Instant now = Instant.now();
        Invitation i = bySecret(secret, false);
        i.refusal(now).ifPresent(r -> {
            throw new InvitationRefused(r);
        });
        return preview(i);
    }

    /**
     * The first sign-in through an invitation's link: the person signed in at {@code provider} as {@code subject}
     * (the provider's id as configured, and its subject claim as sent). When the link is known, unused, unexpired,
     * not revoked and its account active, and the subject is linked to no account yet, the subject (as its keyed
     * hash, {@link SubjectHash}) is linked to the invitation's account, the invitation is used up, and the account
     * signs in as {@link Accounts#signIn} would have it. Otherwise {@link InvitationRefused} says why, and nothing
     * is stored. Two sign-ins through one link at once: the invitation's row is locked, so one of them wins.
     */
    @PermitAll
    public Authentication accept(String secret, String provider, String subject) {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a subject is needed");
        }
        Instant now = Instant.now();
        Invitation i = bySecret(secret, true);
        i.refusal(now).ifPresent(r -> {
            throw new InvitationRefused(r);
        });
        String subjectHash = SubjectHash.of(provider, subject);
        if (Accounts.linkedHash(em, provider, subjectHash).isPresent()) {
            throw new InvitationRefused(Invitation.Refusal.LINKED);
        }
        if (Accounts.linkAt(em, i.account().id(), provider).isPresent()) {
            throw new InvitationRefused(Invitation.Refusal.USED);
        }
        em.persist(i.accept(now, provider, subjectHash));
        em.flush();
        Account a = i.account();
        return Authentication.valid(a.username(), a.roles().stream().map(Role::name).collect(Collectors.toSet()),
                a.sessionStamp());
    }

    private InvitationPreview preview(Invitation i) {
        Account a = i.account();
        String invitedBy = em.createQuery("select a.displayName from Account a where a.username = :username", String.class)
                .setParameter("username", i.createdBy()).getResultStream().findFirst().orElse(i.createdBy());
        return new InvitationPreview(a.displayName(), i.email(), a.roles().stream().sorted().toList(),
                a.organisation() == null ? null : a.organisation().name(), invitedBy, i.expiresAt());
    }

    /** The invitation of a secret, or UNKNOWN: a malformed secret is refused before the database is asked. */
    private Invitation bySecret(String secret, boolean lock) {
        if (!Invitation.wellFormed(secret)) {
            throw new InvitationRefused(Invitation.Refusal.UNKNOWN);
        }
        Optional<Long> id = em.createQuery("select i.id from Invitation i where i.tokenHash = :hash", Long.class)
                .setParameter("hash", Secrets.sha256(secret)).getResultStream().findFirst();
        Invitation i = id.map(found -> lock ? em.find(Invitation.class, found, LockModeType.PESSIMISTIC_WRITE)
                : em.find(Invitation.class, found)).orElse(null);
        // Read again under the lock: a link sent again in the meantime has another hash, and the old one is dead.
        if (i == null || !i.opensWith(secret)) {
            throw new InvitationRefused(Invitation.Refusal.UNKNOWN);
        }
        return i;
    }

    /** Hands the message to the mail server; when it does not take it, the transaction (and the invitation) is undone. */
    private void send(Invitation i, String secret) {
        try {
            Transport.send(InvitationMail.compose(mail, i.email(), preview(i),
                    InvitationMail.link(Settings.publicUrl(), secret), SignInHelp.contact()));
        } catch (MessagingException | RuntimeException e) {
            // The link is in the message only: the log names the invitation and the address, never the link.
            LOG.warning(() -> "Invitation " + i.id() + " to " + i.email() + " could not be mailed: " + firstLine(e));
            throw new StateConflict("email", "error.invitation.notSent");
        }
    }

    private static String firstLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().findFirst().orElse("").strip();
    }

    private Invitation invitation(long id) {
        Invitation i = em.find(Invitation.class, id);
        if (i == null) {
            throw new NotFound("invitation");
        }
        return i;
    }
}
