package se.iop.archive.control;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

/**
 * Makes a PDF written by OpenPDF with embedded fonts into PDF/A-2b (ISO 19005-2, level B: the pages look
 * the same for ever). What level B asks beyond what the writer did: XMP metadata naming the part and level
 * ({@code pdfaid:part 2}, {@code pdfaid:conformance B}) with the same title, author, tool and dates as the
 * document information; an output intent with an ICC profile for the device-RGB colours used (Java's own
 * sRGB profile); and every font embedded — checked here, so a document in a font that is not embedded is
 * refused instead of being labelled PDF/A. The tests check the result with veraPDF.
 */
public final class PdfA {

    static final String OUTPUT_CONDITION = "sRGB IEC61966-2.1";
    private static final DateTimeFormatter XMP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private PdfA() {
    }

    /** The document as PDF/A-2b, titled and dated as given; {@code language} e.g. "sv-SE". */
    public static byte[] convert(byte[] pdf, String title, String author, String language, Instant created) {
        Instant at = created.truncatedTo(ChronoUnit.SECONDS);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            requireEmbeddedFonts(doc);
            Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            calendar.setTimeInMillis(at.toEpochMilli());
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(title);
            info.setAuthor(author);
            info.setCreator(ArchiveNames.PROGRAM);
            info.setProducer(ArchiveNames.PROGRAM);
            info.setCreationDate(calendar);
            info.setModificationDate(calendar);
            doc.setDocumentInformation(info);

            PDMetadata metadata = new PDMetadata(doc, new ByteArrayInputStream(xmp(title, author, language, at)));
            doc.getDocumentCatalog().setMetadata(metadata);
            doc.getDocumentCatalog().setLanguage(language);

            byte[] icc = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
            PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(icc));
            intent.setInfo(OUTPUT_CONDITION);
            intent.setOutputCondition(OUTPUT_CONDITION);
            intent.setOutputConditionIdentifier(OUTPUT_CONDITION);
            intent.setRegistryName("http://www.color.org");
            intent.getCOSObject().setItem(COSName.S, COSName.getPDFName("GTS_PDFA1"));
            doc.getDocumentCatalog().addOutputIntent(intent);

            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + icc.length + 4096);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The PDF could not be made PDF/A", e);
        }
    }

    /**
     * Refuses a font that is not embedded. Drops the CIDSet of each embedded CID font: OpenPDF's subset lists
     * only the characters used while the font program holds more, which PDF/A-2 forbids (veraPDF rule
     * 6.2.11.4.2-2); the CIDSet is optional there, so none is better than a wrong one.
     */
    private static void requireEmbeddedFonts(PDDocument doc) throws IOException {
        for (PDPage page : doc.getPages()) {
            PDResources resources = page.getResources();
            if (resources == null) {
                continue;
            }
            for (COSName name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                if (font != null && !font.isEmbedded()) {
                    throw new IllegalStateException("Font " + font.getName() + " is not embedded: no PDF/A");
                }
                if (font instanceof PDType0Font type0 && type0.getDescendantFont().getFontDescriptor() != null) {
                    type0.getDescendantFont().getFontDescriptor().getCOSObject().removeItem(COSName.CID_SET);
                }
            }
        }
    }

    private static byte[] xmp(String title, String author, String language, Instant at) {
        String date = XMP_DATE.format(at);
        String xml = """
                <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
                <x:xmpmeta xmlns:x="adobe:ns:meta/">
                 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
                   <pdfaid:part>2</pdfaid:part>
                   <pdfaid:conformance>B</pdfaid:conformance>
                  </rdf:Description>
                  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
                   <dc:format>application/pdf</dc:format>
                   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title>
                   <dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>
                   <dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>
                  </rdf:Description>
                  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
                   <xmp:CreatorTool>%s</xmp:CreatorTool>
                   <xmp:CreateDate>%s</xmp:CreateDate>
                   <xmp:ModifyDate>%s</xmp:ModifyDate>
                  </rdf:Description>
                  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
                   <pdf:Producer>%s</pdf:Producer>
                  </rdf:Description>
                 </rdf:RDF>
                </x:xmpmeta>
                <?xpacket end="w"?>""".formatted(Xml.escape(title), Xml.escape(author), Xml.escape(language),
                Xml.escape(ArchiveNames.PROGRAM), date, date, Xml.escape(ArchiveNames.PROGRAM));
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
