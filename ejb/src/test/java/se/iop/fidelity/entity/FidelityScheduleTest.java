package se.iop.fidelity.entity;

import org.junit.jupiter.api.Test;
import se.iop.report.entity.Partnership;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When self-assessments are due: each year of the agreement once it is over, by the due day of the next year, from each
 * non-profit partner of that year until one of them hands it in; once begun, only from the partner that began it.
 */
class FidelityScheduleTest {

    private static final MonthDay DUE = FidelitySchedule.DEFAULT_DUE_DAY;
    private final Partnership n = new Partnership();

    private List<String> due(List<FidelityAssessment> assessments, LocalDate today) {
        return FidelitySchedule.due(n.agreement, assessments, today, DUE).stream()
                .map(d -> d.year() + " " + (d.partnerId() == 0 ? "?" : d.partnerId()) + " " + d.dueOn()).toList();
    }

    @Test
    void eachYearOfTheAgreementIsDueOnceOverFromEachPartnerOfThatYear() {
        // 2023: Stadsmissionen alone; 2024 and 2025: Verdandi too (it joined in June 2024); the agreement ends with 2025.
        List<FidelitySchedule.DueAssessment> due = FidelitySchedule.due(n.agreement, List.of(), LocalDate.of(2027, 3, 1), DUE);
        assertEquals(List.of(2023, 2024, 2024, 2025, 2025), due.stream().map(FidelitySchedule.DueAssessment::year).toList());
        assertEquals(LocalDate.of(2024, 1, 31), due.get(0).dueOn());
        assertTrue(due(List.of(), LocalDate.of(2023, 12, 31)).isEmpty(), "a year not yet over is not due");
        assertEquals(1, due(List.of(), LocalDate.of(2024, 1, 1)).size());
        assertEquals(LocalDate.of(2025, 6, 30), FidelitySchedule.dueOn(2024, MonthDay.of(6, 30)));
    }

    @Test
    void handedInItIsDueNoMoreBegunItIsDueOnlyFromItsPartner() {
        LocalDate today = LocalDate.of(2025, 3, 1);
        FidelityAssessment begun = new FidelityAssessment(n.agreement, n.verdandi, 2024, "v", today);
        List<FidelitySchedule.DueAssessment> due = FidelitySchedule.due(n.agreement, List.of(begun), today, DUE);
        assertEquals(2, due.size(), "2023 from Stadsmissionen, 2024 only from Verdandi, which began it");
        FidelityAssessment handedIn = new FidelityAssessment(n.agreement, n.stadsmission, 2023, "s", today);
        handedIn.revise(FidelityScaleTest.SCALE, FidelityScaleTest.SCALE.items().stream()
                .map(i -> new FidelityAssessment.Entry(i.code(), 3, null)).toList());
        handedIn.submit(FidelityScaleTest.SCALE, "s", today);
        due = FidelitySchedule.due(n.agreement, List.of(begun, handedIn), today, DUE);
        assertEquals(List.of(2024), due.stream().map(FidelitySchedule.DueAssessment::year).toList());
        handedIn.returnToPartner("Komplettera", "h", today);
        assertEquals(2, FidelitySchedule.due(n.agreement, List.of(begun, handedIn), today, DUE).size(),
                "returned, it is due again");
    }
}
