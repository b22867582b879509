package se.iop.landlord.entity;

import org.junit.jupiter.api.Test;
import se.iop.common.DomainException;
import se.iop.common.InvalidInput;
import se.iop.common.StateConflict;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The rules of a flat's way from offer to home, as the entity keeps them. */
class FlatStageTest {

    private static final LocalDate OFFERED_ON = LocalDate.of(2026, 1, 10);
    private static final Instant AT = Instant.parse("2026-01-10T09:00:00Z");

    private static OfferedFlat flat() {
        return Landlord.person("Karin", null).offerFlat("Backvägen 2", new BigDecimal("28"), 1, OFFERED_ON,
                LocalDate.of(2026, 1, 2), "admin");
    }

    private static String field(Class<? extends DomainException> type, org.junit.jupiter.api.function.Executable step) {
        return assertThrows(type, step).field();
    }

    @Test
    void aNewFlatIsOfferedOnTheDayItIsAvailableOrElseToday() {
        OfferedFlat f = flat();
        assertEquals(FlatStage.OFFERED, f.stage());
        assertEquals(OFFERED_ON, f.stageOn());
        assertEquals(1, f.steps().size());
        assertNull(f.steps().get(0).from());
        OfferedFlat undated = Landlord.person("Karin", null).offerFlat("A", BigDecimal.TEN, 1, null,
                LocalDate.of(2026, 1, 2), "admin");
        assertEquals(LocalDate.of(2026, 1, 2), undated.stageOn());
    }

    @Test
    void forwardOneStageAtATimeNeedsNoReason() {
        OfferedFlat f = flat();
        f.moveTo(FlatStage.MATCHED, OFFERED_ON.plusDays(5), null, "admin", AT);
        f.moveTo(FlatStage.MOVED_IN, OFFERED_ON.plusDays(5), " ", "admin", AT);
        f.moveTo(FlatStage.LEASE_TAKEN_OVER, OFFERED_ON.plusDays(400), null, "admin", AT);
        assertEquals(List.of(FlatStage.OFFERED, FlatStage.MATCHED, FlatStage.MOVED_IN, FlatStage.LEASE_TAKEN_OVER),
                f.steps().stream().map(FlatStageChange::to).toList());
        assertEquals(FlatStage.MOVED_IN, f.steps().get(3).from());
        assertNull(f.steps().get(2).reason(), "a blank reason is none");
    }

    @Test
    void noStageIsSkippedForward() {
        OfferedFlat f = flat();
        assertEquals("stage", field(StateConflict.class, () -> f.moveTo(FlatStage.MOVED_IN, OFFERED_ON, "ändå", "admin", AT)));
        assertEquals("stage", field(StateConflict.class, () -> f.moveTo(FlatStage.OFFERED, OFFERED_ON, "x", "admin", AT)));
        assertEquals(FlatStage.OFFERED, f.stage());
        assertEquals(1, f.steps().size());
    }

    @Test
    void backNeedsAReason() {
        OfferedFlat f = flat();
        f.moveTo(FlatStage.MATCHED, OFFERED_ON.plusDays(3), null, "admin", AT);
        assertEquals("reason", field(InvalidInput.class, () -> f.moveTo(FlatStage.OFFERED, OFFERED_ON.plusDays(4), null, "admin", AT)));
        assertEquals(FlatStage.MATCHED, f.stage());
        f.moveTo(FlatStage.OFFERED, OFFERED_ON.plusDays(4), "Matchningen föll", "admin", AT);
        assertEquals(FlatStage.OFFERED, f.stage());
        assertEquals("Matchningen föll", f.steps().get(2).reason());
    }

    @Test
    void withdrawnOrEndedFromAnyOpenStageWithAReason() {
        OfferedFlat f = flat();
        assertEquals("reason", field(InvalidInput.class, () -> f.moveTo(FlatStage.WITHDRAWN, OFFERED_ON, null, "admin", AT)));
        f.moveTo(FlatStage.WITHDRAWN, OFFERED_ON, "Såld", "admin", AT);
        assertEquals(FlatStage.WITHDRAWN, f.stage());

        OfferedFlat g = flat();
        g.moveTo(FlatStage.MATCHED, OFFERED_ON, null, "admin", AT);
        g.moveTo(FlatStage.MOVED_IN, OFFERED_ON.plusDays(1), null, "admin", AT);
        assertEquals("reason", field(InvalidInput.class, () -> g.moveTo(FlatStage.ENDED, OFFERED_ON.plusDays(2), "", "admin", AT)));
        g.moveTo(FlatStage.ENDED, OFFERED_ON.plusDays(2), "Hyresgästen flyttade vidare", "admin", AT);
        assertEquals(FlatStage.ENDED, g.stage());
    }

    @Test
    void aDateIsNeverBeforeThePreviousStagesDate() {
        OfferedFlat f = flat();
        assertEquals("date", field(InvalidInput.class, () -> f.moveTo(FlatStage.MATCHED, OFFERED_ON.minusDays(1), null, "admin", AT)));
        assertEquals("date", field(InvalidInput.class, () -> f.moveTo(FlatStage.MATCHED, null, null, "admin", AT)));
        assertEquals("stage", field(InvalidInput.class, () -> f.moveTo(null, OFFERED_ON, null, "admin", AT)));
        assertEquals(FlatStage.OFFERED, f.stage());
    }

    @Test
    void afterAClosedStageOnlyAReasonedCorrection() {
        for (FlatStage closed : List.of(FlatStage.LEASE_TAKEN_OVER, FlatStage.WITHDRAWN, FlatStage.ENDED)) {
            OfferedFlat f = flat();
            f.moveTo(FlatStage.MATCHED, OFFERED_ON, null, "admin", AT);
            f.moveTo(FlatStage.MOVED_IN, OFFERED_ON, null, "admin", AT);
            f.moveTo(closed, OFFERED_ON, closed == FlatStage.LEASE_TAKEN_OVER ? null : "skäl", "admin", AT);
            assertEquals("reason", field(InvalidInput.class, () -> f.moveTo(FlatStage.MOVED_IN, OFFERED_ON, null, "admin", AT)),
                    closed.name());
            f.moveTo(FlatStage.MOVED_IN, OFFERED_ON.plusDays(1), "Fel registrerat", "admin", AT);
            assertEquals(FlatStage.MOVED_IN, f.stage());
        }
    }

    @Test
    void aReasonHasALimit() {
        OfferedFlat f = flat();
        assertEquals("reason", field(InvalidInput.class, () -> f.moveTo(FlatStage.WITHDRAWN, OFFERED_ON, "x".repeat(501), "admin", AT)));
    }
}
