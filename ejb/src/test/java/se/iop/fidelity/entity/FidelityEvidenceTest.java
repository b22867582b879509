package se.iop.fidelity.entity;

import org.junit.jupiter.api.Test;
import se.iop.common.InvalidInput;
import se.iop.common.StateConflict;
import se.iop.report.entity.IncomingFile;
import se.iop.report.entity.Partnership;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Evidence on a self-assessment: taken in by the attachments' one rule, for an item or the whole, only while editable. */
class FidelityEvidenceTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 3, 1);
    private static final byte[] TEXT = "Rutin för boendestöd".getBytes(StandardCharsets.UTF_8);
    private final Partnership n = new Partnership();

    private FidelityAssessment draft() {
        return new FidelityAssessment(n.agreement, n.stadsmission, 2024, "s", TODAY);
    }

    @Test
    void evidenceIsForAnItemOrTheWholeAndFollowsTheAttachmentRules() {
        FidelityAssessment a = draft();
        FidelityAttachment whole = a.attach(FidelityScaleTest.SCALE, " ", "C:\\rutiner\\Rutin.txt", "text/plain", TEXT, "s", Instant.now());
        assertNull(whole.itemId());
        assertEquals("Rutin.txt", whole.filename());
        assertEquals(2L, a.attach(FidelityScaleTest.SCALE, "a2", "Protokoll.txt", "text/plain", TEXT, "s", Instant.now()).itemId());
        assertEquals("item", assertThrows(InvalidInput.class, () -> a.attach(FidelityScaleTest.SCALE, "Z9", "x.txt",
                "text/plain", TEXT, "s", Instant.now())).field());
        assertEquals("error.attachment.identityNumber", assertThrows(InvalidInput.class, () -> a.attach(FidelityScaleTest.SCALE,
                null, "lista.txt", "text/plain", "Hyresgäst 19121212-1212".getBytes(StandardCharsets.UTF_8), "s",
                Instant.now())).key());
        assertEquals("error.attachment.contentType", assertThrows(InvalidInput.class, () -> a.attach(FidelityScaleTest.SCALE,
                null, "lista.txt", "application/pdf", TEXT, "s", Instant.now())).key());
        for (int i = 2; i < IncomingFile.MAX_PER_DOCUMENT; i++) {
            a.attach(FidelityScaleTest.SCALE, null, "bilaga" + i + ".txt", "text/plain", TEXT, "s", Instant.now());
        }
        assertEquals("error.attachment.tooMany", assertThrows(StateConflict.class, () -> a.attach(FidelityScaleTest.SCALE,
                null, "en till.txt", "text/plain", TEXT, "s", Instant.now())).key());
        assertEquals(IncomingFile.MAX_PER_DOCUMENT, a.attachments().size());
    }

    @Test
    void handedInNoEvidenceIsAddedOrRemoved() {
        FidelityAssessment a = draft();
        a.attach(FidelityScaleTest.SCALE, null, "Rutin.txt", "text/plain", TEXT, "s", Instant.now());
        a.revise(FidelityScaleTest.SCALE, FidelityScaleTest.SCALE.items().stream()
                .map(i -> new FidelityAssessment.Entry(i.code(), 3, null)).toList());
        a.submit(FidelityScaleTest.SCALE, "s", TODAY);
        assertThrows(StateConflict.class, () -> a.attach(FidelityScaleTest.SCALE, null, "Sen.txt", "text/plain", TEXT, "s",
                Instant.now()));
        a.returnToPartner("Bifoga bemanningslistan", "h", TODAY);
        a.attach(FidelityScaleTest.SCALE, "B1", "Bemanning.txt", "text/plain", TEXT, "s", Instant.now());
        assertEquals(2, a.attachments().size(), "returned, it takes evidence again");
    }
}
