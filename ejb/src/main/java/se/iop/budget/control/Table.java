package se.iop.budget.control;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import se.iop.common.SpreadsheetCell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows for export, written as CSV for Swedish Excel (semicolons, decimal comma, UTF-8 with a byte
 * order mark so Excel reads å, ä, ö) or as XLSX with typed cells. Text never becomes a formula: in
 * CSV it gets a leading apostrophe, in XLSX a quote-prefixed text cell (see {@link SpreadsheetCell}).
 */
public final class Table {

    /** How a column's values are written. */
    public enum Kind {
        TEXT(30), MONEY(16), PERCENT(12), DATE(12), FLAG(10);

        private final int width;

        Kind(int width) {
            this.width = width;
        }
    }

    public record Column(String header, Kind kind) {
    }

    private static final int ROWS_IN_MEMORY = 200;

    private final String sheetName;
    private final List<Column> columns;
    private final List<Object[]> rows = new ArrayList<>();

    public Table(String sheetName, List<Column> columns) {
        this.sheetName = sheetName;
        this.columns = List.copyOf(columns);
    }

    /** One row; values are text, amounts ({@link BigDecimal}), dates, yes/no ({@link Boolean}) or null. */
    public Table add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(values.length + " values for " + columns.size() + " columns");
        }
        rows.add(values.clone());
        return this;
    }

    public List<Column> columns() {
        return columns;
    }

    public int size() {
        return rows.size();
    }

    public byte[] csv() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n")
                .setQuoteMode(QuoteMode.MINIMAL).get();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, format)) {
            writer.write('\uFEFF');
            List<String> header = new ArrayList<>();
            columns.forEach(c -> header.add(SpreadsheetCell.csvText(c.header())));
            printer.printRecord(header);
            for (Object[] row : rows) {
                List<String> cells = new ArrayList<>(row.length);
                for (Object value : row) {
                    cells.add(SpreadsheetCell.csv(value));
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public byte[] xlsx() {
        // Streaming: only a window of rows is held in memory however long the list of costs.
        try (SXSSFWorkbook book = new SXSSFWorkbook(ROWS_IN_MEMORY)) {
            Styles styles = new Styles(book);
            Sheet sheet = book.createSheet(sheetName);
            var head = sheet.createRow(0);
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = head.createCell(c);
                cell.setCellValue(columns.get(c).header());
                cell.setCellStyle(styles.header);
                sheet.setColumnWidth(c, columns.get(c).kind().width * 256);
            }
            sheet.createFreezePane(0, 1);
            for (int r = 0; r < rows.size(); r++) {
                var line = sheet.createRow(r + 1);
                Object[] values = rows.get(r);
                for (int c = 0; c < values.length; c++) {
                    write(line.createCell(c), values[c], columns.get(c).kind(), styles);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Cell cell, Object value, Kind kind, Styles styles) {
        if (value == null) {
            return;
        }
        if (value instanceof BigDecimal amount) {
            // numeric(14,2) has at most 14 significant digits, which a double holds exactly enough to show.
            cell.setCellValue(amount.doubleValue());
            cell.setCellStyle(kind == Kind.PERCENT ? styles.percent : styles.money);
        } else if (value instanceof LocalDate date) {
            cell.setCellValue(date);
            cell.setCellStyle(styles.date);
        } else if (value instanceof Boolean flag) {
            cell.setCellValue(flag ? "ja" : "nej");
        } else {
            String text = value.toString();
            cell.setCellValue(text);
            if (SpreadsheetCell.formulaLike(text)) {
                cell.setCellStyle(styles.quoted);
            }
        }
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle money;
        final CellStyle percent;
        final CellStyle date;
        final CellStyle quoted;

        Styles(SXSSFWorkbook book) {
            var formats = book.createDataFormat();
            Font bold = book.createFont();
            bold.setBold(true);
            header = book.createCellStyle();
            header.setFont(bold);
            money = book.createCellStyle();
            money.setDataFormat(formats.getFormat("#,##0.00"));
            percent = book.createCellStyle();
            percent.setDataFormat(formats.getFormat("0.0"));
            date = book.createCellStyle();
            date.setDataFormat(formats.getFormat("yyyy-mm-dd"));
            // A text cell that Excel keeps as text even when someone edits it.
            quoted = book.createCellStyle();
            quoted.setQuotePrefixed(true);
        }
    }
}
