package se.iop.common;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;

import java.awt.Color;

/** What the generated PDFs (committee report, archive documents) share: their table cells and their page footer. */
public final class PdfParts {

    /** The thin rule around table cells. */
    public static final Color RULE = new Color(0xd5, 0xdb, 0xe1);

    private PdfParts() {
    }

    public static PdfPCell cell(String text, Font font) {
        PdfPCell c = new PdfPCell(new Phrase(text, font));
        c.setPadding(4);
        c.setBorderColor(RULE);
        return c;
    }

    /** A line at the foot of every page: the text (who, what, when) and the page number. */
    public static PdfPageEventHelper footer(Font font, String text) {
        return new PdfPageEventHelper() {
            @Override
            public void onEndPage(PdfWriter writer, Document document) {
                ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_LEFT,
                        new Phrase(new Chunk(text + "   Sida " + writer.getPageNumber(), font)),
                        document.left(), document.bottom() - 24, 0);
            }
        };
    }
}
