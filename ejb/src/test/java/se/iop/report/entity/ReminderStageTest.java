package se.iop.report.entity;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ReminderStageTest {

    private static final LocalDate DUE = LocalDate.of(2024, 7, 31);

    private final Partnership n = new Partnership();

    @Test
    void dueSoonFromNDaysBeforeTheLastDayToItLateAfter() {
        assertNull(ReminderStage.of(DUE, DUE.minusDays(15), 14), "not yet");
        assertEquals(ReminderStage.DUE_SOON, ReminderStage.of(DUE, DUE.minusDays(14), 14));
        assertEquals(ReminderStage.DUE_SOON, ReminderStage.of(DUE, DUE, 14), "the last day is not late");
        assertEquals(ReminderStage.LATE, ReminderStage.of(DUE, DUE.plusDays(1), 14));
        assertEquals(ReminderStage.LATE, ReminderStage.of(DUE, DUE.plusYears(1), 14));
        assertNull(ReminderStage.of(DUE, DUE.minusDays(1), 0), "with no days before, only on the last day");
    }

    private List<String> wanted(List<ActivityReport> reports, LocalDate today) {
        return ReminderStage.wanted(ReportingSchedule.due(n.agreement, reports, today), today, 14).stream()
                .filter(w -> w.report().partnerName().equals("Sörmlands Stadsmission"))
                .map(w -> w.report().period().code() + " " + w.stage()).toList();
    }

    @Test
    void eachUnreportedQuarterIsLateOrDueSoonOrNotYet() {
        // 2024-Q2 is due on 31 July: on 20 July it is due soon, the quarters before it are late.
        assertEquals(List.of("2023-Q4 LATE", "2024-Q1 LATE", "2024-Q2 DUE_SOON"), wanted(List.of(), LocalDate.of(2024, 7, 20)));
        assertEquals(List.of("2023-Q4 LATE", "2024-Q1 LATE"), wanted(List.of(), LocalDate.of(2024, 7, 10)), "Q2: not yet");
        assertEquals(List.of("2023-Q4 LATE", "2024-Q1 LATE", "2024-Q2 LATE"), wanted(List.of(), LocalDate.of(2024, 8, 1)));
    }

    @Test
    void aSubmittedReportCallsForNoReminderADraftStillDoes() {
        LocalDate today = LocalDate.of(2024, 7, 20);
        ActivityReport q2 = n.filled(ReportPeriod.quarter(2024, 2), today);
        ActivityReport q1 = n.filled(ReportPeriod.quarter(2024, 1), today);
        q1.submit("s", today);
        assertEquals(List.of("2023-Q4 LATE", "2024-Q2 DUE_SOON"), wanted(List.of(q1, q2), today), "a draft is not handed in");
        q2.submit("s", today);
        assertEquals(List.of("2023-Q4 LATE"), wanted(List.of(q1, q2), today));
    }
}
