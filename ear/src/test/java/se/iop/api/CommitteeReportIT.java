package se.iop.api;

import jakarta.json.JsonObject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import se.iop.common.SpreadsheetCell;
import se.iop.it.Api;
import se.iop.it.Deployments;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.FollowUpFixtures.activeWith;
import static se.iop.it.FollowUpFixtures.approved;
import static se.iop.it.FollowUpFixtures.download;
import static se.iop.it.FollowUpFixtures.report;
import static se.iop.it.Fixtures.KOMMUN;
import static se.iop.it.Fixtures.SOCIALNAMNDEN;
import static se.iop.it.Fixtures.STADSMISSION;
import static se.iop.it.Fixtures.committeeId;
import static se.iop.it.Fixtures.created;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.organisationId;
import static se.iop.it.Problems.assertProblem;

/**
 * The committee follow-up report through the API: the PDF's text, read back with PDFBox, carries the
 * municipality, the date and the right figures for the period (small counts as "&lt; 3"); the CSV the
 * same data; only administrators, finance and auditors may take it out.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommitteeReportIT {

    private long agreementId;
    private String reference;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeAll
    void agreementWithReportsMilestonesAndBudget() {
        JsonObject a = activeWith(STADSMISSION);
        agreementId = id(a);
        reference = a.getString("reference");
        Api partner = Api.demo("stadsmissionen");
        approved(partner, report(agreementId, "2024-Q1", 0).add("householdsHoused", 3).add("householdsHousedTotal", 3)
                .add("peopleInContact", 15).add("narrative", "Första kvartalet: lägenheter förmedlade via Nyköpingshem."));
        approved(partner, report(agreementId, "2024-Q2", 0).add("householdsHoused", 4).add("householdsHousedTotal", 7)
                .add("peopleInContact", 18).add("tenancies6Due", 3).add("tenancies6Kept", 3).add("evictions", 1)
                .add("landlordsEngaged", 4).add("narrative", "-Andra kvartalet: sju hushåll i eget boende. =HYPERLINK(\"http://x\")"));
        approved(partner, report(agreementId, "2025-Q2", 0).add("householdsHoused", 9).add("householdsHousedTotal", 40)
                .add("tenancies12Due", 10).add("tenancies12Kept", 8).add("narrative", "Utanför perioden."));

        created(Api.admin().post("api/milestones", """
                {"agreementId": %d, "title": "Informationsträff med hyresvärdar", "dueOn": "2024-04-30", "responsibleId": %d}"""
                .formatted(agreementId, organisationId(KOMMUN))));
        Api finance = Api.demo("ekonom");
        long phase = id(created(finance.post("api/budgets/" + agreementId + "/phases",
                "{\"name\": \"Fas 1\", \"startDate\": \"2024-01-01\", \"endDate\": \"2026-12-31\"}")));
        created(finance.post("api/phases/" + phase + "/allocations",
                "{\"committeeId\": %d, \"amount\": 400000}".formatted(committeeId(KOMMUN, SOCIALNAMNDEN))));
        long line = id(created(finance.post("api/phases/" + phase + "/lines", "{\"category\": \"STAFF\", \"name\": \"Stöd\", \"planned\": 400000}")));
        created(finance.post("api/phases/" + phase + "/expenses", """
                {"lineId": %d, "spentOn": "2024-03-31", "amount": 100000, "description": "Löner", "voucher": "C-%d"}"""
                .formatted(line, agreementId)));
    }

    private String path(String format, String query) {
        return "api/committee-reports/" + agreementId + "/" + format + query;
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replace('\u00a0', ' ');
        }
    }

    @Test
    void thePdfCarriesTheMunicipalityTheDateAndTheRightFiguresForThePeriod() throws IOException {
        HttpResponse<byte[]> r = download("handlaggare", path("pdf", "?from=2024-01-01&to=2024-12-31"));
        assertEquals(200, r.statusCode());
        assertEquals("application/pdf", r.headers().firstValue("Content-Type").orElse(""));
        String text = pdfText(r.body());
        String today = LocalDate.now(ZoneId.of("Europe/Stockholm")).toString();
        for (String expected : List.of("Nyköpings kommun", "Uppföljningsrapport till nämnd", "Datum: " + today,
                "Period: 2024-01-01 – 2024-12-31", reference, "Socialnämnden", "850 000 kr",
                "Tilldelat 400 000 kr", "Förbrukat 100 000 kr", "Använt av budgeten 25,0 %",
                "Informationsträff med hyresvärdar", "Försenad",
                "Underlag: 2 godkända rapporter",
                "Hushåll som fått bostad under perioden 7",
                "Hushåll i eget boende vid periodens slut 7",
                "Personer i kontakt med verksamheten 18",
                "Hyresvärdar som medverkar 4",
                "Vräkningar < 3",
                "Hushåll som bott minst 6 månader 3",
                "Sörmlands Stadsmission – Kvartal 1 2024", "lägenheter förmedlade via Nyköpingshem",
                "Sörmlands Stadsmission – Kvartal 2 2024", "sju hushåll i eget boende")) {
            assertTrue(text.contains(expected), "'" + expected + "' missing in:\n" + text);
        }
        assertFalse(text.contains("Utanför perioden"), "a report after the period is left out");
        assertFalse(text.contains("Vräkningar 1"), "a count under three is never printed");
        assertTrue(text.contains("Andel som bor kvar efter 12 månader (referens 80 %) –"), "no share without households due");

        String later = pdfText(download("revisor", path("pdf", "?from=2025-04-01&to=2025-06-30")).body());
        assertTrue(later.contains("Andel som bor kvar efter 12 månader (referens 80 %) 80,0 %"), later);
        assertTrue(later.contains("Hushåll i eget boende vid periodens slut 40"), later);
    }

    @Test
    void theCsvCarriesTheSameData() throws IOException {
        HttpResponse<byte[]> r = download("ekonom", path("csv", "?from=2024-01-01&to=2024-12-31"));
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        String csv = new String(r.body(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFFavsnitt;uppgift;värde;detalj"), csv);
        for (String expected : List.of("rapport;kommun;Nyköpings kommun;", "avtal;diarienummer;" + reference + ";",
                "utfall;godkända rapporter;2;", "utfall;Hushåll som fått bostad under perioden;7;householdsHoused",
                "utfall;Vräkningar;< 3;evictions", "budget;använt av budgeten;25,0 %;",
                "milstolpe;Informationsträff med hyresvärdar;Försenad;", "berättelse;Sörmlands Stadsmission – Kvartal 2 2024;")) {
            assertTrue(csv.contains(expected), "'" + expected + "' missing in:\n" + csv);
        }
        // Read back as a spreadsheet would: the narrative that starts with a minus is text, never a formula.
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setDelimiter(';').get().parse(new StringReader(csv.substring(1)))
                .getRecords();
        assertTrue(rows.stream().anyMatch(row -> row.get(2).equals("'-Andra kvartalet: sju hushåll i eget boende. =HYPERLINK(\"http://x\")")),
                csv);
        for (CSVRecord row : rows) {
            for (String cell : row) {
                assertFalse(SpreadsheetCell.formulaLike(cell) && !cell.matches("-\\d+(,\\d+)?"), "formula-like cell: " + cell);
            }
        }
    }

    @Test
    void onlyAdministratorsFinanceAndAuditorsTakeItOutAndBadDatesAreNamed() {
        assertEquals(200, download("handlaggare", path("pdf", "")).statusCode(), "the whole period by default");
        assertEquals(403, download("stadsmissionen", path("pdf", "")).statusCode());
        assertEquals(403, download("hyresvard", path("csv", "")).statusCode());
        assertProblem(asReply(download("handlaggare", path("pdf", "?from=2024-13-01"))), 422, "from");
        assertProblem(asReply(download("handlaggare", path("csv", "?from=2024-06-01&to=2024-01-01"))), 422, "to");
        assertProblem(asReply(download("handlaggare", "api/committee-reports/999999999/pdf")), 404, null);
    }

    @SuppressWarnings("unchecked")
    private static Api.Reply asReply(HttpResponse<byte[]> r) {
        return new Api.Reply(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), (HttpResponse<String>) (HttpResponse<?>) r);
    }
}
