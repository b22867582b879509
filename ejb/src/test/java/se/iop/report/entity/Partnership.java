package se.iop.report.entity;

import se.iop.agreement.entity.Agreement;
import se.iop.agreement.entity.EligibilityChecklist;
import se.iop.agreement.entity.PartyRole;
import se.iop.agreement.entity.Period;
import se.iop.agreement.entity.Signed;
import se.iop.partner.entity.Committee;
import se.iop.partner.entity.Organisation;
import se.iop.partner.entity.OrganisationKind;
import se.iop.partner.entity.OrganisationNumber;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * The Nyköping partnership for follow-up tests, fresh for each test: in force from 1 October 2023 to
 * the end of 2025, Stadsmissionen from the start, Verdandi joining on 1 June 2024.
 */
public final class Partnership {

    public static final LocalDate START = LocalDate.of(2023, 10, 1);
    public static final LocalDate END = LocalDate.of(2025, 12, 31);

    public final Organisation kommun = organisation("Nyköpings kommun", "212000-0308", OrganisationKind.MUNICIPALITY);
    public final Committee socialnamnden = kommun.addCommittee("Socialnämnden");
    public final Organisation stadsmission = organisation("Sörmlands Stadsmission", "802003-5120", OrganisationKind.NON_PROFIT);
    public final Organisation verdandi = organisation("Verdandi Nyköping", "802011-4974", OrganisationKind.NON_PROFIT);
    public final Organisation nykopingshem = organisation("Nyköpingshem AB", "556036-4712", OrganisationKind.HOUSING_COMPANY);
    public final Agreement agreement = active();

    private static Organisation organisation(String name, String number, OrganisationKind kind) {
        return new Organisation(name, OrganisationNumber.of(number), kind);
    }

    private Agreement active() {
        Agreement a = new Agreement("SN 2023/0412", "Bostad först Nyköping – fas 1");
        a.schedule(Period.of(START, END), 6);
        a.addParty(kommun, PartyRole.PUBLIC_PARTNER, LocalDate.of(2023, 9, 14));
        a.addParty(stadsmission, PartyRole.NON_PROFIT_PARTNER, START);
        a.registerDecision(socialnamnden, LocalDate.of(2023, 9, 14), "§ 102", "SN 2023/0412", "Beslut",
                new BigDecimal("850000"));
        a.assessEligibility(new EligibilityChecklist(true, true, true, true, null));
        a.decide();
        Signed.byEveryParty(a);
        a.activate();
        a.amend(LocalDate.of(2024, 6, 1), "Verdandi ansluter", null, verdandi, PartyRole.NON_PROFIT_PARTNER);
        return a;
    }

    /** A complete set of counts, every one the given number. */
    public static Outcomes all(int n) {
        Map<Measure, Integer> counts = new EnumMap<>(Measure.class);
        for (Measure m : Measure.values()) {
            counts.put(m, n);
        }
        return Outcomes.of(counts);
    }

    /** A report by Stadsmissionen for a quarter, filled in and ready to hand in. */
    public ActivityReport filled(ReportPeriod period, LocalDate today) {
        ActivityReport r = new ActivityReport(agreement, stadsmission, period, "stadsmissionen", today);
        r.revise(period, "Vi har arbetat med boendestöd.", all(4), new BigDecimal("120000.00"), today);
        return r;
    }
}
