package se.iop.agreement.entity;

import org.junit.jupiter.api.Test;
import se.iop.common.InvalidInput;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.agreement.entity.Nykoping.START;

class AgreementPartyTest {

    private final Nykoping n = new Nykoping();

    private AgreementParty stadsmission() {
        return n.draft().addParty(n.stadsmission, PartyRole.NON_PROFIT_PARTNER, START);
    }

    @Test
    void takesPartFromTheDayItJoins() {
        AgreementParty p = stadsmission();
        assertFalse(p.partOn(START.minusDays(1)));
        assertTrue(p.partOn(START));
        assertTrue(p.partOn(LocalDate.of(2099, 1, 1)));
    }

    @Test
    void anOpenJoiningDateCountsFromTheBeginning() {
        AgreementParty p = n.draft().addParty(n.kommun, PartyRole.PUBLIC_PARTNER, null);
        assertTrue(p.partOn(LocalDate.of(1900, 1, 1)));
    }

    @Test
    void takesPartUpToAndIncludingTheDayItLeaves() {
        Agreement a = n.draftWithParties();
        AgreementParty p = a.parties().get(1);
        LocalDate last = START.plusMonths(6);
        a.partyLeaves(p, last, "Parten lämnar", null);
        assertTrue(p.partOn(last));
        assertFalse(p.partOn(last.plusDays(1)));
    }

    @Test
    void mayLeaveOnTheDayItJoined() {
        Agreement a = n.draftWithParties();
        AgreementParty p = a.parties().get(1);
        a.partyLeaves(p, START, "Parten lämnar", null);
        assertTrue(p.partOn(START));
        assertFalse(p.partOn(START.plusDays(1)));
    }

    @Test
    void commitsMoneyAndWorkInKind() {
        AgreementParty p = stadsmission();
        p.commit(" Boendestöd ", new BigDecimal("250000"), "Volontärtimmar");
        assertEquals("Boendestöd", p.commitment());
        assertEquals(new BigDecimal("250000.00"), p.contributionAmount());
        assertEquals("Volontärtimmar", p.contributionInKind());
        p.commit(null, null, " ");
        assertNull(p.commitment());
        assertNull(p.contributionAmount());
        assertNull(p.contributionInKind());
    }

    @Test
    void refusesANegativeOrFractionalOreContribution() {
        AgreementParty p = stadsmission();
        InvalidInput negative = assertThrows(InvalidInput.class, () -> p.commit(null, new BigDecimal("-1"), null));
        assertEquals("contributionAmount", negative.field());
        InvalidInput decimals = assertThrows(InvalidInput.class, () -> p.commit(null, new BigDecimal("0.001"), null));
        assertEquals("error.money.decimals", decimals.key());
        InvalidInput tooLong = assertThrows(InvalidInput.class, () -> p.commit("x".repeat(4001), null, null));
        assertEquals("commitment", tooLong.field());
        InvalidInput inKind = assertThrows(InvalidInput.class, () -> p.commit(null, null, "x".repeat(1001)));
        assertEquals("contributionInKind", inKind.field());
    }

    @Test
    void showsItsOrganisationInTheHistory() {
        AgreementParty p = stadsmission();
        assertEquals("Sörmlands Stadsmission", p.snapshot().get("organisation"));
        assertEquals(PartyRole.NON_PROFIT_PARTNER, p.snapshot().get("role"));
    }
}
