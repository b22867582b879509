package se.iop.report.control;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import se.iop.report.boundary.CommitteeReport;

import java.awt.Color;
import java.io.ByteArrayOutputStream;

import static se.iop.report.control.SwedishFormat.date;
import static se.iop.report.control.SwedishFormat.kronor;
import static se.iop.report.control.SwedishFormat.percent;
import static se.iop.report.control.SwedishFormat.text;

/**
 * The committee follow-up report as a PDF in Swedish (OpenPDF): the municipality and the date on every
 * page, then the agreement in brief, decisions, budget, milestones, approved outcomes and narratives.
 * Helvetica in Windows-1252 carries the Swedish letters and the text can be copied out of the file.
 */
public final class CommitteeReportPdf {

    private static final Color INK = new Color(0x1b, 0x1f, 0x24);
    private static final Color BRAND = new Color(0x0b, 0x4f, 0x6c);
    private static final Color LATE = new Color(0xb3, 0x26, 0x1e);
    private static final Color HEAD = new Color(0xe6, 0xf0, 0xf5);

    private static final Font TITLE = font(20, Font.BOLD, BRAND);
    private static final Font H2 = font(13, Font.BOLD, BRAND);
    private static final Font BODY = font(10, Font.NORMAL, INK);
    private static final Font BOLD = font(10, Font.BOLD, INK);
    private static final Font SMALL = font(8, Font.NORMAL, INK);
    private static final Font LATE_FONT = font(10, Font.BOLD, LATE);

    private CommitteeReportPdf() {
    }

    private static Font font(float size, int style, Color color) {
        return FontFactory.getFont(FontFactory.HELVETICA, BaseFont.CP1252, BaseFont.NOT_EMBEDDED, size, style, color);
    }

    public static byte[] render(CommitteeReport r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 56, 56, 64, 56);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setPageEvent(new Footer(r.municipality() + " – uppföljningsrapport " + date(r.generatedOn())));
            doc.addTitle("Uppföljningsrapport: " + r.agreement().title());
            doc.addAuthor(r.municipality());
            // The language in the catalogue, so that screen readers read the Swedish text as Swedish.
            writer.getExtraCatalog().put(PdfName.LANG, new PdfString("sv-SE"));
            doc.open();

            doc.add(new Paragraph(r.municipality(), BOLD));
            Paragraph title = new Paragraph("Uppföljningsrapport till nämnd", TITLE);
            title.setSpacingBefore(6);
            doc.add(title);
            doc.add(new Paragraph(r.agreement().title(), H2));
            doc.add(new Paragraph("Period: " + date(r.from()) + " – " + date(r.to()) + "    Datum: " + date(r.generatedOn()), BODY));

            heading(doc, "1. Avtalet i korthet");
            PdfPTable brief = table(new float[] {1.3f, 3f});
            row(brief, "Diarienummer", r.agreement().reference());
            row(brief, "Avtal", r.agreement().title());
            row(brief, "Status", r.agreement().status());
            row(brief, "Avtalsperiod", date(r.agreement().start()) + " – " + date(r.agreement().end()));
            row(brief, "Parter", String.join("\n", r.agreement().parties()));
            row(brief, "Mål", text(r.agreement().goals()));
            row(brief, "Beslutade medel", kronor(r.agreement().decidedAmount()));
            doc.add(brief);

            heading(doc, "2. Beslut och ändringar");
            if (r.decisions().isEmpty()) {
                doc.add(new Paragraph("Inga nämndbeslut registrerade.", BODY));
            } else {
                PdfPTable decisions = table(new float[] {2.2f, 1.2f, 0.8f, 1.6f, 1.3f});
                header(decisions, "Nämnd", "Sammanträde", "§", "Diarienummer", "Belopp");
                for (CommitteeReport.Decision d : r.decisions()) {
                    cells(decisions, d.committee(), date(d.meetingDate()), text(d.paragraph()), text(d.diarienummer()), kronor(d.amount()));
                }
                doc.add(decisions);
            }
            for (CommitteeReport.Change c : r.amendments()) {
                doc.add(new Paragraph("Ändring från " + date(c.effectiveOn()) + ": " + c.description(), BODY));
            }

