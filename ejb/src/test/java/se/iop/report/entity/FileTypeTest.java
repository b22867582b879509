package se.iop.report.entity;

import org.junit.jupiter.api.Test;
import se.iop.common.InvalidInput;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FileTypeTest {

    private static final byte[] PDF = "%PDF-1.7\n%âãÏÓ\n".getBytes();
    private static final String DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String e : entries) {
                z.putNextEntry(new ZipEntry(e));
                z.write("x".getBytes());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void takesPdfAndOfficeDocumentsWhoseNameTypeAndContentAgree() throws IOException {
        assertEquals(FileType.PDF, FileType.check("rapport.PDF", "application/pdf", PDF));
        assertEquals(FileType.PDF, FileType.check("rapport.pdf", "application/pdf; charset=binary", PDF));
        assertEquals(FileType.DOCX, FileType.check("text.docx", DOCX_TYPE, zip("[Content_Types].xml", "word/document.xml")));
        assertEquals(FileType.XLSX, FileType.check("tabell.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                zip("[Content_Types].xml", "xl/workbook.xml")));
        byte[] ole = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        assertEquals(FileType.DOC, FileType.check("gammal.doc", "application/msword", ole));
        assertEquals(FileType.TXT, FileType.check("anteckning.txt", "text/plain; charset=UTF-8",
                "Rad ett\r\nRad två\tmed tabb".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void plainTextIsTextOnly() {
        assertEquals("error.attachment.content", assertThrows(InvalidInput.class,
                () -> FileType.check("program.txt", "text/plain", ole())).key(), "a binary is no text");
        assertEquals("error.attachment.content", assertThrows(InvalidInput.class,
                () -> FileType.check("nul.txt", "text/plain", "a\u0000b".getBytes(java.nio.charset.StandardCharsets.UTF_8))).key());
        assertEquals("error.attachment.contentType", assertThrows(InvalidInput.class,
                () -> FileType.check("sida.txt", "text/html", "<p>".getBytes(java.nio.charset.StandardCharsets.UTF_8))).key());
    }

    private static byte[] ole() {
        return new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
    }

    @Test
    void refusesOtherTypesTheWrongContentTypeAndContentThatIsNotWhatItSays() throws IOException {
        assertEquals("error.attachment.type", assertThrows(InvalidInput.class,
                () -> FileType.check("bild.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'})).key());
        assertEquals("error.attachment.type", assertThrows(InvalidInput.class,
                () -> FileType.check("program.exe", "application/pdf", PDF)).key());
        assertEquals("error.attachment.contentType", assertThrows(InvalidInput.class,
                () -> FileType.check("rapport.pdf", "text/html", PDF)).key());
        assertEquals("error.attachment.contentType", assertThrows(InvalidInput.class,
                () -> FileType.check("rapport.pdf", null, PDF)).key());
        assertEquals("error.attachment.content", assertThrows(InvalidInput.class,
                () -> FileType.check("rapport.pdf", "application/pdf", "<html><script>".getBytes())).key());
        byte[] otherZip = zip("[Content_Types].xml", "xl/workbook.xml");
        assertEquals("error.attachment.content", assertThrows(InvalidInput.class,
                () -> FileType.check("text.docx", DOCX_TYPE, otherZip)).key(), "a workbook is no word document");
        InvalidInput e = assertThrows(InvalidInput.class, () -> FileType.check("a.pdf", "application/pdf", new byte[0]));
        assertEquals("file", e.field());
        assertEquals("error.attachment.empty", e.key());
    }

    @Test
    void refusesFilesOverTheSizeLimit() {
        byte[] big = new byte[FileType.MAX_BYTES + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        assertEquals("error.attachment.tooLarge", assertThrows(InvalidInput.class,
                () -> FileType.check("stor.pdf", "application/pdf", big)).key());
        byte[] limit = new byte[FileType.MAX_BYTES];
        System.arraycopy(PDF, 0, limit, 0, PDF.length);
        assertEquals(FileType.PDF, FileType.check("precis.pdf", "application/pdf", limit));
    }

    @Test
    void namesLoseTheirFolderAndMustBePrintable() {
        assertEquals("a.pdf", FileType.cleanName("/tmp/../a.pdf"));
        assertEquals("a.pdf", FileType.cleanName("C:\\x\\a.pdf"));
        assertThrows(InvalidInput.class, () -> FileType.cleanName("a\u0000.pdf"));
        assertThrows(InvalidInput.class, () -> FileType.cleanName("dir/"));
        assertThrows(InvalidInput.class, () -> FileType.cleanName(null));
        assertThrows(InvalidInput.class, () -> FileType.cleanName("x".repeat(FileType.MAX_NAME) + ".pdf"));
    }
}
