package se.iop.privacy.control;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import se.iop.privacy.boundary.Extract;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The extract as a PDF a person can read, in Swedish: what it is, the records it covers, then each place with
 * each row as field and value. The standard Helvetica fonts cover Swedish (Windows-1252).
 */
public final class ExtractPdf {

    private static final Color INK = new Color(0x1f, 0x29, 0x37);
    private static final Color ACCENT = new Color(0x0b, 0x5c, 0x8a);
    private static final Font TITLE = new Font(Font.HELVETICA, 18, Font.BOLD, INK);
    private static final Font HEADING = new Font(Font.HELVETICA, 12, Font.BOLD, ACCENT);
    private static final Font BODY = new Font(Font.HELVETICA, 10, Font.NORMAL, INK);
    private static final Font SMALL_BOLD = new Font(Font.HELVETICA, 9, Font.BOLD, INK);
    private static final Font SMALL = new Font(Font.HELVETICA, 9, Font.NORMAL, INK);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Europe/Stockholm"));

    /** Field names in Swedish; a field not named here is shown by its column name. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("id", "Id"), Map.entry("name", "Namn"), Map.entry("role", "Roll"), Map.entry("email", "E-post"),
            Map.entry("phone", "Telefon"), Map.entry("address", "Adress"), Map.entry("organisation", "Organisation"),
            Map.entry("organisation_name", "Organisation"), Map.entry("landlord", "Hyresvärd"),
            Map.entry("person_name", "Namn"), Map.entry("username", "Användarnamn"), Map.entry("display_name", "Visningsnamn"),
            Map.entry("active", "Aktiv"), Map.entry("roles", "Roller"), Map.entry("acts_for", "Företräder"),
            Map.entry("revision", "Ändring nr"), Map.entry("changed_at", "Ändrad"), Map.entry("revtype", "Ändringstyp (0 ny, 1 ändrad, 2 borttagen)"),
            Map.entry("text", "Text"), Map.entry("written_at", "Skriven"), Map.entry("written_by", "Skriven av"),
            Map.entry("packet", "Informationspaket"), Map.entry("packet_version", "Version"), Map.entry("status", "Status"),
            Map.entry("sent_at", "Skickat"), Map.entry("opened_at", "Öppnat"), Map.entry("acknowledged_at", "Kvitterat"),
            Map.entry("acknowledged_by", "Kvitterat av"), Map.entry("failure_reason", "Felorsak"),
            Map.entry("description", "Beskrivning"), Map.entry("category", "Kategori"), Map.entry("reported_at", "Anmält"),
            Map.entry("reported_by", "Anmält av"), Map.entry("handled_at", "Hanterat"), Map.entry("handled_by", "Hanterat av"),
            Map.entry("handled_note", "Anteckning vid hantering"), Map.entry("area_sqm", "Yta (m²)"), Map.entry("rooms", "Rum"),
            Map.entry("available_from", "Ledig från"), Map.entry("provider", "Inloggningstjänst"),
            Map.entry("subject_hash", "Pseudonymt id hos tjänsten"), Map.entry("linked_at", "Kopplad"),
            Map.entry("last_sign_in_at", "Senaste inloggning"), Map.entry("created_at", "Skapad"), Map.entry("created_by", "Skapad av"),
            Map.entry("expires_at", "Går ut"), Map.entry("accepted_at", "Antagen"), Map.entry("revoked_at", "Återkallad"),
            Map.entry("last_used_at", "Senast använd"), Map.entry("table", "Tabell"), Map.entry("column", "Fält"),
            Map.entry("rows", "Antal rader"), Map.entry("failures", "Antal"), Map.entry("last_failure", "Senast"));

    private ExtractPdf() {
    }

    public static byte[] render(Extract extract) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        Document doc = new Document(PageSize.A4, 50, 50, 50, 50);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle("Registerutdrag");
            doc.addCreator("IOP – Bostad först");
            doc.open();
            doc.add(new Paragraph("Registerutdrag – personuppgifter i IOP", TITLE));
            doc.add(new Paragraph("Utdrag enligt artikel 15 i dataskyddsförordningen (GDPR), framtaget "
                    + WHEN.format(extract.madeAt()) + " (begäran nr " + extract.requestId() + ").", BODY));
            doc.add(new Paragraph("Utdraget visar alla uppgifter om personen som finns i IOP: nuvarande uppgifter och "
                    + "ändringshistoriken, där tidigare värden finns kvar. Poster som ingår: "
                    + String.join(", ", extract.subjects()) + ".", BODY));
            if (extract.sections().isEmpty()) {
                doc.add(new Paragraph("Inga uppgifter finns.", BODY));
            }
            for (Extract.Section s : extract.sections()) {
                Paragraph heading = new Paragraph(s.title(), HEADING);
                heading.setSpacingBefore(12);
                heading.setSpacingAfter(4);
                doc.add(heading);
                for (Map<String, String> row : s.rows()) {
                    PdfPTable table = new PdfPTable(new float[] {2, 5});
                    table.setWidthPercentage(100);
                    table.setSpacingAfter(6);
                    for (Map.Entry<String, String> e : row.entrySet()) {
                        table.addCell(cell(FIELDS.getOrDefault(e.getKey(), e.getKey()), SMALL_BOLD));
                        table.addCell(cell(e.getValue() == null ? "–" : e.getValue(), SMALL));
                    }
                    doc.add(table);
                }
            }
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The extract PDF could not be made", e);
        }
        return out.toByteArray();
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell c = new PdfPCell(new Phrase(text, font));
        c.setPadding(3);
        c.setBorderColor(new Color(0xd1, 0xd5, 0xdb));
        return c;
    }
}
