package se.iop.publication.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import se.iop.publication.entity.BarrierReport;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import se.iop.common.Days;

/**
 * Accessibility barriers reported through the accessibility statement: anyone may report one without
 * logging in; only administrators read them.
 */
@Stateless
@RolesAllowed("ADMIN")
public class BarrierReports {

    /** One report as the administrators' list shows it, the time in Swedish local time. */
    public record Received(long id, LocalDateTime receivedAt, String page, String description, String email) {
    }

    @PersistenceContext
    private EntityManager em;

    /** Records a report; refused, naming the field, when the description is missing or any field breaks its rule. */
    @PermitAll
    public long report(String description, String page, String email) {
        BarrierReport report = new BarrierReport(description, page, email, Instant.now());
        em.persist(report);
        em.flush();
        return report.id();
    }

    /** The newest reports first, at most {@code max}. */
    public List<Received> newest(int max) {
        return em.createQuery("select r from BarrierReport r order by r.receivedAt desc, r.id desc", BarrierReport.class)
                .setMaxResults(Math.max(1, Math.min(max, 1000))).getResultStream()
                .map(r -> new Received(r.id(), LocalDateTime.ofInstant(r.receivedAt(), Days.SWEDEN), r.page(),
                        r.description(), r.email()))
                .toList();
    }
}
