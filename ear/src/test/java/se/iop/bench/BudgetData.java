package se.iop.bench;

import se.iop.devdb.LocalDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;

/**
 * The budget load of the benchmarks: 10 000 agreements (fewer with -Diop.bench.agreements), each with one phase,
 * two allocations, four budget lines, 100 expenses (1 000 000 in all) and 10 disbursements (100 000 in all),
 * filled by set-based SQL straight into the benchmark's database, not through the API.
 *
 * @param read       an agreement in the middle, whose budget the benchmarks read
 * @param importInto another one, which a benchmark may import costs into
 * @param seconds    how long the fill took
 */
record BudgetData(long read, long importInto, double seconds) {

    /** 10 000 for the figures in the README; fewer (-Diop.bench.agreements, at least 3) for a quick try. */
    static final int AGREEMENTS = Math.max(3, Integer.getInteger("iop.bench.agreements", 10_000));
    private static final int EXPENSES_PER_LINE = 25;      // 4 lines: 100 per agreement, 1 000 000 in all
    private static final int DISBURSEMENTS_PER_PHASE = 10; // 100 000 in all

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%,d agreements, %,d expenses, %,d disbursements (filled in %.1f s)",
                AGREEMENTS, AGREEMENTS * 4L * EXPENSES_PER_LINE, (long) AGREEMENTS * DISBURSEMENTS_PER_PHASE, seconds);
    }

    /** Fills the load with set-based SQL into the server's (fresh) database. */
    static BudgetData fill(BenchServer server) throws Exception {
        return fill(server.database());
    }

    /** Fills the load with set-based SQL into a fresh IOP database (migrated, with the demo). */
    static BudgetData fill(LocalDatabase database) throws Exception {
        System.out.println("Filling the database…");
        long t0 = System.nanoTime();
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            long kommun = single(s, "select id from organisation where kind = 'MUNICIPALITY' order by id limit 1");
            long partner = single(s, "select id from organisation where name = 'Sörmlands Stadsmission'");
            long c1 = single(s, "select min(id) from committee where organisation_id = " + kommun);
            long c2 = single(s, "select max(id) from committee where organisation_id = " + kommun);
            s.execute("insert into agreement (reference, title, start_date, end_date, notice_months, status,"
                    + " elig_own_initiative, elig_co_financing, elig_no_market, elig_assessment_done)"
                    + " select 'BENCH-' || g, 'Belastningsprov ' || g, date '2024-01-01', date '2025-12-31', 6, 'ACTIVE',"
                    + " true, true, true, true from generate_series(1, " + AGREEMENTS + ") g");
            String bench = "(select id from agreement where reference like 'BENCH-%')";
            s.execute("insert into agreement_party (agreement_id, organisation_id, role, joined_on)"
                    + " select id, " + kommun + ", 'PUBLIC_PARTNER', start_date from agreement where id in " + bench);
            s.execute("insert into agreement_party (agreement_id, organisation_id, role, joined_on)"
                    + " select id, " + partner + ", 'NON_PROFIT_PARTNER', start_date from agreement where id in " + bench);
            // In force, so signed by both parties (V32), as the application requires of an ACTIVE agreement.
            s.execute("insert into agreement_signature (agreement_id, party_id, method, signed_by, signed_on, recorded_at,"
                    + " recorded_by) select agreement_id, id, 'PAPER', 'Belastningsprov', joined_on, now(), 'bench'"
                    + " from agreement_party where agreement_id in " + bench);
            s.execute("insert into phase (agreement_id, name, start_date, end_date)"
                    + " select id, 'Fas 1', date '2024-01-01', date '2025-12-31' from agreement where id in " + bench);
            String phases = "(select id from phase where agreement_id in " + bench + ")";
            s.execute("insert into allocation (phase_id, committee_id, amount) select p.id, v.c, 500000"
                    + " from phase p cross join (values (" + c1 + "), (" + c2 + ")) v(c) where p.id in " + phases);
            s.execute("insert into budget_line (phase_id, category, name, planned, account) select p.id, v.cat, v.name, v.planned, v.acc"
                    + " from phase p cross join (values ('STAFF', 'Personal', 600000, '5010'), ('HOUSING', 'Hyra', 200000, '5220'),"
                    + " ('SUPPORT_ACTIVITIES', 'Stöd', 150000, '6990'), ('ADMINISTRATION', 'Admin', 50000, '6110'))"
                    + " v(cat, name, planned, acc) where p.id in " + phases);
            s.execute("insert into disbursement (phase_id, organisation_id, amount, planned_on, status, paid_on)"
                    + " select p.id, " + partner + ", 50000, date '2024-01-15' + g * 60,"
                    + " case when g < 6 then 'PAID' else 'PLANNED' end, case when g < 6 then date '2024-01-15' + g * 60 end"
                    + " from phase p cross join generate_series(0, " + (DISBURSEMENTS_PER_PHASE - 1) + ") g where p.id in " + phases);
            s.execute("insert into expense (phase_id, agreement_id, line_id, organisation_id, spent_on, amount, description,"
                    + " voucher, source, reversed)"
                    + " select l.phase_id, p.agreement_id, l.id, " + partner + ", date '2024-01-01' + (g * 27) % 700,"
                    + " 1000 + (g % 50) * 10.25, 'Kostnad ' || g, 'B-' || l.id || '-' || g, 'IMPORT', false"
                    + " from budget_line l join phase p on p.id = l.phase_id cross join generate_series(1, " + EXPENSES_PER_LINE + ") g"
                    + " where p.id in " + phases);
            // What autovacuum would have done by the time anyone reads a budget: statistics and visibility map.
            s.execute("vacuum analyze");
            long read = single(s, "select id from agreement where reference = 'BENCH-" + (AGREEMENTS / 2) + "'");
            long into = single(s, "select id from agreement where reference = 'BENCH-" + (AGREEMENTS / 3) + "'");
            return new BudgetData(read, into, (System.nanoTime() - t0) / 1e9);
        }
    }

    private static long single(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("no row for " + sql);
            }
            return rs.getLong(1);
        }
    }
}
