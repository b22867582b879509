package se.iop.report.entity;

import org.junit.jupiter.api.Test;
import se.iop.common.InvalidInput;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DocumentTextTest {

    private static final String NUMBER = "811218-9876";
    private static final String HARMLESS = "Org.nr 802003-5120, tel 070-123 45 67, 2024-03-31, 850 000 kr";

    private static void refused(FileType type, byte[] bytes) {
        InvalidInput e = assertThrows(InvalidInput.class, () -> DocumentText.refuseIdentityNumbers(type, bytes), type.name());
        assertEquals("file", e.field());
        assertEquals("error.attachment.identityNumber", e.key());
    }

    private static void unreadable(FileType type, byte[] bytes) {
        InvalidInput e = assertThrows(InvalidInput.class, () -> DocumentText.refuseIdentityNumbers(type, bytes), type.name());
        assertEquals("file", e.field());
        assertEquals("error.attachment.unreadable", e.key());
    }

    @Test
    void readsTheTextOfEachScannedType() {
        Map<FileType, byte[]> documents = Map.of(
                FileType.PDF, TestDocuments.pdf("Protokoll styrgrupp", "Rad två: " + HARMLESS),
                FileType.DOCX, TestDocuments.docx("Protokoll styrgrupp", "Rad två: " + HARMLESS),
                FileType.XLSX, TestDocuments.xlsx("Protokoll styrgrupp", HARMLESS),
                FileType.XLS, TestDocuments.xls("Protokoll styrgrupp", HARMLESS),
                FileType.PPTX, TestDocuments.pptx("Protokoll styrgrupp " + HARMLESS),
                FileType.ODT, TestDocuments.odt("Protokoll styrgrupp", HARMLESS),
                FileType.TXT, ("Protokoll styrgrupp\n" + HARMLESS).getBytes(StandardCharsets.UTF_8));
        documents.forEach((type, bytes) -> {
            String text = DocumentText.of(type, bytes);
            assertTrue(text.contains("Protokoll styrgrupp"), type + ": " + text);
            assertTrue(text.contains("802003-5120"), type + ": " + text);
            DocumentText.refuseIdentityNumbers(type, bytes);
        });
    }

    @Test
    void refusesEachScannedTypeHoldingAnIdentityNumber() {
        refused(FileType.PDF, TestDocuments.pdf("Protokoll", "Ny hyresgäst " + NUMBER + " flyttade in."));
        refused(FileType.PDF, TestDocuments.pdf("Protokoll", "Ny hyresgäst 811218\u20139876 (tankstreck)."));
        refused(FileType.DOCX, TestDocuments.docx("Protokoll", "Ny hyresgäst " + NUMBER));
        refused(FileType.XLSX, TestDocuments.xlsx("Hyresgäst", NUMBER));
        refused(FileType.XLS, TestDocuments.xls("Hyresgäst", NUMBER));
        refused(FileType.PPTX, TestDocuments.pptx("Hyresgäst " + NUMBER));
        refused(FileType.ODT, TestDocuments.odt("Protokoll", "Hyresgäst " + NUMBER));
        refused(FileType.ODS, TestDocuments.zip("application/vnd.oasis.opendocument.spreadsheet", "content.xml",
                "<table:table-cell xmlns:table=\"t\" xmlns:text=\"x\"><text:p>" + NUMBER + "</text:p></table:table-cell>"));
        refused(FileType.TXT, ("Hyresgäst " + NUMBER).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void findsNumbersWhereverTheyHide() {
        refused(FileType.PDF, TestDocuments.protectedPdf("Hyresgäst " + NUMBER, null, "Protokoll utan nummer i texten"));
        refused(FileType.DOCX, TestDocuments.docx("Hyresgäst 8112|18-98|76"));
        refused(FileType.XLSX, TestDocuments.xlsx("Personnummer", 8112189876L));
        refused(FileType.XLSX, TestDocuments.xlsx("Personnummer", 198112189876L));
        refused(FileType.ODT, TestDocuments.odt("Hyresgäst 811218  9876"));
        refused(FileType.TXT, ("Hyresgäst " + NUMBER).getBytes(StandardCharsets.UTF_16));
        refused(FileType.TXT, ("Hyresgäst " + NUMBER + " på Ängsvägen").getBytes(Charset.forName("windows-1252")));
    }

    @Test
    void neighbouringCellsAndParagraphsAreNotReadAsOneNumber() {
        DocumentText.refuseIdentityNumbers(FileType.XLSX, TestDocuments.xlsx("811218", "9876"));
        DocumentText.refuseIdentityNumbers(FileType.XLSX, TestDocuments.xlsx(811218, 9876));
        DocumentText.refuseIdentityNumbers(FileType.DOCX, TestDocuments.docx("Datum 811218", "9876 kr"));
    }

    @Test
    void oldWordDocumentsAreNotRead() {
        assertFalse(FileType.DOC.scanned());
        byte[] ole = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, '8', '1'};
        DocumentText.refuseIdentityNumbers(FileType.DOC, ole);
        for (FileType t : FileType.values()) {
            assertEquals(t != FileType.DOC, t.scanned(), t.name());
        }
    }

    @Test
    void whatCannotBeReadCannotBeCheckedAndIsRefused() {
        unreadable(FileType.PDF, "%PDF-1.4\nnot really a PDF\n".getBytes(StandardCharsets.US_ASCII));
        unreadable(FileType.PDF, TestDocuments.protectedPdf(null, "hemligt", "Ny hyresgäst " + NUMBER));
        unreadable(FileType.DOCX, "PK\u0003\u0004 broken".getBytes(StandardCharsets.ISO_8859_1));
        unreadable(FileType.XLS, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1});
        unreadable(FileType.DOCX, TestDocuments.zip("x", "word/document.xml", "<w:document><w:body>"));
    }

    @Test
    void aPackageThatUnpacksToTooMuchIsRefused() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("word/document.xml"));
            z.write("<d>".getBytes(StandardCharsets.US_ASCII));
            byte[] spaces = " ".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (long written = 0; written <= DocumentText.MAX_UNPACKED; written += spaces.length) {
                z.write(spaces);
            }
            z.write("</d>".getBytes(StandardCharsets.US_ASCII));
            z.closeEntry();
        }
        assertTrue(out.size() < FileType.MAX_BYTES, "a few hundred kilobytes packed: " + out.size());
        unreadable(FileType.DOCX, out.toByteArray());
    }
}
