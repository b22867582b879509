package se.iop.budget.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import se.iop.account.boundary.Caller;
import se.iop.agreement.boundary.Agreements;
import se.iop.budget.boundary.BudgetSummary.Figures;
import se.iop.budget.boundary.BudgetSummary.Forecast;
import se.iop.budget.boundary.BudgetSummary.MonthPoint;
import se.iop.common.DatabaseReadiness;
import se.iop.common.NamedSql;
import se.iop.common.NotFound;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/**
 * Computes an agreement's budget use in one SQL statement: every sum comes from the database, Java
 * only arranges the rows and draws the plan line and the forecast from the aggregates.
 *
 * <p>No transaction of its own ({@code SUPPORTS}): one statement sees one snapshot of the data by itself, and a
 * transaction begun and committed around it cost its request a round trip and the transaction manager's work. A
 * caller's transaction, where there is one, is joined as before.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
@RolesAllowed({"ADMIN", "FINANCE", "AUDITOR", "PARTNER"})
public class BudgetSummaries {

    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    /**
     * One row per total, phase, committee, line, partner, co-financing party and month, told apart by kind; the
     * agreement is the parameter {@code :a}. The total's row is there only when the caller may see the agreement
     * ({@link Agreements#VISIBLE}, its values from {@link Agreements#visibility}): the check costs no round trip of its
     * own. Public for the auth benchmark, which runs it straight over JDBC.
     */
    public static final String SQL = """
            select 'TOTAL' as kind, cast(null as bigint) as id, cast(null as bigint) as parent, cast(null as varchar) as label, cast(null as varchar) as detail,
                   (select coalesce(sum(al.amount), 0) from allocation al join phase p on p.id = al.phase_id where p.agreement_id = :a) as allocated,
                   (select coalesce(sum(l.planned), 0) from budget_line l join phase p on p.id = l.phase_id where p.agreement_id = :a) as planned,
                   (select coalesce(sum(d.amount), 0) from disbursement d join phase p on p.id = d.phase_id where p.agreement_id = :a and d.status = 'PAID') as paid,
                   (select coalesce(sum(d.amount), 0) from disbursement d join phase p on p.id = d.phase_id where p.agreement_id = :a and d.status in ('APPROVED', 'PAID')) as committed,
                   (select coalesce(sum(e.amount), 0) from expense e where e.agreement_id = :a) as spent,
                   (select min(p.start_date) from phase p where p.agreement_id = :a) as start_date,
                   (select max(p.end_date) from phase p where p.agreement_id = :a) as end_date
             where""" + " " + Agreements.VISIBLE + """

            union all
            select 'PHASE', p.id, null, p.name, null,
                   (select coalesce(sum(al.amount), 0) from allocation al where al.phase_id = p.id),
                   (select coalesce(sum(l.planned), 0) from budget_line l where l.phase_id = p.id),
                   (select coalesce(sum(d.amount), 0) from disbursement d where d.phase_id = p.id and d.status = 'PAID'),
                   (select coalesce(sum(d.amount), 0) from disbursement d where d.phase_id = p.id and d.status in ('APPROVED', 'PAID')),
                   (select coalesce(sum(e.amount), 0) from expense e where e.phase_id = p.id),
                   p.start_date, p.end_date
              from phase p where p.agreement_id = :a
            union all
            select 'COMMITTEE', c.id, null, c.name, o.name, sum(al.amount), 0, 0, 0, 0, null, null
              from allocation al join phase p on p.id = al.phase_id join committee c on c.id = al.committee_id
                   join organisation o on o.id = c.organisation_id
             where p.agreement_id = :a group by c.id, c.name, o.name
            union all
            select 'LINE', l.id, l.phase_id, l.name, l.category, 0, l.planned, 0, 0,
                   (select coalesce(sum(e.amount), 0) from expense e where e.line_id = l.id), null, null
              from budget_line l join phase p on p.id = l.phase_id where p.agreement_id = :a
            union all
            select 'PARTNER', o.id, null, o.name, null, 0, 0,
                   (select coalesce(sum(d.amount), 0) from disbursement d join phase p on p.id = d.phase_id where p.agreement_id = :a and d.organisation_id = o.id and d.status = 'PAID'),
                   (select coalesce(sum(d.amount), 0) from disbursement d join phase p on p.id = d.phase_id where p.agreement_id = :a and d.organisation_id = o.id and d.status in ('APPROVED', 'PAID')),
                   (select coalesce(sum(e.amount), 0) from expense e where e.agreement_id = :a and e.organisation_id = o.id),
                   null, null
              from organisation o
             where o.id in (select ap.organisation_id from agreement_party ap where ap.agreement_id = :a and ap.role = 'NON_PROFIT_PARTNER')
            union all
            select 'COFINANCING', ap.id, null, o.name, string_agg(distinct c.kind, ','), sum(c.value_sek), 0, 0, 0, 0, null, null
              from contribution c join phase p on p.id = c.phase_id join agreement_party ap on ap.id = c.party_id
                   join organisation o on o.id = ap.organisation_id
             where p.agreement_id = :a group by ap.id, o.name
            union all
            select 'MONTH', null, null, to_char(m.month, 'YYYY-MM'), null, 0, 0, 0, 0, m.to_date, cast(m.month as date), null
              from (select date_trunc('month', e.spent_on) as month, sum(sum(e.amount)) over (order by date_trunc('month', e.spent_on)) as to_date
                      from expense e where e.agreement_id = :a group by date_trunc('month', e.spent_on)) m
            """;

    private static final NamedSql STATEMENT = NamedSql.of(SQL);

    @Resource(lookup = DatabaseReadiness.DATASOURCE)
    private DataSource dataSource;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller caller;

    /**
     * The caller's own organisation's row among the summary's partners — what was granted and paid to it and what
     * it booked — or null when the caller is no partner of the agreement.
     */
    public BudgetSummary.Figures ownShare(BudgetSummary summary) {
        Long own = caller.organisationId().orElse(null);
        return own == null ? null : summary.partners().stream().filter(f -> own.equals(f.id())).findFirst().orElse(null);
    }

    public BudgetSummary of(long agreementId) {
        return of(agreementId, LocalDate.now(STOCKHOLM));
    }

    /** As {@link #of(long)}, with the forecast made as of the given day. */
    public BudgetSummary of(long agreementId, LocalDate today) {
        Map<String, Object> values = new HashMap<>(Agreements.visibility(caller));
        values.put("a", agreementId);
        Figures total = null;
        List<Figures> phases = new ArrayList<>();
        List<Figures> committees = new ArrayList<>();
        List<Figures> partners = new ArrayList<>();
        List<Figures> lines = new ArrayList<>();
        List<Figures> cofinancing = new ArrayList<>();
        List<Figures> months = new ArrayList<>();
        // Straight over JDBC, on a connection of the pool: in a JFR profile of the auth benchmark, Hibernate's
        // handling of this one native query (a session made and closed around it, its plan, its result mapping) was
        // some tenth of the request threads' samples besides the driver's own work. Within a caller's transaction
        // the connection is that transaction's, and what the caller changed is written first, as a query would.
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            em.flush();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(STATEMENT.jdbc())) {
            STATEMENT.bind(statement, values);
            try (ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    Figures f = Figures.of(r.getObject(2, Long.class), r.getObject(3, Long.class), r.getString(4),
                            r.getString(5), money(r.getBigDecimal(6)), money(r.getBigDecimal(7)), money(r.getBigDecimal(8)),
                            money(r.getBigDecimal(9)), money(r.getBigDecimal(10)), r.getObject(11, LocalDate.class),
                            r.getObject(12, LocalDate.class));
                    String kind = r.getString(1);
                    switch (kind) {
                        case "TOTAL" -> total = f;
                        case "PHASE" -> phases.add(f);
                        case "COMMITTEE" -> committees.add(f);
                        case "LINE" -> lines.add(f);
                        case "PARTNER" -> partners.add(f);
                        case "COFINANCING" -> cofinancing.add(f);
                        case "MONTH" -> months.add(f);
                        default -> throw new IllegalStateException("unknown row kind " + kind);
                    }
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("the budget summary of agreement " + agreementId + " could not be read", e);
        }
        if (total == null) {
            throw new NotFound("agreement");
        }
        return new BudgetSummary(agreementId, total, phases, committees, partners, lines, cofinancing,
                curve(phases, months), forecast(total, today));
    }

    /**
     * Spending to date per month from the first phase's start to the last one's end (or today), with
     * the plan spread evenly over each phase's days.
     */
    static List<MonthPoint> curve(List<Figures> phases, List<Figures> spentMonths) {
        if (phases.isEmpty()) {
            return List.of();
        }
        LocalDate first = phases.stream().map(Figures::start).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = phases.stream().map(Figures::end).max(LocalDate::compareTo).orElseThrow();
        for (Figures m : spentMonths) {
            if (m.start().isBefore(first)) {
                first = m.start();
            }
            if (m.start().isAfter(last)) {
                last = m.start();
            }
        }
        List<MonthPoint> points = new ArrayList<>();
        BigDecimal spentToDate = BigDecimal.ZERO.setScale(2);
        int next = 0;
        for (YearMonth ym = YearMonth.from(first); !ym.isAfter(YearMonth.from(last)); ym = ym.plusMonths(1)) {
            while (next < spentMonths.size() && !YearMonth.from(spentMonths.get(next).start()).isAfter(ym)) {
                spentToDate = spentMonths.get(next).spent();
                next++;
            }
            LocalDate monthEnd = ym.atEndOfMonth();
            BigDecimal planned = BigDecimal.ZERO;
            for (Figures p : phases) {
                planned = planned.add(plannedBy(p, monthEnd));
            }
            points.add(new MonthPoint(ym.toString(), spentToDate, planned.setScale(2, RoundingMode.HALF_EVEN)));
        }
        return points;
    }

    private static BigDecimal plannedBy(Figures phase, LocalDate day) {
        if (day.isBefore(phase.start())) {
            return BigDecimal.ZERO;
        }
        long days = ChronoUnit.DAYS.between(phase.start(), phase.end()) + 1;
        long elapsed = Math.min(days, ChronoUnit.DAYS.between(phase.start(), day) + 1);
        return phase.planned().multiply(BigDecimal.valueOf(elapsed)).divide(BigDecimal.valueOf(days), 2, RoundingMode.HALF_EVEN);
    }

    /**
     * At the average rate since the first phase started, when does the allocation run out? After the
     * last phase has ended, the rate is that of the whole budget period.
     */
    static Forecast forecast(Figures total, LocalDate day) {
        if (total == null || total.start() == null || total.spent().signum() <= 0 || day.isBefore(total.start())) {
            return new Forecast(day, null, null, false);
        }
        LocalDate today = total.end() != null && day.isAfter(total.end()) ? total.end() : day;
        long elapsed = ChronoUnit.DAYS.between(total.start(), today) + 1;
        BigDecimal perDay = total.spent().divide(BigDecimal.valueOf(elapsed), 2, RoundingMode.HALF_EVEN);
        if (perDay.signum() <= 0) {
            return new Forecast(today, perDay, null, false);
        }
        BigDecimal left = total.allocated().subtract(total.spent());
        long daysLeft = left.signum() <= 0 ? 0 : left.divide(perDay, 0, RoundingMode.FLOOR).longValueExact();
        LocalDate runsOut = today.plusDays(daysLeft);
        return new Forecast(today, perDay, runsOut, total.end() != null && runsOut.isBefore(total.end()));
    }

    private static BigDecimal money(BigDecimal value) {
        return value == null ? BigDecimal.ZERO.setScale(2) : value.setScale(2, RoundingMode.UNNECESSARY);
    }

}
