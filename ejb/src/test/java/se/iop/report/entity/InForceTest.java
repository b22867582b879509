package se.iop.report.entity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.iop.agreement.entity.Agreement;
import se.iop.agreement.entity.AgreementStatus;
import se.iop.agreement.entity.EligibilityChecklist;
import se.iop.agreement.entity.PartyRole;
import se.iop.agreement.entity.Period;
import se.iop.agreement.entity.Signed;
import se.iop.common.StateConflict;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * "An agreement in force", one rule ({@link AgreementStatus#IN_FORCE_OR_WAS}): the entities that used to
 * keep a copy each — who may report on it, which reports fall due — now answer alike for every status.
 */
class InForceTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 8, 15);

    /** Builds the partnership up to the status, along the path given ("DECIDED>TERMINATED" skips ACTIVE). */
    private static Agreement in(Partnership p, String path) {
        Agreement a = new Agreement("SN 2023/0412", "Bostad först Nyköping – fas 1");
        a.schedule(Period.of(Partnership.START, Partnership.END), 6);
        a.addParty(p.kommun, PartyRole.PUBLIC_PARTNER, LocalDate.of(2023, 9, 14));
        a.addParty(p.stadsmission, PartyRole.NON_PROFIT_PARTNER, Partnership.START);
        a.registerDecision(p.socialnamnden, LocalDate.of(2023, 9, 14), "§ 102", "SN 2023/0412", "Beslut",
                new BigDecimal("850000"));
        a.assessEligibility(new EligibilityChecklist(true, true, true, true, null));
        for (String step : path.split(">")) {
            switch (AgreementStatus.valueOf(step)) {
                case DRAFT -> { }
                case DECIDED -> a.decide();
                case ACTIVE -> Signed.byEveryParty(a).activate();
                case ENDED -> a.end(LocalDate.of(2024, 6, 30));
                case TERMINATED -> a.terminate(LocalDate.of(2024, 6, 30), "Avslutat i samförstånd");
            }
        }
        return a;
    }

    @ParameterizedTest
    @CsvSource({
            "DRAFT,                           false",
            "DRAFT>DECIDED,                   false",
            "DRAFT>DECIDED>ACTIVE,            true",
            "DRAFT>DECIDED>ACTIVE>ENDED,      true",
            "DRAFT>DECIDED>ACTIVE>TERMINATED, true"})
    void everyEntityAnswersAlike(String path, boolean inForce) {
        Partnership p = new Partnership();
        Agreement a = in(p, path);
        assertEquals(inForce, a.hasBeenInForce(), path);
        assertEquals(inForce, AgreementStatus.IN_FORCE_OR_WAS.contains(a.status()));

        List<DueReport> due = ReportingSchedule.due(a, List.of(), TODAY);
        assertEquals(inForce, !due.isEmpty(), "reports fall due only on an agreement in force: " + path);

        ReportPeriod q1 = ReportPeriod.quarter(2024, 1);
        if (inForce) {
            assertEquals(a, new ActivityReport(a, p.stadsmission, q1, "stadsmissionen", TODAY).agreement());
        } else {
            StateConflict e = assertThrows(StateConflict.class,
                    () -> new ActivityReport(a, p.stadsmission, q1, "stadsmissionen", TODAY));
            assertEquals("error.report.agreementNotInForce", e.key());
        }
    }
}
