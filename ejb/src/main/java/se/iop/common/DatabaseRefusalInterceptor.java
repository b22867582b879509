package se.iop.common;

import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.Optional;

/**
 * Around every call of a service (the default interceptor of the EJB module, see ejb-jar.xml): the
 * outermost call of a transaction writes what it holds before it returns, so that a refusal of the
 * database surfaces while it can still be answered as a problem of the request — and not at commit, as an
 * error of the server. {@link DatabaseRefusals} turns it into that problem; pages and the API then show it
 * like any other broken rule, naming the field.
 */
public class DatabaseRefusalInterceptor {

    /** How deep the calls of the current transaction are nested; only the outermost flushes. */
    private static final Class<?> DEPTH = DatabaseRefusalInterceptor.class;

    @PersistenceContext
    private EntityManager em;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    @AroundInvoke
    public Object translate(InvocationContext call) throws Exception {
        int[] depth = null;
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            depth = (int[]) transactions.getResource(DEPTH);
            if (depth == null) {
                depth = new int[1];
                transactions.putResource(DEPTH, depth);
            }
            depth[0]++;
        }
        try {
            Object result = call.proceed();
            if (depth != null && depth[0] == 1 && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
                em.flush();
            }
            return result;
        } catch (DomainException e) {
            throw e;
        } catch (Exception e) {
            Optional<DomainException> refusal = DatabaseRefusals.of(e);
            if (refusal.isPresent()) {
                throw refusal.get();
            }
            throw e;
        } finally {
            if (depth != null) {
                depth[0]--;
            }
        }
    }
}
