package se.iop.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpreadsheetCellTest {

    /** OWASP's list of formula starts, and the full-width forms spreadsheets also take. */
    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+46 70 123", "-rabatt", "-5", "@SUM(A1)", "\t=1+1", "\r=1+1",
            "\uFF1D1+1", "\uFF0B1", "\uFF0D1", "\uFF20SUM(A1)", "=HYPERLINK(\"http://x\";\"klick\")"})
    void textThatWouldStartAFormulaGetsAnApostrophe(String text) {
        assertTrue(SpreadsheetCell.formulaLike(text));
        assertEquals("'" + text, SpreadsheetCell.csvText(text));
        assertEquals("'" + text, SpreadsheetCell.csv(text));
        assertFalse(SpreadsheetCell.formulaLike(SpreadsheetCell.csvText(text)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Löner januari", "1 700 000 kr", "12,5 %", "a=b", "x-y", " =not first", "'quoted"})
    void otherTextIsLeftAsItIs(String text) {
        assertFalse(SpreadsheetCell.formulaLike(text));
        assertEquals(text, SpreadsheetCell.csvText(text));
    }

    /** A negative amount is a reversal, not a formula: numbers go in as numbers and come out as numbers. */
    @Test
    void numbersStayNumbers() {
        assertEquals("-55000,10", SpreadsheetCell.csv(new BigDecimal("-55000.10")));
        assertEquals("62000,50", SpreadsheetCell.csv(new BigDecimal("62000.50")));
        assertEquals("-3", SpreadsheetCell.csv(-3));
        assertEquals("12", SpreadsheetCell.csv(12L));
        assertEquals("-12,5", SpreadsheetCell.csv(new BigDecimal("-12.5")));
    }

    @Test
    void otherValues() {
        assertEquals("", SpreadsheetCell.csv(null));
        assertEquals("", SpreadsheetCell.csvText(null));
        assertEquals("ja", SpreadsheetCell.csv(true));
        assertEquals("nej", SpreadsheetCell.csv(false));
        assertEquals("2024-03-31", SpreadsheetCell.csv(LocalDate.of(2024, 3, 31)));
        assertFalse(SpreadsheetCell.formulaLike(""));
        assertFalse(SpreadsheetCell.formulaLike(null));
    }
}
