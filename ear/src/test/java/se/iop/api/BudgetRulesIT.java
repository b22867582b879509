package se.iop.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.iop.it.Api;
import se.iop.it.BudgetSetup;
import se.iop.it.Deployments;
import se.iop.it.Fixtures;
import se.iop.it.ItDatabase;
import se.iop.it.Rows;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Problems.assertProblem;

/**
 * The budget's rules that cross aggregates, held by the database: allocations corrected (reduced or
 * withdrawn with a reason, never below what is committed, audited), lines re-planned, phases and
 * agreements that cannot be rescheduled away from what they hold, costs tied to their agreement, phase
 * and line by composite keys, and the same refusals for SQL written straight to the database.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BudgetRulesIT {

    private final Api finance = Api.demo("ekonom");
    private BudgetSetup s;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void agreement() {
        s = BudgetSetup.agreement();
    }

    // --- allocation corrections ------------------------------------------------------------------

    @Test
    void financeReducesAndWithdrawsAnAllocationWithAReasonAndEachCorrectionIsKept() {
        s.allocate("850000");
        s.allocate("150000");
        JsonObject allocation = allocations().get(0);
        long id = allocation.getJsonNumber("id").longValue();

        Api.Reply reduced = correct(id, "600000.50", "Nämnden drog tillbaka en del av anslaget", null);
        assertEquals(201, reduced.status(), reduced.body());
        JsonObject phase = reduced.json();
        assertEquals(new BigDecimal("750000.50"), phase.getJsonNumber("allocated").bigDecimalValue());
        JsonObject after = phase.getJsonArray("allocations").getJsonObject(0);
        assertEquals(new BigDecimal("600000.50"), after.getJsonNumber("amount").bigDecimalValue());
        assertFalse(after.getBoolean("withdrawn"));
        JsonObject correction = phase.getJsonArray("corrections").getJsonObject(0);
        assertEquals(id, correction.getJsonNumber("allocationId").longValue());
        assertFalse(correction.containsKey("lineId") && !correction.isNull("lineId"), "an allocation's correction names no line");
        assertEquals("Socialnämnden", correction.getString("subject"));
        assertEquals(new BigDecimal("850000.00"), correction.getJsonNumber("amountBefore").bigDecimalValue());
        assertEquals(new BigDecimal("600000.50"), correction.getJsonNumber("amountAfter").bigDecimalValue());
        assertEquals("Nämnden drog tillbaka en del av anslaget", correction.getString("reason"));
        assertEquals("ekonom", correction.getString("correctedBy"));
        assertFalse(correction.getString("correctedAt").isBlank());

        // Audited like every change: the allocation's new amount and the correction, each in a revision by ekonom.
        assertEquals(List.of(new BigDecimal("850000.00"), new BigDecimal("600000.50")), Rows.values(
                "select amount from allocation_aud where id = ? order by rev", id));
        assertEquals("ekonom", Rows.value("select r.username from budget_correction_aud a join revision r on r.id = a.rev"
                + " where a.id = ? and a.revtype = 0", correction.getJsonNumber("id").longValue()));
        assertEquals(Rows.value("select max(rev) from allocation_aud where id = ?", id),
                Rows.value("select rev from budget_correction_aud where id = ?", correction.getJsonNumber("id").longValue()),
                "the amount and its correction in one revision");

        // Withdrawn: to zero, stated with the version the client saw (If-Match).
        long version = allocations().get(0).getJsonNumber("version").longValue();
        Api.Reply withdrawn = finance.post(s.phase("allocations/" + id + "/corrections"),
                "{\"amount\": 0, \"reason\": \"Beslutet upphävt\"}", "If-Match", "\"" + version + "\"");
        assertEquals(201, withdrawn.status(), withdrawn.body());
        assertTrue(withdrawn.json().getJsonArray("allocations").getJsonObject(0).getBoolean("withdrawn"));
        assertEquals(2, withdrawn.json().getJsonArray("corrections").size());
        assertEquals(new BigDecimal("150000.00"), finance.get("api/budgets/" + s.agreementId).json()
                .getJsonObject("total").getJsonNumber("allocated").bigDecimalValue());
    }

    @Test
    void anAllocationIsNeverCorrectedBelowWhatThePhaseHasCommitted() {
        s.allocate("600000");
        s.allocate("400000");
        long id = allocations().get(0).getJsonNumber("id").longValue();
        s.pay("500000", "2024-02-01", "2024-02-05", "Kvartal 1");
        long approved = plan("200000");
        Fixtures.ok(finance.post("api/disbursements/" + approved + "/approve", "{}"));
        long before = Rows.count("select count(*) from budget_correction");

        // 700 000 committed, 400 000 from the other allocation: this one cannot go below 300 000.
        JsonObject p = assertProblem(correct(id, "299999.99", "För mycket", null), 409, "amount");
        assertTrue(p.getString("detail").contains("700,000.00") && p.getString("detail").contains("300,000.00"), p.toString());
        assertProblem(correct(id, "0", "Återtas", null), 409, "amount");
        assertEquals(new BigDecimal("600000.00"), Rows.value("select amount from allocation where id = ?", id));
        assertEquals(before, Rows.count("select count(*) from budget_correction"), "nothing of a refused correction stays");

        assertEquals(201, correct(id, "300000", "Precis det som behövs", null).status());
        // And a cancelled payment frees the money again.
        Api.Reply cancel = finance.post("api/disbursements/" + approved + "/cancel", "{\"reason\": \"Fel mottagare\"}");
        assertEquals(200, cancel.status(), cancel.body());
        assertEquals(201, correct(id, "100000", "Mindre behövs", null).status());
    }

    @Test
    void aCorrectionNeedsAReasonALowerAmountTheRightVersionAndFinance() {
        s.allocate("100000");
        long id = allocations().get(0).getJsonNumber("id").longValue();
        assertProblem(finance.post(s.phase("allocations/" + id + "/corrections"), "{\"amount\": 50000}"), 400, "reason");
        assertProblem(correct(id, "50000", "   ", null), 400, "reason");
        assertProblem(correct(id, "100000", "Samma", null), 422, "amount");
        assertProblem(correct(id, "150000", "Mer", null), 422, "amount");
        assertProblem(correct(id, "-1", "Minus", null), 422, "amount");
        assertProblem(correct(id, "10.001", "Öre", null), 422, "amount");
        assertProblem(correct(id, "50000", "Gäller 811218-9876", null), 422, "reason");
        assertProblem(correct(id, "50000", "Gammal", 99L), 409, "version");
        assertProblem(correct(999999999L, "50000", "Okänd", null), 404, null);
        assertEquals(403, Api.demo("revisor").post(s.phase("allocations/" + id + "/corrections"),
                "{\"amount\": 1, \"reason\": \"x\"}").status());
        assertEquals(403, Api.demo("stadsmissionen").post(s.phase("allocations/" + id + "/corrections"),
                "{\"amount\": 1, \"reason\": \"x\"}").status());
        assertEquals(403, Api.admin().post(s.phase("allocations/" + id + "/corrections"),
                "{\"amount\": 1, \"reason\": \"x\"}").status());
        assertEquals(new BigDecimal("100000.00"), Rows.value("select amount from allocation where id = ?", id));
        assertEquals(0L, Rows.count("select count(*) from budget_correction where allocation_id = " + id));
        // The partner reads the corrections with the phase.
        assertEquals(200, Api.demo("stadsmissionen").get("api/phases/" + s.phaseId).status());
    }

    // --- line re-planning ------------------------------------------------------------------------

    @Test
    void aLineIsLoweredWithAReasonAndBelowWhatIsSpentItIsFlaggedNotRefused() {
        s.allocate("500000");
        long line = s.line("STAFF", "Boendestöd", "300000", null);
        s.book(line, "2024-03-31", "120000", "Löner", "V-" + UUID.randomUUID());
        JsonObject l = lineJson(line);
        String path = s.phase("lines/" + line);

        assertProblem(finance.put(path, "{\"planned\": 200000, \"version\": %d}".formatted(l.getJsonNumber("version").longValue())),
                422, "reason");
        Api.Reply lowered = finance.put(path, "{\"planned\": 100000, \"reason\": \"Färre tjänster\", \"version\": %d}"
                .formatted(l.getJsonNumber("version").longValue()));
        assertEquals(200, lowered.status(), lowered.body());
        assertEquals(new BigDecimal("100000.00"), lowered.json().getJsonNumber("planned").bigDecimalValue());
        JsonObject raised = Fixtures.ok(finance.put(path, "{\"planned\": 110000}"));
        assertEquals(new BigDecimal("110000.00"), raised.getJsonNumber("planned").bigDecimalValue());

        JsonObject phase = finance.get("api/phases/" + s.phaseId).json();
        var corrections = phase.getJsonArray("corrections").getValuesAs(JsonObject.class);
        assertEquals(2, corrections.size());
        assertEquals(line, corrections.get(0).getJsonNumber("lineId").longValue());
        assertEquals("Färre tjänster", corrections.get(0).getString("reason"));
        assertEquals(new BigDecimal("300000.00"), corrections.get(0).getJsonNumber("amountBefore").bigDecimalValue());
        assertFalse(corrections.get(1).containsKey("reason") && !corrections.get(1).isNull("reason"), "raising the plan needs no reason");
        JsonObject figures = finance.get("api/budgets/" + s.agreementId).json().getJsonArray("lines")
                .getValuesAs(JsonObject.class).stream().filter(f -> f.getJsonNumber("id").longValue() == line).findFirst().orElseThrow();
        assertTrue(figures.getBoolean("overSpent"), "a plan below what is spent shows the line as over");
    }

    // --- rescheduling ----------------------------------------------------------------------------

    @Test
    void aPhaseCannotBeRescheduledSoThatItsCostsOrPaymentsFallOutsideIt() {
        s.allocate("500000");
        long line = s.line("STAFF", "Boendestöd", "300000", null);
        long cost = s.book(line, "2024-03-15", "1000", "Löner", "V-" + UUID.randomUUID()).getJsonNumber("id").longValue();
        s.reverse(cost, "2024-10-01", "Fel rad", "R-" + UUID.randomUUID());
        s.book(line, "2024-03-20", "1000", "Löner", "V-" + UUID.randomUUID());
        s.pay("10000", "2024-09-01", "2024-09-03", "Kvartal 3");
        JsonObject phase = finance.get("api/phases/" + s.phaseId).json();
        long version = phase.getJsonNumber("version").longValue();

        JsonObject p = assertProblem(reschedule("2024-01-01", "2024-08-31", version), 422, "endDate");
        assertTrue(p.getString("detail").contains("2024-09-01"), p.toString());
        p = assertProblem(reschedule("2024-04-01", "2024-12-31", version), 422, "startDate");
        assertTrue(p.getString("detail").contains("2024-03-15"), p.toString());
        assertProblem(reschedule("2023-12-01", "2024-12-31", version), 422, "startDate");
        assertEquals(java.sql.Date.valueOf("2024-12-31"), Rows.value("select end_date from phase where id = ?", s.phaseId));

        // Around what it holds, it moves freely; a reversal after the end does not hold it.
        JsonObject moved = Fixtures.ok(reschedule("2024-03-15", "2024-09-01", version));
        assertEquals("2024-09-01", moved.getString("endDate"));
    }

    @Test
    void anAgreementsPeriodCannotShrinkUnderItsPhases() {
        assertProblem(reperiod("2024-01-01", "2024-06-30"), 422, "endDate");
        assertProblem(reperiod("2024-02-01", "2025-12-31"), 422, "startDate");
        assertEquals(java.sql.Date.valueOf("2025-12-31"), Rows.value("select end_date from agreement where id = ?", s.agreementId));
        JsonObject shorter = Fixtures.ok(reperiod("2024-01-01", "2024-12-31"));
        assertEquals("2024-12-31", shorter.getString("endDate"), "down to the last phase's end it may shrink");
    }

    /** The agreement as stored, with another period. */
    private Api.Reply reperiod(String start, String end) {
        Api admin = Api.admin();
        JsonObject a = Fixtures.ok(admin.get("api/agreements/" + s.agreementId));
        return admin.put("api/agreements/" + a.getJsonNumber("id").longValue(), Json.createObjectBuilder()
                .add("reference", a.getString("reference")).add("title", a.getString("title"))
                .add("startDate", start).add("endDate", end).add("version", a.getJsonNumber("version").longValue())
                .build().toString());
    }

    // --- straight SQL ----------------------------------------------------------------------------

    @Test
    void noSqlCanMixACostsAgreementPhaseAndLine() throws Exception {
        BudgetSetup other = BudgetSetup.agreement();
        long line = s.line("STAFF", "Boendestöd", "300000", null);
        long otherLine = other.line("STAFF", "Boendestöd", "300000", null);
        long cost = s.book(line, "2024-03-15", "1000", "Löner", "V-" + UUID.randomUUID()).getJsonNumber("id").longValue();
        long otherCost = other.book(otherLine, "2024-03-15", "1000", "Löner", "V-" + UUID.randomUUID())
                .getJsonNumber("id").longValue();
        String insert = "insert into expense (phase_id, agreement_id, line_id, spent_on, amount, description, voucher, source)"
                + " values (%d, %d, %d, date '2024-05-01', 10, 'SQL', '%s', 'FINANCE')";

        assertRefused("23503", "expense_phase_of_agreement",
                insert.formatted(s.phaseId, other.agreementId, line, "X1"));
        assertRefused("23503", "expense_line_of_phase",
                insert.formatted(s.phaseId, s.agreementId, otherLine, "X2"));
        assertRefused("23503", "expense_line_of_phase",
                "update expense set line_id = " + otherLine + " where id = " + cost);
        assertRefused("23503", "expense_phase_of_agreement",
                "update expense set agreement_id = " + other.agreementId + " where id = " + cost);
        // A reversal cancels a cost of its own line.
        assertRefused("23503", "expense_reversal_same_line",
                "insert into expense (phase_id, agreement_id, line_id, spent_on, amount, description, voucher, source, reversal_of)"
                        + " values (%d, %d, %d, date '2024-05-01', -1000, 'SQL', 'R1', 'FINANCE', %d)"
                        .formatted(s.phaseId, s.agreementId, line, otherCost));
        assertEquals(1L, Rows.count("select count(*) from expense where phase_id = " + s.phaseId));
    }

    @Test
    void straightSqlIsHeldToTheSameLimitsAsTheApplication() throws Exception {
        s.allocate("100000");
        long d = plan("80000");
        long e = plan("30000");
        execute("update disbursement set status = 'APPROVED' where id = " + d);
        assertRefused("23514", "phase_balance_within_allocation", "update disbursement set status = 'APPROVED' where id = " + e);
        assertRefused("23514", "phase_balance_within_allocation",
                "update allocation set amount = 79999.99 where phase_id = " + s.phaseId);
        assertRefused("23514", "phase_balance_within_allocation", "delete from allocation where phase_id = " + s.phaseId);
        assertRefused("23514", "phase_balance_within_allocation",
                "insert into disbursement (phase_id, organisation_id, amount, planned_on, status, paid_on)"
                        + " values (%d, %d, 20000.01, date '2024-03-01', 'PAID', date '2024-03-02')".formatted(s.phaseId, s.stadsmissionId));
        assertRefused("23514", "disbursement_within_phase",
                "insert into disbursement (phase_id, organisation_id, amount, planned_on, status)"
                        + " values (%d, %d, 1, date '2025-03-01', 'PLANNED')".formatted(s.phaseId, s.stadsmissionId));
        assertRefused("23514", "disbursement_within_phase",
                "update disbursement set status = 'PAID', paid_on = date '2023-12-31' where id = " + d);
        long line = s.line("STAFF", "Boendestöd", "300000", null);
        assertRefused("23514", "expense_within_phase",
                "insert into expense (phase_id, agreement_id, line_id, spent_on, amount, description, voucher, source)"
                        + " values (%d, %d, %d, date '2025-01-01', 10, 'SQL', 'X', 'FINANCE')".formatted(s.phaseId, s.agreementId, line));
        assertRefused("23514", "phase_holds_its_entries",
                "update phase set end_date = date '2024-02-29' where id = " + s.phaseId);
        assertRefused("23514", "phase_within_agreement",
                "update phase set end_date = date '2026-01-01' where id = " + s.phaseId);
        assertRefused("23514", "agreement_period_holds_phases",
                "update agreement set end_date = date '2024-11-30' where id = " + s.agreementId);
        assertEquals(new BigDecimal("80000.00"), Rows.value("select committed from phase_balance where phase_id = ?", s.phaseId));
        assertEquals(new BigDecimal("100000.00"), Rows.value("select allocated from phase_balance where phase_id = ?", s.phaseId));
    }

    /**
     * A transaction the database gives up for a concurrent one answers 409 with Retry-After, never 500:
     * here a deadlock, made on purpose by a session that holds the phase's balance row and then waits
     * for the payment the server is approving. The server's transaction waits first, so PostgreSQL's
     * deadlock check (after one second) picks it; should the check pick this session, it tries again.
     */
    @Test
    void aTransactionTheDatabaseGivesUpIsAConflictToTryAgainNeverAServerError() throws Exception {
        s.allocate("100000");
        for (int attempt = 0; attempt < 5; attempt++) {
            long d = plan("1000");
            try (Connection c = ItDatabase.database().connect(); Statement st = c.createStatement()) {
                c.setAutoCommit(false);
                st.executeQuery("select * from phase_balance where phase_id = " + s.phaseId + " for update").close();
                CompletableFuture<Api.Reply> approval = CompletableFuture.supplyAsync(
                        () -> finance.post("api/disbursements/" + d + "/approve", "{}"));
                waitForALockWait();
                boolean victim = false;
                try {
                    st.executeUpdate("update disbursement set reference = 'låst' where id = " + d);
                } catch (SQLException e) {
                    assertEquals("40P01", e.getSQLState(), e.getMessage());
                    victim = true;
                }
                c.rollback();
                Api.Reply r = approval.get(60, TimeUnit.SECONDS);
                if (victim) {
                    continue; // this session was picked: the server's approval went through
                }
                assertProblem(r, 409, null);
                assertEquals("1", r.header("Retry-After"), r.toString());
                assertTrue(r.json().getString("detail").contains("try again"), r.body());
                assertEquals("PLANNED", Rows.value("select status from disbursement where id = ?", d));
                return;
            }
        }
        throw new AssertionError("the deadlock check never picked the server's transaction in five tries");
    }

    // --- helpers ---------------------------------------------------------------------------------

    private Api.Reply correct(long allocation, String amount, String reason, Long version) {
        var body = Json.createObjectBuilder().add("amount", new BigDecimal(amount)).add("reason", reason);
        if (version != null) {
            body.add("version", version);
        }
        return finance.post(s.phase("allocations/" + allocation + "/corrections"), body.build().toString());
    }

    private List<JsonObject> allocations() {
        return finance.get("api/phases/" + s.phaseId).json().getJsonArray("allocations").getValuesAs(JsonObject.class);
    }

    private JsonObject lineJson(long line) {
        return finance.get("api/phases/" + s.phaseId).json().getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                .filter(l -> l.getJsonNumber("id").longValue() == line).findFirst().orElseThrow();
    }

    private long plan(String amount) {
        return Fixtures.id(Fixtures.created(finance.post(s.phase("disbursements"),
                "{\"partnerId\": %d, \"amount\": %s, \"plannedOn\": \"2024-03-01\"}".formatted(s.stadsmissionId, amount))));
    }

    private Api.Reply reschedule(String start, String end, long version) {
        return finance.put("api/phases/" + s.phaseId, "{\"name\": \"Fas 1\", \"startDate\": \"%s\", \"endDate\": \"%s\", \"version\": %d}"
                .formatted(start, end, version));
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = ItDatabase.database().connect(); Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    /** The statement is refused with that SQLSTATE, naming that constraint or rule. */
    private static void assertRefused(String sqlState, String rule, String sql) {
        SQLException e = assertThrows(SQLException.class, () -> execute(sql), sql);
        assertEquals(sqlState, e.getSQLState(), e.getMessage());
        assertTrue(e.getMessage().contains(rule), e.getMessage());
    }

    /** Until a session of this database waits for a lock (the server's approval, blocked by the test's session). */
    private static void waitForALockWait() throws Exception {
        try (Connection probe = ItDatabase.database().connect(); Statement st = probe.createStatement()) {
            for (int i = 0; i < 3000; i++) {
                try (var rs = st.executeQuery("select count(*) from pg_stat_activity"
                        + " where datname = current_database() and wait_event_type = 'Lock'")) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(5);
            }
        }
        throw new AssertionError("the server's approval never waited for the lock");
    }
}
