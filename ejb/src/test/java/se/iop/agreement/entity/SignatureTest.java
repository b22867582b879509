package se.iop.agreement.entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import se.iop.common.DomainException;
import se.iop.common.InvalidInput;
import se.iop.common.StateConflict;
import se.iop.report.entity.TestDocuments;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.agreement.entity.Nykoping.START;

/** Signing: who may sign when, the signed PDF by the attachment rules, and ACTIVE only with every party's signature. */
class SignatureTest {

    private static final Instant NOW = Instant.parse("2023-10-02T09:00:00Z");
    private static final LocalDate SIGNED = LocalDate.of(2023, 9, 28);
    private static final byte[] PDF = TestDocuments.pdf("Avtal om idéburet offentligt partnerskap", "Underskrivet");

    private final Nykoping n = new Nykoping();

    private static <T extends DomainException> T refused(Class<T> type, String field, String key, Executable action) {
        T e = assertThrows(type, action);
        assertEquals(field, e.field(), "field of " + e.getMessage());
        assertEquals(key, e.key());
        return e;
    }

    @Test
    void activeNeedsEverySignatureAndNamesTheMissingParty() {
        Agreement a = n.decided();
        InvalidInput e = refused(InvalidInput.class, "signatures", "error.agreement.activeNeedsSignatures", a::activate);
        assertEquals(List.of("Nyköpings kommun, Sörmlands Stadsmission"), e.args());
        a.signOnPaper(a.parties().get(0), "Anna Exempel", SIGNED, "handlaggare", NOW);
        e = refused(InvalidInput.class, "signatures", "error.agreement.activeNeedsSignatures", a::activate);
        assertEquals(List.of("Sörmlands Stadsmission"), e.args());
        assertEquals(AgreementStatus.DECIDED, a.status());
        a.signWithDocument(a.parties().get(1), "Erik Exempel", SIGNED, "avtal.pdf", "application/pdf", PDF,
                "handlaggare", NOW);
        a.activate();
        assertEquals(AgreementStatus.ACTIVE, a.status());
    }

    @Test
    void aPartyThatJoinsBeforeActivationMustSignToo() {
        Agreement a = Signed.byEveryParty(n.decided());
        a.amend(START, "Verdandi ansluter", null, n.verdandi, PartyRole.NON_PROFIT_PARTNER);
        InvalidInput e = refused(InvalidInput.class, "signatures", "error.agreement.activeNeedsSignatures", a::activate);
        assertEquals(List.of("Verdandi Nyköping"), e.args());
    }

    @Test
    void aPartyThatJoinsWhileInForceSignsLaterAndIsNotRequiredBefore() {
        Agreement a = n.active();
        a.amend(START.plusMonths(6), "Verdandi ansluter", null, n.verdandi, PartyRole.NON_PROFIT_PARTNER);
        assertEquals(List.of("Verdandi Nyköping"), a.unsigned());
        Signature s = a.signOnPaper(a.parties().get(2), "Sara Exempel", LocalDate.of(2024, 3, 1), "handlaggare",
                Instant.parse("2024-03-02T09:00:00Z"));
        assertEquals(SignatureMethod.PAPER, s.method());
        assertTrue(a.unsigned().isEmpty());
    }

    @Test
    void onlyADecidedOrActiveAgreementIsSigned() {
        Agreement draft = n.draftWithParties();
        refused(StateConflict.class, "status", "error.signature.notDecided",
                () -> draft.signOnPaper(draft.parties().get(0), "Anna", SIGNED, "h", NOW));
        Agreement ended = n.ended();
        refused(StateConflict.class, "status", "error.signature.notDecided",
                () -> ended.signOnPaper(ended.parties().get(0), "Anna", SIGNED, "h", NOW));
    }

    @Test
    void aPartyOfAnotherAgreementIsRefusedNamingTheFieldAndNothingIsKept() {
        Agreement a = n.decided();
        Agreement other = new Nykoping().decided();
        refused(InvalidInput.class, "partyId", "error.signature.foreignParty",
                () -> a.signOnPaper(other.parties().get(0), "Anna", SIGNED, "h", NOW));
        refused(InvalidInput.class, "partyId", "error.required", () -> a.signOnPaper(null, "Anna", SIGNED, "h", NOW));
        assertTrue(a.signatures().isEmpty());
        assertTrue(other.signatures().isEmpty());
    }

    @Test
    void onceAPartySignedTheTitleAndClausesStayAsSignedAndTheRestMayChange() {
        Agreement a = n.decided();
        a.describe(new AgreementText("Bakgrund", null, "Mål", null, null, null));
        a.retitle("SN 2023/0412", "Bostad först");
        a.signOnPaper(a.parties().get(0), "Anna Exempel", SIGNED, "handlaggare", NOW);
        assertTrue(a.isSigned());
        refused(StateConflict.class, "goals", "error.agreement.signedText",
                () -> a.describe(new AgreementText("Bakgrund", null, "Andra mål", null, null, null)));
        refused(StateConflict.class, "sharedValues", "error.agreement.signedText",
                () -> a.describe(new AgreementText("Bakgrund", "Nya värden", "Mål", null, null, null)));
        refused(StateConflict.class, "background", "error.agreement.signedText",
                () -> a.describe(new AgreementText(null, null, "Mål", null, null, null)));
        refused(StateConflict.class, "title", "error.agreement.signedText",
                () -> a.retitle("SN 2023/0412", "Bostad först, ändrad"));
        assertEquals("Mål", a.text().goals());
        assertEquals("Bostad först", a.title());
        // The same words again (a form saved for another field, blank as empty) and a new diary reference pass.
        a.describe(new AgreementText("Bakgrund", "", "Mål", " ", null, null));
        a.retitle("SN 2023/0999", "Bostad först");
        assertEquals("SN 2023/0999", a.reference());
        a.schedule(Period.of(START, START.plusYears(3)), 3);
        assertEquals(START.plusYears(3), a.period().end());
    }

