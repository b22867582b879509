package se.iop.budget.control;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import se.iop.budget.control.Table.Column;
import se.iop.budget.control.Table.Kind;
import se.iop.common.SpreadsheetCell;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableTest {

    private static Table sample() {
        return new Table("Transaktioner", List.of(new Column("datum", Kind.DATE), new Column("belopp", Kind.MONEY),
                new Column("beskrivning", Kind.TEXT), new Column("överskridet", Kind.FLAG)))
                .add(LocalDate.of(2024, 1, 31), new BigDecimal("62000.50"), "Löner; januari \"del 1\"\nrad två", false)
                .add(LocalDate.of(2024, 2, 1), new BigDecimal("-55000.10"), "=HYPERLINK(\"http://x\";\"klick\")", true)
                .add(LocalDate.of(2024, 2, 2), new BigDecimal("1.00"), "+46 70 123", null)
                .add(null, null, "-rabatt", null)
                .add(null, null, "@SUM(A1)", null);
    }

    @Test
    void csvIsSemicolonSeparatedWithDecimalCommaAndEscapedText() throws IOException {
        byte[] bytes = sample().csv();
        assertEquals((byte) 0xEF, bytes[0], "UTF-8 byte order mark, so Excel reads å ä ö");
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertTrue(text.startsWith("datum;belopp;beskrivning;överskridet\r\n"), text);
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setDelimiter(';').get().parse(new StringReader(text)).getRecords();
        assertEquals(6, records.size());
        assertEquals(List.of("2024-01-31", "62000,50", "Löner; januari \"del 1\"\nrad två", "nej"), records.get(1).toList());
        assertTrue(text.contains("\"Löner; januari \"\"del 1\"\"\nrad två\""), "quotes doubled, the field quoted");
        assertEquals("-55000,10", records.get(2).get(1), "a negative amount stays a number");
        assertEquals("ja", records.get(2).get(3));
    }

    @Test
    void csvNeverLetsTextBecomeAFormula() throws IOException {
        String text = new String(sample().csv(), StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setDelimiter(';').get().parse(new StringReader(text)).getRecords();
        assertEquals("'=HYPERLINK(\"http://x\";\"klick\")", records.get(2).get(2));
        assertEquals("'+46 70 123", records.get(3).get(2));
        assertEquals("'-rabatt", records.get(4).get(2));
        assertEquals("'@SUM(A1)", records.get(5).get(2));
        for (CSVRecord r : records) {
            for (String cell : r) {
                assertFalse(SpreadsheetCell.formulaLike(cell) && !cell.matches("-\\d+,\\d\\d"), "formula-like cell: " + cell);
            }
        }
    }

    @Test
    void xlsxHasTypedCellsAndTextThatStaysText() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(sample().xlsx()))) {
            Sheet sheet = book.getSheet("Transaktioner");
            assertEquals(5, sheet.getLastRowNum());
            assertEquals("beskrivning", sheet.getRow(0).getCell(2).getStringCellValue());
            Row first = sheet.getRow(1);
            assertEquals(LocalDate.of(2024, 1, 31), first.getCell(0).getLocalDateTimeCellValue().toLocalDate());
            assertEquals(CellType.NUMERIC, first.getCell(1).getCellType());
            assertEquals(62000.50, first.getCell(1).getNumericCellValue());
            assertEquals("Löner; januari \"del 1\"\nrad två", first.getCell(2).getStringCellValue());
            assertEquals("nej", first.getCell(3).getStringCellValue());
            assertEquals(-55000.10, sheet.getRow(2).getCell(1).getNumericCellValue());
            for (int r = 2; r <= 5; r++) {
                var cell = sheet.getRow(r).getCell(2);
                assertEquals(CellType.STRING, cell.getCellType(), "never a formula cell");
                assertTrue(cell.getCellStyle().getQuotePrefixed(), "kept as text when edited: " + cell.getStringCellValue());
            }
            assertEquals("=HYPERLINK(\"http://x\";\"klick\")", sheet.getRow(2).getCell(2).getStringCellValue(),
                    "the text itself is unchanged");
            assertFalse(first.getCell(2).getCellStyle().getQuotePrefixed());
        }
    }
}
