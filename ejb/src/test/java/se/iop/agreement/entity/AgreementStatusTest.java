package se.iop.agreement.entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.agreement.entity.AgreementStatus.ACTIVE;
import static se.iop.agreement.entity.AgreementStatus.DECIDED;
import static se.iop.agreement.entity.AgreementStatus.DRAFT;
import static se.iop.agreement.entity.AgreementStatus.ENDED;
import static se.iop.agreement.entity.AgreementStatus.TERMINATED;

class AgreementStatusTest {

    /** The whole life cycle: DRAFT → DECIDED → ACTIVE → ENDED, terminated early from DECIDED or ACTIVE. */
    private static final Map<AgreementStatus, Set<AgreementStatus>> ALLOWED = Map.of(
            DRAFT, EnumSet.of(DECIDED),
            DECIDED, EnumSet.of(ACTIVE, TERMINATED),
            ACTIVE, EnumSet.of(ENDED, TERMINATED),
            ENDED, EnumSet.noneOf(AgreementStatus.class),
            TERMINATED, EnumSet.noneOf(AgreementStatus.class));

    @ParameterizedTest
    @EnumSource(AgreementStatus.class)
    void movesOnlyAlongTheLifeCycle(AgreementStatus from) {
        assertEquals(ALLOWED.get(from), from.next());
        for (AgreementStatus to : AgreementStatus.values()) {
            assertEquals(ALLOWED.get(from).contains(to), from.canMoveTo(to), from + " → " + to);
        }
    }

    @ParameterizedTest
    @EnumSource(AgreementStatus.class)
    void neverBackwardsNorStandingStill(AgreementStatus from) {
        for (AgreementStatus to : AgreementStatus.values()) {
            if (to.ordinal() <= from.ordinal()) {
                assertFalse(from.canMoveTo(to), from + " → " + to);
            }
        }
    }

    @Test
    void noStepIsSkipped() {
        assertFalse(DRAFT.canMoveTo(ACTIVE));
        assertFalse(DRAFT.canMoveTo(ENDED));
        assertFalse(DRAFT.canMoveTo(TERMINATED));
        assertFalse(DECIDED.canMoveTo(ENDED));
    }

    @Test
    void endedAndTerminatedAreClosed() {
        assertEquals(EnumSet.of(ENDED, TERMINATED), EnumSet.copyOf(
                EnumSet.allOf(AgreementStatus.class).stream().filter(AgreementStatus::isClosed).toList()));
        assertTrue(ENDED.next().isEmpty());
        assertTrue(TERMINATED.next().isEmpty());
    }
}
