package se.iop.api;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.iop.it.Api;
import se.iop.it.BudgetSetup;
import se.iop.it.Deployments;
import se.iop.it.ItDatabase;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Approved plus paid payments of a phase never exceed its allocations, whoever writes at the same moment
 * and at whatever isolation level: 20 rounds each of parallel approvals that together would exceed the
 * allocation — through the API (the server's pinned READ COMMITTED), from plain JDBC sessions at READ
 * COMMITTED, REPEATABLE READ and SERIALIZABLE, and both mixed — and rounds where an allocation is reduced
 * while payments are approved. Never over, never a 500; and no payment is refused that would have fitted.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BudgetLimitIT {

    /** Rounds of a race whose order the scheduler picks (through the API): many, to meet many orders. */
    private static final int ROUNDS = 20;
    /**
     * Rounds of a race the test orders itself (every session reads before any writes, by a latch): each round
     * meets the same worst case, so a few suffice.
     */
    private static final int LATCHED_ROUNDS = 5;
    /** Six payments of 30 000 against 100 000: exactly three fit. */
    private static final int PAYMENTS = 6;
    private static final BigDecimal EACH = new BigDecimal("30000.00");
    private static final BigDecimal ALLOCATED = new BigDecimal("100000.00");
    private static final int FIT = 3;

    private static final Api FINANCE = Api.demo("ekonom");
    /** Serialization failures and deadlocks the JDBC sessions met (and tried again after). */
    private static final AtomicInteger TRIED_AGAIN = new AtomicInteger();
    private static BudgetSetup setup;
    private static ExecutorService pool;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeAll
    static void agreement() {
        setup = BudgetSetup.agreement();
        pool = Executors.newFixedThreadPool(PAYMENTS + 1);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    /** How one attempt to approve or reduce ended. */
    private enum Outcome { DONE, REFUSED }

    /** The server the tests run against pins its datasource's isolation level (configure.cli), whatever the defaults. */
    @Test
    void theServersDatasourceIsPinnedAtReadCommitted() throws Exception {
        String config = java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty("jboss.home"),
                "standalone", "configuration", "standalone.xml"));
        int ds = config.indexOf("jndi-name=\"java:jboss/datasources/IopDS\"");
        assertTrue(ds > 0, "the datasource is configured");
        String datasource = config.substring(ds, config.indexOf("</datasource>", ds));
        assertTrue(datasource.contains("<transaction-isolation>TRANSACTION_READ_COMMITTED</transaction-isolation>"), datasource);
    }

    @Test
    void parallelApprovalsThroughTheApiNeverExceedTheAllocation() throws Exception {
        for (int r = 0; r < ROUNDS; r++) {
            Round round = round("API " + r);
            List<Callable<Outcome>> approvals = new ArrayList<>();
            for (long id : round.payments) {
                approvals.add(() -> approveByApi(id));
            }
            round.assertExactlyFit(run(approvals));
        }
    }

    @Test
    void parallelApprovalsAtReadCommittedNeverExceedTheAllocation() throws Exception {
        jdbcRounds(Connection.TRANSACTION_READ_COMMITTED, "READ COMMITTED");
    }

    @Test
    void parallelApprovalsAtRepeatableReadNeverExceedTheAllocation() throws Exception {
        jdbcRounds(Connection.TRANSACTION_REPEATABLE_READ, "REPEATABLE READ");
    }

    @Test
    void parallelApprovalsAtSerializableNeverExceedTheAllocation() throws Exception {
        jdbcRounds(Connection.TRANSACTION_SERIALIZABLE, "SERIALIZABLE");
    }

    /** Half the approvals through the API, half from sessions at SERIALIZABLE or REPEATABLE READ, at once. */
    @Test
    void approvalsThroughTheApiAndFromStricterSessionsAtOnceNeverExceedTheAllocation() throws Exception {
        for (int r = 0; r < ROUNDS; r++) {
            Round round = round("Blandat " + r);
            int level = r % 2 == 0 ? Connection.TRANSACTION_SERIALIZABLE : Connection.TRANSACTION_REPEATABLE_READ;
            List<Callable<Outcome>> approvals = new ArrayList<>();
            for (int i = 0; i < round.payments.size(); i++) {
                long id = round.payments.get(i);
                approvals.add(i % 2 == 0 ? () -> approveByApi(id) : () -> approveByJdbc(id, level, null));
            }
            round.assertExactlyFit(run(approvals));
        }
    }

    /**
     * Five payments of 20 000 against allocations of 60 000 and 40 000, approved while the first allocation
     * is reduced to 20 000 through the API. Whichever comes first, the phase ends with exactly as much
     * committed as allocated: the reduction went through and three payments fit, or it was refused (409
     * naming the amount) because the payments were approved first.
     */
    @Test
    void anAllocationReducedWhilePaymentsAreApprovedThroughTheApiNeverLeavesThePhaseOver() throws Exception {
        for (int r = 0; r < ROUNDS; r++) {
            ReductionRound round = reductionRound("Minskas " + r);
            List<Callable<Outcome>> work = new ArrayList<>();
            for (long id : round.payments) {
                work.add(() -> approveByApi(id));
            }
            work.add(r % 2, () -> reduceByApi(round));
            List<Outcome> outcomes = run(work);
            round.assertConsistent(outcomes.get(r % 2), outcomes);
        }
    }

    /** As above, all from sessions at REPEATABLE READ (retrying a serialization failure, as a client would). */
    @Test
    void anAllocationReducedWhilePaymentsAreApprovedAtRepeatableReadNeverLeavesThePhaseOver() throws Exception {
        for (int r = 0; r < LATCHED_ROUNDS; r++) {
            ReductionRound round = reductionRound("Minskas RR " + r);
            CountDownLatch ready = new CountDownLatch(round.payments.size() + 1);
            List<Callable<Outcome>> work = new ArrayList<>();
            for (long id : round.payments) {
                work.add(() -> approveByJdbc(id, Connection.TRANSACTION_REPEATABLE_READ, ready));
            }
            work.add(0, () -> reduceByJdbc(round, ready));
            List<Outcome> outcomes = run(work);
            round.assertConsistent(outcomes.get(0), outcomes);
        }
    }

    // --- rounds ----------------------------------------------------------------------------------

    private void jdbcRounds(int level, String name) throws Exception {
        for (int r = 0; r < LATCHED_ROUNDS; r++) {
            Round round = round(name + " " + r);
            // Every session reads before any writes, so that at REPEATABLE READ and SERIALIZABLE all of
            // them decide from the same snapshot unless the database stops them.
            CountDownLatch ready = new CountDownLatch(round.payments.size());
            List<Callable<Outcome>> approvals = new ArrayList<>();
            for (long id : round.payments) {
                approvals.add(() -> approveByJdbc(id, level, ready));
            }
            TRIED_AGAIN.set(0);
            round.assertExactlyFit(run(approvals));
            if (level == Connection.TRANSACTION_READ_COMMITTED) {
                assertEquals(0, TRIED_AGAIN.get(), "at READ COMMITTED a concurrent approval waits, it does not fail");
            } else {
                // All read before any wrote: every session but the first to write met a serialization failure.
                assertTrue(TRIED_AGAIN.get() >= PAYMENTS - 1, "serialization failures in round " + r + ": " + TRIED_AGAIN.get());
            }
        }
    }

    /** A phase of its own (written straight to the database) with one allocation and planned payments. */
    private record Round(long phaseId, List<Long> payments) {

        void assertExactlyFit(List<Outcome> outcomes) {
            long approved = outcomes.stream().filter(o -> o == Outcome.DONE).count();
            assertEquals(FIT, approved, "exactly the payments that fit are approved: " + outcomes);
            assertEquals(EACH.multiply(BigDecimal.valueOf(FIT)), committed(phaseId));
            assertBalanced(phaseId);
        }
    }

    private record ReductionRound(long phaseId, long allocationId, List<Long> payments) {

        void assertConsistent(Outcome reduction, List<Outcome> outcomes) {
            BigDecimal allocated = allocated(phaseId);
            BigDecimal committed = committed(phaseId);
            long approved = outcomes.stream().filter(o -> o == Outcome.DONE).count() - (reduction == Outcome.DONE ? 1 : 0);
            assertEquals(committed, new BigDecimal("20000.00").multiply(BigDecimal.valueOf(approved)), outcomes.toString());
            assertTrue(committed.compareTo(allocated) <= 0, "committed " + committed + " of " + allocated);
            // Each refusal was right when it was made, so in the end nothing that would fit was refused.
            assertEquals(allocated, committed, "every payment that fits is approved: " + outcomes);
            BigDecimal first = (BigDecimal) value("select amount from allocation where id = ?", allocationId);
            long corrections = ((Number) value("select count(*) from budget_correction where allocation_id = ?", allocationId)).longValue();
            if (reduction == Outcome.DONE) {
                assertEquals(new BigDecimal("20000.00"), first);
                assertEquals(new BigDecimal("60000.00"), allocated);
            } else {
                assertEquals(new BigDecimal("60000.00"), first, "a refused reduction changes nothing");
                assertEquals(0, corrections);
                assertEquals(new BigDecimal("100000.00"), allocated);
            }
            assertBalanced(phaseId);
        }
    }

    private Round round(String name) throws SQLException {
        try (Connection c = ItDatabase.database().connect()) {
            long phase = phase(c, name);
            insert(c, "insert into allocation (phase_id, committee_id, amount) values (?, ?, ?) returning id",
                    phase, setup.socialCommitteeId, ALLOCATED);
            return new Round(phase, payments(c, phase, PAYMENTS, EACH));
        }
    }

    private ReductionRound reductionRound(String name) throws SQLException {
        try (Connection c = ItDatabase.database().connect()) {
            long phase = phase(c, name);
            long first = insert(c, "insert into allocation (phase_id, committee_id, amount) values (?, ?, 60000) returning id",
                    phase, setup.socialCommitteeId);
            insert(c, "insert into allocation (phase_id, committee_id, amount) values (?, ?, 40000) returning id",
                    phase, setup.socialCommitteeId);
            return new ReductionRound(phase, first, payments(c, phase, 5, new BigDecimal("20000.00")));
        }
    }

    private static long phase(Connection c, String name) throws SQLException {
        return insert(c, "insert into phase (agreement_id, name, start_date, end_date)"
                + " values (?, ?, date '2024-01-01', date '2024-12-31') returning id", setup.agreementId, name);
    }

    private static List<Long> payments(Connection c, long phase, int count, BigDecimal each) throws SQLException {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(insert(c, "insert into disbursement (phase_id, organisation_id, amount, planned_on, status)"
                    + " values (?, ?, ?, date '2024-03-01', 'PLANNED') returning id", phase, setup.stadsmissionId, each));
        }
        return ids;
    }

    // --- the parallel work -----------------------------------------------------------------------

    /** Runs the calls at the same moment; their outcomes in the same order. */
    private static List<Outcome> run(List<Callable<Outcome>> calls) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Outcome>> futures = new ArrayList<>();
        for (Callable<Outcome> call : calls) {
            futures.add(pool.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> f : futures) {
            outcomes.add(f.get(120, TimeUnit.SECONDS));
        }
        return outcomes;
    }

    /** 200, or 409 naming the amount; never anything else. */
    private static Outcome approveByApi(long id) {
        Api.Reply r = FINANCE.post("api/disbursements/" + id + "/approve", "{}");
        return answered(r);
    }

    private static Outcome reduceByApi(ReductionRound round) {
        Api.Reply r = FINANCE.post("api/phases/" + round.phaseId + "/allocations/" + round.allocationId + "/corrections",
                "{\"amount\": 20000, \"reason\": \"Nämnden minskade anslaget\"}");
        return answered(r);
    }

    private static Outcome answered(Api.Reply r) {
        if (r.status() == 200 || r.status() == 201) {
            return Outcome.DONE;
        }
        assertEquals(409, r.status(), r.body());
        assertEquals("amount", r.json().getString("field"), r.body());
        return Outcome.REFUSED;
    }

    /**
     * Approves in a session of its own at the given isolation level. A serialization failure or deadlock
     * is tried again, as a client would; the database's refusal ends it.
     */
    private static Outcome approveByJdbc(long id, int level, CountDownLatch ready) throws Exception {
        return inSession(level, ready, "select status from disbursement where id = " + id,
                "update disbursement set status = 'APPROVED', version = version + 1 where id = " + id + " and status = 'PLANNED'");
    }

    private static Outcome reduceByJdbc(ReductionRound round, CountDownLatch ready) throws Exception {
        return inSession(Connection.TRANSACTION_REPEATABLE_READ, ready, "select amount from allocation where id = " + round.allocationId,
                "update allocation set amount = 20000, version = version + 1 where id = " + round.allocationId,
                "insert into budget_correction (phase_id, allocation_id, amount_before, amount_after, reason, corrected_by, corrected_at)"
                        + " values (" + round.phaseId + ", " + round.allocationId + ", 60000, 20000, 'Nämnden minskade', 'it', now())");
    }

    private static Outcome inSession(int level, CountDownLatch ready, String read, String... writes) throws Exception {
        boolean first = true;
        for (int attempt = 0; attempt < 100; attempt++) {
            try (Connection c = ItDatabase.database().connect()) {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.execute("set transaction isolation level " + name(level));
                    s.executeQuery(read).close(); // the snapshot is taken here
                    if (first && ready != null) {
                        ready.countDown();
                        ready.await(30, TimeUnit.SECONDS);
                    }
                    first = false;
                    for (String write : writes) {
                        s.executeUpdate(write);
                    }
                    c.commit();
                    return Outcome.DONE;
                } catch (SQLException e) {
                    c.rollback();
                    if ("23514".equals(e.getSQLState()) && e.getMessage().contains("phase_balance_within_allocation")) {
                        return Outcome.REFUSED;
                    }
                    if (!"40001".equals(e.getSQLState()) && !"40P01".equals(e.getSQLState())) {
                        throw e;
                    }
                    TRIED_AGAIN.incrementAndGet();
                }
            }
        }
        return fail("still not serializable after 100 attempts");
    }

    private static String name(int level) {
        return switch (level) {
            case Connection.TRANSACTION_READ_COMMITTED -> "read committed";
            case Connection.TRANSACTION_REPEATABLE_READ -> "repeatable read";
            case Connection.TRANSACTION_SERIALIZABLE -> "serializable";
            default -> throw new IllegalArgumentException("level " + level);
        };
    }

    // --- what the database holds -----------------------------------------------------------------

    private static BigDecimal committed(long phase) {
        return (BigDecimal) value("select coalesce(sum(amount), 0) from disbursement where phase_id = ?"
                + " and status in ('APPROVED', 'PAID')", phase);
    }

    private static BigDecimal allocated(long phase) {
        return (BigDecimal) value("select coalesce(sum(amount), 0) from allocation where phase_id = ?", phase);
    }

    /** The phase's balance row says what its rows say. */
    private static void assertBalanced(long phase) {
        assertEquals(allocated(phase), value("select allocated from phase_balance where phase_id = ?", phase));
        assertEquals(committed(phase), value("select committed from phase_balance where phase_id = ?", phase));
    }

    private static Object value(String sql, Object... params) {
        try (Connection c = ItDatabase.database().connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Object v = rs.getObject(1);
                return v instanceof BigDecimal b ? b.setScale(2) : v;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long insert(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
