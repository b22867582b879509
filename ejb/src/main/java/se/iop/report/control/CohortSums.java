package se.iop.report.control;

import jakarta.persistence.EntityManager;
import se.iop.report.boundary.OutcomeSummary.CohortPoint;
import se.iop.report.boundary.OutcomeSummary.Count;
import se.iop.report.entity.ReportPeriod;
import se.iop.report.entity.SmallCounts;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The intake cohorts of some agreements summed over their partners, as the approved reports state them:
 * each partner's figures for a cohort from its latest approved report (up to a day) that states the cohort.
 * The follow-up pages, the API and the committee report read them from here.
 */
public final class CohortSums {

    private static final String COHORTS = """
            with c as (
                select distinct on (r.agreement_id, r.partner_id, c.cohort_start) c.*
                  from report_cohort c join activity_report r on r.id = c.report_id
                 where r.status = 'APPROVED' and r.agreement_id in (:ids) and r.period_end <= :until
                 order by r.agreement_id, r.partner_id, c.cohort_start, r.period_end desc)
            select cohort_start, sum(housed), sum(retained_12), sum(housed) filter (where retained_12 is not null),
                   sum(retained_24), sum(housed) filter (where retained_24 is not null),
                   sum(moved_on), sum(evictions), sum(returned_homeless), sum(leases_own)
              from c group by cohort_start order by cohort_start
            """;

    private CohortSums() {
    }

    /** Counts under three hidden and shares on fewer than three households left out, unless {@code exact}. */
    public static List<CohortPoint> of(EntityManager em, List<Long> agreementIds, LocalDate until, boolean exact) {
        if (agreementIds.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(COHORTS).setParameter("ids", agreementIds).setParameter("until", until)
                .getResultList();
        List<CohortPoint> points = new ArrayList<>();
        for (Object[] row : rows) {
            LocalDate start = date(row[0]);
            Integer housed = integer(row[1]);
            Integer retained12 = integer(row[2]);
            Integer retained24 = integer(row[4]);
            points.add(new CohortPoint(ReportPeriod.quarterOf(start).code(), start, Count.of(housed, exact),
                    Count.of(retained12, exact), Count.of(retained24, exact), Count.of(integer(row[6]), exact),
                    Count.of(integer(row[7]), exact), Count.of(integer(row[8]), exact), Count.of(integer(row[9]), exact),
                    SmallCounts.share(retained12, integer(row[3]), exact), SmallCounts.share(retained24, integer(row[5]), exact)));
        }
        return points;
    }

    private static Integer integer(Object o) {
        return o == null ? null : ((Number) o).intValue();
    }

    private static LocalDate date(Object o) {
        if (o instanceof LocalDate d) {
            return d;
        }
        if (o instanceof Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(o.toString().substring(0, 10));
    }
}
