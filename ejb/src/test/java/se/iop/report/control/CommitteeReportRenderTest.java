package se.iop.report.control;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import se.iop.archive.control.PdfA;
import se.iop.archive.control.PdfAValidator;
import se.iop.common.PdfFonts;
import se.iop.report.boundary.CommitteeReport;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommitteeReportRenderTest {

    private static CommitteeReport report() {
        return new CommitteeReport("Nyköpings kommun", LocalDate.of(2025, 2, 3), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31),
                new CommitteeReport.Brief("SN 2023/0412", "Bostad först Nyköping – fas 1", "I kraft", LocalDate.of(2023, 10, 1),
                        LocalDate.of(2025, 12, 31), "Fler behåller sin bostad", List.of("Nyköpings kommun (offentlig part)"),
                        new BigDecimal("1700000.00")),
                List.of(new CommitteeReport.Decision("Socialnämnden", LocalDate.of(2023, 9, 14), "§ 102", "SN 2023/0412", "Beslut",
                        new BigDecimal("850000.00"))),
                List.of(new CommitteeReport.Change(LocalDate.of(2024, 6, 1), "Verdandi ansluter")),
                new CommitteeReport.Budget(new BigDecimal("1700000.00"), new BigDecimal("640500.50"), new BigDecimal("1059499.50"),
                        new BigDecimal("37.7"), new BigDecimal("55.2")),
                List.of(new CommitteeReport.MilestoneLine("Första hyresgästerna flyttar in", LocalDate.of(2024, 5, 31), "Klar",
                        LocalDate.of(2024, 4, 15), false),
                        new CommitteeReport.MilestoneLine("Information till hyresvärdar", LocalDate.of(2024, 3, 31), "Pågår", null, true)),
                4, List.of(new CommitteeReport.Outcome("householdsHoused", "Hushåll som fått bostad under perioden", "9"),
                        new CommitteeReport.Outcome("evictions", "Vräkningar", "< 3")),
                "85,7 %", List.of(new CommitteeReport.Narrative("Sörmlands Stadsmission", "Kvartal 2 2024",
                        "=HYPERLINK(\"x\"); de första hyresgästerna flyttade in.")),
                List.of(new CommitteeReport.Fidelity(2024, "Sörmlands Stadsmission",
                        List.of(new CommitteeReport.FidelityDomain("Boendeprocess och boendestruktur", 14, 16),
                                new CommitteeReport.FidelityDomain("Teamets struktur och bemanning", 9, 16)),
                        23, 32, "71,9 %")),
                List.of(new CommitteeReport.Cohort("Kvartal 1 2024", "5", "4", "80,0 %", "–", "–", "< 3", "< 3", "–", "3")));
    }

    @Test
    void thePdfIsSwedishTextWithTheMunicipalityTheDateAndTheFigures() throws IOException {
        byte[] pdf = CommitteeReportPdf.render(report());
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replace('\u00a0', ' ');
            for (String expected : List.of("Nyköpings kommun", "Uppföljningsrapport till nämnd", "Datum: 2025-02-03",
                    "Period: 2024-01-01 – 2024-12-31", "Socialnämnden", "850 000 kr", "1 700 000 kr", "37,7 %", "55,2 %",
                    "Första hyresgästerna flyttar in", "Försenad", "Hushåll som fått bostad under perioden 9", "Vräkningar < 3",
                    "85,7 %", "Sörmlands Stadsmission – Kvartal 2 2024", "Verdandi ansluter", "Sida 1",
                    "7. Programtrohet", "2024 – Sörmlands Stadsmission", "Boendeprocess och boendestruktur 14 av 16",
                    "Totalt 23 av 32 (71,9 %)", "Kohorter efter inflyttningskvartal", "Kvartal 1 2024 5 4 (80,0 %)")) {
                assertTrue(text.contains(expected), "'" + expected + "' in:\n" + text);
            }
            assertEquals("sv-SE", doc.getDocumentCatalog().getLanguage());
        }
    }

    @Test
    void theArchiveCopyInTheEmbeddedTypefaceIsPdfA2bByVeraPdf() {
        byte[] pdf = PdfA.convert(CommitteeReportPdf.render(report(), PdfFonts.embedded()), "Uppföljningsrapport",
                "Nyköpings kommun", "sv-SE", Instant.parse("2025-02-03T09:00:00Z"));
        assertEquals(List.of(), PdfAValidator.failures(pdf));
    }

    @Test
    void theCsvQuotesWhereNeededAndNeverStartsAFormula() {
        String csv = new String(CommitteeReportCsv.render(report()), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFFavsnitt;uppgift;värde;detalj\r\n"), csv);
        assertTrue(csv.contains("utfall;Vräkningar;< 3;evictions\r\n"), csv);
        assertTrue(csv.contains("programtrohet 2024;Teamets struktur och bemanning;9;av 16\r\n"), csv);
        assertTrue(csv.contains("programtrohet 2024;totalt;23;av 32 (71,9 %), Sörmlands Stadsmission\r\n"), csv);
        assertTrue(csv.contains("budget;använt av budgeten;37,7 %;\r\n"), csv);
        assertTrue(csv.contains("kohort Kvartal 1 2024;bor kvar efter 12 månader;4;80,0 %\r\n"), csv);
        assertTrue(csv.contains("kohort Kvartal 1 2024;vräkta;< 3;\r\n"), csv);
        assertTrue(csv.contains("berättelse;Sörmlands Stadsmission – Kvartal 2 2024;\"'=HYPERLINK(\"\"x\"\"); de första"), csv);
        assertEquals("-5", CommitteeReportCsv.cell(-5), "a number stays a number");
        assertEquals("-5,50", CommitteeReportCsv.cell(new java.math.BigDecimal("-5.50")));
        // The report's own weaker copy let these through: text that looks like a number, a tab, a CR, full-width signs.
        assertEquals("'-5", CommitteeReportCsv.cell("-5"), "text is never a number in disguise");
        assertEquals("'\t=1+1", CommitteeReportCsv.cell("\t=1+1"));
        assertEquals("\"'\r=1+1\"", CommitteeReportCsv.cell("\r=1+1"));
        assertEquals("'\uFF1D1+1", CommitteeReportCsv.cell("\uFF1D1+1"));
        assertEquals("'@SUM(A1)", CommitteeReportCsv.cell("@SUM(A1)"));
        assertEquals("\"a;b\"", CommitteeReportCsv.cell("a;b"));
        assertEquals("\"rad\nny\"", CommitteeReportCsv.cell("rad\nny"));
    }
}
