package se.iop.agreement.entity;

import se.iop.partner.entity.Committee;
import se.iop.partner.entity.Organisation;
import se.iop.partner.entity.OrganisationKind;
import se.iop.partner.entity.OrganisationNumber;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The organisations of the Nyköping case, fresh for each test, and agreements at each step of their life. */
final class Nykoping {

    static final LocalDate START = LocalDate.of(2023, 10, 1);
    static final LocalDate END = LocalDate.of(2025, 12, 31);
    static final LocalDate MEETING = LocalDate.of(2023, 9, 14);

    final Organisation kommun = organisation("Nyköpings kommun", "212000-0308", OrganisationKind.MUNICIPALITY);
    final Committee socialnamnden = kommun.addCommittee("Socialnämnden");
    final Organisation grannkommun = organisation("Grannkommunen (exempel)", "212000-0316", OrganisationKind.MUNICIPALITY);
    final Committee grannkommunensNamnd = grannkommun.addCommittee("Socialnämnden");
    final Organisation stadsmission = organisation("Sörmlands Stadsmission", "802003-5120", OrganisationKind.NON_PROFIT);
    final Organisation verdandi = organisation("Verdandi Nyköping", "802011-4974", OrganisationKind.NON_PROFIT);
    final Organisation nykopingshem = organisation("Nyköpingshem AB", "556036-4712", OrganisationKind.HOUSING_COMPANY);

    private static Organisation organisation(String name, String number, OrganisationKind kind) {
        return new Organisation(name, OrganisationNumber.of(number), kind);
    }

    static EligibilityChecklist complete() {
        return new EligibilityChecklist(true, true, true, true, "Bedömd av kommunens jurist");
    }

    /** A draft with its period, but no parties yet. */
    Agreement draft() {
        Agreement a = new Agreement("SN 2023/0412", "Bostad först Nyköping – fas 1");
        a.schedule(Period.of(START, END), 6);
        return a;
    }

    /** A draft with the municipality and Stadsmissionen as parties from the start date. */
    Agreement draftWithParties() {
        Agreement a = draft();
        a.addParty(kommun, PartyRole.PUBLIC_PARTNER, START);
        a.addParty(stadsmission, PartyRole.NON_PROFIT_PARTNER, START);
        return a;
    }

    CommitteeDecision decide(Agreement a) {
        return a.registerDecision(socialnamnden, MEETING, "§ 102", "SN 2023/0412", "Beslut om IOP",
                new BigDecimal("850000"));
    }

    Agreement decided() {
        Agreement a = draftWithParties();
        decide(a);
        a.assessEligibility(complete());
        a.decide();
        return a;
    }

    Agreement active() {
        Agreement a = Signed.byEveryParty(decided());
        a.activate();
        return a;
    }

    Agreement ended() {
        Agreement a = active();
        a.end(END);
        return a;
    }

    Agreement terminated() {
        Agreement a = active();
        a.terminate(LocalDate.of(2024, 3, 1), "Parterna är överens om att avsluta");
        return a;
    }
}
