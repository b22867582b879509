package se.iop.common;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The {@code Idempotency-Key}s of API clients' POSTs (table {@code idempotency_key}), per account. Called by the web
 * module's filter inside the one transaction it runs such a request in: {@link #claim} first, then the request's own
 * writes, then {@link #answered} with the answer, then the commit. So a key's row, its answer and the write it guards
 * commit together or not at all, on whichever node; nothing is kept in memory.
 *
 * <p>Plain JDBC on the transaction's connection rather than JPQL: {@code insert … on conflict} is how PostgreSQL lets a
 * second request with the key wait for the first (the unique key) and tell "mine now" from "already done", and the
 * statement's own timeout bounds that wait without touching the rest of the transaction.
 */
@Stateless
@PermitAll
public class IdempotencyKeys {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeys.class.getName());

    /** How long a key is kept, and honoured: a row older than this counts as gone even before the clean-up. */
    public static final Duration KEPT = Duration.ofHours(24);
    private static final String EXPIRED = "now() - interval '" + KEPT.toHours() + " hours'";

    /** The request with this key that is already done: what it was, and its answer. */
    public record Previous(byte[] requestHash, String method, String path, int status, String headers, byte[] body,
                           boolean withheld) {
    }

    /** Another request with this key was still running after {@link #waitSeconds()}: 409 with Retry-After. */
    @ApplicationException(rollback = true)
    public static class StillRunning extends RuntimeException {
        StillRunning(Throwable cause) {
            super("Another request with this Idempotency-Key is still running", cause);
        }
    }

    @EJB
    private JobRuns runs;

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext context;

    /**
     * How long a request waits for another one with its key that is still running (on any node) before it is
     * answered 409: {@code IOP_IDEMPOTENCY_WAIT_SECONDS}, 10 by default.
     */
    public static int waitSeconds() {
        return (int) Settings.number("iop.idempotency.waitSeconds", "IOP_IDEMPOTENCY_WAIT_SECONDS", 10, 1);
    }

    /**
     * Takes the caller's key for this request in the transaction under way, or finds the request that had it. While
     * another transaction holds the key (its request still running), PostgreSQL makes this insert wait on the unique
     * key: then it is ours if that one rolled back, or that one's answer if it committed.
     *
     * @return empty when the key is now this request's; else the earlier request with its answer
     * @throws StillRunning when the other request holds the key longer than {@link #waitSeconds()}
     */
    public Optional<Previous> claim(String key, byte[] requestHash, String method, String path) {
        String username = context.getCallerPrincipal().getName();
        return em.unwrap(Session.class).doReturningWork(c -> {
            // A row past its 24 hours is taken over as if it were gone (the clean-up may not have run yet).
            try (PreparedStatement insert = c.prepareStatement("insert into idempotency_key"
                    + " (account_id, idem_key, request_hash, method, path)"
                    + " select a.id, ?, ?, ?, ? from account a where a.username = ?"
                    + " on conflict (account_id, idem_key) do update set request_hash = excluded.request_hash,"
                    + " method = excluded.method, path = excluded.path, created = now(), status = null, headers = null,"
                    + " body = null, withheld = false where idempotency_key.created < " + EXPIRED)) {
                insert.setString(1, key);
                insert.setBytes(2, requestHash);
                insert.setString(3, method);
                insert.setString(4, path);
                insert.setString(5, username);
                insert.setQueryTimeout(waitSeconds());
                if (insert.executeUpdate() == 1) {
                    return Optional.empty();
                }
            } catch (SQLException e) {
                if ("57014".equals(e.getSQLState())) {
                    // The driver cancelled the statement at its timeout: the other request still holds the key.
                    throw new StillRunning(e);
                }
                throw e;
            }
            // A new statement, so at READ COMMITTED a new snapshot: it sees the row of the request waited for.
            try (PreparedStatement select = c.prepareStatement("select k.request_hash, k.method, k.path, k.status,"
                    + " k.headers, k.body, k.withheld from idempotency_key k join account a on a.id = k.account_id"
                    + " where a.username = ? and k.idem_key = ?")) {
                select.setString(1, username);
                select.setString(2, key);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("No account " + username + " for an Idempotency-Key");
                    }
                    return Optional.of(new Previous(rs.getBytes(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            rs.getString(5), rs.getBytes(6), rs.getBoolean(7)));
                }
            }
        });
    }

    /**
     * Keeps the answer with the caller's key claimed in this transaction; it commits with the write. An answer that
     * holds a secret is {@code withheld}: only that the request succeeded is kept, never the secret.
     */
    public void answered(String key, int status, String headers, byte[] body, boolean withheld) {
        String username = context.getCallerPrincipal().getName();
        int rows = em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement update = c.prepareStatement("update idempotency_key set status = ?, headers = ?,"
                    + " body = ?, withheld = ? where idem_key = ?"
                    + " and account_id = (select id from account where username = ?)")) {
                update.setInt(1, status);
                update.setString(2, withheld ? null : headers);
                update.setBytes(3, withheld ? null : body);
                update.setBoolean(4, withheld);
                update.setString(5, key);
                update.setString(6, username);
                return update.executeUpdate();
            }
        });
        if (rows != 1) {
            throw new IllegalStateException("The Idempotency-Key claimed in this transaction is gone");
        }
    }

    /**
     * Forgets keys older than 24 hours: one indexed delete an hour, by one node ({@link JobRuns}).
     */
    @Schedule(hour = "*", minute = "17", persistent = false, info = "idempotency-key-cleanup")
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void forgetOld() {
        if (!runs.claim("idempotency-key-cleanup", Duration.ofHours(1))) {
            return;
        }
        int deleted = em.createNativeQuery("delete from idempotency_key where created < " + EXPIRED).executeUpdate();
        if (deleted > 0) {
            LOG.fine(() -> deleted + " idempotency keys older than " + KEPT.toHours() + " hours forgotten");
        }
    }
}
