package se.iop.common;

import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A trigger's refusal, as the PostgreSQL driver and Hibernate hand it on, is read back as rule and values. */
class DatabaseRuleTest {

    private static final String RAISED = """
            ERROR: phase_balance_within_allocation: phase=17, allocated=100000.00, committed=140000.00
              Where: PL/pgSQL function phase_settle(bigint[]) line 19 at RAISE
            SQL statement "SELECT phase_settle(phases)"
            PL/pgSQL function budget_entries_changed() line 13 at PERFORM""";

    @Test
    void aRuleIsFoundUnderTheWrappersWithItsValues() {
        SQLException sql = new SQLException(RAISED, "23514");
        PersistenceException wrapped = new PersistenceException("could not execute statement",
                new RuntimeException("could not execute statement [" + RAISED + "] [update disbursement set ...]", sql));
        DatabaseRule rule = DatabaseRule.in(wrapped).orElseThrow();
        assertTrue(rule.is("phase_balance_within_allocation"));
        assertEquals(Map.of("phase", "17", "allocated", "100000.00", "committed", "140000.00"), rule.values());
        assertEquals(new BigDecimal("100000.00"), rule.amount("allocated"));
    }

    @Test
    void datesAndFieldsAreRead() {
        DatabaseRule rule = DatabaseRule.parse("ERROR: phase_holds_its_entries: field=endDate, date=2024-05-31").orElseThrow();
        assertEquals("phase_holds_its_entries", rule.name());
        assertEquals("endDate", rule.value("field"));
        assertEquals(LocalDate.of(2024, 5, 31), rule.date("date"));
    }

    @Test
    void otherFailuresAreNoRule() {
        assertTrue(DatabaseRule.in(new SQLException("ERROR: new row violates check constraint \"x\"", "23514")).isEmpty());
        assertTrue(DatabaseRule.in(new SQLException(RAISED, "23505")).isEmpty(), "only check violations carry rules");
        assertTrue(DatabaseRule.in(new PersistenceException("no cause")).isEmpty());
    }
}
