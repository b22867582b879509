package se.iop.landlord.boundary;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import se.iop.landlord.entity.SectionText;
import se.iop.landlord.entity.SupportContact;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The PDF of a packet version, made on the server with OpenPDF: title, version and date at the top
 * and in every page's footer, the sections, the support contacts, and the English text after the
 * Swedish where there is one. The standard Helvetica fonts cover Swedish (Windows-1252).
 */
public final class PacketPdf {

    private static final Color INK = new Color(0x1f, 0x29, 0x37);
    private static final Color MUTED = new Color(0x4b, 0x55, 0x63);
    private static final Color ACCENT = new Color(0x0b, 0x5c, 0x8a);
    private static final Font TITLE = new Font(Font.HELVETICA, 20, Font.BOLD, INK);
    private static final Font META = new Font(Font.HELVETICA, 10, Font.NORMAL, MUTED);
    private static final Font HEADING = new Font(Font.HELVETICA, 13, Font.BOLD, ACCENT);
    private static final Font BODY = new Font(Font.HELVETICA, 11, Font.NORMAL, INK);
    private static final Font SMALL_BOLD = new Font(Font.HELVETICA, 9, Font.BOLD, INK);
    private static final Font SMALL = new Font(Font.HELVETICA, 9, Font.NORMAL, INK);
    private static final Font FOOTER = new Font(Font.HELVETICA, 8, Font.NORMAL, MUTED);

    private PacketPdf() {
    }

    public static byte[] render(PacketDocument d) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        Document doc = new Document(PageSize.A4, 56, 56, 56, 64);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setPageEvent(new Footer(footerText(d)));
            doc.addTitle(d.title());
            doc.addSubject(versionLine(d, false));
            doc.addCreator("IOP – Bostad först");
            doc.open();
            part(doc, d.title(), versionLine(d, false), "Hör till: " + d.agreementTitle() + " (" + d.agreementReference() + ")",
                    d.sections(), false);
            contacts(doc, "Stöd och kontakt", d.supportContacts());
            if (d.hasEnglish()) {
                doc.newPage();
                part(doc, d.titleEn(), versionLine(d, true), "Part of: " + d.agreementTitle() + " (" + d.agreementReference() + ")",
                        d.sections().stream().filter(s -> s.headingEn() != null).toList(), true);
                contacts(doc, "Support and contact", d.supportContacts());
            }
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not make the PDF of packet version " + d.versionId(), e);
        }
        return out.toByteArray();
    }

    static String versionLine(PacketDocument d, boolean english) {
        if (english) {
            return d.published() ? "Version " + d.number() + ", published " + d.date()
                    : "Version " + d.number() + " – draft, not published – " + d.date();
        }
        return d.published() ? "Version " + d.number() + ", publicerad " + d.date()
                : "Version " + d.number() + " – utkast, ej publicerad – " + d.date();
    }

    static String footerText(PacketDocument d) {
        return d.title() + " · version " + d.number() + " · " + d.date() + (d.published() ? "" : " · UTKAST");
    }

    private static void part(Document doc, String title, String versionLine, String agreementLine,
                             List<SectionText> sections, boolean english) throws DocumentException {
        doc.add(paragraph(title, TITLE, 0, 6));
        doc.add(paragraph(versionLine, META, 0, 2));
        doc.add(paragraph(agreementLine, META, 0, 14));
        for (SectionText s : sections) {
            Paragraph heading = paragraph(english ? s.headingEn() : s.heading(), HEADING, 10, 4);
            doc.add(heading);
            for (String block : (english ? s.bodyEn() : s.body()).split("\\R\\s*\\R")) {
                Paragraph p = paragraph(block.strip(), BODY, 0, 6);
                p.setLeading(15);
                doc.add(p);
            }
        }
    }

    private static void contacts(Document doc, String heading, List<SupportContact> contacts) throws DocumentException {
        if (contacts.isEmpty()) {
            return;
        }
        doc.add(paragraph(heading, HEADING, 14, 6));
        PdfPTable table = new PdfPTable(new float[]{3, 3, 2, 3});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String h : List.of("Organisation", "Kontakt", "Telefon", "E-post")) {
            PdfPCell cell = new PdfPCell(new Phrase(h, SMALL_BOLD));
            cell.setBackgroundColor(new Color(0xe5, 0xe7, 0xeb));
            cell.setPadding(4);
            table.addCell(cell);
        }
        for (SupportContact c : contacts) {
            table.addCell(cell(c.organisationName()));
            table.addCell(cell(c.role() == null ? c.name() : c.name() + ", " + c.role()));
            table.addCell(cell(c.phone()));
            table.addCell(cell(c.email()));
        }
        doc.add(table);
    }

    private static PdfPCell cell(String text) {
        PdfPCell cell = new PdfPCell(new Phrase(text == null ? "–" : text, SMALL));
        cell.setPadding(4);
        return cell;
    }

    private static Paragraph paragraph(String text, Font font, float before, float after) {
        Paragraph p = new Paragraph(text, font);
        p.setSpacingBefore(before);
        p.setSpacingAfter(after);
        return p;
    }

    /** Title, version and date, and the page number, at the foot of every page. */
    private static final class Footer extends PdfPageEventHelper {
        private final String text;

        Footer(String text) {
            this.text = text;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            float y = document.bottom() - 24;
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_LEFT,
                    new Phrase(new Chunk(text, FOOTER)), document.left(), y, 0);
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_RIGHT,
                    new Phrase(new Chunk("Sida " + writer.getPageNumber(), FOOTER)), document.right(), y, 0);
        }
    }
}
