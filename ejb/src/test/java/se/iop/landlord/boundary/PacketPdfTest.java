package se.iop.landlord.boundary;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import se.iop.landlord.entity.SectionText;
import se.iop.landlord.entity.SupportContact;
import se.iop.landlord.entity.VersionStatus;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PacketPdfTest {

    static PacketDocument document(VersionStatus status, boolean english) {
        List<SectionText> sections = List.of(
                new SectionText("Vad är Bostad först?", "En egen lägenhet först, utan krav på nykterhet.\n\nSedan stöd.",
                        english ? "What is Housing First?" : null, english ? "A home of one's own first." : null),
                new SectionText("Vem ringer jag dygnet runt?", "Stadsmissionens jour: 0155-00 00 03.",
                        english ? "Whom do I call day and night?" : null, english ? "The Stadsmission's line." : null));
        List<SupportContact> contacts = List.of(new SupportContact("Sörmlands Stadsmission", "Erik Exempel",
                "Verksamhetsledare", "erik.exempel@example.se", "0155-00 00 03"));
        return new PacketDocument(7L, 3L, 2, status, "Bostad först – information till hyresvärdar",
                english ? "Housing First – information for landlords" : null, LocalDate.of(2024, 3, 1),
                "SN 2023/0412", "Bostad först Nyköping – fas 1", sections, contacts);
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void thePdfCarriesTitleVersionDateSectionsAndContacts() throws IOException {
        byte[] pdf = PacketPdf.render(document(VersionStatus.PUBLISHED, false));
        assertTrue(new String(pdf, 0, 5).startsWith("%PDF-"));
        String text = text(pdf);
        assertTrue(text.contains("Bostad först – information till hyresvärdar"), text);
        assertTrue(text.contains("Version 2, publicerad 2024-03-01"), text);
        assertTrue(text.contains("version 2 · 2024-03-01"), "footer on the page: " + text);
        assertTrue(text.contains("Vem ringer jag dygnet runt?") && text.contains("Sedan stöd."), text);
        assertTrue(text.contains("Hör till: Bostad först Nyköping – fas 1 (SN 2023/0412)"), text);
        assertTrue(text.contains("Erik Exempel,") && text.contains("Verksamhetsledare") && text.contains("erik.exempel@example.se"), text);
        assertFalse(text.contains("In English") || text.contains("Housing First"), text);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals("Bostad först – information till hyresvärdar", doc.getDocumentInformation().getTitle());
            assertEquals(1, doc.getNumberOfPages());
        }
    }

    @Test
    void aDraftSaysSoAndEnglishFollowsOnItsOwnPage() throws IOException {
        byte[] pdf = PacketPdf.render(document(VersionStatus.DRAFT, true));
        String text = text(pdf);
        assertTrue(text.contains("Version 2 – utkast, ej publicerad – 2024-03-01"), text);
        assertTrue(text.contains("UTKAST"), text);
        assertTrue(text.contains("Housing First – information for landlords") && text.contains("Whom do I call day and night?"), text);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(2, doc.getNumberOfPages());
        }
    }

    @Test
    void aLongPacketRunsOverPagesEachWithTheFooter() throws IOException {
        PacketDocument d = document(VersionStatus.PUBLISHED, false);
        List<SectionText> many = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            many.add(new SectionText("Avsnitt " + i, "Text ".repeat(120), null, null));
        }
        PacketDocument longer = new PacketDocument(d.versionId(), d.packetId(), d.number(), d.status(), d.title(), null,
                d.date(), d.agreementReference(), d.agreementTitle(), many, d.supportContacts());
        String text = text(PacketPdf.render(longer));
        long footers = text.lines().filter(l -> l.contains("version 2 · 2024-03-01")).count();
        assertTrue(footers > 3, "one footer per page: " + footers);
        assertTrue(text.contains("Sida " + footers), text);
    }
}