            heading(doc, "3. Budgetanvändning");
            CommitteeReport.Budget b = r.budget();
            if (b.allocated() == null) {
                doc.add(new Paragraph("Ingen budget registrerad.", BODY));
            } else {
                PdfPTable budget = table(new float[] {2f, 2f});
                row(budget, "Tilldelat", kronor(b.allocated()));
                row(budget, "Förbrukat", kronor(b.spent()));
                row(budget, "Återstår", kronor(b.remaining()));
                row(budget, "Använt av budgeten", percent(b.percentUsed()));
                row(budget, "Förfluten tid av budgetperioden", percent(b.percentTimeElapsed()));
                doc.add(budget);
            }

            heading(doc, "4. Milstolpar");
            if (r.milestones().isEmpty()) {
                doc.add(new Paragraph("Inga milstolpar.", BODY));
            } else {
                PdfPTable ms = table(new float[] {3f, 1.2f, 1.4f, 1.2f});
                header(ms, "Milstolpe", "Klar senast", "Status", "Klar den");
                for (CommitteeReport.MilestoneLine m : r.milestones()) {
                    ms.addCell(cell(m.title(), BODY));
                    ms.addCell(cell(date(m.dueOn()), BODY));
                    ms.addCell(cell(m.late() ? "Försenad" : m.status(), m.late() ? LATE_FONT : BODY));
                    ms.addCell(cell(date(m.completedOn()), BODY));
                }
                doc.add(ms);
            }

            heading(doc, "5. Godkända utfall under perioden");
            doc.add(new Paragraph("Underlag: " + r.approvedReports() + " godkända rapporter. Antal under 3 redovisas som \"< 3\" "
                    + "så att ingen enskild kan pekas ut.", SMALL));
            PdfPTable outcomes = table(new float[] {3.5f, 1f});
            for (CommitteeReport.Outcome o : r.outcomes()) {
                outcomes.addCell(cell(o.label(), BODY));
                PdfPCell value = cell(o.shown(), BOLD);
                value.setHorizontalAlignment(Element.ALIGN_RIGHT);
                outcomes.addCell(value);
            }
            outcomes.addCell(cell("Andel som bor kvar efter 12 månader (referens 80 %)", BOLD));
            PdfPCell retention = cell(r.retention12(), BOLD);
            retention.setHorizontalAlignment(Element.ALIGN_RIGHT);
            outcomes.addCell(retention);
            doc.add(outcomes);

            heading(doc, "6. Partnernas berättelser");
            if (r.narratives().isEmpty()) {
                doc.add(new Paragraph("Inga godkända rapporter under perioden.", BODY));
            }
            for (CommitteeReport.Narrative n : r.narratives()) {
                Paragraph who = new Paragraph(n.partner() + " – " + n.period(), BOLD);
                who.setSpacingBefore(6);
                doc.add(who);
                doc.add(new Paragraph(n.text(), BODY));
            }
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The committee report could not be written", e);
        }
        return out.toByteArray();
    }

    private static void heading(Document doc, String text) {
        Paragraph p = new Paragraph(text, H2);
        p.setSpacingBefore(14);
        p.setSpacingAfter(6);
        doc.add(p);
    }

    private static PdfPTable table(float[] widths) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setSpacingAfter(4);
        return t;
    }

    private static void row(PdfPTable t, String label, String value) {
        t.addCell(cell(label, BOLD));
        t.addCell(cell(text(value), BODY));
    }

    private static void header(PdfPTable t, String... labels) {
        for (String l : labels) {
            PdfPCell c = cell(l, BOLD);
            c.setBackgroundColor(HEAD);
            t.addCell(c);
        }
        t.setHeaderRows(1);
    }

    private static void cells(PdfPTable t, String... values) {
        for (String v : values) {
            t.addCell(cell(v, BODY));
        }
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell c = new PdfPCell(new Phrase(text, font));
        c.setPadding(4);
        c.setBorderColor(new Color(0xd5, 0xdb, 0xe1));
        return c;
    }

    /** The municipality, the date and the page number at the foot of every page. */
    private static final class Footer extends PdfPageEventHelper {
        private final String text;

        Footer(String text) {
            this.text = text;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_LEFT,
                    new Phrase(new Chunk(text + "   Sida " + writer.getPageNumber(), SMALL)),
                    document.left(), document.bottom() - 24, 0);
        }
    }
}
