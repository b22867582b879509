package se.iop.budget.control;

import org.junit.jupiter.api.Test;
import se.iop.budget.control.SieFile.Account;
import se.iop.budget.control.SieFile.AccountType;
import se.iop.budget.control.SieFile.Trans;
import se.iop.budget.control.SieFile.Verification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SieFileTest {

    private static SieFile sample() {
        return new SieFile("IOP Bostad först", "1.0", LocalDate.of(2025, 1, 15), "ekonom", "Nyköpings kommun",
                "212000-0340", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), "EUBAS97", "I")
                .tag(new SieFile.Tag(6, "Projekt", "SN 2023/123", "Bostad först"))
                .account(new Account("5010", "Personal", AccountType.K))
                .account(new Account("2440", "Leverantörsskulder", AccountType.S));
    }

    private static Verification cost(String date, String amount, String text) {
        BigDecimal a = new BigDecimal(amount);
        return new Verification(LocalDate.parse(date), text, List.of(new Trans("5010", a, "Boendestöd"),
                new Trans("2440", a.negate(), null)));
    }

    /** Fields of a line the way an SIE reader splits them: by spaces, quoted strings and {} lists kept whole. */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ') {
                i++;
            } else if (c == '"') {
                StringBuilder s = new StringBuilder();
                i++;
                while (line.charAt(i) != '"') {
                    if (line.charAt(i) == '\\' && line.charAt(i + 1) == '"') {
                        i++;
                    }
                    s.append(line.charAt(i++));
                }
                i++;
                out.add(s.toString());
            } else if (c == '{' && line.indexOf('}', i) > i) {
                int end = line.indexOf('}', i);
                out.add(line.substring(i, end + 1));
                i = end + 1;
            } else {
                int end = line.indexOf(' ', i);
                end = end < 0 ? line.length() : end;
                out.add(line.substring(i, end));
                i = end;
            }
        }
        return out;
    }

    private static List<List<String>> lines(String text) {
        return text.lines().map(String::strip).map(SieFileTest::fields).toList();
    }

    private static List<String> first(List<List<String>> lines, String label) {
        return lines.stream().filter(l -> !l.isEmpty() && l.get(0).equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + label));
    }

    @Test
    void identificationAccountsAndVerificationsFieldByField() {
        SieFile sie = sample().add(cost("2024-01-31", "62000.5", "V-1 Löner januari"))
                .add(cost("2024-02-29", "-100", "R-1 Rättelse av V-1: fel belopp"));
        String text = sie.text();
        List<List<String>> lines = lines(text);
        assertEquals(List.of("#FLAGGA", "0"), lines.get(0));
        assertEquals(List.of("#PROGRAM", "IOP Bostad först", "1.0"), first(lines, "#PROGRAM"));
        assertEquals(List.of("#FORMAT", "PC8"), first(lines, "#FORMAT"));
        assertEquals(List.of("#GEN", "20250115", "ekonom"), first(lines, "#GEN"));
        assertEquals(List.of("#SIETYP", "4"), first(lines, "#SIETYP"));
        assertEquals(List.of("#FNAMN", "Nyköpings kommun"), first(lines, "#FNAMN"));
        assertEquals(List.of("#ORGNR", "212000-0340"), first(lines, "#ORGNR"));
        assertEquals(List.of("#RAR", "0", "20240101", "20241231"), first(lines, "#RAR"));
        assertEquals(List.of("#KPTYP", "EUBAS97"), first(lines, "#KPTYP"));
        assertEquals(List.of("#KONTO", "2440", "Leverantörsskulder"), first(lines, "#KONTO"), "accounts in number order");
        assertTrue(lines.contains(List.of("#KONTO", "5010", "Personal")));
        assertTrue(lines.contains(List.of("#KTYP", "5010", "K")));
        assertTrue(lines.contains(List.of("#KTYP", "2440", "S")));
        assertEquals(List.of("#DIM", "6", "Projekt"), first(lines, "#DIM"));
        assertEquals(List.of("#OBJEKT", "6", "SN 2023/123", "Bostad först"), first(lines, "#OBJEKT"));
        assertEquals(List.of("#RES", "0", "5010", "61900.50"), first(lines, "#RES"), "the year's result of the cost account");

        int ver = lines.indexOf(first(lines, "#VER"));
        assertEquals(List.of("#VER", "I", "1", "20240131", "V-1 Löner januari"), lines.get(ver));
        assertEquals(List.of("{"), lines.get(ver + 1));
        assertEquals(List.of("#TRANS", "5010", "{6 \"SN 2023/123\"}", "62000.50", "20240131", "Boendestöd"), lines.get(ver + 2));
        assertEquals(List.of("#TRANS", "2440", "{6 \"SN 2023/123\"}", "-62000.50", "20240131"), lines.get(ver + 3));
        assertEquals(List.of("}"), lines.get(ver + 4));
        assertEquals(List.of("#VER", "I", "2", "20240229", "R-1 Rättelse av V-1: fel belopp"), lines.get(ver + 5));
        assertEquals(List.of("#TRANS", "5010", "{6 \"SN 2023/123\"}", "-100.00", "20240229", "Boendestöd"), lines.get(ver + 7));
        assertTrue(text.endsWith("}\r\n"));
        assertEquals(0, text.replace("\r\n", "").indexOf('\n') + 1, "every line ends with CR LF");
    }

    @Test
    void writtenInCodePage437() {
        byte[] bytes = sample().add(cost("2024-03-01", "1", "Åsa Öberg – hyra 5 €")).bytes();
        assertTrue(indexOf(bytes, ascii("#FNAMN \"Nyk", 0x94, "pings kommun\"")) >= 0, "ö is 0x94 in PC8");
        assertTrue(indexOf(bytes, ascii("\"", 0x8F, "sa ", 0x99, "berg - hyra 5 ?\"")) >= 0,
                "Å 0x8F, Ö 0x99, the en dash a hyphen, the euro sign that PC8 lacks a '?': " + new String(bytes, SieFile.PC8));
    }

    /** Bytes from ASCII text and single byte values. */
    private static byte[] ascii(Object... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof Integer b) {
                out.write(b);
            } else {
                out.writeBytes(part.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void quotesInTextAreEscapedAndNothingBreaksALine() {
        assertEquals("\"Sa \\\"hej\\\" a/b c d\"", SieFile.quote("Sa \"hej\" a\\b c\nd"));
        assertEquals("\"\"", SieFile.quote(null));
        assertEquals(List.of("#VER", "I", "1", "20240301", "Sa \"hej\""),
                fields(sample().add(cost("2024-03-01", "1", "Sa \"hej\"")).text().lines()
                        .filter(l -> l.startsWith("#VER")).findFirst().orElseThrow()));
    }

    @Test
    void unbalancedVerificationsAndUndeclaredAccountsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Verification(LocalDate.of(2024, 1, 1), "x",
                List.of(new Trans("5010", BigDecimal.ONE, null))));
        assertThrows(IllegalArgumentException.class, () -> sample().add(new Verification(LocalDate.of(2024, 1, 1), "x",
                List.of(new Trans("6990", BigDecimal.ONE, null), new Trans("2440", BigDecimal.ONE.negate(), null)))));
        assertThrows(IllegalArgumentException.class, () -> sample().add(cost("2025-01-01", "1", "next year")));
    }
}
