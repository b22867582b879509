package se.iop.report.control;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
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
import se.iop.report.boundary.CommitteeReport;

import java.awt.Color;
import java.io.ByteArrayOutputStream;

import static se.iop.report.control.SwedishFormat.date;
import static se.iop.report.control.SwedishFormat.kronor;
import static se.iop.report.control.SwedishFormat.percent;
import static se.iop.report.control.SwedishFormat.text;

/**
 * The committee follow-up report as a PDF in Swedish (OpenPDF): the municipality and the date on every
 * page, then the agreement in brief, decisions, budget, milestones, approved outcomes, narratives and fidelity.
 * Helvetica in Windows-1252 carries the Swedish letters and the text can be copied out of the file.
 */
public final class CommitteeReportPdf {

    private static final Color INK = new Color(0x1b, 0x1f, 0x24);
    private static final Color BRAND = new Color(0x0b, 0x4f, 0x6c);
    private static final Color LATE = new Color(0xb3, 0x26, 0x1e);
    private static final Color HEAD = new Color(0xe6, 0xf0, 0xf5);

    private final Font titleFont;
    private final Font h2;
    private final Font body;
    private final Font bold;
    private final Font small;
    private final Font lateFont;

    private CommitteeReportPdf(PdfFonts fonts) {
        titleFont = fonts.font(20, Font.BOLD, BRAND);
        h2 = fonts.font(13, Font.BOLD, BRAND);
        body = fonts.font(10, Font.NORMAL, INK);
        bold = fonts.font(10, Font.BOLD, INK);
        small = fonts.font(8, Font.NORMAL, INK);
        lateFont = fonts.font(10, Font.BOLD, LATE);
    }

    /** In Helvetica, not embedded: the report as handed out day to day. */
    public static byte[] render(CommitteeReport r) {
        return render(r, PdfFonts.standard());
    }

    /** In the given typeface; the archive package asks for an embedded one ({@link PdfFonts#embedded()}). */
    public static byte[] render(CommitteeReport r, PdfFonts fonts) {
        return new CommitteeReportPdf(fonts).write(r);
    }

    private byte[] write(CommitteeReport r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 56, 56, 64, 56);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setPageEvent(PdfParts.footer(small, r.municipality() + " – uppföljningsrapport " + date(r.generatedOn())));
            doc.addTitle("Uppföljningsrapport: " + r.agreement().title());
            doc.addAuthor(r.municipality());
            // The language in the catalogue, so that screen readers read the Swedish text as Swedish.
            writer.getExtraCatalog().put(PdfName.LANG, new PdfString("sv-SE"));
            doc.open();

