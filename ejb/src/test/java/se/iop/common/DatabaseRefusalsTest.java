package se.iop.common;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseRefusalsTest {

    /** A refusal as the PostgreSQL driver reports it, wrapped as Hibernate and JPA wrap it. */
    private static Throwable refused(String state, String table, String column, String constraint, String detail) {
        StringBuilder fields = new StringBuilder("SERROR\0C" + state + "\0Mrefused\0");
        if (detail != null) {
            fields.append('D').append(detail).append('\0');
        }
        if (table != null) {
            fields.append('t').append(table).append('\0');
        }
        if (column != null) {
            fields.append('c').append(column).append('\0');
        }
        if (constraint != null) {
            fields.append('n').append(constraint).append('\0');
        }
        PSQLException driver = new PSQLException(new ServerErrorMessage(fields.toString()));
        return new PersistenceException("could not execute statement",
                new ConstraintViolationException("could not execute statement", driver, constraint));
    }

    private static DomainException refusal(Throwable failure) {
        Optional<DomainException> r = DatabaseRefusals.of(failure);
        assertTrue(r.isPresent(), "not read as a refusal: " + failure);
        return r.get();
    }

    @Test
    void aDuplicateIsAConflictNamingTheFieldAndTheValue() {
        DomainException e = refusal(refused("23505", "phase", null, "phase_name_once",
                "Key (agreement_id, lower(name::text))=(1, fas 2) already exists."));
        assertInstanceOf(StateConflict.class, e);
        assertEquals("name", e.field());
        assertEquals("fas 2 already exists.", e.message(Locale.ENGLISH));
    }

    @Test
    void aDuplicateKeepsAValueThatHoldsACommaAndReadsTheServerInAnyLanguage() {
        DomainException e = refusal(refused("23505", "expense", null, "expense_voucher",
                "Nyckel (agreement_id, voucher)=(7, V-1, V-2) existerar redan."));
        assertEquals("voucher", e.field());
        assertEquals("V-1, V-2 finns redan.", e.message(Locale.forLanguageTag("sv")));
    }

    @Test
    void aColumnNamedOtherwiseInTheApiGetsTheApisName() {
        assertEquals("organisationNumber", refusal(refused("23505", "organisation", null,
                "organisation_organisation_number_key", "Key (organisation_number)=(2120000308) already exists.")).field());
        assertEquals("text", DatabaseRefusals.field("decision_text"));
        assertEquals("value", DatabaseRefusals.field("value_sek"));
        assertEquals("tenancies6Due", DatabaseRefusals.field("tenancies_6_due"));
    }

    @Test
    void aReferenceToNothingIsUnprocessableAndARemovalOfWhatIsUsedAConflict() {
        DomainException missing = refusal(refused("23503", "allocation", null, "allocation_committee_id_fkey",
                "Key (committee_id)=(99) is not present in table \"committee\"."));
        assertInstanceOf(InvalidInput.class, missing);
        assertEquals("committeeId", missing.field());
        DomainException used = refusal(refused("23503", "amendment", null, "amendment_added_party_id_fkey",
                "Key (id)=(5) is still referenced from table \"amendment\"."));
        assertInstanceOf(StateConflict.class, used);
        assertNull(used.field());
    }

    @Test
    void aBrokenCheckNamesItsColumnWhenItHasOne() {
        DomainException e = refusal(refused("23514", "agreement", null, "agreement_notice_months_check", null));
        assertInstanceOf(InvalidInput.class, e);
        assertEquals("noticeMonths", e.field());
        assertNull(refusal(refused("23514", "phase", null, "phase_check", null)).field());
        assertNull(refusal(refused("23514", "activity_report", null, "activity_report_check1", null)).field());
        assertEquals("hours", refusal(refused("23502", "contribution", "hours", null, null)).field());
    }

    @Test
    void valuesTheDatabaseCannotHoldAreUnprocessable() {
        for (String state : new String[] {"22001", "22003", "22008", "22021", "22P05", "22P02"}) {
            assertInstanceOf(InvalidInput.class, refusal(refused(state, null, null, null, null)), state);
        }
        // The driver refuses a NUL in a text itself, before the statement is sent.
        DomainException nul = refusal(new PersistenceException(
                new PSQLException("Zero bytes may not occur in string parameters.", PSQLState.INVALID_PARAMETER_VALUE)));
        assertEquals("error.db.characters", nul.key());
    }

    @Test
    void aRaceIsToBeTriedAgainAndAStaleVersionStale() {
        assertInstanceOf(TryAgain.class, refusal(refused("40001", null, null, null, null)));
        assertInstanceOf(TryAgain.class, refusal(refused("40P01", null, null, null, null)));
        // Hibernate reports a deadlock as an optimistic lock failure: still no stale version.
        assertInstanceOf(TryAgain.class, refusal(new OptimisticLockException("deadlock",
                new SQLException("deadlock detected", "40P01"))));
        assertInstanceOf(StaleVersion.class, refusal(new PersistenceException(new OptimisticLockException())));
    }

    @Test
    void serializationFailuresAndDeadlocksAreToBeTriedAgain() {
        assertTrue(DatabaseRefusals.concurrent(new PersistenceException(new SQLException("could not serialize", "40001"))));
        assertTrue(DatabaseRefusals.concurrent(new RuntimeException(new SQLException("deadlock detected", "40P01"))));
        SQLException batch = new SQLException("batch failed", "XX000");
        batch.setNextException(new SQLException("could not serialize", "40001"));
        assertTrue(DatabaseRefusals.concurrent(new PersistenceException(batch)));
        assertTrue(!DatabaseRefusals.concurrent(new PersistenceException(new SQLException("check", "23514"))));
        assertTrue(!DatabaseRefusals.concurrent(new IllegalStateException()));
    }

    @Test
    void anyOtherDriverIsReadByItsState() {
        DomainException e = refusal(new PersistenceException(new SQLException("duplicate", "23505")));
        assertInstanceOf(StateConflict.class, e);
        assertNull(e.field());
    }

    @Test
    void whatIsNoRefusalOfTheRequestStaysAnErrorOfTheServer() {
        assertTrue(DatabaseRefusals.of(new PersistenceException(new SQLException("connection lost", "08006"))).isEmpty());
        assertTrue(DatabaseRefusals.of(new PersistenceException(new SQLException("syntax", "42601"))).isEmpty());
        assertTrue(DatabaseRefusals.of(new IllegalStateException("bug")).isEmpty());
    }
}
