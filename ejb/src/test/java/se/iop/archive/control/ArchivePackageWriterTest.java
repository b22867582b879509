package se.iop.archive.control;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The package layout, METS against the bundled schema, and the PDF/A-2b marks of a generated document. */
class ArchivePackageWriterTest {

    private static final Instant AT = Instant.parse("2026-12-04T03:00:00Z");

    @Test
    void aPackageHasTheCsipFoldersAndMetsThatValidates() throws IOException {
        byte[] pdf = new ArchivePdf("Nyköpings kommun", "Nämndbeslut", "Socialnämnden 2023-09-14 § 87")
                .rows("Belopp", "850 000 kr").heading("Beslut").paragraph("Åtta av tio behåller sin bostad.").pdf(AT);
        byte[] zip = new ArchivePackageWriter(new ArchivePackageWriter.Header("iop-test", "SN 2023/412 – Bostad först",
                "Nyköpings kommun", "admin", AT))
                .descriptive("avtal.xml", "<avtal xmlns=\"urn:x\"/>".getBytes(StandardCharsets.UTF_8))
                .add("dokument/beslut-01.pdf", "application/pdf", pdf)
                .add("data/a.csv", "text/csv", "a;b\r\n".getBytes(StandardCharsets.UTF_8))
                .zip();
        Map<String, byte[]> files = unzip(zip);
        assertEquals(List.of("iop-test/METS.xml", "iop-test/metadata/descriptive/avtal.xml",
                "iop-test/metadata/preservation/premis.xml", "iop-test/representations/rep1/data/data/a.csv",
                "iop-test/representations/rep1/data/dokument/beslut-01.pdf", "iop-test/schemas/DILCISExtensionMETS.xsd",
                "iop-test/schemas/mets.xsd", "iop-test/schemas/xlink.xsd"), List.copyOf(files.keySet()));
        String mets = new String(files.get("iop-test/METS.xml"), StandardCharsets.UTF_8);
        MetsSchema.validate(files.get("iop-test/METS.xml"));
        assertTrue(mets.contains("CHECKSUM=\"" + ArchivePackageWriter.sha256(pdf) + "\""), mets);
        assertTrue(mets.contains("csip:OAISPACKAGETYPE=\"SIP\""), mets);
        assertThrows(IllegalStateException.class, () -> MetsSchema.validate(mets.replace("CHECKSUMTYPE=\"SHA-256\"",
                "CHECKSUMTYPE=\"SHA-257\"").getBytes(StandardCharsets.UTF_8)), "the schema is really checked");
    }

    @Test
    void aGeneratedDocumentIsMarkedPdfA2bWithEveryFontEmbedded() throws IOException {
        byte[] pdf = new ArchivePdf("Nyköpings kommun", "Ändring av avtal", "SN 2023/412").rows("Ny part", "Verdandi")
                .pdf(AT);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertTrue(xmp.contains("<pdfaid:part>2</pdfaid:part>") && xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"), xmp);
            assertEquals(1, doc.getDocumentCatalog().getOutputIntents().size());
            for (PDPage page : doc.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font.isEmbedded(), font.getName());
                }
            }
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Ändring av avtal") && text.contains("Verdandi"), text);
        }
        assertEquals(List.of(), PdfAValidator.failures(pdf), "veraPDF finds it PDF/A-2b");
        byte[] full = new ArchivePdf("Nyköpings kommun", "Budgetredovisning", "SN 2023/412 – Bostad först")
                .heading("Budget").rows("Beviljat", "1 700 000 kr", "Använt", "640 500,50 kr")
                .table(List.of("Rad", "Budget", "Utfall"), List.of(List.of("Lön", "900 000 kr", "410 000 kr"),
                        List.of("Hyra – övrigt", "800 000 kr", "230 500,50 kr")))
                .paragraph("Åtgärder: fler lägenheter från Nyköpingshem (exempel).").pdf(AT);
        assertEquals(List.of(), PdfAValidator.failures(full), "a document with every kind of part too");
        assertThrows(IllegalStateException.class, () -> PdfA.convert(
                se.iop.report.control.CommitteeReportPdfProbe.helvetica(), "t", "a", "sv-SE", AT),
                "a PDF in a font that is not embedded is never labelled PDF/A");
        assertFalse(ArchiveNames.safe("../../etc/passwd").contains("/"));
        assertEquals("Arsrapport-2024.pdf", ArchiveNames.safe("Årsrapport 2024.pdf"));
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }
}
