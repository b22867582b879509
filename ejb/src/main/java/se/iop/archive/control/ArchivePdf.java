package se.iop.archive.control;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import se.iop.common.PdfFonts;
import se.iop.common.PdfParts;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A document of the archive package (the agreement, a committee decision, an amendment, an activity report,
 * the budget statement) as a Swedish PDF/A-2b: a heading, then sections of label–value rows, tables and
 * paragraphs, in the embedded typeface ({@link PdfFonts#embedded()}), with the municipality and the page
 * number at the foot of every page. Built part by part, then {@link #pdf} writes it.
 */
public final class ArchivePdf {

    private static final Color INK = new Color(0x1b, 0x1f, 0x24);
    private static final Color BRAND = new Color(0x0b, 0x4f, 0x6c);
    private static final Color HEAD = new Color(0xe6, 0xf0, 0xf5);

    private interface Part {
        void addTo(Document doc, Fonts f);
    }

    private record Fonts(Font title, Font h2, Font body, Font bold, Font small) {
    }

    private final String municipality;
    private final String title;
    private final String subtitle;
    private final List<Part> parts = new ArrayList<>();

    public ArchivePdf(String municipality, String title, String subtitle) {
        this.municipality = municipality;
        this.title = title;
        this.subtitle = subtitle;
    }

    public ArchivePdf heading(String text) {
        parts.add((doc, f) -> {
            Paragraph p = new Paragraph(text, f.h2());
            p.setSpacingBefore(14);
            p.setSpacingAfter(6);
            doc.add(p);
        });
        return this;
    }

    public ArchivePdf paragraph(String text) {
        parts.add((doc, f) -> doc.add(new Paragraph(dash(text), f.body())));
        return this;
    }

    /** Label–value rows, two columns. */
    public ArchivePdf rows(String... labelsAndValues) {
        parts.add((doc, f) -> {
            PdfPTable t = table(new float[] {1.4f, 3f});
            for (int i = 0; i < labelsAndValues.length; i += 2) {
                t.addCell(PdfParts.cell(labelsAndValues[i], f.bold()));
                t.addCell(PdfParts.cell(dash(labelsAndValues[i + 1]), f.body()));
            }
            doc.add(t);
        });
        return this;
    }

    /** A table with a header row; each row as many values as there are headers. */
    public ArchivePdf table(List<String> headers, List<List<String>> rows) {
        parts.add((doc, f) -> {
            if (rows.isEmpty()) {
                doc.add(new Paragraph("Inga uppgifter.", f.body()));
                return;
            }
            float[] widths = new float[headers.size()];
            java.util.Arrays.fill(widths, 1f);
            widths[0] = 1.6f;
            PdfPTable t = table(widths);
            for (String h : headers) {
                PdfPCell c = PdfParts.cell(h, f.bold());
                c.setBackgroundColor(HEAD);
                t.addCell(c);
            }
            t.setHeaderRows(1);
            for (List<String> row : rows) {
                row.forEach(v -> t.addCell(PdfParts.cell(dash(v), f.body())));
            }
            doc.add(t);
        });
        return this;
    }

    /** The document as PDF/A-2b, dated {@code created}. */
    public byte[] pdf(Instant created) {
        PdfFonts fonts = PdfFonts.embedded();
        Fonts f = new Fonts(fonts.font(18, Font.BOLD, BRAND), fonts.font(13, Font.BOLD, BRAND),
                fonts.font(10, Font.NORMAL, INK), fonts.font(10, Font.BOLD, INK), fonts.font(8, Font.NORMAL, INK));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 56, 56, 64, 56);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setPageEvent(PdfParts.footer(f.small(), municipality + " – " + title));
            writer.getExtraCatalog().put(PdfName.LANG, new PdfString("sv-SE"));
            doc.open();
            doc.add(new Paragraph(municipality, f.bold()));
            Paragraph head = new Paragraph(title, f.title());
            head.setSpacingBefore(6);
            doc.add(head);
            if (subtitle != null) {
                doc.add(new Paragraph(subtitle, f.h2()));
            }
            for (Part part : parts) {
                part.addTo(doc, f);
            }
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The archive document could not be written", e);
        }
        return PdfA.convert(out.toByteArray(), title + (subtitle == null ? "" : ": " + subtitle), municipality, "sv-SE",
                created);
    }

    private static String dash(String value) {
        return value == null || value.isBlank() ? "–" : value;
    }

    private static PdfPTable table(float[] widths) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setSpacingAfter(4);
        return t;
    }
}
