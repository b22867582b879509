package se.iop.report.entity;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportingScheduleTest {

    private final Partnership n = new Partnership();

    private List<String> due(List<ActivityReport> reports, LocalDate today, String partner) {
        return ReportingSchedule.due(n.agreement, reports, today).stream()
                .filter(d -> d.partnerName().equals(partner)).map(d -> d.period().code()).toList();
    }

    @Test
    void everyEndedQuarterOfTakingPartIsDue() {
        LocalDate today = LocalDate.of(2024, 7, 10);
        assertEquals(List.of("2023-Q4", "2024-Q1", "2024-Q2"), due(List.of(), today, "Sörmlands Stadsmission"));
        assertEquals(List.of("2024-Q2"), due(List.of(), today, "Verdandi Nyköping"), "from the quarter it joined");
        assertEquals(List.of(), due(List.of(), today, "Nyköpings kommun"), "the municipality does not report");
    }

    @Test
    void handedInReportsCoverTheirQuartersByQuarterOrByMonth() {
        LocalDate today = LocalDate.of(2024, 7, 10);
        List<ActivityReport> reports = new ArrayList<>();
        ActivityReport q4 = n.filled(ReportPeriod.quarter(2023, 4), today);
        q4.submit("s", today);
        reports.add(q4);
        for (int month = 1; month <= 2; month++) {
            ActivityReport m = n.filled(ReportPeriod.month(YearMonth.of(2024, month)), today);
            m.submit("s", today);
            reports.add(m);
        }
        assertEquals(List.of("2024-Q1", "2024-Q2"), due(reports, today, "Sörmlands Stadsmission"), "March is missing");
        ActivityReport march = n.filled(ReportPeriod.month(YearMonth.of(2024, 3)), today);
        reports.add(march);
        DueReport q1 = ReportingSchedule.due(n.agreement, reports, today).get(0);
        assertEquals("2024-Q1", q1.period().code());
        assertEquals(ReportStatus.DRAFT, q1.status(), "a draft for the quarter is pointed to");
        march.submit("s", today);
        assertEquals(List.of("2024-Q2"), due(reports, today, "Sörmlands Stadsmission"));
    }

    @Test
    void aReportIsOverdueAfterTheEndOfTheFollowingMonth() {
        DueReport q2 = ReportingSchedule.due(n.agreement, List.of(), LocalDate.of(2024, 7, 31)).stream()
                .filter(d -> d.period().code().equals("2024-Q2") && d.partnerName().startsWith("Sörmlands")).findFirst().orElseThrow();
        assertFalse(q2.overdue());
        assertEquals(LocalDate.of(2024, 7, 31), q2.dueOn());
        assertNull(q2.reportId());
        DueReport late = ReportingSchedule.due(n.agreement, List.of(), LocalDate.of(2024, 8, 1)).stream()
                .filter(d -> d.period().code().equals("2024-Q2")).findFirst().orElseThrow();
        assertTrue(late.overdue());
    }

    @Test
    void nothingIsDueAfterTheAgreementEndsOrBeforeItIsInForce() {
        List<String> all = due(List.of(), LocalDate.of(2027, 1, 1), "Sörmlands Stadsmission");
        assertEquals("2023-Q4", all.get(0));
        assertEquals("2025-Q4", all.get(all.size() - 1));
        assertEquals(9, all.size());
        assertEquals(List.of(), due(List.of(), LocalDate.of(2023, 12, 31), "Sörmlands Stadsmission"), "Q4 is not over");
    }
}
