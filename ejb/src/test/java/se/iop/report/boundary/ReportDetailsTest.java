package se.iop.report.boundary;

import org.junit.jupiter.api.Test;
import se.iop.report.entity.ActivityReport;
import se.iop.report.entity.Measure;
import se.iop.report.entity.Outcomes;
import se.iop.report.entity.Partnership;
import se.iop.report.entity.ReportPeriod;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A report leaves the service with its small counts hidden unless the caller may see them exactly. */
class ReportDetailsTest {

    private static final LocalDate AFTER_Q1 = LocalDate.of(2024, 4, 5);

    private static ActivityReport report() {
        Partnership n = new Partnership();
        ActivityReport r = new ActivityReport(n.agreement, n.stadsmission, ReportPeriod.quarter(2024, 1), "s", AFTER_Q1);
        Map<Measure, Integer> counts = Partnership.all(12).asMap();
        counts.put(Measure.EVICTIONS, 0);
        counts.put(Measure.LEASES_TAKEN_OVER, 2);
        counts.put(Measure.TENANCIES_12_DUE, 2);
        counts.put(Measure.TENANCIES_12_KEPT, 2);
        r.revise(ReportPeriod.quarter(2024, 1), "Text", Outcomes.of(counts), BigDecimal.TEN, AFTER_Q1);
        return r;
    }

    @Test
    void hidesCountsUnderThreeAndSharesRestingOnThemFromThoseWhoMayNotSeeThem() {
        ReportDetails d = ReportDetails.of(report(), false);
        assertFalse(d.exact());
        assertEquals(12, d.count(Measure.PEOPLE_IN_CONTACT).value());
        for (Measure m : new Measure[] {Measure.EVICTIONS, Measure.LEASES_TAKEN_OVER, Measure.TENANCIES_12_DUE}) {
            assertNull(d.count(m).value(), m.field());
            assertTrue(d.count(m).hidden(), m.field());
            assertEquals("< 3", d.count(m).text());
        }
        assertNull(d.retention12(), "two of two would single them out");
    }

    @Test
    void givesExactCountsToThoseWhoMay() {
        ReportDetails d = ReportDetails.of(report(), true);
        assertTrue(d.exact());
        assertEquals(0, d.count(Measure.EVICTIONS).value());
        assertEquals("0", d.count(Measure.EVICTIONS).text());
        assertEquals("2", d.count(Measure.LEASES_TAKEN_OVER).text());
        assertFalse(d.count(Measure.LEASES_TAKEN_OVER).hidden());
        assertEquals(0, new BigDecimal("100").compareTo(d.retention12()));
    }
}
