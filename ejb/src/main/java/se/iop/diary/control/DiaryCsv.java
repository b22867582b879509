package se.iop.diary.control;

import se.iop.common.SpreadsheetCell;
import se.iop.diary.boundary.PublicEntry;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The public diary as CSV: a header row with the JSON's field names, one row per entry, semicolons, UTF-8 with a
 * byte-order mark (as Swedish spreadsheets open it); a text a spreadsheet would take for a formula is neutralised
 * ({@link SpreadsheetCell}). What the public may not read is an empty cell, as it is absent from the JSON.
 */
public final class DiaryCsv {

    public static final List<String> FIELDS = List.of("number", "kind", "direction", "date", "registeredOn",
            "counterpart", "counterpartWithheld", "description", "secret", "secrecyReference", "requestFrom");

    private DiaryCsv() {
    }

    public static byte[] render(List<PublicEntry> entries) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append(String.join(";", FIELDS)).append("\r\n");
        for (PublicEntry e : entries) {
            line(csv, e.number(), e.kind().name(), e.direction().name(), e.date().toString(),
                    e.registeredOn().toString(), e.counterpart(), Boolean.toString(e.counterpartWithheld()),
                    e.description(), Boolean.toString(e.secret()), e.secrecyReference(), e.requestFrom());
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder csv, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                csv.append(';');
            }
            String cell = SpreadsheetCell.csvText(cells[i]);
            if (cell.indexOf(';') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
                cell = '"' + cell.replace("\"", "\"\"") + '"';
            }
            csv.append(cell);
        }
        csv.append("\r\n");
    }
}