            doc.add(new Paragraph(r.municipality(), bold));
            Paragraph title = new Paragraph("Uppföljningsrapport till nämnd", titleFont);
            title.setSpacingBefore(6);
            doc.add(title);
            doc.add(new Paragraph(r.agreement().title(), h2));
            doc.add(new Paragraph("Period: " + date(r.from()) + " – " + date(r.to()) + "    Datum: " + date(r.generatedOn()), body));

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
                doc.add(new Paragraph("Inga nämndbeslut registrerade.", body));
            } else {
                PdfPTable decisions = table(new float[] {2.2f, 1.2f, 0.8f, 1.6f, 1.3f});
                header(decisions, "Nämnd", "Sammanträde", "§", "Diarienummer", "Belopp");
                for (CommitteeReport.Decision d : r.decisions()) {
                    cells(decisions, d.committee(), date(d.meetingDate()), text(d.paragraph()), text(d.diarienummer()), kronor(d.amount()));
                }
                doc.add(decisions);
            }
            for (CommitteeReport.Change c : r.amendments()) {
                doc.add(new Paragraph("Ändring från " + date(c.effectiveOn()) + ": " + c.description(), body));
            }

            heading(doc, "3. Budgetanvändning");
            CommitteeReport.Budget b = r.budget();
            if (b.allocated() == null) {
                doc.add(new Paragraph("Ingen budget registrerad.", body));
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
                doc.add(new Paragraph("Inga milstolpar.", body));
            } else {
                PdfPTable ms = table(new float[] {3f, 1.2f, 1.4f, 1.2f});
                header(ms, "Milstolpe", "Klar senast", "Status", "Klar den");
                for (CommitteeReport.MilestoneLine m : r.milestones()) {
                    ms.addCell(PdfParts.cell(m.title(), body));
                    ms.addCell(PdfParts.cell(date(m.dueOn()), body));
                    ms.addCell(PdfParts.cell(m.late() ? "Försenad" : m.status(), m.late() ? lateFont : body));
                    ms.addCell(PdfParts.cell(date(m.completedOn()), body));
                }
                doc.add(ms);
            }

            heading(doc, "5. Godkända utfall under perioden");
            doc.add(new Paragraph("Underlag: " + r.approvedReports() + " godkända rapporter. Antal under 3 redovisas som \"< 3\" "
                    + "så att ingen enskild kan pekas ut.", small));
            PdfPTable outcomes = table(new float[] {3.5f, 1f});
            for (CommitteeReport.Outcome o : r.outcomes()) {
                outcomes.addCell(PdfParts.cell(o.label(), body));
                PdfPCell value = PdfParts.cell(o.shown(), bold);
                value.setHorizontalAlignment(Element.ALIGN_RIGHT);
                outcomes.addCell(value);
            }
            outcomes.addCell(PdfParts.cell("Andel som bor kvar efter 12 månader (referens 80 %)", bold));
            PdfPCell retention = PdfParts.cell(r.retention12(), bold);
            retention.setHorizontalAlignment(Element.ALIGN_RIGHT);
            outcomes.addCell(retention);
            doc.add(outcomes);
            if (!r.cohorts().isEmpty()) {
                Paragraph cohortTitle = new Paragraph("Kohorter efter inflyttningskvartal", bold);
                cohortTitle.setSpacingBefore(8);
                doc.add(cohortTitle);
                doc.add(new Paragraph("Hushåll som flyttade in under kvartalet, hur många som bodde kvar 12 och 24 månader "
                        + "efter inflyttningen och hur många som lämnat bostaden hittills. Referens: 80 % bor kvar.", small));
                PdfPTable cohorts = table(new float[] {1.5f, 1f, 1.4f, 1.4f, 1f, 0.9f, 1f, 1f});
                header(cohorts, "Kohort", "Flyttade in", "Kvar efter 12 mån", "Kvar efter 24 mån", "Flyttat vidare",
                        "Vräkta", "Hemlösa igen", "Eget kontrakt");
                for (CommitteeReport.Cohort c : r.cohorts()) {
                    cells(cohorts, c.cohort(), c.housed(), c.retained12() + " (" + c.share12() + ")",
                            c.retained24() + " (" + c.share24() + ")", c.movedOn(), c.evictions(), c.returnedHomeless(),
                            c.leasesOwn());
                }
                doc.add(cohorts);
            }

            heading(doc, "6. Partnernas berättelser");
            if (r.narratives().isEmpty()) {
                doc.add(new Paragraph("Inga godkända rapporter under perioden.", body));
            }
            for (CommitteeReport.Narrative n : r.narratives()) {
                Paragraph who = new Paragraph(n.partner() + " – " + n.period(), bold);
                who.setSpacingBefore(6);
                doc.add(who);
                doc.add(new Paragraph(n.text(), body));
            }

            heading(doc, "7. Programtrohet (godkända självskattningar)");
            if (r.fidelity().isEmpty()) {
                doc.add(new Paragraph("Ingen godkänd självskattning för periodens år.", body));
            }
            for (CommitteeReport.Fidelity f : r.fidelity()) {
                Paragraph who = new Paragraph(f.year() + " – " + f.partner(), bold);
                who.setSpacingBefore(6);
                doc.add(who);
                PdfPTable scores = table(new float[] {3.5f, 1f});
                for (CommitteeReport.FidelityDomain d : f.domains()) {
                    scores.addCell(PdfParts.cell(d.name(), body));
                    PdfPCell value = PdfParts.cell(d.score() + " av " + d.max(), body);
                    value.setHorizontalAlignment(Element.ALIGN_RIGHT);
                    scores.addCell(value);
                }
                scores.addCell(PdfParts.cell("Totalt", bold));
                PdfPCell total = PdfParts.cell(f.total() + " av " + f.max() + " (" + f.share() + ")", bold);
                total.setHorizontalAlignment(Element.ALIGN_RIGHT);
                scores.addCell(total);
                doc.add(scores);
            }
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The committee report could not be written", e);
        }
        return out.toByteArray();
    }

    private void heading(Document doc, String text) {
        Paragraph p = new Paragraph(text, h2);
        p.setSpacingBefore(14);
        p.setSpacingAfter(6);
        doc.add(p);
    }

    private PdfPTable table(float[] widths) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setSpacingAfter(4);
        return t;
    }

    private void row(PdfPTable t, String label, String value) {
        t.addCell(PdfParts.cell(label, bold));
        t.addCell(PdfParts.cell(text(value), body));
    }

    private void header(PdfPTable t, String... labels) {
        for (String l : labels) {
            PdfPCell c = PdfParts.cell(l, bold);
            c.setBackgroundColor(HEAD);
            t.addCell(c);
        }
        t.setHeaderRows(1);
    }

    private void cells(PdfPTable t, String... values) {
        for (String v : values) {
            t.addCell(PdfParts.cell(v, body));
        }
    }
}
