package se.iop.report.entity;

import org.junit.jupiter.api.Test;
import se.iop.agreement.entity.AgreementParty;
import se.iop.agreement.entity.Amendment;
import se.iop.agreement.entity.PartyRole;
import se.iop.budget.entity.BudgetLine;
import se.iop.budget.entity.Expense;
import se.iop.budget.entity.ExpenseSource;
import se.iop.budget.entity.LineCategory;
import se.iop.budget.entity.Phase;
import se.iop.common.InvalidInput;
import se.iop.common.StateConflict;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A partner that leaves the agreement by an amendment: the one rule "is this organisation a party on
 * this day" ({@code Agreement.isPartyOn}), and the cost booking and report writing that ask it.
 */
class PartnerLeftTest {

    private static final LocalDate LAST_DAY = LocalDate.of(2024, 10, 31);

    private final Partnership n = new Partnership();
    private final AgreementParty stadsmission = n.agreement.parties().stream()
            .filter(p -> p.organisation() == n.stadsmission).findFirst().orElseThrow();

    private Amendment leave() {
        return n.agreement.partyLeaves(stadsmission, LAST_DAY, "Stadsmissionen lämnar partnerskapet", null);
    }

    @Test
    void leavingIsAnAmendmentThatNamesTheParty() {
        Amendment m = leave();
        assertSame(stadsmission, m.leavingParty());
        assertNull(m.addedParty());
        assertEquals(LAST_DAY, m.effectiveOn());
        assertEquals(LAST_DAY, stadsmission.leftOn());
        assertTrue(n.agreement.amendments().contains(m));
        assertEquals("Sörmlands Stadsmission", m.snapshot().get("leavingParty"));
    }

    @Test
    void aPartyOnEachDayFromJoiningToItsLastDay() {
        leave();
        assertFalse(n.agreement.isPartyOn(n.stadsmission, Partnership.START.minusDays(1)), "before joining");
        assertTrue(n.agreement.isPartyOn(n.stadsmission, Partnership.START));
        assertTrue(n.agreement.isPartyOn(n.stadsmission, LAST_DAY), "the last day counts");
        assertFalse(n.agreement.isPartyOn(n.stadsmission, LAST_DAY.plusDays(1)));
        assertFalse(n.agreement.isPartyOn(n.stadsmission, null));
        assertTrue(n.agreement.hasParty(n.stadsmission), "it was a party: it still reads what it reported");
        assertFalse(n.agreement.isPartyOn(n.verdandi, LocalDate.of(2024, 5, 31)), "Verdandi joined on 1 June 2024");
        assertTrue(n.agreement.isPartyOn(n.verdandi, LocalDate.of(2024, 6, 1)));
        assertFalse(n.agreement.isPartyOn(n.nykopingshem, LAST_DAY), "never a party");
    }

    @Test
    void aPartyThatJoinsAgainIsAPartyFromTheNewDate() {
        leave();
        n.agreement.amend(LocalDate.of(2025, 3, 1), "Stadsmissionen återkommer", null, n.stadsmission,
                PartyRole.NON_PROFIT_PARTNER);
        assertFalse(n.agreement.isPartyOn(n.stadsmission, LocalDate.of(2025, 2, 28)));
        assertTrue(n.agreement.isPartyOn(n.stadsmission, LocalDate.of(2025, 3, 1)));
    }

    @Test
    void leavingTakesADayADescriptionAndHappensOnce() {
        assertEquals("description", assertThrows(InvalidInput.class,
                () -> n.agreement.partyLeaves(stadsmission, LAST_DAY, " ", null)).field());
        assertNull(stadsmission.leftOn(), "a refused amendment leaves the party as it was");
        assertEquals(1, n.agreement.amendments().size());
        assertEquals("leftOn", assertThrows(InvalidInput.class,
                () -> n.agreement.partyLeaves(stadsmission, null, "Lämnar", null)).field());
        assertEquals("leftOn", assertThrows(InvalidInput.class,
                () -> n.agreement.partyLeaves(stadsmission, Partnership.END.plusDays(1), "Lämnar", null)).field());
        leave();
        StateConflict twice = assertThrows(StateConflict.class, this::leave);
        assertEquals("error.party.alreadyLeft", twice.key());
    }

    @Test
    void noCostIsBookedForItAfterItsLastDay() {
        leave();
        Phase phase = new Phase(n.agreement, "Fas 1", Partnership.START, Partnership.END);
        BudgetLine staff = phase.addLine(LineCategory.STAFF, "Boendestödjare", new BigDecimal("500000"), null);
        Expense.book(phase, staff, n.stadsmission, LAST_DAY, new BigDecimal("100"), "Lön oktober", "V-1",
                ExpenseSource.PARTNER);
        InvalidInput after = assertThrows(InvalidInput.class, () -> Expense.book(phase, staff, n.stadsmission,
                LAST_DAY.plusDays(1), new BigDecimal("100"), "Lön november", "V-2", ExpenseSource.PARTNER));
        assertEquals("spentOn", after.field());
        assertEquals("error.party.notPartyOn", after.key());
        Expense.book(phase, staff, null, LAST_DAY.plusDays(1), new BigDecimal("100"), "Samordning", "V-3",
                ExpenseSource.FINANCE);
        assertEquals("spentOn", assertThrows(InvalidInput.class, () -> Expense.book(phase, staff, n.verdandi,
                LocalDate.of(2024, 5, 31), new BigDecimal("100"), "Före anslutningen", "V-4", ExpenseSource.FINANCE)).field());
    }

    @Test
    void noReportIsWrittenForAPeriodAfterItsLastDay() {
        leave();
        LocalDate today = LocalDate.of(2025, 2, 1);
        new ActivityReport(n.agreement, n.stadsmission, ReportPeriod.quarter(2024, 4), "s", today); // 1 October onwards
        InvalidInput after = assertThrows(InvalidInput.class,
                () -> new ActivityReport(n.agreement, n.stadsmission, ReportPeriod.month(java.time.YearMonth.of(2024, 11)), "s", today));
        assertEquals("period", after.field());
        assertEquals("error.report.notPartyDuring", after.key());
        ActivityReport q3 = new ActivityReport(n.agreement, n.stadsmission, ReportPeriod.quarter(2024, 3), "s", today);
        assertEquals("period", assertThrows(InvalidInput.class,
                () -> q3.revise(ReportPeriod.quarter(2025, 1), null, null, null, LocalDate.of(2025, 4, 1))).field(),
                "nor moved there");
        assertEquals("partnerId", assertThrows(InvalidInput.class,
                () -> new ActivityReport(n.agreement, n.kommun, ReportPeriod.quarter(2024, 3), "k", today)).field(),
                "the municipality never reports");
    }
}
