package se.iop.report.control;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import se.iop.common.PdfFonts;

import java.awt.Color;
import java.io.ByteArrayOutputStream;

/** A one-line PDF in Helvetica, not embedded, as the day-to-day committee report writes it. */
public final class CommitteeReportPdfProbe {

    private CommitteeReportPdfProbe() {
    }

    public static byte[] helvetica() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document();
        PdfWriter.getInstance(doc, out);
        doc.open();
        doc.add(new Paragraph("Uppföljning", PdfFonts.standard().font(10, 0, Color.BLACK)));
        doc.close();
        return out.toByteArray();
    }
}
