package se.iop.persistence;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.iop.account.boundary.Accounts;
import se.iop.account.boundary.Authentication;
import se.iop.account.boundary.Invitations;
import se.iop.account.entity.Account;
import se.iop.account.entity.Invitation;
import se.iop.account.entity.InvitationRefused;
import se.iop.account.entity.Role;
import se.iop.account.entity.SubjectHash;
import se.iop.it.Deployments;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inside the server, with PostgreSQL: {@link Invitations#accept} as the sign-in calls it. The invitations are
 * made here through the entity (the secret an e-mail would carry is in hand), so no identity provider is
 * needed; the full flow through a provider is the sign-in's own test. A working link links the subject (only
 * its keyed hash is stored) and signs the account in, once; a used, expired, revoked, replaced or forged link,
 * an inactive account and a subject linked to another account are refused with their reason, storing nothing.
 */
@ExtendWith(ArquillianExtension.class)
class InvitationAcceptIT {

    @Deployment
    static EnterpriseArchive ear() {
        return Deployments.withTestClasses(InvitationAcceptIT.class, AsAdmin.class);
    }

    @EJB
    private AsAdmin admin;

    @Inject
    private Invitations invitations;

    @Inject
    private Accounts accounts;

    @PersistenceUnit(unitName = "iop")
    private EntityManagerFactory emf;

    @Resource(lookup = "java:jboss/datasources/IopDS")
    private DataSource dataSource;

    /** An invitation's id and the secret its e-mail would carry. */
    private record Made(long id, long accountId, String username, String secret) {
    }

    private Made invitation(Role role) throws Exception {
        return admin.call(() -> {
            EntityManager em = emf.createEntityManager();
            em.joinTransaction();
            Account a = Account.invited("it-" + UUID.randomUUID() + "@example.se", 1, "Kim Inbjuden");
            a.grant(EnumSet.of(role), null);
            em.persist(a);
            Invitation.Issued issued = Invitation.issue(a, Instant.now(), Duration.ofDays(14), "admin");
            em.persist(issued.invitation());
            em.flush();
            return new Made(issued.invitation().id(), a.id(), a.username(), issued.secret());
        });
    }

    private long value(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void update(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            assertEquals(1, ps.executeUpdate(), sql);
        }
    }

    private Invitation.Refusal refused(String secret, String provider, String subject) throws SQLException {
        long links = value("select count(*) from account_identity");
        InvitationRefused e = assertThrows(InvitationRefused.class, () -> invitations.accept(secret, provider, subject));
        assertEquals(links, value("select count(*) from account_identity"), "nothing linked");
        return e.reason();
    }

    private static String subject() {
        return "subject-" + UUID.randomUUID();
    }

    @Test
    void theFirstSignInThroughTheLinkLinksTheSubjectOnceAndSignsTheAccountIn() throws Exception {
        Made m = invitation(Role.FINANCE);
        String subject = subject();
        assertEquals(Authentication.Outcome.INVALID, accounts.signIn("staff", subject, subject, null).outcome(), "not linked before");

        Authentication signedIn = invitations.accept(m.secret(), "staff", subject);
        assertEquals(Authentication.Outcome.VALID, signedIn.outcome());
        assertEquals(m.username(), signedIn.username());
        assertEquals(Set.of("FINANCE"), signedIn.roles());

        assertEquals(1, value("select count(*) from account_identity where account_id = ? and provider = 'staff'"
                + " and subject_hash = ?", m.accountId(), SubjectHash.of("staff", subject)));
        assertEquals(0, value("select count(*) from account_identity i where strpos(i::text, ?) > 0", subject),
                "the subject itself is stored nowhere");
        assertEquals(1, value("select count(*) from invitation where id = ? and accepted_at is not null"
                + " and accepted_provider = 'staff'", m.id()));
        assertEquals(1, value("select count(*) from invitation_aud where id = ? and accepted_provider = 'staff'", m.id()),
                "the acceptance is audited");

        Authentication later = accounts.signIn("staff", subject, subject, null);
        assertEquals(Authentication.Outcome.VALID, later.outcome(), "later sign-ins find the account by the link");
        assertEquals(m.username(), later.username());
        assertEquals(Authentication.Outcome.INVALID, accounts.signIn("eid", subject, subject, null).outcome(), "at that provider only");

        assertEquals(Invitation.Refusal.USED, refused(m.secret(), "staff", subject), "once");
        assertEquals(Invitation.Refusal.USED, refused(m.secret(), "eid", subject()), "once, at any provider");
    }

