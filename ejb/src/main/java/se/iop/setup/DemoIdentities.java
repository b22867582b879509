package se.iop.setup;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import se.iop.account.boundary.IdentityProviders;
import se.iop.account.entity.Account;
import se.iop.account.entity.AccountIdentity;
import se.iop.account.entity.SubjectHash;

import java.time.Instant;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The demo's sign-in links, for {@code ./run.sh --sso}: the demo accounts linked to the users of the two demo
 * realms it starts in Keycloak (wildfly-config/sso/demo-*.json, which give these subjects), as accepted
 * invitations would have linked them. Only with the demo, and only for providers configured as {@code staff} and
 * {@code eid}; made at each start where missing, since the providers may be configured after the demo was loaded.
 */
@Stateless
public class DemoIdentities {

    private static final Logger LOG = Logger.getLogger(DemoIdentities.class.getName());

    /** Keycloak user ids of the demo staff realm (fixed in demo-staff.json). */
    private static final Map<String, String> STAFF = Map.of(
            "handlaggare", "6f1c2a10-0d1e-4a55-9d0b-000000000001",
            "ekonom", "6f1c2a10-0d1e-4a55-9d0b-000000000002",
            "revisor", "6f1c2a10-0d1e-4a55-9d0b-000000000003");
    /** The demo e-ID realm's subject claim: Skatteverket's well-known test number, not a real person's. */
    private static final Map<String, String> EID = Map.of("stadsmissionen", "191212121212");

    @PersistenceContext
    private EntityManager em;

    public void linkIfMissing() {
        link("staff", STAFF);
        link("eid", EID);
    }

    private void link(String provider, Map<String, String> subjects) {
        if (IdentityProviders.find(provider).isEmpty()) {
            return;
        }
        subjects.forEach((username, subject) -> {
            Account account = em.createNamedQuery(Account.FIND_BY_USERNAME, Account.class).setParameter("username", username)
                    .getResultStream().findFirst().orElse(null);
            if (account == null || !em.createQuery("select i.id from AccountIdentity i where i.provider = :p and i.account = :a",
                    Long.class).setParameter("p", provider).setParameter("a", account).getResultList().isEmpty()) {
                return;
            }
            AccountIdentity link = AccountIdentity.link(account, provider, SubjectHash.of(provider, subject), Instant.now());
            link.unused();
            em.persist(link);
            LOG.info(() -> "Demo: account '" + username + "' linked to its demo user at '" + provider + "'");
        });
    }
}
