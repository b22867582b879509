package se.iop.report.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import se.iop.account.boundary.Caller;
import se.iop.account.entity.Role;
import se.iop.agreement.boundary.Agreements;
import se.iop.agreement.entity.Agreement;
import se.iop.budget.boundary.BudgetSummaries;
import se.iop.budget.boundary.BudgetSummary;
import se.iop.common.Days;
import se.iop.common.Percent;
import se.iop.report.boundary.OutcomeSummary.BudgetPace;
import se.iop.report.boundary.OutcomeSummary.Count;
import se.iop.report.boundary.OutcomeSummary.Followed;
import se.iop.report.boundary.OutcomeSummary.MilestoneTally;
import se.iop.report.boundary.OutcomeSummary.QuarterPoint;
import se.iop.report.control.CohortSums;
import se.iop.report.entity.Measure;
import se.iop.report.entity.Outcomes;
import se.iop.report.entity.SmallCounts;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Outcomes over time for one agreement or all the caller may see. Sums and counts come from the
 * database: per quarter, flows are summed over the approved reports, stocks taken from each partner's
 * latest approved report of the quarter; intake cohorts from each partner's latest approved report stating
 * them ({@link CohortSums}). Only administrators see exact small counts.
 */
@Stateless
@RolesAllowed({"ADMIN", "FINANCE", "AUDITOR", "PARTNER"})
public class OutcomeSummaries {

    private static final List<Measure> FLOWS = Arrays.stream(Measure.values()).filter(Measure::flow).toList();
    private static final List<Measure> STOCKS = Arrays.stream(Measure.values()).filter(m -> !m.flow()).toList();

    // Column lists come from the Measure constants, never from input.
    private static final String QUARTERS = """
            with r as (
                select agreement_id, partner_id, period_end, cast(date_trunc('quarter', period_start) as date) as q, %s
                  from activity_report where status = 'APPROVED' and agreement_id in (:ids)),
            flows as (select q, count(*) as reports, %s from r group by q),
            latest as (select distinct on (agreement_id, partner_id, q) * from r order by agreement_id, partner_id, q, period_end desc),
            stocks as (select q, %s from latest group by q)
            select f.q, f.reports, %s, %s from flows f join stocks s on s.q = f.q order by f.q
            """.formatted(
            Arrays.stream(Measure.values()).map(Measure::column).collect(Collectors.joining(", ")),
            FLOWS.stream().map(m -> "sum(" + m.column() + ") as " + m.column()).collect(Collectors.joining(", ")),
            STOCKS.stream().map(m -> "sum(" + m.column() + ") as " + m.column()).collect(Collectors.joining(", ")),
            FLOWS.stream().map(m -> "f." + m.column()).collect(Collectors.joining(", ")),
            STOCKS.stream().map(m -> "s." + m.column()).collect(Collectors.joining(", ")));

    private static final String MILESTONES = """
            select count(*) filter (where status = 'DONE' and completed_on <= due_on),
                   count(*) filter (where status = 'DONE' and completed_on > due_on),
                   count(*) filter (where status in ('PLANNED', 'IN_PROGRESS') and due_on < :today),
                   count(*) filter (where status in ('PLANNED', 'IN_PROGRESS') and due_on >= :today),
                   count(*) filter (where status = 'CANCELLED')
              from milestone where agreement_id in (:ids)
            """;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Agreements agreements;

    @Inject
    private BudgetSummaries budgets;

    @Inject
    private Caller caller;

    public OutcomeSummary ofAgreement(long agreementId) {
        return summary(List.of(agreements.find(agreementId)), Days.today());
    }

    /** Over every agreement the caller may see that is or was in force; the summary lists them, so a page shows what it counted. */
    public OutcomeSummary overall() {
        return summary(agreements.inForceOrWas(), Days.today());
    }

    /**
     * The outcomes over time of the given agreements as anyone may see them (the public register): always with
     * counts under three hidden and shares on fewer than three households left out, whoever calls.
     */
    @PermitAll
    public List<QuarterPoint> published(List<Long> agreementIds) {
        return agreementIds.isEmpty() ? List.of() : quarters(agreementIds, false);
    }

    private OutcomeSummary summary(List<Agreement> list, LocalDate today) {
        boolean exact = caller.is(Role.ADMIN);
        List<Long> ids = list.stream().map(Agreement::id).toList();
        if (ids.isEmpty()) {
            return new OutcomeSummary(exact, List.of(), List.of(), new MilestoneTally(0, 0, 0, 0, 0), List.of(), List.of());
        }
        List<Followed> followed = list.stream().map(a -> new Followed(a.id(), a.reference(), a.title(), a.status().name())).toList();
        return new OutcomeSummary(exact, followed, quarters(ids, exact), milestones(ids, today), paces(list, today),
                CohortSums.of(em, ids, today, exact));
    }

    private List<QuarterPoint> quarters(List<Long> ids, boolean exact) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(QUARTERS).setParameter("ids", ids).getResultList();
        List<QuarterPoint> points = new ArrayList<>();
        int leasesToDate = 0;
        for (Object[] row : rows) {
            LocalDate start = date(row[0]);
            Map<Measure, Integer> values = new LinkedHashMap<>();
            int i = 2;
            for (Measure m : FLOWS) {
                values.put(m, integer(row[i++]));
            }
            for (Measure m : STOCKS) {
                values.put(m, integer(row[i++]));
            }
            Map<String, Count> counts = new LinkedHashMap<>();
            for (Measure m : Measure.values()) {
                counts.put(m.field(), Count.of(values.get(m), exact));
            }
            Integer leases = values.get(Measure.LEASES_TAKEN_OVER);
            leasesToDate += leases == null ? 0 : leases;
            points.add(new QuarterPoint(start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1), start,
                    ((Number) row[1]).intValue(), counts, Count.of(leasesToDate, exact),
                    share(values.get(Measure.TENANCIES_12_KEPT), values.get(Measure.TENANCIES_12_DUE), exact),
                    share(values.get(Measure.TENANCIES_6_KEPT), values.get(Measure.TENANCIES_6_DUE), exact)));
        }
        return points;
    }

    private static BigDecimal share(Integer kept, Integer due, boolean exact) {
        return SmallCounts.share(kept, due, exact);
    }

    private MilestoneTally milestones(List<Long> ids, LocalDate today) {
        Object[] r = (Object[]) em.createNativeQuery(MILESTONES).setParameter("ids", ids).setParameter("today", today)
                .getSingleResult();
        return new MilestoneTally(number(r[0]), number(r[1]), number(r[2]), number(r[3]), number(r[4]));
    }

    private List<BudgetPace> paces(List<Agreement> list, LocalDate today) {
        List<BudgetPace> paces = new ArrayList<>();
        for (Agreement a : list) {
            BudgetSummary s = budgets.of(a.id(), today);
            BudgetSummary.Figures t = s.total();
            if (t == null || t.start() == null || t.end() == null) {
                continue;
            }
            paces.add(new BudgetPace(a.id(), a.title(), t.allocated(), t.spent(), t.percentUsed(),
                    elapsed(t.start(), t.end(), today), s.months()));
        }
        return paces;
    }

    /** Share of the days from start to end that have passed by today, in per cent with one decimal. */
    static BigDecimal elapsed(LocalDate start, LocalDate end, LocalDate today) {
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        long gone = today.isBefore(start) ? 0 : Math.min(days, ChronoUnit.DAYS.between(start, today) + 1);
        return Percent.of(gone, days);
    }

    private static long number(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
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
