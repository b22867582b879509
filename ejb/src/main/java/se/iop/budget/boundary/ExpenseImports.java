package se.iop.budget.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hibernate.Session;
import org.hibernate.envers.AuditReaderFactory;
import se.iop.agreement.boundary.Agreements;
import se.iop.agreement.entity.Agreement;
import se.iop.audit.entity.Revision;
import se.iop.budget.control.ExpenseCsv;
import se.iop.budget.control.ExpenseCsv.Problem;
import se.iop.budget.control.ExpenseCsv.Row;
import se.iop.budget.entity.Phase;
import se.iop.common.DatabaseRule;
import se.iop.common.StateConflict;
import se.iop.common.TryAgain;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Imports booked costs from the accounting system's CSV file: all rows or none. Every row is checked
 * first (see {@link ExpenseCsv}), then the vouchers against those already booked in one query; only a
 * file without a single problem is booked, in one statement that also writes the audit rows, within
 * the caller's one transaction.
 */
@Stateless
@RolesAllowed("FINANCE")
public class ExpenseImports {

    // One round trip for any number of rows: the rows travel as arrays, unnest() turns them back into
    // rows, and the audit rows Envers would write for each booking are written from what was inserted.
    private static final String INSERT = """
            with rows as (
                select * from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::date[], ?::numeric[], ?::varchar[], ?::varchar[])
                    as r(phase_id, line_id, organisation_id, spent_on, amount, description, voucher)
            ), booked as (
                insert into expense (phase_id, agreement_id, line_id, organisation_id, spent_on, amount, description,
                                     voucher, source, reversed)
                select phase_id, ?, line_id, organisation_id, spent_on, amount, description, voucher, 'IMPORT', false
                  from rows
                returning id, phase_id, agreement_id, line_id, organisation_id, spent_on, amount, description, voucher,
                          source, reversal_of, reversed
            )
            insert into expense_aud (id, rev, revtype, phase_id, agreement_id, line_id, organisation_id, spent_on, amount,
                                     description, voucher, source, reversal_of, reversed)
            select id, ?, 0, phase_id, agreement_id, line_id, organisation_id, spent_on, amount, description, voucher,
                   source, reversal_of, reversed
              from booked
            """;

    private static final String BOOKED = "select voucher from expense where agreement_id = ? and reversal_of is null"
            + " and voucher = any(?)";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Agreements agreements;

    @Inject
    private Budgets budgets;

    public ImportReport importCsv(long agreementId, byte[] file) {
        Agreement agreement = agreements.find(agreementId);
        ExpenseCsv.Result read = ExpenseCsv.read(file, budgetOf(agreement, budgets.phases(agreementId)));
        List<Problem> problems = new ArrayList<>(read.problems());
        Session session = em.unwrap(Session.class);
        if (!read.vouchers().isEmpty()) {
            Set<String> booked = session.doReturningWork(c -> booked(c, agreementId, read.vouchers().keySet()));
            for (String voucher : booked) {
                problems.add(new Problem(read.vouchers().get(voucher), ExpenseCsv.Column.VOUCHER.field(),
                        "error.expense.voucherBooked", voucher));
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(ExpenseCsv.ORDER);
            return new ImportReport(read.rowCount(), 0, BigDecimal.ZERO.setScale(2), problems);
        }
        long revision = AuditReaderFactory.get(em).getCurrentRevision(Revision.class, true).id();
        session.doWork(c -> insert(c, agreementId, revision, read.rows()));
        BigDecimal total = read.rows().stream().map(Row::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new ImportReport(read.rowCount(), read.rows().size(), total, List.of());
    }

    static ExpenseCsv.Budget budgetOf(Agreement agreement, List<Phase> phases) {
        List<ExpenseCsv.PhasePlan> plans = phases.stream().map(p -> new ExpenseCsv.PhasePlan(p.id(), p.name(),
                p.startDate(), p.endDate(), p.lines().stream()
                .map(l -> new ExpenseCsv.Line(l.id(), l.name(), l.category())).toList())).toList();
        List<ExpenseCsv.Party> parties = agreement.parties().stream().map(p -> new ExpenseCsv.Party(
                p.organisation().id(), p.organisation().name(), p.organisation().organisationNumber().value(),
                day -> agreement.isPartyOn(p.organisation(), day))).toList();
        return new ExpenseCsv.Budget(plans, parties);
    }

    private static Set<String> booked(Connection c, long agreementId, Set<String> vouchers) throws SQLException {
        Set<String> booked = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(BOOKED)) {
            ps.setLong(1, agreementId);
            ps.setArray(2, c.createArrayOf("varchar", vouchers.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    booked.add(rs.getString(1));
                }
            }
        }
        return booked;
    }

    private static void insert(Connection c, long agreementId, long revision, List<Row> rows) throws SQLException {
        int n = rows.size();
        Object[] phases = new Object[n];
        Object[] lines = new Object[n];
        Object[] partners = new Object[n];
        Object[] dates = new Object[n];
        Object[] amounts = new Object[n];
        Object[] descriptions = new Object[n];
        Object[] vouchers = new Object[n];
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            phases[i] = r.phaseId();
            lines[i] = r.lineId();
            partners[i] = r.partnerId();
            dates[i] = r.spentOn().toString();
            amounts[i] = r.amount().toPlainString();
            descriptions[i] = r.description();
            vouchers[i] = r.voucher();
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setArray(1, c.createArrayOf("bigint", phases));
            ps.setArray(2, c.createArrayOf("bigint", lines));
            ps.setArray(3, c.createArrayOf("bigint", partners));
            ps.setArray(4, c.createArrayOf("varchar", dates));
            ps.setArray(5, c.createArrayOf("varchar", amounts));
            ps.setArray(6, c.createArrayOf("varchar", descriptions));
            ps.setArray(7, c.createArrayOf("varchar", vouchers));
            ps.setLong(8, agreementId);
            ps.setLong(9, revision);
            ps.executeUpdate();
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                // The unique voucher index: someone booked one of these vouchers since the check above.
                throw new StateConflict("voucher", "error.import.concurrent");
            }
            if (DatabaseRule.in(e).isPresent() || DatabaseRule.concurrent(e)) {
                // A phase was rescheduled (or its money changed) while the rows were checked: nothing is booked.
                throw new TryAgain();
            }
            throw e;
        }
    }
}
