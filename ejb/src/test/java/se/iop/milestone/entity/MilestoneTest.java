package se.iop.milestone.entity;

import org.junit.jupiter.api.Test;
import se.iop.agreement.entity.Agreement;
import se.iop.budget.entity.Phase;
import se.iop.common.InvalidInput;
import se.iop.common.StateConflict;
import se.iop.report.entity.Partnership;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MilestoneTest {

    private static final LocalDate DUE = LocalDate.of(2024, 4, 30);

    private final Partnership n = new Partnership();

    private Milestone firstTenants() {
        return new Milestone(n.agreement, null, "Första hyresgästerna flyttar in", "Våren 2024", DUE, n.stadsmission);
    }

    @Test
    void aMilestoneIsLateOnlyWhenOpenAfterItsDueDate() {
        Milestone m = firstTenants();
        assertEquals(MilestoneStatus.PLANNED, m.status());
        assertFalse(m.isLate(DUE), "not late on the due date itself");
        assertTrue(m.isLate(DUE.plusDays(1)));
        m.start();
        assertTrue(m.isLate(DUE.plusDays(1)), "being under way does not make it on time");
        m.complete(DUE.plusDays(10), DUE.plusDays(20));
        assertFalse(m.isLate(DUE.plusDays(30)), "done is never late");
        assertTrue(m.doneLate());
        assertEquals(DUE.plusDays(10), m.completedOn());
    }

    @Test
    void doneInTimeAndCancelledAreNeitherLate() {
        Milestone done = firstTenants();
        done.complete(DUE, DUE);
        assertFalse(done.doneLate());
        Milestone cancelled = firstTenants();
        cancelled.cancel("Ersätts av en annan milstolpe");
        assertFalse(cancelled.isLate(DUE.plusYears(1)));
        assertEquals("Ersätts av en annan milstolpe", cancelled.cancelReason());
    }

    @Test
    void stepsGoForwardOnly() {
        Milestone m = firstTenants();
        m.complete(DUE, DUE);
        assertEquals("status", assertThrows(StateConflict.class, m::start).field());
        assertThrows(StateConflict.class, () -> m.cancel("Nej"));
        assertThrows(StateConflict.class, () -> m.revise(null, "Ny titel", null, DUE, n.kommun));
        Milestone c = firstTenants();
        c.cancel("Nej");
        assertThrows(StateConflict.class, () -> c.complete(DUE, DUE));
        assertThrows(StateConflict.class, () -> firstTenants().moveTo(MilestoneStatus.PLANNED, null, null, DUE));
    }

    @Test
    void completionNeedsADateNotInTheFuture() {
        Milestone m = firstTenants();
        assertEquals("completedOn", assertThrows(InvalidInput.class, () -> m.complete(null, DUE)).field());
        assertEquals("completedOn", assertThrows(InvalidInput.class, () -> m.complete(DUE.plusDays(1), DUE)).field());
        assertEquals(MilestoneStatus.PLANNED, m.status());
        assertNull(m.completedOn());
    }

    @Test
    void checksItsInputNamingTheField() {
        Agreement a = n.agreement;
        assertEquals("title", assertThrows(InvalidInput.class, () -> new Milestone(a, null, " ", null, DUE, n.kommun)).field());
        assertEquals("dueOn", assertThrows(InvalidInput.class, () -> new Milestone(a, null, "T", null, null, n.kommun)).field());
        assertEquals("responsibleId", assertThrows(InvalidInput.class, () -> new Milestone(a, null, "T", null, DUE, null)).field());
        assertEquals("responsibleId", assertThrows(InvalidInput.class,
                () -> new Milestone(a, null, "T", null, DUE, n.nykopingshem)).field(), "only a party can be responsible");
        assertEquals("reason", assertThrows(InvalidInput.class, () -> firstTenants().cancel(" ")).field());
    }

    @Test
    void refusesIdentityNumbersInItsTexts() {
        Agreement a = n.agreement;
        assertEquals("title", assertThrows(InvalidInput.class,
                () -> new Milestone(a, null, "Inflytt 811218-9876", null, DUE, n.kommun)).field());
        assertEquals("description", assertThrows(InvalidInput.class,
                () -> new Milestone(a, null, "Inflytt", "Gäller 198112189876", DUE, n.kommun)).field());
        Milestone m = firstTenants();
        assertThrows(InvalidInput.class, () -> m.revise(null, "Inflytt", "701063-2391", DUE, n.kommun));
        assertEquals("Våren 2024", m.description(), "a refused revision changes nothing");
        assertEquals("reason", assertThrows(InvalidInput.class, () -> m.cancel("Se 121212-1212")).field());
    }

    @Test
    void aPhaseMustBeTheAgreementsOwn() {
        Phase own = new Phase(n.agreement, "Fas 1", LocalDate.of(2023, 10, 1), LocalDate.of(2025, 6, 30));
        Milestone m = new Milestone(n.agreement, own, "Utvärdering", null, DUE, n.kommun);
        assertEquals(own, m.phase());
        Agreement other = new Partnership().agreement;
        Phase foreign = new Phase(other, "Fas 1", LocalDate.of(2023, 10, 1), LocalDate.of(2025, 6, 30));
        assertEquals("phaseId", assertThrows(InvalidInput.class,
                () -> new Milestone(n.agreement, foreign, "Utvärdering", null, DUE, n.kommun)).field());
    }

    @Test
    void statusStepsAreListed() {
        assertTrue(MilestoneStatus.PLANNED.canMoveTo(MilestoneStatus.DONE));
        assertFalse(MilestoneStatus.DONE.canMoveTo(MilestoneStatus.IN_PROGRESS));
        assertTrue(MilestoneStatus.IN_PROGRESS.isOpen());
        assertFalse(MilestoneStatus.CANCELLED.isOpen());
    }
}
