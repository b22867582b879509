package se.iop.account.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import se.iop.account.entity.Account;
import se.iop.account.entity.ApiToken;
import se.iop.account.entity.Role;
import se.iop.account.entity.TokenScope;
import se.iop.common.NotFound;
import se.iop.common.Secrets;
import se.iop.common.StateConflict;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * API tokens: administrators issue them for an account (the secret is returned once) and revoke them,
 * auditors read the list; the login mechanism checks a presented one ({@link CallerCache#token}, which looks it up
 * here: {@link #presented}).
 */
@Stateless
@RolesAllowed({"ADMIN", "AUDITOR"})
public class ApiTokens {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller caller;

    /** A token just issued, as shown, with the secret that is shown this once. */
    public record Issued(TokenInfo token, String secret) {
    }

    @RolesAllowed("ADMIN")
    public Issued issue(long accountId, String name, TokenScope scope, LocalDate expiresOn) {
        Account account = account(accountId);
        ApiToken.Issued issued = ApiToken.issue(account, name, scope, expiresOn, Instant.now(), caller.username());
        boolean taken = !em.createQuery("select t.id from ApiToken t where t.account = :account and t.revokedAt is null"
                        + " and lower(t.name) = :name", Long.class)
                .setParameter("account", account).setParameter("name", issued.token().name().toLowerCase(Locale.ROOT))
                .setMaxResults(1).getResultList().isEmpty();
        if (taken) {
            throw new StateConflict("name", "error.token.nameInUse", issued.token().name());
        }
        em.persist(issued.token());
        em.flush();
        return new Issued(TokenInfo.of(issued.token()), issued.secret());
    }

    /** The account's tokens, newest first: in use, expired and revoked. */
    public List<TokenInfo> ofAccount(long accountId) {
        account(accountId);
        return em.createQuery("select new se.iop.account.boundary.TokenInfo(t.id, t.account.id, t.name, t.prefix, t.scope,"
                        + " t.createdAt, t.createdBy, t.expiresAt, t.revokedAt, t.revokedBy, t.lastUsedAt)"
                        + " from ApiToken t where t.account.id = :account order by t.createdAt desc, t.id desc", TokenInfo.class)
                .setParameter("account", accountId).getResultList();
    }

    public TokenInfo find(long tokenId) {
        return TokenInfo.of(token(tokenId));
    }

    /** Ends the token at once; revoking a revoked token changes nothing. */
    @RolesAllowed("ADMIN")
    public TokenInfo revoke(long tokenId) {
        ApiToken t = token(tokenId);
        t.revoke(Instant.now(), caller.username());
        em.flush();
        return TokenInfo.of(t);
    }

    /**
     * The token of a presented secret while it admits requests, or empty when it is malformed, unknown, revoked,
     * expired or its account inactive — one answer for all, so a client learns nothing about why. No password hash
     * is computed: one SHA-256 and one query. {@link CallerCache#token} asks this at most every few seconds per token.
     */
    @PermitAll
    public Optional<CallerCache.KnownToken> presented(String secret, Instant now) {
        if (!ApiToken.wellFormed(secret)) {
            return Optional.empty();
        }
        Optional<ApiToken> found = em.createNamedQuery(ApiToken.BY_HASH, ApiToken.class)
                .setParameter("hash", Secrets.sha256(secret)).getResultStream().findFirst();
        if (found.isEmpty() || !found.get().admits(now)) {
            return Optional.empty();
        }
        ApiToken t = found.get();
        Account a = t.account();
        return Optional.of(new CallerCache.KnownToken(new TokenCaller(a.username(),
                a.roles().stream().map(Role::name).collect(Collectors.toSet()), t.scope()), t.id(), t.expiresAt(), t.lastUsedAt()));
    }

    /**
     * Notes a token's use, when its last one is due to be written ({@link ApiToken#lastUseDue}: at most once a
     * minute), by a conditional update (no version step, no audit row), so concurrent requests and nodes write it once.
     */
    @PermitAll
    public void used(long tokenId, Instant now) {
        em.createQuery("update ApiToken t set t.lastUsedAt = :now where t.id = :id"
                        + " and (t.lastUsedAt is null or t.lastUsedAt <= :due)")
                .setParameter("now", now).setParameter("id", tokenId)
                .setParameter("due", now.minus(ApiToken.LAST_USED_STEP)).executeUpdate();
    }

    private Account account(long id) {
        Account a = em.find(Account.class, id);
        if (a == null) {
            throw new NotFound("account");
        }
        return a;
    }

    private ApiToken token(long id) {
        ApiToken t = em.find(ApiToken.class, id);
        if (t == null) {
            throw new NotFound("token");
        }
        return t;
    }
}