    @Test
    void aSubjectLinkedToAnotherAccountIsRefusedAndTheInvitationStaysOpen() throws Exception {
        String subject = subject();
        invitations.accept(invitation(Role.AUDITOR).secret(), "eid", subject);
        Made second = invitation(Role.AUDITOR);
        assertEquals(Invitation.Refusal.LINKED, refused(second.secret(), "eid", subject));
        assertEquals(1, value("select count(*) from invitation where id = ? and accepted_at is null", second.id()));
        assertEquals(Authentication.Outcome.VALID, invitations.accept(second.secret(), "eid", subject()).outcome(),
                "another person may still take it up");
    }

    @Test
    void anExpiredRevokedReplacedOrForgedLinkAndAnInactiveAccountAreRefused() throws Exception {
        Made expired = invitation(Role.AUDITOR);
        update("update invitation set created_at = created_at - interval '15 days', sent_at = sent_at - interval '15 days',"
                + " expires_at = expires_at - interval '15 days' where id = ?", expired.id());
        assertEquals(Invitation.Refusal.EXPIRED, refused(expired.secret(), "staff", subject()));

        Made revoked = invitation(Role.AUDITOR);
        admin.call(() -> invitations.revoke(revoked.id()));
        assertEquals(Invitation.Refusal.UNKNOWN, refused(revoked.secret(), "staff", subject()));

        Made replaced = invitation(Role.AUDITOR);
        String fresh = admin.call(() -> {
            EntityManager em = emf.createEntityManager();
            em.joinTransaction();
            return em.find(Invitation.class, replaced.id()).sendAgain(Instant.now(), Duration.ofDays(14));
        });
        assertEquals(Invitation.Refusal.UNKNOWN, refused(replaced.secret(), "staff", subject()), "the old link is dead");

        Made inactive = invitation(Role.AUDITOR);
        update("update account set active = false where id = ?", inactive.accountId());
        assertEquals(Invitation.Refusal.UNKNOWN, refused(inactive.secret(), "staff", subject()));

        assertEquals(Invitation.Refusal.UNKNOWN, refused("A".repeat(43), "staff", subject()), "forged");
        assertEquals(Invitation.Refusal.UNKNOWN, refused("not a secret", "staff", subject()), "malformed");
        assertEquals(Invitation.Refusal.UNKNOWN, refused(null, "staff", subject()));

        assertEquals(Authentication.Outcome.VALID, invitations.accept(fresh, "staff", subject()).outcome(),
                "the new link works");
    }

    @Test
    void thePreviewSaysWhatTheLinkInvitesToOrWhyItDoesNot() throws Exception {
        Made m = invitation(Role.FINANCE);
        var preview = invitations.preview(m.secret());
        assertEquals("Kim Inbjuden", preview.displayName());
        assertEquals("Administratör", preview.invitedBy());
        assertEquals(java.util.List.of(Role.FINANCE), preview.roles());
        assertNull(preview.organisationName());
        assertNotNull(preview.expiresAt());
        InvitationRefused forged = assertThrows(InvitationRefused.class, () -> invitations.preview("B".repeat(43)));
        assertEquals(Invitation.Refusal.UNKNOWN, forged.reason());
        assertTrue(value("select count(*) from invitation where id = ? and accepted_at is null", m.id()) == 1,
                "reading changes nothing");
    }
}
