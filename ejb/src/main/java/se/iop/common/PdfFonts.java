package se.iop.common;

import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.pdf.BaseFont;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The typeface a generated PDF is written in. {@link #standard()} is Helvetica, one of the fonts every
 * PDF reader has, not embedded: small files for the committee report handed out every day.
 * {@link #embedded()} is Liberation Sans (metric-compatible with Helvetica, SIL Open Font License), the
 * copy OpenPDF ships as its fall-back font, embedded as a subset: what PDF/A needs, so that the archive's
 * copies still show the same glyphs when no reader knows Helvetica any more. Liberation Sans comes in
 * one face there, so bold is drawn by OpenPDF (the outline stroked as well as filled).
 */
public final class PdfFonts {

    private static final String LIBERATION_SANS = "font-fallback/LiberationSans-Regular.ttf";

    private final BaseFont base;

    private PdfFonts(BaseFont base) {
        this.base = base;
    }

    public static PdfFonts standard() {
        return new PdfFonts(null);
    }

    public static PdfFonts embedded() {
        try {
            return new PdfFonts(BaseFont.createFont(LIBERATION_SANS, BaseFont.IDENTITY_H, BaseFont.EMBEDDED));
        } catch (IOException e) {
            throw new UncheckedIOException("OpenPDF's Liberation Sans could not be read", e);
        }
    }

    public Font font(float size, int style, Color color) {
        if (base == null) {
            return FontFactory.getFont(FontFactory.HELVETICA, BaseFont.CP1252, BaseFont.NOT_EMBEDDED, size, style, color);
        }
        return new Font(base, size, style, color);
    }
}
