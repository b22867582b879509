package se.iop.budget.entity;

import org.junit.jupiter.api.Test;
import se.iop.agreement.entity.Agreement;
import se.iop.agreement.entity.PartyRole;
import se.iop.agreement.entity.Period;
import se.iop.budget.entity.Correction.Change;
import se.iop.common.InvalidInput;
import se.iop.partner.entity.Committee;
import se.iop.partner.entity.Organisation;
import se.iop.partner.entity.OrganisationKind;
import se.iop.partner.entity.OrganisationNumber;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Allocations are reduced or withdrawn with a reason, lines re-planned; each correction is recorded as made. */
class CorrectionTest {

    private static final Change BY = new Change("ekonom", Instant.parse("2024-05-02T08:30:00Z"));

    private final Organisation kommun = new Organisation("Nyköpings kommun", OrganisationNumber.of("212000-0308"),
            OrganisationKind.MUNICIPALITY);
    private final Committee socialnamnden = kommun.addCommittee("Socialnämnden");
    private final Phase phase = phase();

    private Phase phase() {
        Agreement a = new Agreement("SN 2023/0412", "Bostad först Nyköping – fas 1");
        a.schedule(Period.of(LocalDate.of(2023, 10, 1), LocalDate.of(2025, 12, 31)), 6);
        a.addParty(kommun, PartyRole.PUBLIC_PARTNER, LocalDate.of(2023, 10, 1));
        return new Phase(a, "Fas 1", LocalDate.of(2023, 10, 1), LocalDate.of(2025, 6, 30));
    }

    @Test
    void anAllocationIsReducedWithItsReasonAndTheCorrectionKeepsBothAmounts() {
        Allocation a = phase.allocate(socialnamnden, null, new BigDecimal("850000"));
        Correction c = a.reduce(new BigDecimal("600000.50"), "  Nämnden drog tillbaka en del  ", BY);
        assertEquals(new BigDecimal("600000.50"), a.amount());
        assertFalse(a.withdrawn());
        assertSame(a, c.allocation());
        assertNull(c.line());
        assertSame(phase, c.phase());
        assertEquals(new BigDecimal("850000.00"), c.amountBefore());
        assertEquals(new BigDecimal("600000.50"), c.amountAfter());
        assertEquals("Nämnden drog tillbaka en del", c.reason());
        assertEquals("ekonom", c.correctedBy());
        assertEquals(BY.at(), c.correctedAt());
        assertEquals(new BigDecimal("600000.50"), phase.allocated());
    }

    @Test
    void anAllocationReducedToZeroIsWithdrawn() {
        Allocation a = phase.allocate(socialnamnden, null, new BigDecimal("850000"));
        a.reduce(BigDecimal.ZERO, "Beslutet upphävt", BY);
        assertTrue(a.withdrawn());
        assertEquals(new BigDecimal("0.00"), phase.allocated());
    }

    @Test
    void anAllocationIsNeverRaisedAndNeverCorrectedWithoutAReasonOrAValidAmount() {
        Allocation a = phase.allocate(socialnamnden, null, new BigDecimal("850000"));
        assertEquals("amount", assertThrows(InvalidInput.class, () -> a.reduce(new BigDecimal("850000"), "Lika", BY)).field());
        assertEquals("amount", assertThrows(InvalidInput.class, () -> a.reduce(new BigDecimal("900000"), "Mer", BY)).field());
        assertEquals("amount", assertThrows(InvalidInput.class, () -> a.reduce(new BigDecimal("-1"), "Minus", BY)).field());
        assertEquals("amount", assertThrows(InvalidInput.class, () -> a.reduce(new BigDecimal("10.005"), "Öre", BY)).field());
        assertEquals("amount", assertThrows(InvalidInput.class, () -> a.reduce(null, "Inget", BY)).field());
        assertEquals("reason", assertThrows(InvalidInput.class, () -> a.reduce(new BigDecimal("1"), " ", BY)).field());
        assertEquals("reason", assertThrows(InvalidInput.class, () -> a.reduce(new BigDecimal("1"), null, BY)).field());
        assertEquals("reason", assertThrows(InvalidInput.class,
                () -> a.reduce(new BigDecimal("1"), "Gäller 811218-9876", BY)).field(), "no identity numbers in a reason");
        assertEquals(new BigDecimal("850000.00"), a.amount(), "a refused correction changes nothing");
    }

    @Test
    void aLineIsLoweredOnlyWithAReasonRaisedWithOrWithoutAndAnUnchangedPlanIsNoCorrection() {
        BudgetLine line = phase.addLine(LineCategory.STAFF, "Boendestödjare", new BigDecimal("1050000"), null);
        assertEquals("reason", assertThrows(InvalidInput.class, () -> line.replan(new BigDecimal("900000"), null, BY)).field());
        assertEquals(new BigDecimal("1050000.00"), line.planned());

        Correction lowered = line.replan(new BigDecimal("900000"), "Färre tjänster", BY);
        assertSame(line, lowered.line());
        assertNull(lowered.allocation());
        assertEquals(new BigDecimal("1050000.00"), lowered.amountBefore());
        assertEquals(new BigDecimal("900000.00"), lowered.amountAfter());
        assertEquals("Färre tjänster", lowered.reason());

        Correction raised = line.replan(new BigDecimal("950000"), null, BY);
        assertNull(raised.reason());
        assertEquals(new BigDecimal("950000.00"), line.planned());
        assertNull(line.replan(new BigDecimal("950000.00"), null, BY), "nothing changed, nothing recorded");
        assertEquals("planned", assertThrows(InvalidInput.class, () -> line.replan(new BigDecimal("-5"), "x", BY)).field());
    }
}
