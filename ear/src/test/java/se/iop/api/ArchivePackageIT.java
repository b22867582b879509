package se.iop.api;

import jakarta.json.JsonObject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import se.iop.it.Api;
import se.iop.it.Deployments;
import se.iop.it.Fixtures;
import se.iop.it.Rows;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.FollowUpFixtures.PDF_TYPE;
import static se.iop.it.FollowUpFixtures.activeWith;
import static se.iop.it.FollowUpFixtures.createReport;
import static se.iop.it.FollowUpFixtures.report;
import static se.iop.it.FollowUpFixtures.upload;
import static se.iop.it.Fixtures.KOMMUN;
import static se.iop.it.Fixtures.SOCIALNAMNDEN;
import static se.iop.it.Fixtures.STADSMISSION;
import static se.iop.it.Fixtures.VERDANDI;
import static se.iop.it.Fixtures.committeeId;
import static se.iop.it.Fixtures.created;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.moveTo;
import static se.iop.it.Fixtures.ok;
import static se.iop.it.Fixtures.organisationId;
import static se.iop.it.Fixtures.version;
import static se.iop.it.Problems.assertProblem;

/**
 * The archive package of an ended agreement (issue 12 §3), taken through the API as the administrator, unpacked
 * to disk and checked as an archive would: the E-ARK CSIP folders; METS against the schema the package itself
 * carries (the same files the application bundles); every file in the ZIP referenced from METS and every
 * reference a file, each with its size and SHA-256; the documents PDF/A-2b marked with every font embedded; the
 * attachment as handed in, the payment in the data, the end in the history. An agreement still in force is refused
 * with 409 naming {@code status}, and nobody but an administrator may make one.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchivePackageIT {

    private static final String METS = "http://www.loc.gov/METS/";
    private static final String XLINK = "http://www.w3.org/1999/xlink";
    private static final String CSIP = "https://DILCIS.eu/XML/METS/CSIPExtensionMETS";
    private static final String[] ACCEPT = {"Accept", "application/zip, application/problem+json"};
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private long ended;
    private long inForce;
    private String reference;
    private byte[] attachment;
    private String voucher;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeAll
    void anEndedAgreementWithDecisionsAmendmentReportsAttachmentAndPayments() {
        Api admin = Api.admin();
        JsonObject a = activeWith(STADSMISSION);
        ended = id(a);
        reference = a.getString("reference");
        JsonObject decision = a.getJsonArray("decisions").getJsonObject(0);
        created(admin.post("api/agreements/" + ended + "/amendments", """
                {"effectiveOn": "2024-06-01", "description": "Verdandi ansluter med mötesplatser.", "decisionId": %d,
                 "joining": {"organisationId": %d, "role": "NON_PROFIT_PARTNER", "commitment": "Mötesplatser"}}"""
                .formatted(id(decision), organisationId(VERDANDI))));

        Api partner = Api.demo("stadsmissionen");
        JsonObject q1 = createReport(partner, report(ended, "2024-Q1", 4).add("narrative", "Första kvartalet i Nyköping."));
        attachment = se.iop.it.FollowUpFixtures.pdf();
        assertEquals(201, upload("stadsmissionen", id(q1), "Protokoll styrgrupp mars.pdf", PDF_TYPE, attachment).status());
        approve(partner, id(q1));
        approve(partner, id(createReport(partner, report(ended, "2024-Q2", 6).add("narrative", "Andra kvartalet."))));
        createReport(partner, report(ended, "2024-Q3", 1).add("narrative", "Ett utkast som inte arkiveras."));

        Api finance = Api.demo("ekonom");
        long phase = id(created(finance.post("api/budgets/" + ended + "/phases",
                "{\"name\": \"Fas 1\", \"startDate\": \"2024-01-01\", \"endDate\": \"2026-12-31\"}")));
        created(finance.post("api/phases/" + phase + "/allocations",
                "{\"committeeId\": %d, \"amount\": 400000}".formatted(committeeId(KOMMUN, SOCIALNAMNDEN))));
        long line = id(created(finance.post("api/phases/" + phase + "/lines",
                "{\"category\": \"STAFF\", \"name\": \"Boendestöd\", \"planned\": 400000}")));
        voucher = Fixtures.unique("V");
        created(finance.post("api/phases/" + phase + "/expenses", """
                {"lineId": %d, "spentOn": "2024-03-31", "amount": 100000, "description": "Löner mars", "voucher": "%s"}"""
                .formatted(line, voucher)));
        created(finance.post("api/phases/" + phase + "/disbursements",
                "{\"partnerId\": %d, \"amount\": \"150000\", \"plannedOn\": \"2024-03-01\"}".formatted(organisationId(STADSMISSION))));

        ok(moveTo(admin, ok(admin.get("api/agreements/" + ended)), "ENDED"));
        inForce = id(activeWith(STADSMISSION));
    }

    private static void approve(Api partner, long reportId) {
        JsonObject submitted = ok(partner.post("api/reports/" + reportId + "/submit", "{}"));
        ok(Api.admin().post("api/reports/" + reportId + "/approve", "{\"version\": " + version(submitted) + "}"));
    }

    private static String path(long agreementId) {
        return "api/agreements/" + agreementId + "/archive-package";
    }

    @Test
    void thePackageOfAnEndedAgreementIsACompleteValidCsipPackage() throws Exception {
        HttpResponse<byte[]> r = post(path(ended));
        assertEquals(200, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("application/zip", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals("sha-256=:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(r.body())) + ":",
                r.headers().firstValue("Repr-Digest").orElse(""));

        Path dir = Files.createTempDirectory("archive-package");
        try {
            checkUnpacked(r, dir);
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private void checkUnpacked(HttpResponse<byte[]> r, Path dir) throws Exception {
        Map<String, Path> files = unzip(r.body(), dir);
        String root = r.headers().firstValue("X-IOP-Package-Id").orElseThrow();
        assertTrue(files.keySet().stream().allMatch(name -> name.startsWith(root + "/")), "one top folder, the OBJID: " + files.keySet());
        Path pkg = dir.resolve(root);
        for (String folder : List.of("metadata/descriptive", "metadata/preservation", "representations/rep1/data", "schemas")) {
            assertTrue(Files.isDirectory(pkg.resolve(folder)), folder + " missing");
        }
        assertTrue(Files.isRegularFile(pkg.resolve("METS.xml")));

        // The schemas in the package are the application's, and METS validates against them (no network).
        for (String xsd : List.of("mets.xsd", "xlink.xsd", "DILCISExtensionMETS.xsd")) {
            try (InputStream bundled = getClass().getResourceAsStream("/se/iop/archive/schemas/" + xsd)) {
                assertNotNull(bundled, xsd);
                assertArrayEquals(bundled.readAllBytes(), Files.readAllBytes(pkg.resolve("schemas/" + xsd)), xsd);
            }
        }
        byte[] metsBytes = Files.readAllBytes(pkg.resolve("METS.xml"));
        schema(pkg.resolve("schemas")).newValidator().validate(new StreamSource(new ByteArrayInputStream(metsBytes)));

        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        Document mets = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(metsBytes));
        Element top = mets.getDocumentElement();
        assertEquals(root, top.getAttribute("OBJID"));
        assertEquals("https://earkcsip.dilcis.eu/profile/E-ARK-CSIP.xml", top.getAttribute("PROFILE"));
        assertEquals("SIP", ((Element) top.getElementsByTagNameNS(METS, "metsHdr").item(0)).getAttributeNS(CSIP, "OAISPACKAGETYPE"));
        assertTrue(top.getAttribute("LABEL").contains(reference));

        // Every reference (file locations and metadata references) is a file with that size and SHA-256 ...
        Set<String> referenced = new HashSet<>();
        Map<String, String> fileIds = new HashMap<>();
        for (String tag : List.of("FLocat", "mdRef")) {
            NodeList nodes = mets.getElementsByTagNameNS(METS, tag);
            for (int i = 0; i < nodes.getLength(); i++) {
                Element ref = (Element) nodes.item(i);
                Element holder = tag.equals("FLocat") ? (Element) ref.getParentNode() : ref;
                String href = ref.getAttributeNS(XLINK, "href");
                assertTrue(referenced.add(href), "referenced twice: " + href);
                Path file = pkg.resolve(href).normalize();
                assertTrue(file.startsWith(pkg) && Files.isRegularFile(file), "a reference to no file: " + href);
                byte[] content = Files.readAllBytes(file);
                assertEquals("SHA-256", holder.getAttribute("CHECKSUMTYPE"), href);
                assertEquals(sha256(content), holder.getAttribute("CHECKSUM"), "checksum of " + href);
                assertEquals(Long.toString(content.length), holder.getAttribute("SIZE"), "size of " + href);
                assertFalse(holder.getAttribute("MIMETYPE").isBlank(), href);
                if (tag.equals("FLocat")) {
                    fileIds.put(holder.getAttribute("ID"), href);
                }
            }
        }
        // ... and every file but METS.xml itself is referenced.
        Set<String> inZip = new HashSet<>();
        files.keySet().forEach(name -> inZip.add(name.substring(root.length() + 1)));
        inZip.remove("METS.xml");
        assertEquals(inZip, referenced);

        // The structural map points at every file of the file section, and only at those.
        Set<String> pointed = new HashSet<>();
        NodeList fptrs = mets.getElementsByTagNameNS(METS, "fptr");
        for (int i = 0; i < fptrs.getLength(); i++) {
            String fileId = ((Element) fptrs.item(i)).getAttribute("FILEID");
            assertTrue(fileIds.containsKey(fileId), fileId);
            pointed.add(fileId);
        }
        assertEquals(fileIds.keySet(), pointed);

        String rep = "representations/rep1/data/";
        for (String expected : List.of("dokument/avtal.pdf", "dokument/beslut-01.pdf", "dokument/andring-01.pdf",
                "dokument/rapport-01-2024-Q1.pdf", "dokument/rapport-02-2024-Q2.pdf", "dokument/uppfoljningsrapport.pdf",
                "dokument/budgetredovisning.pdf", "data/transaktioner.csv", "data/budgetoversikt.csv",
                "data/uppfoljningsrapport.csv", "data/kostnader-2024.se", "historik/historik.csv")) {
            assertTrue(inZip.contains(rep + expected), expected + " missing in " + inZip);
        }
        assertFalse(inZip.stream().anyMatch(n -> n.contains("2024-Q3")), "a report not approved is not archived");

        // The attachment as handed in, under a safe name.
        List<String> attachments = inZip.stream().filter(n -> n.startsWith(rep + "bilagor/rapport-01-2024-Q1/")).toList();
        assertEquals(1, attachments.size(), inZip.toString());
        assertTrue(attachments.get(0).endsWith("-Protokoll-styrgrupp-mars.pdf"), attachments.get(0));
        assertArrayEquals(attachment, Files.readAllBytes(pkg.resolve(attachments.get(0))));

        String transactions = Files.readString(pkg.resolve(rep + "data/transaktioner.csv"));
        assertTrue(transactions.contains(voucher) && transactions.contains("Utbetalning"), transactions);
        String history = Files.readString(pkg.resolve(rep + "historik/historik.csv"));
        assertTrue(history.contains("ENDED") && history.contains("Verdandi ansluter"), history);
        String descriptive = Files.readString(pkg.resolve("metadata/descriptive/avtal.xml"));
        assertTrue(descriptive.contains("<diarienummer>" + reference + "</diarienummer>"), descriptive);

        // Every generated document is PDF/A-2b (XMP part 2, level B; an sRGB output intent; fonts embedded).
        try (Stream<Path> documents = Files.list(pkg.resolve(rep + "dokument"))) {
            for (Path pdf : documents.toList()) {
                assertPdfA2b(pdf);
            }
        }
        try (PDDocument doc = Loader.loadPDF(pkg.resolve(rep + "dokument/andring-01.pdf").toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Verdandi ansluter med mötesplatser.") && text.contains(reference), text);
        }
    }

    private static void assertPdfA2b(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertNotNull(doc.getDocumentCatalog().getMetadata(), pdf + ": no XMP");
            String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertTrue(xmp.contains("<pdfaid:part>2</pdfaid:part>"), pdf + ": " + xmp);
            assertTrue(xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"), pdf + ": " + xmp);
            assertEquals(1, doc.getDocumentCatalog().getOutputIntents().size(), pdf + ": output intent");
            assertNotNull(doc.getDocumentCatalog().getOutputIntents().get(0).getDestOutputIntent(), pdf + ": ICC profile");
            int fonts = 0;
            for (PDPage page : doc.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    assertTrue(font.isEmbedded(), pdf + ": font " + font.getName() + " not embedded");
                    fonts++;
                }
            }
            assertTrue(fonts > 0, pdf + ": no fonts looked at");
            assertFalse(doc.isEncrypted(), pdf.toString());
        }
    }

    @Test
    void thePackageIsRegisteredInTheDiaryAsOutgoingOncePerAgreement() {
        assertEquals(200, post(path(ended)).statusCode());
        assertEquals(200, post(path(ended)).statusCode());
        assertEquals(1L, ((Number) Rows.value("select count(*) from registry_entry where document_kind = 'ARCHIVE_PACKAGE'"
                + " and document_id = ?", ended)).longValue(), "one entry, kept by a package made again");
        assertEquals("OUTGOING", Rows.value("select direction from registry_entry where document_kind = 'ARCHIVE_PACKAGE'"
                + " and document_id = ?", ended));
        String description = (String) Rows.value("select description from registry_entry where document_kind = 'ARCHIVE_PACKAGE'"
                + " and document_id = ?", ended);
        assertTrue(description.contains(reference), description);
    }

    @Test
    void anAgreementStillInForceIsRefusedAndNothingIsMade() {
        assertProblem(Api.admin().send("POST", path(inForce), null, null, ACCEPT), 409, "status");
        assertEquals(0L, ((Number) Rows.value("select count(*) from registry_entry where document_kind = 'ARCHIVE_PACKAGE'"
                + " and document_id = ?", inForce)).longValue(), "nothing registered");
        assertProblem(Api.admin().send("POST", path(id(Fixtures.draftWith(STADSMISSION))), null, null, ACCEPT), 409, "status");
        assertProblem(Api.admin().send("POST", "api/agreements/999999999/archive-package", null, null, ACCEPT), 404, null);
    }

    @Test
    void onlyAnAdministratorMakesOne() {
        for (String user : List.of("ekonom", "revisor", "stadsmissionen", "hyresvard")) {
            Api.Reply r = Api.demo(user).send("POST", path(ended), null, null, ACCEPT);
            assertEquals(403, r.status(), user + ": " + r.body());
        }
        assertEquals(401, Api.anonymous().send("POST", path(ended), null, null, ACCEPT).status());
    }

    private static HttpResponse<byte[]> post(String path) {
        HttpRequest request = HttpRequest.newBuilder(Api.base().resolve(path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("admin:" + se.iop.it.ItDatabase.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Unpacks to disk, refusing an entry that would land outside the folder. */
    private static Map<String, Path> unzip(byte[] zip, Path dir) throws IOException {
        Map<String, Path> files = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path target = dir.resolve(e.getName()).normalize();
                assertTrue(target.startsWith(dir), "an entry outside the package: " + e.getName());
                assertFalse(e.isDirectory() || files.containsKey(e.getName()), e.getName());
                Files.createDirectories(target.getParent());
                Files.write(target, in.readAllBytes());
                files.put(e.getName(), target);
            }
        }
        return files;
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    /** The package's own METS schema, its XLink import answered from the package's schemas folder. */
    private static Schema schema(Path schemas) throws Exception {
        DOMImplementationLS ls = (DOMImplementationLS) DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .getDOMImplementation().getFeature("LS", "3.0");
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> {
            if (!XLINK.equals(namespace)) {
                throw new AssertionError("the schema asks for " + systemId);
            }
            LSInput input = ls.createLSInput();
            try {
                input.setByteStream(new ByteArrayInputStream(Files.readAllBytes(schemas.resolve("xlink.xsd"))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            input.setSystemId(systemId);
            return input;
        });
        return factory.newSchema(new StreamSource[] {
                new StreamSource(schemas.resolve("mets.xsd").toFile()),
                new StreamSource(schemas.resolve("DILCISExtensionMETS.xsd").toFile())});
    }
}
