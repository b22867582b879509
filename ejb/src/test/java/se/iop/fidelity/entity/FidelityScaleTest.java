package se.iop.fidelity.entity;

import org.junit.jupiter.api.Test;
import se.iop.common.InvalidInput;
import se.iop.common.StateConflict;
import se.iop.report.entity.Partnership;
import se.iop.report.entity.ReportStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scoring rules: sums per domain and in total against the maximum, complete or not, scores on the scale. */
class FidelityScaleTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 3, 1);

    /** Two domains: A with three items, B with two; a scale of 1–4. */
    static final FidelityScale SCALE = new FidelityScale(
            List.of(new FidelityScale.Step(1, "Inte alls"), new FidelityScale.Step(2, "Delvis"),
                    new FidelityScale.Step(3, "Till stor del"), new FidelityScale.Step(4, "Helt")),
            List.of(new FidelityScale.Domain("A", "Boende", List.of(item(1, "A1"), item(2, "A2"), item(3, "A3"))),
                    new FidelityScale.Domain("B", "Team", List.of(item(4, "B1"), item(5, "B2")))));

    private static FidelityScale.Item item(long id, String code) {
        return new FidelityScale.Item(id, code, "Punkt " + code);
    }

    private final Partnership n = new Partnership();

    @Test
    void sumsEachDomainAndTheTotalAgainstTheMaximum() {
        FidelityScale.Scoring s = SCALE.score(Map.of(1L, 4, 2L, 3, 3L, 1, 4L, 2, 5L, 4));
        assertEquals(8, s.domains().get(0).sum());
        assertEquals(12, s.domains().get(0).max());
        assertEquals(6, s.domains().get(1).sum());
        assertEquals(8, s.domains().get(1).max());
        assertEquals(14, s.total());
        assertEquals(20, s.max());
        assertTrue(s.complete());
        assertEquals(0, s.unscored());
    }

    @Test
    void aGapLeavesTheDomainIncompleteAndCountsNothing() {
        FidelityScale.Scoring s = SCALE.score(Map.of(1L, 4, 4L, 2, 5L, 4));
        assertFalse(s.complete());
        assertFalse(s.domains().get(0).complete());
        assertTrue(s.domains().get(1).complete());
        assertEquals(4, s.domains().get(0).sum());
        assertEquals(1, s.domains().get(0).scored());
        assertEquals(2, s.unscored());
        assertEquals(20, s.max(), "the maximum does not shrink with gaps");
    }

    @Test
    void minAndMaxAreTheScalesOwnSteps() {
        assertEquals(1, SCALE.min());
        assertEquals(4, SCALE.max());
    }

    @Test
    void aScoreOffTheScaleOrAnUnknownItemIsRefusedNamingItAndNothingChanges() {
        FidelityAssessment a = draft();
        a.revise(SCALE, List.of(new FidelityAssessment.Entry("A1", 3, "Bra")));
        InvalidInput off = assertThrows(InvalidInput.class, () -> a.revise(SCALE, List.of(
                new FidelityAssessment.Entry("A1", 2, null), new FidelityAssessment.Entry("A2", 5, null))));
        assertEquals("score", off.field());
        assertTrue(off.getMessage().contains("A2"), off.getMessage());
        InvalidInput zero = assertThrows(InvalidInput.class, () -> a.revise(SCALE, List.of(new FidelityAssessment.Entry("B1", 0, null))));
        assertEquals("score", zero.field());
        InvalidInput unknown = assertThrows(InvalidInput.class, () -> a.revise(SCALE, List.of(new FidelityAssessment.Entry("Z9", 2, null))));
        assertEquals("item", unknown.field());
        assertTrue(unknown.getMessage().contains("Z9"), unknown.getMessage());
        InvalidInput twice = assertThrows(InvalidInput.class, () -> a.revise(SCALE, List.of(
                new FidelityAssessment.Entry("A1", 2, null), new FidelityAssessment.Entry("a1", 3, null))));
        assertEquals("item", twice.field());
        assertEquals(Map.of(1L, 3), a.scoreByItem(), "every refusal left the draft as it was");
        assertEquals("Bra", a.scores().get(0).comment());
    }

    @Test
    void onlyACompleteAssessmentIsHandedInThenReviewedLikeAReport() {
        FidelityAssessment a = draft();
        List<FidelityAssessment.Entry> all = new ArrayList<>();
        for (FidelityScale.Item i : SCALE.items()) {
            all.add(new FidelityAssessment.Entry(i.code(), 3, null));
        }
        a.revise(SCALE, all.subList(0, 4));
        InvalidInput gap = assertThrows(InvalidInput.class, () -> a.submit(SCALE, "stadsmissionen", TODAY));
        assertEquals("score", gap.field());
        assertTrue(gap.getMessage().contains("B2"), gap.getMessage());
        assertEquals(ReportStatus.DRAFT, a.status());

        a.revise(SCALE, all);
        a.submit(SCALE, "stadsmissionen", TODAY);
        assertEquals(ReportStatus.SUBMITTED, a.status());
        assertEquals("status", assertThrows(StateConflict.class, () -> a.revise(SCALE, all)).field());
        assertThrows(InvalidInput.class, () -> a.returnToPartner(" ", "admin", TODAY));
        a.returnToPartner("Kommentera E-domänen.", "admin", TODAY);
        assertEquals(ReportStatus.RETURNED, a.status());
        assertThrows(StateConflict.class, () -> a.approve("admin", TODAY));
        a.submit(SCALE, "stadsmissionen", TODAY);
        a.approve("admin", TODAY);
        assertEquals(ReportStatus.APPROVED, a.status());
        assertEquals(15, SCALE.score(a.scoreByItem()).total());
        assertThrows(StateConflict.class, () -> a.revise(SCALE, all));
        assertThrows(StateConflict.class, () -> a.submit(SCALE, "stadsmissionen", TODAY));
    }

    @Test
    void aYearOutsideTheAgreementOrInTheFutureOrANonPartnerIsRefused() {
        assertEquals("year", assertThrows(InvalidInput.class,
                () -> new FidelityAssessment(n.agreement, n.stadsmission, 2022, "s", TODAY)).field());
        assertEquals("year", assertThrows(InvalidInput.class,
                () -> new FidelityAssessment(n.agreement, n.stadsmission, 2026, "s", TODAY)).field());
        assertEquals("year", assertThrows(InvalidInput.class,
                () -> new FidelityAssessment(n.agreement, n.stadsmission, null, "s", TODAY)).field());
        assertEquals("year", assertThrows(InvalidInput.class,
                () -> new FidelityAssessment(n.agreement, n.stadsmission, Integer.MIN_VALUE, "s", TODAY)).field());
        assertEquals("agreementId", assertThrows(InvalidInput.class,
                () -> new FidelityAssessment(n.agreement, n.verdandi, 2023, "v", TODAY)).field());
        assertEquals(2024, new FidelityAssessment(n.agreement, n.verdandi, 2024, "v", TODAY).year());
    }

    @Test
    void theYearsOfferedAreTheAgreementsUpToThisOneNewestFirstAndExactlyThoseANewAssessmentMayHave() {
        // The agreement runs 2023-10-01 to 2025-12-31.
        assertEquals(List.of(2025, 2024, 2023), FidelityAssessment.years(n.agreement, TODAY));
        assertEquals(List.of(2024, 2023), FidelityAssessment.years(n.agreement, LocalDate.of(2024, 6, 1)));
        assertEquals(List.of(2025, 2024, 2023), FidelityAssessment.years(n.agreement, LocalDate.of(2027, 1, 1)));
        for (int year = 2020; year <= 2027; year++) {
            int y = year;
            boolean offered = FidelityAssessment.years(n.agreement, TODAY).contains(y);
            if (offered) {
                assertEquals(y, new FidelityAssessment(n.agreement, n.stadsmission, y, "s", TODAY).year(), "offered, so taken");
            } else {
                assertEquals("year", assertThrows(InvalidInput.class,
                        () -> new FidelityAssessment(n.agreement, n.stadsmission, y, "s", TODAY)).field(), "not offered: " + y);
            }
        }
    }

    private FidelityAssessment draft() {
        return new FidelityAssessment(n.agreement, n.stadsmission, 2024, "stadsmissionen", TODAY);
    }
}