    @Test
    void aPartySignsOnce() {
        Agreement a = n.decided();
        a.signOnPaper(a.parties().get(0), "Anna", SIGNED, "h", NOW);
        refused(StateConflict.class, "partyId", "error.signature.already",
                () -> a.signWithDocument(a.parties().get(0), "Anna", SIGNED, "a.pdf", "application/pdf", PDF, "h", NOW));
        assertEquals(1, a.signatures().size());
    }

    @Test
    void whoAndWhenAreRequiredAndTheDayIsNotInTheFuture() {
        Agreement a = n.decided();
        AgreementParty kommun = a.parties().get(0);
        refused(InvalidInput.class, "signedBy", "error.required", () -> a.signOnPaper(kommun, " ", SIGNED, "h", NOW));
        refused(InvalidInput.class, "signedBy", "error.tooLong",
                () -> a.signOnPaper(kommun, "x".repeat(Signature.SIGNED_BY_MAX + 1), SIGNED, "h", NOW));
        refused(InvalidInput.class, "signedOn", "error.required", () -> a.signOnPaper(kommun, "Anna", null, "h", NOW));
        // NOW is 11 o'clock on 2 October in Sweden: that day may be given, the next may not.
        a.signOnPaper(kommun, "Anna", LocalDate.of(2023, 10, 2), "h", NOW);
        AgreementParty stadsmission = a.parties().get(1);
        refused(InvalidInput.class, "signedOn", "error.signature.future",
                () -> a.signOnPaper(stadsmission, "Erik", LocalDate.of(2023, 10, 3), "h", NOW));
        assertEquals(1, a.signatures().size());
    }

    @Test
    void theUploadIsAPdfByTheAttachmentRulesKeptWithItsChecksum() {
        Agreement a = n.decided();
        AgreementParty kommun = a.parties().get(0);
        refused(InvalidInput.class, "file", "error.signature.pdfOnly", () -> a.signWithDocument(kommun, "Anna", SIGNED,
                "avtal.txt", "text/plain", "Underskrivet".getBytes(StandardCharsets.UTF_8), "h", NOW));
        refused(InvalidInput.class, "file", "error.attachment.contentType",
                () -> a.signWithDocument(kommun, "Anna", SIGNED, "avtal.pdf", "text/html", PDF, "h", NOW));
        refused(InvalidInput.class, "file", "error.attachment.content", () -> a.signWithDocument(kommun, "Anna", SIGNED,
                "avtal.pdf", "application/pdf", "<html>".getBytes(StandardCharsets.UTF_8), "h", NOW));
        refused(InvalidInput.class, "file", "error.attachment.empty",
                () -> a.signWithDocument(kommun, "Anna", SIGNED, "avtal.pdf", "application/pdf", new byte[0], "h", NOW));
        refused(InvalidInput.class, "file", "error.attachment.identityNumber", () -> a.signWithDocument(kommun, "Anna",
                SIGNED, "avtal.pdf", "application/pdf", TestDocuments.pdf("Anna 811218-9876"), "h", NOW));
        assertTrue(a.signatures().isEmpty());

        Signature s = a.signWithDocument(kommun, "Anna Exempel", SIGNED, "C:\\Avtal\\avtal signerat.pdf",
                "application/pdf", PDF, "handlaggare", NOW);
        assertEquals(SignatureMethod.UPLOAD, s.method());
        assertEquals("avtal signerat.pdf", s.filename());
        assertEquals("application/pdf", s.contentType());
        assertEquals(PDF.length, s.sizeBytes());
        assertEquals(Signature.sha256(PDF), s.sha256());
        assertEquals(64, s.sha256().length());
        assertTrue(s.hasDocument());
        assertEquals("handlaggare", s.recordedBy());
        assertEquals(NOW, s.recordedAt());
        assertTrue(a.signatureOf(kommun).isPresent());
        assertFalse(a.signatureOf(a.parties().get(1)).isPresent());
    }

    @Test
    void aPaperSignatureHasNoDocument() {
        Agreement a = n.decided();
        Signature s = a.signOnPaper(a.parties().get(0), "Anna", SIGNED, "h", NOW);
        assertFalse(s.hasDocument());
        refused(StateConflict.class, "method", "error.signature.noDocument", s::document);
    }

    @Test
    void theChecksumIsSha256InHex() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Signature.sha256(new byte[0]));
    }

    @Test
    void aPartyThatLeftBeforeTheStartDoesNotSign() {
        Agreement a = n.draftWithParties();
        a.addParty(n.verdandi, PartyRole.NON_PROFIT_PARTNER, START.minusMonths(2));
        a.partyLeaves(a.parties().get(2), START.minusDays(1), null, null);
        n.decide(a);
        a.assessEligibility(Nykoping.complete());
        a.decide();
        Signed.byEveryParty(a);
        assertEquals(2, a.signatories().size());
        a.activate();
        assertEquals(AgreementStatus.ACTIVE, a.status());
    }
}
