package se.iop.common;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Scheduled jobs that every node keeps (the EJB timers are not persistent, each node starts its own) still run once
 * per period across the cluster: the node whose insert of the job and period makes the row runs the job, the
 * others find the row there and skip that period. No node-local state decides, so any node may stop at any time
 * and the next period runs on another.
 */
@Stateless
@PermitAll
public class JobRuns {

    /** How long runs are remembered: far beyond any period. */
    private static final Duration KEPT = Duration.ofDays(7);

    @PersistenceContext
    private EntityManager em;

    /** Whether the calling node is the one to run {@code job} in the period of length {@code period} that now falls in. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean claim(String job, Duration period) {
        Instant start = periodStart(Instant.now(), period);
        boolean mine = em.createNativeQuery("insert into job_run (job, period_start, node, started_at)"
                        + " values (?1, ?2, ?3, now()) on conflict do nothing")
                .setParameter(1, job).setParameter(2, OffsetDateTime.ofInstant(start, ZoneOffset.UTC))
                .setParameter(3, node()).executeUpdate() == 1;
        if (mine) {
            em.createNativeQuery("delete from job_run where job = ?1 and period_start < ?2").setParameter(1, job)
                    .setParameter(2, OffsetDateTime.ofInstant(start.minus(KEPT), ZoneOffset.UTC)).executeUpdate();
        }
        return mine;
    }

    /** The start of the period that {@code now} falls in, periods counted from the epoch. */
    static Instant periodStart(Instant now, Duration period) {
        long length = Math.max(1, period.toMillis());
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), length) * length);
    }

    /** This node's name in the server's configuration, else the host's. */
    static String node() {
        String name = System.getProperty("jboss.node.name");
        if (name != null && !name.isBlank()) {
            return name.length() > 100 ? name.substring(0, 100) : name;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
