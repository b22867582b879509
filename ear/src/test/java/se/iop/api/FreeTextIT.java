package se.iop.api;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.iop.it.Api;
import se.iop.it.BudgetSetup;
import se.iop.it.Deployments;
import se.iop.it.Documents;
import se.iop.it.Fixtures;
import se.iop.it.FollowUpFixtures;
import se.iop.it.ItDatabase;
import se.iop.it.LandlordFixtures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Fixtures.KOMMUN;
import static se.iop.it.Fixtures.SOCIALNAMNDEN;
import static se.iop.it.Fixtures.STADSMISSION;
import static se.iop.it.Fixtures.committeeId;
import static se.iop.it.Fixtures.created;
import static se.iop.it.Fixtures.createAgreement;
import static se.iop.it.Fixtures.decided;
import static se.iop.it.Fixtures.draftWith;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.ok;
import static se.iop.it.Fixtures.organisationId;
import static se.iop.it.Fixtures.organisationNumber;
import static se.iop.it.Fixtures.unique;
import static se.iop.it.Problems.assertProblem;

/**
 * Every free text people type, in every feature, through the API: a personal identity number in any
 * of the spellings people use, and control or invisible characters, are refused with 422 naming the
 * field, and nothing is written to any table; the same request with ordinary text is then taken, so it
 * was the text that was refused. Attachments: a PDF, Word, Excel or text file that holds a personal
 * identity number is refused, one that does not is taken.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FreeTextIT {

    /** The spellings of IdentityNumbersTest's corpus: 811218-9876, 121212-1212, 701063-2391, 000229-1235 have valid check digits. */
    static final List<String> NUMBERS = List.of(
            "811218-9876", "8112189876", "19811218-9876", "198112189876", "811218+9876", "19811218+9876",
            "121212-1212", "1212121212", "20121212-1212", "191212121212",
            "811218 9876", "811218  9876", "811218 - 9876", "811218\u00A09876", "811218\u202F9876",
            "811218\u20099876", "811218\u30009876", "19811218 9876",
            "811218\u20139876", "811218\u20149876", "811218\u22129876", "811218\u20119876", "811218\u20109876",
            "811218\u20129876", "811218\uFE639876", "811218\uFF0D9876", "811218.9876", "811218/9876",
            "8112\u00AD18-9876",
            "\uFF18\uFF11\uFF11\uFF12\uFF11\uFF18-\uFF19\uFF18\uFF17\uFF16",
            "\uD835\uDFD6\uD835\uDFCF\uD835\uDFCF\uD835\uDFD0\uD835\uDFCF\uD835\uDFD6-\uD835\uDFD7\uD835\uDFD6\uD835\uDFD5\uD835\uDFD4",
            "\u0668\u0661\u0661\u0662\u0661\u0668-\u0669\u0668\u0667\u0666",
            "\u06F8\u06F1\u06F1\u06F2\u06F1\u06F8\u06F9\u06F8\u06F7\u06F6",
            "\u096E\u0967\u0967\u0968\u0967\u096E-\u096F\u096E\u096D\u096C",
            "701063-2391", "7010632391", "19701063-2391", "701063 2391", "000229-1235", "20000229-1235",
            "pnr811218-9876", "(811218-9876)");

    /** Control and invisible characters no text may hold: NUL, escape, DEL, a C1 control, zero-width space, BOM, a bidi override, a line separator. */
    static final List<String> CONTROLS = List.of("\u0000", "\u001B", "\u007F", "\u0085", "\u200B", "\uFEFF", "\u202E", "\u2028");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private final Session admin = new Session("admin", ItDatabase.ADMIN_PASSWORD, "api/agreements?max=1");
    private final Session finance = new Session("ekonom", "bostadforst", "api/agreements?max=1");
    private final Session partner = new Session("stadsmissionen", "bostadforst", "api/agreements?max=1");
    private final Session landlord = new Session("hyresvard", "bostadforst", "api/portal/packets");

    /** A free-text field: the name the problem must give, whether it takes several lines, and the request that carries a text. */
    private record Field(String name, boolean lines, Function<String, Api.Reply> send) {
    }

    private static Field line(String name, Function<String, Api.Reply> send) {
        return new Field(name, false, send);
    }

    private static Field lines(String name, Function<String, Api.Reply> send) {
        return new Field(name, true, send);
    }

    /** How many of the spellings each field is tried with. */
    private static final int SPELLINGS_PER_FIELD = 8;
    /** Where the next field's spellings begin: each field takes the next ones, so that together they try all many times. */
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_SPELLING = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * The texts a field must refuse: numbers in a sentence, each control character, line breaks in a one-line field.
     * Each field gets {@value #SPELLINGS_PER_FIELD} of the spellings in turn, not all: that every spelling is read
     * as a number is IdentityNumbersTest's matter (the one reader, every field goes through); here, that every field
     * goes through it, and across the fields every spelling still arrives through the API several times.
     */
    private static List<String> refused(Field f) {
        List<String> texts = new ArrayList<>();
        int from = NEXT_SPELLING.getAndAdd(SPELLINGS_PER_FIELD);
        for (int i = 0; i < SPELLINGS_PER_FIELD; i++) {
            texts.add("Hyresgäst " + NUMBERS.get((from + i) % NUMBERS.size()));
        }
        CONTROLS.forEach(c -> texts.add("Rad" + c + "ett"));
        if (!f.lines()) {
            texts.add("Rad ett\nrad två");
            texts.add("Rad ett\r\nrad två");
            texts.add("Namn\tRoll");
        }
        return texts;
    }

    /** Every refused text answers 422 naming the field and writes nothing; an ordinary text is then taken. */
    private static void check(Field f, String good) {
        Map<String, Long> before = tableCounts();
        for (String text : refused(f)) {
            assertProblem(f.send().apply(text), 422, f.name());
        }
        assertEquals(before, tableCounts(), f.name() + ": a refused text changed the database");
        Api.Reply taken = f.send().apply(good);
        assertTrue(taken.status() == 200 || taken.status() == 201, f.name() + ": " + taken);
    }

    private static void check(Field f) {
        check(f, f.lines() ? "Ordinarie text\nmed två rader, org.nr 802003-5120 och tel 070-123 45 67" : "Text " + unique("ok"));
    }

    @Test
    void agreementsPartiesDecisionsAndAmendments() {
        for (String field : List.of("reference", "title")) {
            check(line(field, t -> admin.post("api/agreements", Fixtures.agreement().add(field, t))));
        }
        for (String field : List.of("background", "sharedValues", "goals", "targetGroup", "organisationOfWork", "followUpPlan")) {
            check(lines(field, t -> admin.post("api/agreements", Fixtures.agreement().add(field, t))));
        }
        long draft = id(createAgreement(Fixtures.agreement()));
        check(lines("note", t -> admin.put("api/agreements/" + draft + "/eligibility", Json.createObjectBuilder()
                .add("ownInitiative", true).add("coFinancing", false).add("noMarket", true)
                .add("procurementAndStateAidAssessed", false).add("note", t))));

        long kommun = organisationId(KOMMUN);
        for (String field : List.of("commitment", "contributionInKind")) {
            long a = id(createAgreement(Fixtures.agreement()));
            Field f = new Field(field, field.equals("commitment"), t -> admin.post("api/agreements/" + a + "/parties",
                    Json.createObjectBuilder().add("organisationId", kommun).add("role", "PUBLIC_PARTNER").add(field, t)));
            check(f);
        }

        long withParties = id(draftWith(STADSMISSION));
        long social = committeeId(KOMMUN, SOCIALNAMNDEN);
        for (String field : List.of("paragraph", "diarienummer", "text")) {
            check(new Field(field, field.equals("text"), t -> admin.post("api/agreements/" + withParties + "/decisions",
                    Json.createObjectBuilder().add("committeeId", social).add("meetingDate", "2023-12-14").add(field, t))));
        }

        long decided = id(decided(STADSMISSION));
        check(lines("description", t -> admin.post("api/agreements/" + decided + "/amendments",
                Json.createObjectBuilder().add("effectiveOn", "2024-06-01").add("description", t))));

        long active = id(FollowUpFixtures.activeWith(STADSMISSION));
        check(lines("reason", t -> admin.post("api/agreements/" + active + "/status",
                Json.createObjectBuilder().add("status", "TERMINATED").add("on", "2024-06-30").add("reason", t))));
    }

    @Test
    void organisationsCommitteesAndContacts() {
        for (String field : List.of("name", "address", "email", "phone")) {
            String good = switch (field) {
                case "email" -> "info@example.se";
                case "phone" -> "0155-24 80 00";
                default -> "Text " + unique("ok");
            };
            check(line(field, t -> admin.post("api/organisations", Json.createObjectBuilder()
                    .add("name", unique("IT Förening")).add("organisationNumber", organisationNumber())
                    .add("kind", "NON_PROFIT").add(field, t))), good);
        }
        long kommun = organisationId(KOMMUN);
        check(line("committee", t -> admin.post("api/organisations/" + kommun + "/committees",
                Json.createObjectBuilder().add("name", t))));
        Map<String, String> contactFields = Map.of("name", "contactName", "role", "contactRole", "email", "contactEmail",
                "phone", "contactPhone");
        contactFields.forEach((json, field) -> {
            String good = json.equals("email") ? "kim@example.se" : json.equals("phone") ? "070-123 45 67" : "Kim " + unique("ok");
            check(line(field, t -> admin.post("api/organisations/" + kommun + "/contacts",
                    Json.createObjectBuilder().add("name", "Kim Kontakt").add(json, t))), good);
        });
    }

    @Test
    void budgetPhasesLinesContributionsPaymentsAndCosts() {
        BudgetSetup b = BudgetSetup.agreement();
        b.allocate("500000.00");
        long line = b.line("STAFF", "Boendestödjare", "100000.00", null);
        String path = "api/phases/" + b.phaseId + "/";

        check(line("name", t -> finance.post("api/budgets/" + b.agreementId + "/phases", Json.createObjectBuilder()
                .add("name", t).add("startDate", "2025-01-01").add("endDate", "2025-03-31"))));
        check(line("name", t -> finance.post(path + "lines", Json.createObjectBuilder()
                .add("category", "HOUSING").add("name", t).add("planned", 1000))));
        long party = ok(Api.admin().get("api/agreements/" + b.agreementId)).getJsonArray("parties")
                .getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getJsonNumber("organisationId").longValue() == b.stadsmissionId)
                .findFirst().orElseThrow().getJsonNumber("id").longValue();
        check(lines("description", t -> finance.post(path + "contributions", Json.createObjectBuilder()
                .add("partyId", party).add("kind", "PREMISES").add("description", t).add("value", 1000))));
        check(line("reference", t -> finance.post(path + "disbursements", Json.createObjectBuilder()
                .add("partnerId", b.stadsmissionId).add("amount", 100).add("plannedOn", "2024-03-01").add("reference", t))));
        long payment = id(created(finance.post(path + "disbursements", Json.createObjectBuilder()
                .add("partnerId", b.stadsmissionId).add("amount", 100).add("plannedOn", "2024-03-01"))));
        check(lines("reason", t -> finance.post("api/disbursements/" + payment + "/cancel",
                Json.createObjectBuilder().add("reason", t))));

        check(lines("description", t -> finance.post(path + "expenses", cost(line, t, unique("V")))));
        check(line("voucher", t -> finance.post(path + "expenses", cost(line, "Löner", t))), unique("V"));
        long forReason = id(b.book(line, "2024-02-01", "100.00", "Löner februari", unique("V")));
        check(lines("reason", t -> finance.post("api/expenses/" + forReason + "/reverse", Json.createObjectBuilder()
                .add("spentOn", "2024-02-02").add("reason", t).add("voucher", unique("R")))));
        long forVoucher = id(b.book(line, "2024-02-01", "100.00", "Löner februari", unique("V")));
        check(line("voucher", t -> finance.post("api/expenses/" + forVoucher + "/reverse", Json.createObjectBuilder()
                .add("spentOn", "2024-02-02").add("reason", "Fel rad").add("voucher", t))), unique("R"));
    }

    private static JsonObjectBuilder cost(long line, String description, String voucher) {
        return Json.createObjectBuilder().add("lineId", line).add("spentOn", "2024-02-01").add("amount", 100)
                .add("description", description).add("voucher", voucher);
    }

    @Test
    void theCostImportRefusesTheSameTextsNamingRowAndColumn() {
        BudgetSetup b = BudgetSetup.agreement();
        b.line("STAFF", "Boendestödjare", "100000.00", null);
        Api finance = Api.demo("ekonom");
        for (String column : List.of("description", "voucher")) {
            Field f = new Field(column, column.equals("description"), t -> null);
            Map<String, Long> before = tableCounts();
            for (String text : refused(f)) {
                String description = column.equals("description") ? text : "Löner";
                String voucher = column.equals("voucher") ? text : unique("V").replace(' ', '-');
                Api.Reply r = b.importCsv(finance, "datum;budgetrad;belopp;beskrivning;verifikation\n"
                        + "2024-02-01;Boendestödjare;100,00;" + cell(description) + ";" + cell(voucher) + "\n");
                JsonObject p = assertProblem(r, 422, "file");
                JsonArray errors = p.getJsonArray("errors");
                assertEquals(1, errors.size(), text + ": " + r.body());
                assertEquals(column, errors.getJsonObject(0).getString("field"), r.body());
                assertEquals(2, errors.getJsonObject(0).getInt("row"), r.body());
            }
            assertEquals(before, tableCounts(), column + ": a refused import changed the database");
        }
        assertEquals(200, b.importCsv(finance, "datum;budgetrad;belopp;beskrivning;verifikation\n"
                + "2024-02-01;Boendestödjare;100,00;\"Löner\nfebruari, org.nr 802003-5120\";" + unique("V").replace(' ', '-') + "\n").status());
    }

    private static String cell(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    @Test
    void milestonesReportsReviewCommentsAndAttachmentNames() {
        long agreement = id(draftWith(STADSMISSION));
        long kommun = organisationId(KOMMUN);
        Function<String, JsonObjectBuilder> milestone = title -> Json.createObjectBuilder().add("agreementId", agreement)
                .add("title", title).add("dueOn", "2024-06-30").add("responsibleId", kommun);
        check(line("title", t -> admin.post("api/milestones", milestone.apply(t))));
        check(lines("description", t -> admin.post("api/milestones", milestone.apply("Första inflytt").add("description", t))));
        long m = id(created(Api.admin().post("api/milestones", milestone.apply("Första inflytt").build().toString())));
        check(lines("reason", t -> admin.post("api/milestones/" + m + "/status",
                Json.createObjectBuilder().add("status", "CANCELLED").add("reason", t))));

        long active = id(FollowUpFixtures.activeWith(STADSMISSION));
        check(lines("narrative", t -> partner.post("api/reports",
                FollowUpFixtures.report(active, "2024-Q1", 4).add("narrative", t))));
        long submitted = id(FollowUpFixtures.createReport(Api.demo("stadsmissionen"),
                FollowUpFixtures.report(active, "2024-Q2", 4)));
        ok(Api.demo("stadsmissionen").post("api/reports/" + submitted + "/submit", "{}"));
        check(lines("comment", t -> admin.post("api/reports/" + submitted + "/return",
                Json.createObjectBuilder().add("comment", t))));

        long draft = id(FollowUpFixtures.createReport(Api.demo("stadsmissionen"), FollowUpFixtures.report(active, "2024-Q3", 4)));
        // A folder separator starts a file name afresh, so those spellings leave no number in the name.
        check(new Field("file", false, t -> t.contains("/") ? FollowUpFixtures.upload("stadsmissionen", draft,
                "Protokoll 811218-9876.pdf", Documents.PDF, FollowUpFixtures.pdf())
                : FollowUpFixtures.upload("stadsmissionen", draft, "Protokoll " + t + ".pdf", Documents.PDF,
                FollowUpFixtures.pdf())), "Protokoll styrgrupp.pdf");
    }

    @Test
    void attachmentsHoldingAnIdentityNumberAreRefusedWhateverTheirType() {
        long active = id(FollowUpFixtures.activeWith(STADSMISSION));
        long draft = id(FollowUpFixtures.createReport(Api.demo("stadsmissionen"), FollowUpFixtures.report(active, "2024-Q1", 4)));
        Map<String, byte[]> withNumber = new LinkedHashMap<>();
        withNumber.put("protokoll.pdf", Documents.pdf("Protokoll", "Ny hyresgäst 811218-9876 flyttade in."));
        withNumber.put("protokoll2.pdf", Documents.pdf("Protokoll", "Ny hyresgäst 811218 9876 flyttade in."));
        withNumber.put("sammanfattning.docx", Documents.docx("Sammanfattning", "Hyresgäst 19811218\u20139876"));
        withNumber.put("tabell.xlsx", Documents.xlsx("Hyresgäst", "121212-1212"));
        withNumber.put("anteckning.txt", "Samordningsnummer 701063-2391".getBytes(StandardCharsets.UTF_8));
        Map<String, Long> before = tableCounts();
        for (Map.Entry<String, byte[]> e : withNumber.entrySet()) {
            JsonObject p = assertProblem(FollowUpFixtures.upload("stadsmissionen", draft, e.getKey(), type(e.getKey()),
                    e.getValue()), 422, "file");
            assertTrue(p.getString("detail").contains("personal identity"), p.toString());
        }
        JsonObject unreadable = assertProblem(FollowUpFixtures.upload("stadsmissionen", draft, "trasig.pdf", Documents.PDF,
                "%PDF-1.4\nnot really a PDF\n".getBytes(StandardCharsets.US_ASCII)), 422, "file");
        assertTrue(unreadable.getString("detail").contains("cannot be checked"), unreadable.toString());
        assertEquals(before, tableCounts(), "a refused attachment changed the database");

        Map<String, byte[]> clean = new LinkedHashMap<>();
        clean.put("protokoll.pdf", Documents.pdf("Protokoll", "Org.nr 802003-5120, tel 070-123 45 67, 2024-03-31."));
        clean.put("sammanfattning.docx", Documents.docx("Sammanfattning", "12 hushåll i eget boende, 850 000 kr."));
        clean.put("tabell.xlsx", Documents.xlsx("Hushåll", "12", "Verifikation V2024-0117"));
        clean.put("anteckning.txt", "Styrgruppen möttes 2024-03-14.\r\nNästa möte 2024-06-13.".getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> e : clean.entrySet()) {
            Api.Reply r = FollowUpFixtures.upload("stadsmissionen", draft, e.getKey(), type(e.getKey()), e.getValue());
            assertEquals(201, r.status(), e.getKey() + ": " + r.body());
        }
        assertEquals(clean.size(), ok(Api.demo("stadsmissionen").get("api/reports/" + draft)).getJsonArray("attachments").size());
    }

    private static String type(String filename) {
        return filename.endsWith(".pdf") ? Documents.PDF : filename.endsWith(".docx") ? Documents.DOCX
                : filename.endsWith(".xlsx") ? Documents.XLSX : Documents.TXT;
    }

    @Test
    void landlordsContactsNotesFlatsPacketsAndContactNeeds() {
        for (String field : List.of("name", "address")) {
            check(line(field, t -> admin.post("api/landlords", Json.createObjectBuilder().add("kind", "PERSON")
                    .add("name", "Karin Exempelsson").add(field, t))));
        }
        JsonObject company = LandlordFixtures.company(LandlordFixtures.email("fritext"));
        long landlordId = id(company);
        for (String field : List.of("name", "role", "email", "phone")) {
            String good = field.equals("email") ? "kim@example.se" : field.equals("phone") ? "070-123 45 67" : "Kim " + unique("ok");
            check(line(field, t -> admin.post("api/landlords/" + landlordId + "/contacts", Json.createObjectBuilder()
                    .add("name", "Kim Kontakt").add("email", "kim@example.se").add(field, t))), good);
        }
        long contact = id(company.getJsonArray("contacts").getJsonObject(0));
        check(lines("text", t -> admin.post("api/landlords/" + landlordId + "/contacts/" + contact + "/notes",
                Json.createObjectBuilder().add("text", t))));
        check(line("address", t -> admin.post("api/landlords/" + landlordId + "/flats", Json.createObjectBuilder()
                .add("address", t).add("areaSqm", 45.5).add("rooms", 2).add("availableFrom", "2025-01-01"))));

        long agreement = id(draftWith(STADSMISSION));
        for (String field : List.of("title", "titleEn")) {
            check(line(field, t -> admin.post("api/packets", packet(agreement, Json.createObjectBuilder()
                    .add("heading", "Vad är Bostad först?").add("body", "En egen lägenhet först.")).add(field, t))));
        }
        for (String part : List.of("heading", "body", "headingEn", "bodyEn")) {
            check(new Field("sections[1]." + part, part.startsWith("body"), t -> {
                JsonObjectBuilder section = Json.createObjectBuilder().add("heading", "Rubrik").add("body", "Text")
                        .add("headingEn", "Heading").add("bodyEn", "Text").add(part, t);
                return admin.post("api/packets", packet(agreement, section));
            }));
        }

        check(lines("description", t -> landlord.post("api/portal/contact-needs",
                Json.createObjectBuilder().add("category", "DISTURBANCE").add("description", t))));
        long need = id(created(Api.demo("hyresvard").post("api/portal/contact-needs", Json.createObjectBuilder()
                .add("category", "DAMAGE").add("description", "Vattenskada i badrummet.").build().toString())));
        check(lines("note", t -> admin.post("api/contact-needs/" + need + "/handled", Json.createObjectBuilder().add("note", t))));
    }

    @Test
    void diarySecrecyMarkings() {
        long entry = ((Number) se.iop.it.Rows.value("select min(id) from registry_entry")).longValue();
        check(line("secrecyReference", t -> admin.put("api/diary/" + entry + "/secrecy", Json.createObjectBuilder()
                .add("secrecyReference", t).add("secrecyReason", "Enskilds förhållanden"))), "26 kap. 1 § OSL");
        check(lines("secrecyReason", t -> admin.put("api/diary/" + entry + "/secrecy", Json.createObjectBuilder()
                .add("secrecyReference", "26 kap. 1 § OSL").add("secrecyReason", t))));
        assertEquals(200, Api.admin().delete("api/diary/" + entry + "/secrecy").status());
        for (String list : List.of("api/public/diary", "api/diary")) {
            assertProblem(Api.admin().get(list + "?text=Ny%00k%C3%B6ping"), 422, "text");
            assertProblem(Api.admin().get(list + "?counterpart=%E2%80%AE"), 422, "counterpart");
            assertEquals(200, Api.admin().get(list + "?text=Nyk%C3%B6ping").status(), list);
        }
    }

    @Test
    void legalHoldReasons() {
        long agreement = id(Fixtures.decided(Fixtures.STADSMISSION));
        check(line("reason", t -> admin.put("api/retention/holds/" + agreement, Json.createObjectBuilder().add("reason", t))));
    }

    @Test
    void searchesRefuseControlCharactersInsteadOfFailingInTheDatabase() {
        Api api = Api.admin();
        for (String list : List.of("api/agreements", "api/organisations", "api/landlords")) {
            assertProblem(api.get(list + "?q=Ny%00k%C3%B6ping"), 422, "q");
            assertProblem(api.get(list + "?q=%E2%80%AE"), 422, "q");
            assertEquals(200, api.get(list + "?q=Nyk%C3%B6ping").status(), list);
        }
    }

    private static JsonObjectBuilder packet(long agreement, JsonObjectBuilder section) {
        return Json.createObjectBuilder().add("agreementId", agreement).add("title", "Informationspaket")
                .add("titleEn", "Information").add("sections", Json.createArrayBuilder().add(section));
    }

    /** Row counts of every table of the application: did a request write anything? */
    private static Map<String, Long> tableCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = ItDatabase.database().connect(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select table_name from information_schema.tables where table_schema = 'public'"
                    + " and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'"
                    // the scheduled jobs note each period they run in job_run, and make report reminders, whatever the
                    // requests do
                    + " and table_name not in ('job_run', 'report_reminder') order by table_name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("select count(*) from \"" + table + "\"")) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    /**
     * An API client that logs in once with HTTP Basic and then sends the session cookie, so the thousands
     * of requests here do not each pay for a password hash.
     */
    private static final class Session {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10)).build();
        private final String username;
        private final String password;
        private final String loginPath;
        private boolean loggedIn;

        /** Logs in on the first request, with a GET of a path the user may read. */
        Session(String username, String password, String loginPath) {
            this.username = username;
            this.password = password;
            this.loginPath = loginPath;
        }

        Api.Reply post(String path, JsonObjectBuilder body) {
            return send("POST", path, body);
        }

        Api.Reply put(String path, JsonObjectBuilder body) {
            return send("PUT", path, body);
        }

        private Api.Reply send(String method, String path, JsonObjectBuilder body) {
            if (!loggedIn) {
                HttpRequest login = HttpRequest.newBuilder(Api.base().resolve(loginPath))
                        .header("Accept", "application/json").header("Authorization", "Basic " + Base64.getEncoder()
                                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8))).build();
                assertEquals(200, exchange(login).status(), "log in as " + username);
                loggedIn = true;
            }
            HttpRequest request = HttpRequest.newBuilder(Api.base().resolve(path)).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json").header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.build().toString())).build();
            return exchange(request);
        }

        private Api.Reply exchange(HttpRequest request) {
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                return new Api.Reply(r.statusCode(), r.body(), r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
