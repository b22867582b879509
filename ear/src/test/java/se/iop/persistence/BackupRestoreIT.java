package se.iop.persistence;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import se.iop.it.Api;
import se.iop.it.BudgetSetup;
import se.iop.it.Deployments;
import se.iop.it.Fixtures;
import se.iop.it.ItDatabase;
import se.iop.it.LandlordFixtures;
import se.iop.it.Management;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static se.iop.it.Fixtures.KOMMUN;
import static se.iop.it.Fixtures.SOCIALNAMNDEN;
import static se.iop.it.Fixtures.STADSMISSION;
import static se.iop.it.Fixtures.VERDANDI;
import static se.iop.it.Fixtures.committeeId;
import static se.iop.it.Fixtures.created;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.ok;
import static se.iop.it.Fixtures.organisationId;
import static se.iop.it.FollowUpFixtures.DOCX_TYPE;
import static se.iop.it.FollowUpFixtures.PDF_TYPE;
import static se.iop.it.FollowUpFixtures.activeWith;
import static se.iop.it.FollowUpFixtures.docx;
import static se.iop.it.FollowUpFixtures.pdf;
import static se.iop.it.FollowUpFixtures.report;
import static se.iop.it.FollowUpFixtures.upload;

/**
 * Issue 11 §4, backup and restore: {@code ops/backup.sh} backs up the running installation's database while the
 * shared server serves from it, {@code ops/restore.sh} restores the file into a new database, and the server —
 * switched onto the restored database by renaming the two, its pool reconnecting by itself — answers byte for byte
 * the same: the SIE export, the transactions CSV and the committee report CSV of every agreement, every agreement's
 * history, the landlord and packet histories and the report attachments. Every table (rows, the Envers audit tables,
 * Flyway's history, the attachments' bytes), every sequence and the schema's indexes, constraints, triggers and
 * functions are the same in both databases. A new write after the restore gets new ids (the sequences came along)
 * and lands in the restored database. The restore refuses a database that is not empty and leaves it untouched,
 * and a damaged file restores nothing. At the end the original database is back under its name and the restored
 * one is dropped, so the later tests of the tier see the server as it was.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BackupRestoreIT {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void aBackupRestoredIntoAnEmptyDatabaseAnswersExactlyTheSame(@TempDir Path dir) throws Exception {
        long started = System.nanoTime();
        Made mine = realisticData();
        step("data made", started);
        String live = ItDatabase.database().databaseName();
        String restored = live + "_restored";
        String original = live + "_original";
        String nowhere = live + "_damaged";
        for (String leftover : List.of(restored, original, nowhere)) {
            dropIfPresent(leftover);
        }
        Session reader = Session.demo("revisor");
        try {
            // What the installation answers before: every agreement's files and history, and this test's extras.
            LocalDate dayBefore = today();
            Map<String, byte[]> before = reader.everything(mine);
            step("read before (" + before.size() + " answers)", started);

            Path file = dir.resolve("iop.backup");
            Map<String, String> backedUp = backUpWhileNothingChanges(live, file);
            step("backed up", started);

            Script restore = Script.run("restore.sh", file.toString(), restored);
            assertEquals(0, restore.exit(), restore.toString());
            assertTrue(restore.out().contains("Restored: schema version "), restore.toString());
            step("restored", started);
            Map<String, String> inRestored = contents(restored);
            assertSame(backedUp, inRestored, "the restored database against the original at the backup");
            assertEquals(List.of(ItDatabase.database().user()),
                    strings(restored, "select distinct tableowner::text from pg_tables where schemaname = 'public'"),
                    "the restored tables belong to the application's role");

            // A database that is not empty is refused and left exactly as it was; a damaged file restores nothing.
            Script again = Script.run("restore.sh", file.toString(), restored);
            assertEquals(3, again.exit(), again.toString());
            assertTrue(again.err().contains("is not empty") && again.err().contains("nothing restored"), again.toString());
            assertSame(inRestored, contents(restored), "the database a refused restore was aimed at");
            Path damaged = dir.resolve("damaged.backup");
            byte[] whole = Files.readAllBytes(file);
            // Cut in its last rows (the table of contents is at the start): the restore fails midway and rolls back.
            Files.write(damaged, Arrays.copyOf(whole, whole.length - whole.length / 20));
            Script broken = Script.run("restore.sh", damaged.toString(), nowhere);
            assertEquals(1, broken.exit(), broken.toString());
            assertTrue(broken.err().contains("rolled back, nothing restored"), broken.toString());
            assertFalse(databaseExists(nowhere), "a failed restore leaves no database it made");

            step("refusals checked", started);
            long lastAgreement = number(live, "select max(id) from agreement");
            long lastRevision = number(live, "select max(id) from revision");
            swap(live, original, restored);
            long written;
            Map<String, byte[]> after;
            LocalDate dayAfter;
            try {
                awaitReady();
                step("swapped", started);
                after = reader.everything(mine);
                dayAfter = today();
                step("read after", started);
                // The pool let go of the original's connections and made new ones, by name, to the restored database.
                String serverConnections = "select count(*) from pg_stat_activity where usename = '"
                        + ItDatabase.database().user() + "' and datname = ";
                assertEquals(0, number("postgres", serverConnections + "'" + original + "'"));
                assertTrue(number("postgres", serverConnections + "'" + live + "'") > 0);

                // A new write: new ids from the restored sequences, and it lands in the restored database.
                JsonObject agreement = Fixtures.createAgreement(Fixtures.agreement());
                written = id(agreement);
                assertTrue(written > lastAgreement, "a new agreement's id " + written + " follows " + lastAgreement);
                assertTrue(number(live, "select max(id) from revision") > lastRevision, "its history has a new revision");
                assertEquals(1, number(live, "select count(*) from agreement where id = " + written));
                assertEquals(0, number(original, "select count(*) from agreement where id = " + written));
                assertEquals(200, Api.admin().get("api/agreements/" + written + "/history").status());
            } finally {
                swap(live, restored, original);
            }
            awaitReady();
            step("swapped back", started);
            assertEquals(404, Api.admin().get("api/agreements/" + written).status(), "the server is on the original again");

            // SIE (#GEN) and the committee report (its date, "until today", time elapsed) carry the day they are made:
            // compared with a reading of the original made on the same day as the restored one's.
            if (dayBefore.equals(dayAfter)) {
                assertSameFiles(before, after);
            } else {
                Map<String, byte[]> originalAgain = reader.everything(mine);
                assertEquals(dayAfter, today(), "the test took more than a day");
                assertSameFiles(originalAgain, after);
            }
        } finally {
            dropIfPresent(restored);
            dropIfPresent(nowhere);
        }
    }

    // ---- the data -------------------------------------------------------------------------------------------

    /** What this test made, beside the demo's and the earlier tests' data. */
    private record Made(List<Long> agreements, List<Long> reports, long landlord, long packet) {
    }

    /**
     * Two agreements in force with allocations from two committees, lines, costs in two years (one reversed), a paid
     * payment, an approved report with two attachments, a milestone, and in one an amendment bringing in a partner;
     * a draft agreement with a cost; a landlord and a published packet.
     */
    private static Made realisticData() {
        Session finance = Session.demo("ekonom");
        Session admin = new Session("admin", ItDatabase.ADMIN_PASSWORD);
        long social = committeeId(KOMMUN, SOCIALNAMNDEN);
        long care = committeeId(KOMMUN, "Vård- och omsorgsnämnden");
        long kommun = organisationId(KOMMUN);
        List<Long> agreements = new ArrayList<>();
        List<Long> reports = new ArrayList<>();
        for (String partner : List.of(STADSMISSION, VERDANDI)) {
            long agreement = id(activeWith(partner));
            agreements.add(agreement);
            long phase = id(created(finance.post("api/budgets/" + agreement + "/phases",
                    "{\"name\": \"Fas 1\", \"startDate\": \"2024-01-01\", \"endDate\": \"2025-12-31\"}")));
            created(finance.post("api/phases/" + phase + "/allocations", "{\"committeeId\": %d, \"amount\": 850000}"
                    .formatted(social)));
            created(finance.post("api/phases/" + phase + "/allocations", "{\"committeeId\": %d, \"amount\": 300000}"
                    .formatted(care)));
            long staff = id(created(finance.post("api/phases/" + phase + "/lines",
                    "{\"category\": \"STAFF\", \"name\": \"Boendestödjare\", \"planned\": 600000}")));
            long housing = id(created(finance.post("api/phases/" + phase + "/lines",
                    "{\"category\": \"HOUSING\", \"name\": \"Hyresgarantier\", \"planned\": 200000, \"account\": \"5221\"}")));
            long partnerId = organisationId(partner);
            long cost = id(created(finance.post("api/phases/" + phase + "/expenses", Json.createObjectBuilder()
                    .add("lineId", staff).add("spentOn", "2024-03-31").add("amount", "123456.78")
                    .add("description", "Löner mars – \"halvtid\" & =SUMMA(A1)").add("voucher", "L-" + agreement + "-1")
                    .add("partnerId", partnerId).build().toString())));
            created(finance.post("api/phases/" + phase + "/expenses", Json.createObjectBuilder()
                    .add("lineId", housing).add("spentOn", "2025-02-14").add("amount", "15000")
                    .add("description", "Hyresgaranti, Ängsgatan").add("voucher", "H-" + agreement + "-2")
                    .add("partnerId", partnerId).build().toString()));
            created(finance.post("api/expenses/" + cost + "/reverse", Json.createObjectBuilder()
                    .add("spentOn", "2024-04-02").add("reason", "Fel belopp").add("voucher", "L-" + agreement + "-1R")
                    .build().toString()));
            long payment = id(created(finance.post("api/phases/" + phase + "/disbursements",
                    "{\"partnerId\": %d, \"amount\": 200000, \"plannedOn\": \"2024-02-01\", \"reference\": \"Utbetalning 1\"}"
                            .formatted(partnerId))));
            ok(finance.post("api/disbursements/" + payment + "/approve", "{}"));
            ok(finance.post("api/disbursements/" + payment + "/pay", "{\"paidOn\": \"2024-02-05\"}"));

            String user = partner.equals(STADSMISSION) ? "stadsmissionen" : "verdandi";
            Session partnerApi = Session.demo(user);
            long report = id(created(partnerApi.post("api/reports", report(agreement, "2024-Q1", 4)
                    .add("narrative", "Fyra hushåll i eget boende; samarbete med Nyköpingshem.").build().toString())));
            assertEquals(201, upload(user, report, "Protokoll styrgrupp.pdf", PDF_TYPE, pdf()).status());
            assertEquals(201, upload(user, report, "Sammanfattning.docx", DOCX_TYPE, docx()).status());
            JsonObject submitted = ok(partnerApi.post("api/reports/" + report + "/submit", "{}"));
            ok(admin.post("api/reports/" + report + "/approve", "{\"version\": " + Fixtures.version(submitted) + "}"));
            reports.add(report);
            created(admin.post("api/milestones", "{\"agreementId\": %d, \"title\": \"Hyresvärdsträff\", \"dueOn\": \"2024-04-30\", \"responsibleId\": %d}"
                    .formatted(agreement, kommun)));
            if (partner.equals(STADSMISSION)) {
                created(admin.post("api/agreements/" + agreement + "/amendments", """
                        {"effectiveOn": "2024-06-01", "description": "Verdandi ansluter till partnerskapet",
                         "joining": {"organisationId": %d, "role": "NON_PROFIT_PARTNER"}}""".formatted(organisationId(VERDANDI))));
            }
        }
        BudgetSetup draft = BudgetSetup.agreement();
        draft.allocate("500000");
        long line = draft.line("SUPPORT_ACTIVITIES", "Stödinsatser", "100000", null);
        draft.book(line, "2024-05-20", "4321.50", "Studiecirkel, fika", "S-" + draft.agreementId);
        agreements.add(draft.agreementId);

        JsonObject landlord = LandlordFixtures.company(LandlordFixtures.email("backup"));
        JsonObject packet = LandlordFixtures.publishedPacket(Fixtures.unique("Bostad först för hyresvärdar"));
        return new Made(agreements, reports, id(landlord), id(packet));
    }

    // ---- what the installation answers ---------------------------------------------------------------------

    /**
     * A user logged in once (HTTP Basic), then known by the session cookie, as a browser or an integration is: no
     * password hash per request. Writes carry JSON, which API writes on the cookie need.
     */
    private static final class Session {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10)).build();

        Session(String username, String password) {
            HttpResponse<byte[]> r = send(HttpRequest.newBuilder(Api.base().resolve("api/agreements?max=1"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (username + ":" + password).getBytes(StandardCharsets.UTF_8))));
            assertEquals(200, r.statusCode(), () -> username + ": " + new String(r.body(), StandardCharsets.UTF_8));
        }

        static Session demo(String username) {
            return new Session(username, "bostadforst");
        }

        Api.Reply post(String path, String json) {
            HttpResponse<byte[]> r = send(HttpRequest.newBuilder(Api.base().resolve(path))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
            return new Api.Reply(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), null);
        }

        /** A file or document as the server sent it, byte for byte; anything but 200 fails. */
        byte[] bytes(String path) {
            HttpResponse<byte[]> r = send(HttpRequest.newBuilder(Api.base().resolve(path)));
            assertEquals(200, r.statusCode(), () -> path + ": " + new String(r.body(), StandardCharsets.UTF_8));
            return r.body();
        }

        private HttpResponse<byte[]> send(HttpRequest.Builder request) {
            try {
                return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /**
         * Per agreement in the database: the SIE file (of the latest year with costs), the transactions CSV, the
         * committee report CSV and the history; of this test's agreements also the SIE file of 2024, and the
         * attachments of its reports, its landlord's history and its packet version's history. Read in four threads.
         */
        Map<String, byte[]> everything(Made mine) throws Exception {
            List<String> paths = new ArrayList<>();
            for (Object agreement : values(ItDatabase.database().databaseName(), "select id from agreement order by id")) {
                paths.add("api/budgets/" + agreement + "/export/expenses.se");
                paths.add("api/budgets/" + agreement + "/export/transactions.csv");
                paths.add("api/committee-reports/" + agreement + "/csv");
                paths.add("api/agreements/" + agreement + "/history");
            }
            for (long agreement : mine.agreements()) {
                paths.add("api/budgets/" + agreement + "/export/expenses.se?year=2024");
            }
            for (long report : mine.reports()) {
                for (Object attachment : values(ItDatabase.database().databaseName(),
                        "select id from report_attachment where report_id = " + report + " order by id")) {
                    paths.add("api/reports/" + report + "/attachments/" + attachment);
                }
            }
            paths.add("api/landlords/" + mine.landlord() + "/history");
            paths.add("api/packets/" + mine.packet() + "/versions/1/history");

            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                Map<String, Future<byte[]>> pending = new TreeMap<>();
                for (String path : paths) {
                    pending.put(path, pool.submit(() -> bytes(path)));
                }
                Map<String, byte[]> files = new TreeMap<>();
                for (var e : pending.entrySet()) {
                    files.put(e.getKey(), e.getValue().get(60, TimeUnit.SECONDS));
                }
                return files;
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        List<String> differing = new ArrayList<>();
        for (String path : expected.keySet()) {
            if (!Arrays.equals(expected.get(path), actual.get(path))) {
                differing.add(path + ":\n--- before\n" + new String(expected.get(path), StandardCharsets.ISO_8859_1)
                        + "\n--- after\n" + new String(actual.get(path), StandardCharsets.ISO_8859_1));
            }
        }
        assertTrue(differing.isEmpty(), differing.size() + " of " + expected.size() + " answers differ; the first: "
                + (differing.isEmpty() ? "" : differing.get(0)));
        assertTrue(expected.keySet().stream().anyMatch(p -> p.endsWith("expenses.se")), "SIE files compared");
    }

    private static void assertSame(Map<String, String> expected, Map<String, String> actual, String what) {
        TreeSet<String> differing = new TreeSet<>(expected.keySet());
        differing.addAll(actual.keySet());
        differing.removeIf(k -> Objects.equals(expected.get(k), actual.get(k)));
        assertTrue(differing.isEmpty(), what + " differs in: " + differing);
        assertTrue(expected.keySet().containsAll(List.of("table flyway_schema_history", "table revision",
                "table agreement_aud", "table attachment_content")), expected.keySet().toString());
    }

    /** Where the time goes, in the test's output file. */
    private static void step(String what, long started) {
        System.out.printf("BackupRestoreIT: %s after %d ms%n", what, (System.nanoTime() - started) / 1_000_000);
    }

    private static LocalDate today() {
        return LocalDate.now(STOCKHOLM);
    }

    // ---- the databases --------------------------------------------------------------------------------------

    /**
     * Runs the backup; the original's contents read just before and just after it must agree, so that they are what
     * the dump's snapshot saw (a background job, e.g. the mail retry timer, may write meanwhile: then again).
     */
    private static Map<String, String> backUpWhileNothingChanges(String live, Path file) throws IOException, SQLException {
        for (int attempt = 1; ; attempt++) {
            Map<String, String> start = contents(live);
            Files.deleteIfExists(file);
            Script backup = Script.run("backup.sh", file.toString());
            assertEquals(0, backup.exit(), backup.toString());
            assertTrue(backup.out().contains("Backed up: "), backup.toString());
            Map<String, String> end = contents(live);
            if (start.equals(end)) {
                Script refused = Script.run("backup.sh", file.toString());
                assertEquals(3, refused.exit(), "an existing file is not overwritten: " + refused);
                return start;
            }
            if (attempt == 3) {
                assertSame(start, end, "the original database kept changing during the backup");
            }
        }
    }

    /**
     * Everything a database holds for the application, comparable between two databases: each table's row count and
     * a digest of its rows (as text, sorted), each sequence's last value, and the schema's columns, indexes,
     * constraints, triggers and functions.
     */
    private static Map<String, String> contents(String database) throws SQLException {
        Map<String, String> contents = new TreeMap<>();
        try (Connection c = ItDatabase.database().connectAsAdmin(database); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select tablename from pg_tables where schemaname = 'public' order by 1")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("select count(*) || ' rows, ' || md5(coalesce(string_agg(t::text, "
                        + "E'\\n' order by t::text), '')) from public.\"" + table + "\" t")) {
                    rs.next();
                    contents.put("table " + table, rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery("""
                    select 'sequence ' || sequencename, coalesce(last_value::text, 'unused') from pg_sequences where schemaname = 'public'
                    union all select 'column ' || table_name || '.' || column_name,
                           concat_ws(' ', data_type, character_maximum_length, numeric_precision, numeric_scale,
                                     is_nullable, column_default, is_identity)
                      from information_schema.columns where table_schema = 'public'
                    union all select 'index ' || indexname, indexdef from pg_indexes where schemaname = 'public'
                    union all select 'constraint ' || conrelid::regclass || ' ' || conname, pg_get_constraintdef(oid)
                      from pg_constraint where connamespace = 'public'::regnamespace
                    union all select 'trigger ' || tgrelid::regclass || ' ' || tgname, pg_get_triggerdef(oid)
                      from pg_trigger where not tgisinternal
                    union all select 'function ' || oid::regprocedure, md5(pg_get_functiondef(oid))
                      from pg_proc where pronamespace = 'public'::regnamespace""")) {
                while (rs.next()) {
                    contents.put(rs.getString(1), reread(rs.getString(2)));
                }
            }
        }
        return contents;
    }

    private static final java.util.regex.Pattern VARCHAR_ARRAY =
            java.util.regex.Pattern.compile("\\(ARRAY\\[((?:'[^']*'::character varying(?:, )?)+)]\\)::text\\[]");

    /**
     * A definition as PostgreSQL gives it back after reading its own printed form, which a restore does: a
     * {@code varchar in ('A', 'B')} the migration wrote is printed {@code (ARRAY['A'::character varying, …])::text[]},
     * and that text, read again, becomes {@code ARRAY[('A'::character varying)::text, …]} — the same condition, cast
     * element by element (and printed the same way from then on). Only this one rewriting is undone; any other
     * difference in a definition still fails the comparison.
     */
    static String reread(String definition) {
        if (definition == null) {
            return null;
        }
        return VARCHAR_ARRAY.matcher(definition).replaceAll(m -> java.util.regex.Matcher.quoteReplacement("ARRAY["
                + String.join(", ", Arrays.stream(m.group(1).split(", ")).map(e -> "(" + e + ")::text").toList()) + "]"));
    }

    /**
     * Puts database {@code replacement} under the name {@code live} the server uses, and the one there now under
     * {@code aside}: no new connections to it, its connections ended (the pool validates each connection it hands
     * out, drops the dead ones and connects anew — by name, so to the replacement), then the two renames.
     */
    private static void swap(String live, String aside, String replacement) throws SQLException {
        try (Connection admin = ItDatabase.database().connectAsAdmin("postgres"); Statement s = admin.createStatement()) {
            s.execute("alter database \"" + live + "\" allow_connections false");
            endConnections(admin, live);
            s.execute("alter database \"" + live + "\" rename to \"" + aside + "\"");
            s.execute("alter database \"" + aside + "\" allow_connections true");
            try {
                endConnections(admin, replacement);
                s.execute("alter database \"" + replacement + "\" rename to \"" + live + "\"");
            } catch (SQLException | AssertionError e) {
                // Never leave the server without its database: the one set aside goes back.
                s.execute("alter database \"" + aside + "\" rename to \"" + live + "\"");
                throw e;
            }
        }
        // The pool's idle connections were ended too: dropped now rather than found (and logged) by a later test.
        try (Management m = Management.itServer()) {
            m.flushDatabasePool();
        }
    }

    private static void endConnections(Connection admin, String database) throws SQLException {
        try (PreparedStatement ps = admin.prepareStatement(
                "select pg_terminate_backend(pid) from pg_stat_activity where datname = ? and pid <> pg_backend_pid()")) {
            ps.setString(1, database);
            ps.executeQuery().close();
        }
        // pg_terminate_backend only signals: wait until they are gone.
        Instant deadline = Instant.now().plusSeconds(10);
        try (PreparedStatement ps = admin.prepareStatement("select count(*) from pg_stat_activity where datname = ?")) {
            ps.setString(1, database);
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                sleep(50);
            }
        }
        fail("the connections to " + database + " did not end");
    }

    /** The readiness check answers UP: the pool has a working connection again. */
    private static void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        URI ready = Api.base().resolve("api/health/ready");
        Instant deadline = Instant.now().plusSeconds(30);
        HttpResponse<String> r;
        do {
            r = http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                return;
            }
            sleep(100);
        } while (Instant.now().isBefore(deadline));
        fail("the server did not get ready again: " + r.statusCode() + " " + r.body());
    }

    private static void dropIfPresent(String database) throws SQLException {
        try (Connection admin = ItDatabase.database().connectAsAdmin("postgres"); Statement s = admin.createStatement()) {
            s.execute("drop database if exists \"" + database + "\" with (force)");
        }
    }

    private static boolean databaseExists(String database) throws SQLException {
        return number("postgres", "select count(*) from pg_database where datname = '" + database + "'") == 1;
    }

    private static long number(String database, String sql) throws SQLException {
        return ((Number) values(database, sql).get(0)).longValue();
    }

    private static List<String> strings(String database, String sql) throws SQLException {
        return values(database, sql).stream().map(String::valueOf).toList();
    }

    private static List<Object> values(String database, String sql) throws SQLException {
        try (Connection c = ItDatabase.database().connectAsAdmin(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<Object> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getObject(1));
            }
            return out;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- the scripts ----------------------------------------------------------------------------------------

    /** One run of a script in the repository's {@code ops} folder, against the test database's server. */
    private record Script(String command, int exit, String out, String err) {

        static Script run(String script, String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of("bash", ops().resolve(script).toString()));
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command);
            // The same variables an operator sets; IOP_DB_URL is not needed when these are.
            URI url = URI.create(ItDatabase.database().jdbcUrl().substring("jdbc:".length()));
            Map<String, String> env = pb.environment();
            env.remove("IOP_DB_URL");
            env.put("IOP_DB_HOST", url.getHost());
            env.put("IOP_DB_PORT", Integer.toString(url.getPort()));
            env.put("IOP_DB_NAME", ItDatabase.database().databaseName());
            env.put("IOP_DB_USER", ItDatabase.database().user());
            env.put("IOP_DB_PASSWORD", ItDatabase.database().password());
            if (ItDatabase.database().isEmbedded()) {
                env.put("IOP_DB_ADMIN_USER", "postgres");
                env.put("IOP_DB_ADMIN_PASSWORD", "");
            }
            Path out = Files.createTempFile("iop-ops", ".out");
            Path err = Files.createTempFile("iop-ops", ".err");
            try {
                Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    fail(command + " did not end within 120 s");
                }
                return new Script(String.join(" ", command), p.exitValue(), Files.readString(out), Files.readString(err));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        }

        /** The repository's ops folder: the tests run in the ear module's folder. */
        static Path ops() {
            for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
                if (Files.isRegularFile(p.resolve("ops/backup.sh"))) {
                    return p.resolve("ops");
                }
            }
            throw new UncheckedIOException(new IOException("no ops/backup.sh above " + System.getProperty("user.dir")));
        }

        @Override
        public String toString() {
            return command + " → " + exit + "\n" + out + err;
        }
    }
}
