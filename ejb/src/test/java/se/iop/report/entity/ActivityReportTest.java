package se.iop.report.entity;

import org.junit.jupiter.api.Test;
import se.iop.agreement.entity.Agreement;
import se.iop.agreement.entity.Period;
import se.iop.agreement.entity.PartyRole;
import se.iop.common.InvalidInput;
import se.iop.common.StateConflict;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActivityReportTest {

    private static final ReportPeriod Q1 = ReportPeriod.quarter(2024, 1);
    private static final LocalDate AFTER_Q1 = LocalDate.of(2024, 4, 5);
    private static final byte[] PDF = TestDocuments.pdf("Protokoll från styrgruppen");

    private final Partnership n = new Partnership();

    @Test
    void goesFromDraftThroughReturnAndResubmissionToApproved() {
        ActivityReport r = n.filled(Q1, AFTER_Q1);
        assertEquals(ReportStatus.DRAFT, r.status());
        r.submit("stadsmissionen", AFTER_Q1);
        assertEquals(ReportStatus.SUBMITTED, r.status());
        assertEquals(AFTER_Q1, r.submittedOn());

        r.returnToPartner("Siffrorna för vräkningar saknar förklaring.", "handlaggare", AFTER_Q1.plusDays(2));
        assertEquals(ReportStatus.RETURNED, r.status());
        assertEquals("Siffrorna för vräkningar saknar förklaring.", r.reviewComment());

        r.revise(Q1, "Vi har arbetat med boendestöd. Inga vräkningar.", Partnership.all(5), new BigDecimal("121000"), AFTER_Q1);
        r.submit("stadsmissionen", AFTER_Q1.plusDays(3));
        assertEquals(ReportStatus.SUBMITTED, r.status());
        r.approve("handlaggare", AFTER_Q1.plusDays(4));
        assertEquals(ReportStatus.APPROVED, r.status());
        assertEquals("handlaggare", r.reviewedBy());
        assertNull(r.reviewComment());
        assertEquals(new BigDecimal("121000.00"), r.costs());
    }

    @Test
    void anApprovedReportIsLocked() {
        ActivityReport r = n.filled(Q1, AFTER_Q1);
        r.submit("stadsmissionen", AFTER_Q1);
        r.approve("handlaggare", AFTER_Q1);
        assertTrue(r.locked());
        assertEquals("error.report.locked", assertThrows(StateConflict.class,
                () -> r.revise(Q1, "Ändrat", Partnership.all(9), BigDecimal.ONE, AFTER_Q1)).key());
        assertThrows(StateConflict.class, () -> r.submit("stadsmissionen", AFTER_Q1));
        assertThrows(StateConflict.class, () -> r.returnToPartner("Nej", "handlaggare", AFTER_Q1));
        assertThrows(StateConflict.class, () -> r.approve("handlaggare", AFTER_Q1));
        assertThrows(StateConflict.class, () -> r.attach("a.pdf", "application/pdf", PDF, "x", Instant.now()));
        assertThrows(StateConflict.class, r::requireDeletable);
        assertEquals(4, r.outcomes().get(Measure.EVICTIONS), "the counts stay as approved");
    }

    @Test
    void aSubmittedReportWaitsForReview() {
        ActivityReport r = n.filled(Q1, AFTER_Q1);
        r.submit("stadsmissionen", AFTER_Q1);
        assertEquals("error.report.underReview", assertThrows(StateConflict.class,
                () -> r.revise(Q1, "Ändrat", null, null, AFTER_Q1)).key());
        ActivityReport draft = n.filled(ReportPeriod.quarter(2024, 2), LocalDate.of(2024, 7, 1));
        assertThrows(StateConflict.class, () -> draft.approve("handlaggare", AFTER_Q1));
        assertThrows(StateConflict.class, () -> draft.returnToPartner("Nej", "handlaggare", AFTER_Q1));
    }

    @Test
    void submissionNeedsAnEndedPeriodAndEverythingFilledIn() {
        ActivityReport early = n.filled(Q1, LocalDate.of(2024, 3, 1));
        assertEquals("period", assertThrows(StateConflict.class, () -> early.submit("s", LocalDate.of(2024, 3, 30))).field());
        early.submit("s", LocalDate.of(2024, 3, 31));

        ActivityReport r = new ActivityReport(n.agreement, n.stadsmission, Q1, "s", AFTER_Q1);
        assertEquals("narrative", assertThrows(InvalidInput.class, () -> r.submit("s", AFTER_Q1)).field());
        Map<Measure, Integer> counts = new EnumMap<>(Partnership.all(3).asMap());
        counts.remove(Measure.EVICTIONS);
        r.revise(Q1, "Text", Outcomes.of(counts), null, AFTER_Q1);
        assertEquals("evictions", assertThrows(InvalidInput.class, () -> r.submit("s", AFTER_Q1)).field());
        r.revise(Q1, "Text", Partnership.all(3), null, AFTER_Q1);
        assertEquals("costs", assertThrows(InvalidInput.class, () -> r.submit("s", AFTER_Q1)).field());
        assertEquals(ReportStatus.DRAFT, r.status());
    }

    @Test
    void returningNeedsAComment() {
        ActivityReport r = n.filled(Q1, AFTER_Q1);
        r.submit("s", AFTER_Q1);
        assertEquals("comment", assertThrows(InvalidInput.class, () -> r.returnToPartner(" ", "h", AFTER_Q1)).field());
        assertEquals("comment", assertThrows(InvalidInput.class,
                () -> r.returnToPartner("Gäller 811218-9876", "h", AFTER_Q1)).field());
        assertEquals(ReportStatus.SUBMITTED, r.status());
    }

    @Test
    void refusesIdentityNumbersInTheNarrativeAndFileNames() {
        ActivityReport r = new ActivityReport(n.agreement, n.stadsmission, Q1, "s", AFTER_Q1);
        InvalidInput e = assertThrows(InvalidInput.class,
                () -> r.revise(Q1, "Hyresgästen 19811218-9876 har flyttat in.", null, null, AFTER_Q1));
        assertEquals("narrative", e.field());
        assertEquals("error.identityNumber", e.key());
        assertNull(r.narrative());
        assertEquals("file", assertThrows(InvalidInput.class,
                () -> r.attach("811218-9876.pdf", "application/pdf", PDF, "s", Instant.now())).field());
        assertEquals("file", assertThrows(InvalidInput.class,
                () -> r.attach("lista\u202Efdp.exe", "application/pdf", PDF, "s", Instant.now())).field());
        InvalidInput inside = assertThrows(InvalidInput.class, () -> r.attach("Protokoll.pdf", "application/pdf",
                TestDocuments.pdf("Ny hyresgäst 811218 9876"), "s", Instant.now()));
        assertEquals("file", inside.field());
        assertEquals("error.attachment.identityNumber", inside.key());
        assertTrue(r.attachments().isEmpty(), "nothing refused is attached");
        r.revise(Q1, "Org.nr 802003-5120 och kontonummer 8112189870 är inga personnummer.", null, null, AFTER_Q1);
    }

    @Test
    void theReportBelongsToAPartnerOfAnAgreementInForceDuringThePeriod() {
        assertEquals("period", assertThrows(InvalidInput.class,
                () -> new ActivityReport(n.agreement, n.verdandi, Q1, "v", AFTER_Q1)).field(), "Verdandi joined in June 2024");
        new ActivityReport(n.agreement, n.verdandi, ReportPeriod.quarter(2024, 2), "v", LocalDate.of(2024, 7, 1));
        assertEquals("partnerId", assertThrows(InvalidInput.class,
                () -> new ActivityReport(n.agreement, n.kommun, Q1, "k", AFTER_Q1)).field(), "the municipality does not report");
        assertEquals("period", assertThrows(InvalidInput.class,
                () -> new ActivityReport(n.agreement, n.stadsmission, ReportPeriod.quarter(2023, 3), "s", AFTER_Q1)).field());
        assertEquals("period", assertThrows(InvalidInput.class,
                () -> new ActivityReport(n.agreement, n.stadsmission, ReportPeriod.quarter(2024, 2), "s",
                        LocalDate.of(2024, 3, 31))).field(), "the period has not begun");
        Agreement draft = new Agreement("X 1", "Utkast");
        draft.schedule(Period.of(Partnership.START, Partnership.END), null);
        draft.addParty(n.stadsmission, PartyRole.NON_PROFIT_PARTNER, null);
        assertEquals("agreementId", assertThrows(StateConflict.class,
                () -> new ActivityReport(draft, n.stadsmission, Q1, "s", AFTER_Q1)).field());
    }

    @Test
    void aMonthReportCoversItsMonthAndMayMoveWhileADraft() {
        ActivityReport r = new ActivityReport(n.agreement, n.stadsmission, ReportPeriod.month(YearMonth.of(2024, 2)), "s", AFTER_Q1);
        assertEquals(ReportPeriod.month(YearMonth.of(2024, 2)), r.period());
        r.revise(ReportPeriod.month(YearMonth.of(2024, 3)), null, null, null, AFTER_Q1);
        assertEquals("2024-03", r.period().code());
        assertThrows(InvalidInput.class, () -> r.revise(ReportPeriod.month(YearMonth.of(2024, 5)), null, null, null, AFTER_Q1));
        assertEquals("2024-03", r.period().code(), "a refused move leaves the period as it was");
    }

    @Test
    void attachmentsAreCheckedAndLimited() {
        ActivityReport r = new ActivityReport(n.agreement, n.stadsmission, Q1, "s", AFTER_Q1);
        ReportAttachment a = r.attach("C:\\Users\\x\\Protokoll mars.pdf", "application/pdf", PDF, "s", Instant.now());
        assertEquals("Protokoll mars.pdf", a.filename());
        assertEquals(PDF.length, a.sizeBytes());
        for (int i = 1; i < ActivityReport.MAX_ATTACHMENTS; i++) {
            r.attach("bilaga" + i + ".pdf", "application/pdf", PDF, "s", Instant.now());
        }
        assertEquals("error.attachment.tooMany", assertThrows(StateConflict.class,
                () -> r.attach("en till.pdf", "application/pdf", PDF, "s", Instant.now())).key());
    }

    @Test
    void onlyANeverSubmittedDraftCanBeDeleted() {
        ActivityReport r = n.filled(Q1, AFTER_Q1);
        r.requireDeletable();
        r.submit("s", AFTER_Q1);
        r.returnToPartner("Komplettera", "h", AFTER_Q1);
        assertThrows(StateConflict.class, r::requireDeletable);
    }
}
