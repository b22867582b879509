package se.iop.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.iop.it.Api;
import se.iop.it.BudgetSetup;
import se.iop.it.Deployments;
import se.iop.it.FollowUpFixtures;
import se.iop.it.ItDatabase;
import se.iop.it.LandlordFixtures;
import se.iop.it.Management;
import se.iop.it.Rows;
import se.iop.it.Smtp;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static se.iop.it.Fixtures.STADSMISSION;
import static se.iop.it.Fixtures.VERDANDI;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Problems.assertProblem;

/**
 * {@code Idempotency-Key} on the API's POSTs (issue 11): a cost, a report and a payment sent twice with one key are one
 * row and one answer; the key with another request is 422; requests racing with one key make one row; a refused
 * request keeps no key, so the fixed one may use it; keys are per account; without the header nothing changed. A
 * transaction of the test's own stands in for another node holding a key, to see a request wait for it, take over a
 * key rolled back, replay an answer committed meanwhile, and give up with 409 after the wait. A landlord send with a
 * key is mailed (the background mailing starts after the commit, and only once).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IdempotencyIT {

    private static final String KEY = "Idempotency-Key";
    // API tokens rather than HTTP Basic, whose password check (~80 ms) would be most of each request's time.
    private static Api FINANCE;
    private static Api STADSMISSIONEN;
    private static Api VERDANDI_USER;
    private static Api ADMIN;

    private static BudgetSetup budget;
    private static long lineId;
    /** An agreement in force with Sörmlands Stadsmission, for its reports. */
    private static long reportsAgreement;
    private static ExecutorService pool;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    /** A client of the account with an API token of its roles. */
    private static Api token(String username) {
        long accountId = Rows.count("select id from account where username = ?", username);
        return Api.bearer(Api.admin().post("api/accounts/" + accountId + "/tokens", "{\"name\": \""
                + se.iop.it.Fixtures.unique("IT idempotens") + "\", \"scope\": \"ACCOUNT_ROLES\"}").json().getString("secret"));
    }

    @BeforeAll
    static void budget() {
        FINANCE = token("ekonom");
        STADSMISSIONEN = token("stadsmissionen");
        VERDANDI_USER = token("verdandi");
        ADMIN = token("admin");
        budget = BudgetSetup.agreement();
        budget.allocate("900000");
        lineId = budget.line("STAFF", "Boendestödjare", "500000", null);
        reportsAgreement = id(FollowUpFixtures.activeWith(STADSMISSION));
        pool = Executors.newFixedThreadPool(8);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static String cost(String voucher, String amount) {
        return Json.createObjectBuilder().add("lineId", lineId).add("spentOn", "2024-03-15")
                .add("amount", new BigDecimal(amount)).add("description", "Handledning mars").add("voucher", voucher)
                .add("partnerId", budget.stadsmissionId).build().toString();
    }

    private static String payment(String reference, String amount) {
        return Json.createObjectBuilder().add("partnerId", budget.stadsmissionId).add("amount", new BigDecimal(amount))
                .add("plannedOn", "2024-04-30").add("reference", reference).build().toString();
    }

    private static long costs() {
        return Rows.count("select count(*) from expense where agreement_id = ?", budget.agreementId);
    }

    private static long payments() {
        return Rows.count("select count(*) from disbursement where phase_id = ?", budget.phaseId);
    }

    private static long keysStored(String key) {
        return Rows.count("select count(*) from idempotency_key where idem_key = ?", key);
    }

    private static Api.Reply post(Api as, String path, String body, String key) {
        return as.post(path, body, KEY, key);
    }

    /** The same request twice with one key: one row, and the second answer is the first one's. */
    private static Api.Reply sentTwice(Api as, String path, String body, int status, LongSupplier rows) {
        String key = key();
        long before = rows.getAsLong();
        Api.Reply first = post(as, path, body, key);
        assertEquals(status, first.status(), first.body());
        assertNull(first.header("Idempotent-Replayed"));
        Api.Reply again = post(as, path, body, key);
        assertEquals(status, again.status(), again.body());
        assertEquals(first.body(), again.body());
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(first.header("ETag"), again.header("ETag"));
        assertEquals(first.contentType(), again.contentType());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(before + 1, rows.getAsLong(), "one row for two requests with one key");
        assertEquals(1, keysStored(key));
        return first;
    }

    /** The key with another body (or address) is 422 naming the header, and writes nothing. */
    private static void otherRequestRefused(Api as, String path, String body, String otherBody, LongSupplier rows) {
        String key = key();
        assertTrue(post(as, path, body, key).status() / 100 == 2);
        long before = rows.getAsLong();
        JsonObject p = assertProblem(post(as, path, otherBody, key), 422, KEY);
        assertTrue(p.getString("detail").contains(path), p.toString());
        assertProblem(post(as, path + "?again=1", body, key), 422, KEY);
        assertEquals(before, rows.getAsLong());
    }

    /** A refused request keeps no key and writes nothing; fixed, the same key works. */
    private static void refusedThenFixed(Api as, String path, String bad, int refusedWith, String badField, String good,
                                         LongSupplier rows) {
        String key = key();
        long before = rows.getAsLong();
        assertProblem(post(as, path, bad, key), refusedWith, badField);
        assertEquals(0, keysStored(key), "a refused request keeps no key");
        assertEquals(before, rows.getAsLong());
        Api.Reply fixed = post(as, path, good, key);
        assertTrue(fixed.status() / 100 == 2, fixed.toString());
        assertEquals(before + 1, rows.getAsLong());
        assertEquals(fixed.body(), post(as, path, good, key).body());
        assertEquals(before + 1, rows.getAsLong());
    }

    /** Several clients send the same request with one key at the same moment: one row, one answer for all. */
    private static void racing(Api as, String path, String body, LongSupplier rows) throws Exception {
        String key = key();
        long before = rows.getAsLong();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            replies.add(pool.submit(() -> {
                start.await();
                return post(as, path, body, key);
            }));
        }
        start.countDown();
        Set<String> bodies = new HashSet<>();
        for (Future<Api.Reply> f : replies) {
            Api.Reply r = f.get(60, TimeUnit.SECONDS);
            assertTrue(r.status() / 100 == 2, r.toString());
            bodies.add(r.body());
        }
        assertEquals(1, bodies.size(), "every client got the one answer: " + bodies);
        assertEquals(before + 1, rows.getAsLong(), "one row for six racing requests with one key");
        assertEquals(1, keysStored(key));
    }

    @Test
    void aCostSentTwiceIsBookedOnce() throws Exception {
        String path = budget.phase("expenses");
        Api.Reply first = sentTwice(FINANCE, path, cost("IDEM-1", "1250.00"), 201, IdempotencyIT::costs);
        assertTrue(first.header("Location").endsWith("/api/expenses/" + id(first.json())), first.header("Location"));
        otherRequestRefused(FINANCE, path, cost("IDEM-2", "100.00"), cost("IDEM-2", "200.00"), IdempotencyIT::costs);
        // a date outside the phase: 422 naming spentOn
        refusedThenFixed(FINANCE, path, cost("IDEM-3", "300.00").replace("2024-03-15", "2026-03-15"), 422, "spentOn",
                cost("IDEM-3", "300.00"), IdempotencyIT::costs);
        racing(FINANCE, path, cost("IDEM-4", "400.00"), IdempotencyIT::costs);
    }

    @Test
    void aPaymentSentTwiceIsPlannedOnce() throws Exception {
        String path = budget.phase("disbursements");
        Api.Reply first = sentTwice(FINANCE, path, payment("IDEM-P1", "1000.00"), 201, IdempotencyIT::payments);
        assertNotNull(first.header("ETag"));
        assertTrue(first.header("Location").endsWith("/api/disbursements/" + id(first.json())), first.header("Location"));
        otherRequestRefused(FINANCE, path, payment("IDEM-P2", "10.00"), payment("IDEM-P2", "20.00"), IdempotencyIT::payments);
        refusedThenFixed(FINANCE, path, payment("IDEM-P3", "30.001"), 422, "amount", payment("IDEM-P3", "30.00"),
                IdempotencyIT::payments);
        racing(FINANCE, path, payment("IDEM-P4", "40.00"), IdempotencyIT::payments);
        // A step of a payment too: approving it twice with one key is one approval, one answer.
        long paymentId = id(first.json());
        String key = key();
        Api.Reply approved = post(FINANCE, "api/disbursements/" + paymentId + "/approve", "{}", key);
        assertEquals(200, approved.status(), approved.body());
        Api.Reply again = post(FINANCE, "api/disbursements/" + paymentId + "/approve", "{}", key);
        assertEquals(approved.body(), again.body());
        assertEquals(approved.header("ETag"), again.header("ETag"));
        // without the key, the second approval is what it always was: refused, the payment is approved already
        assertEquals(409, FINANCE.post("api/disbursements/" + paymentId + "/approve", "{}").status());
    }

    @Test
    void aReportSentTwiceIsWrittenOnce() throws Exception {
        long agreementId = reportsAgreement;
        LongSupplier reports = () -> Rows.count("select count(*) from activity_report where agreement_id = ?", agreementId);
        String path = "api/reports";
        Api.Reply first = sentTwice(STADSMISSIONEN, path, report(agreementId, "2024-Q1", 5), 201, reports);
        assertTrue(first.header("Location").endsWith("/api/reports/" + id(first.json())), first.header("Location"));
        otherRequestRefused(STADSMISSIONEN, path, report(agreementId, "2024-Q2", 5), report(agreementId, "2024-Q2", 6), reports);
        // a personal identity number in the narrative: 422 naming it
        String withNumber = Json.createObjectBuilder(Json.createReader(new java.io.StringReader(
                        report(agreementId, "2024-Q3", 5))).readObject())
                .add("narrative", "Hembesök hos 811218-9876.").build().toString();
        refusedThenFixed(STADSMISSIONEN, path, withNumber, 422, "narrative", report(agreementId, "2024-Q3", 5), reports);
        racing(STADSMISSIONEN, path, report(agreementId, "2024-Q4", 5), reports);
    }

    private static String report(long agreementId, String period, int n) {
        return FollowUpFixtures.report(agreementId, period, n).build().toString();
    }

    @Test
    void keysArePerAccount() {
        String key = key();
        long before = costs();
        Api.Reply finance = post(FINANCE, budget.phase("expenses"), cost("IDEM-A1", "11.00"), key);
        assertEquals(201, finance.status(), finance.body());
        // Two partners use the same key for their own reports: each its own request, neither "used for another
        // request" nor the finance officer's answer.
        long verdandiAgreement = id(FollowUpFixtures.activeWith(VERDANDI));
        for (long agreement : new long[] {reportsAgreement, verdandiAgreement}) {
            Api as = agreement == reportsAgreement ? STADSMISSIONEN : VERDANDI_USER;
            Api.Reply r = post(as, "api/reports", report(agreement, "2025-Q1", 4), key);
            assertEquals(201, r.status(), r.body());
            assertNull(r.header("Idempotent-Replayed"));
            assertEquals(1, Rows.count("select count(*) from activity_report where agreement_id = ? and id = ?", agreement,
                    id(r.json())));
        }
        assertEquals(before + 1, costs());
        assertEquals(3, keysStored(key));
    }

    @Test
    void withoutTheHeaderNothingChanged() {
        long before = costs();
        Api.Reply first = FINANCE.post(budget.phase("expenses"), cost("IDEM-N1", "13.00"));
        Api.Reply second = FINANCE.post(budget.phase("expenses"), cost("IDEM-N1", "13.00"));
        assertEquals(201, first.status(), first.body());
        // the same voucher twice in one agreement is refused by its own rule, as before
        assertEquals(409, second.status(), second.body());
        assertEquals(before + 1, costs());
        // the answer with a key is the one without: same fields, same Location shape
        Api.Reply keyed = post(FINANCE, budget.phase("expenses"), cost("IDEM-N2", "13.00"), key());
        JsonObject a = first.json();
        JsonObject b = keyed.json();
        assertEquals(a.keySet(), b.keySet());
        for (String field : a.keySet()) {
            if (!Set.of("id", "voucher").contains(field)) {
                assertEquals(a.get(field), b.get(field), field);
            }
        }
        assertEquals(first.header("Location").replaceFirst("\\d+$", ""), keyed.header("Location").replaceFirst("\\d+$", ""));
        assertEquals(first.contentType(), keyed.contentType());
        // on a GET the header means nothing
        assertEquals(200, FINANCE.send("GET", budget.phase(""), null, null, KEY, "x").status());
    }

    @Test
    void aMalformedKeyIs400NamingTheHeader() {
        long before = costs();
        assertProblem(post(FINANCE, budget.phase("expenses"), cost("IDEM-B1", "1.00"), "k".repeat(256)), 400, KEY);
        assertProblem(post(FINANCE, budget.phase("expenses"), cost("IDEM-B1", "1.00"), "nyckel\tmed-tab"), 400, KEY);
        assertProblem(FINANCE.post(budget.phase("expenses"), cost("IDEM-B1", "1.00"), KEY, "a", KEY, "b"), 400, KEY);
        assertEquals(before, costs());
        assertEquals(201, post(FINANCE, budget.phase("expenses"), cost("IDEM-B1", "1.00"), "k".repeat(255)).status());
    }

    /** The request hash as the server makes it: method, path with query, body. */
    private static byte[] hash(String path, String body) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        String target = "/" + path;
        sha.update(("POST\n" + target.length() + ":" + target + "\n").getBytes(StandardCharsets.UTF_8));
        sha.update(body.getBytes(StandardCharsets.UTF_8));
        return sha.digest();
    }

    /** Holds the finance officer's key in a transaction of its own, as a request on another node would. */
    private static Connection holding(String key, String path, String body) throws Exception {
        Connection c = ItDatabase.database().connect();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("insert into idempotency_key (account_id, idem_key, request_hash,"
                + " method, path) select id, ?, ?, 'POST', ? from account where username = 'ekonom'")) {
            ps.setString(1, key);
            ps.setBytes(2, hash(path, body));
            ps.setString(3, "/" + path);
            assertEquals(1, ps.executeUpdate());
        }
        return c;
    }

    @Test
    void aRequestWaitsForTheKeyHeldElsewhereAndTakesItOverWhenThatRollsBack() throws Exception {
        String key = key();
        String path = budget.phase("expenses");
        String body = cost("IDEM-W1", "21.00");
        long before = costs();
        try (Connection other = holding(key, path, body)) {
            Future<Api.Reply> waiting = pool.submit(() -> post(FINANCE, path, body, key));
            Thread.sleep(1500);
            assertFalse(waiting.isDone(), "answered while another transaction held its key");
            other.rollback();
            Api.Reply r = waiting.get(30, TimeUnit.SECONDS);
            assertEquals(201, r.status(), r.body());
        }
        assertEquals(before + 1, costs());
    }

    @Test
    void aRequestWaitingForTheKeyGetsTheAnswerCommittedElsewhere() throws Exception {
        String key = key();
        String path = budget.phase("expenses");
        String body = cost("IDEM-W2", "22.00");
        long before = costs();
        try (Connection other = holding(key, path, body)) {
            Future<Api.Reply> waiting = pool.submit(() -> post(FINANCE, path, body, key));
            Thread.sleep(1500);
            assertFalse(waiting.isDone());
            try (PreparedStatement ps = other.prepareStatement("update idempotency_key set status = 201, headers = ?,"
                    + " body = ? where idem_key = ?")) {
                ps.setString(1, "Content-Type: application/json\nLocation: http://elsewhere/api/expenses/424242\n");
                ps.setBytes(2, "{\"id\":424242}".getBytes(StandardCharsets.UTF_8));
                ps.setString(3, key);
                assertEquals(1, ps.executeUpdate());
            }
            other.commit();
            Api.Reply r = waiting.get(30, TimeUnit.SECONDS);
            assertEquals(201, r.status(), r.body());
            assertEquals("{\"id\":424242}", r.body());
            assertEquals("http://elsewhere/api/expenses/424242", r.header("Location"));
            assertEquals("true", r.header("Idempotent-Replayed"));
        }
        assertEquals(before, costs(), "the other node's write is the one; this request wrote nothing");
    }

    @Test
    void aKeyHeldLongerThanTheWaitIs409WithRetryAfter() throws Exception {
        String key = key();
        String path = budget.phase("expenses");
        String body = cost("IDEM-W3", "23.00");
        long before = costs();
        try (Management server = Management.itServer()) {
            server.systemProperty("iop.idempotency.waitSeconds", "1");
            try (Connection other = holding(key, path, body)) {
                long start = System.nanoTime();
                Api.Reply r = post(FINANCE, path, body, key);
                assertProblem(r, 409, KEY);
                assertEquals("1", r.header("Retry-After"));
                assertTrue(System.nanoTime() - start >= Duration.ofMillis(900).toNanos(), "did not wait");
                other.rollback();
            } finally {
                server.systemProperty("iop.idempotency.waitSeconds", null);
            }
        }
        assertEquals(before, costs());
        assertEquals(201, post(FINANCE, path, body, key).status(), "sent again, it is done");
        assertEquals(before + 1, costs());
    }

    @Test
    void aKeyOlderThan24HoursIsGoneThoughNotYetCleanedUp() throws Exception {
        String key = key();
        String path = budget.phase("expenses");
        long before = costs();
        try (Connection c = ItDatabase.database().connect(); PreparedStatement ps = c.prepareStatement("insert into"
                + " idempotency_key (account_id, idem_key, request_hash, method, path, created, status, headers, body)"
                + " select id, ?, ?, 'POST', '/elsewhere', now() - interval '25 hours', 201, '', '{}'::bytea"
                + " from account where username = 'ekonom'")) {
            ps.setString(1, key);
            ps.setBytes(2, hash("elsewhere", "{}"));
            assertEquals(1, ps.executeUpdate());
        }
        Api.Reply r = post(FINANCE, path, cost("IDEM-E1", "24.00"), key);
        assertEquals(201, r.status(), r.body());
        assertNull(r.header("Idempotent-Replayed"));
        assertEquals(before + 1, costs());
        assertEquals(1, Rows.count("select count(*) from idempotency_key where idem_key = ? and path = ?"
                + " and created > now() - interval '1 hour'", key, "/" + path));
    }

    @Test
    void aLandlordSendWithAKeyIsMailedOnceAfterItsCommit() throws Exception {
        Smtp.server();
        String email = LandlordFixtures.email("idempotent");
        JsonObject landlord = LandlordFixtures.company(email);
        JsonObject p = LandlordFixtures.publishedPacket(se.iop.it.Fixtures.unique("IT Idempotent utskick"));
        String path = "api/packets/" + id(p) + "/versions/1/sends";
        String body = LandlordFixtures.to(id(landlord)).build().toString();
        String key = key();
        Api.Reply accepted = post(ADMIN, path, body, key);
        assertEquals(202, accepted.status(), accepted.body());
        long sendId = accepted.json().getJsonNumber("sendId").longValue();
        // the background mailing found the deliveries: it started after the commit of the request's one transaction
        assertEquals(1, Smtp.await(email, 1, Duration.ofSeconds(30)).size());
        Api.Reply again = post(ADMIN, path, body, key);
        assertEquals(accepted.body(), again.body());
        assertTrue(accepted.header("Location").endsWith("/api/sends/" + sendId), accepted.header("Location"));
        assertEquals(accepted.header("Location"), again.header("Location"));
        Smtp.sleep(500);
        assertEquals(1, Smtp.to(email).size(), "sent again with its key, nothing is mailed again");
    }

    @Test
    void anAnswerHoldingASecretIsNotKept() {
        long accountId = Rows.count("select id from account where username = 'ekonom'");
        String key = key();
        String body = "{\"name\": \"" + se.iop.it.Fixtures.unique("IT idempotent") + "\"}";
        Api.Reply issued = post(ADMIN, "api/accounts/" + accountId + "/tokens", body, key);
        assertEquals(201, issued.status(), issued.body());
        String secret = issued.json().getString("secret");
        // the key is kept (a retry makes no second token), its answer is not
        assertEquals(1, Rows.count("select count(*) from idempotency_key where idem_key = ? and withheld and body is null"
                + " and headers is null", key));
        long tokens = Rows.count("select count(*) from api_token where account_id = ?", accountId);
        JsonObject p = assertProblem(post(ADMIN, "api/accounts/" + accountId + "/tokens", body, key), 409, KEY);
        assertFalse(p.toString().contains(secret));
        assertEquals(tokens, Rows.count("select count(*) from api_token where account_id = ?", accountId));
    }

    /**
     * What a key costs a POST, measured, never asserted: {@code -Diop.idempotency.measure=300} books that many costs
     * and plans that many payments with and without a key, in turns, with an API token (HTTP Basic's password check
     * would drown it), and prints the medians and 90th percentiles. A cost's answer is read by a second service call
     * (two transactions without a key, one with it); a payment's comes from its one call.
     */
    @Test
    void measureTheCostOfAKey() {
        int n = Integer.getInteger("iop.idempotency.measure", 0);
        assumeTrue(n > 0, "measured only with -Diop.idempotency.measure=<requests>");
        measure("cost bookings", n, FINANCE, budget.phase("expenses"), i -> cost("M-" + i, "1.00"));
        measure("payment plans", n, FINANCE, budget.phase("disbursements"), i -> payment("M-" + i, "1.00"));
    }

    private static void measure(String what, int n, Api as, String path, java.util.function.Function<String, String> body) {
        long[] plain = new long[n];
        long[] keyed = new long[n];
        for (int i = -50; i < n; i++) {
            long t0 = System.nanoTime();
            assertEquals(201, as.post(path, body.apply("P" + i)).status());
            long t1 = System.nanoTime();
            assertEquals(201, post(as, path, body.apply("K" + i), key()).status());
            long t2 = System.nanoTime();
            if (i >= 0) {
                plain[i] = t1 - t0;
                keyed[i] = t2 - t1;
            }
        }
        Arrays.sort(plain);
        Arrays.sort(keyed);
        System.out.printf("Idempotency-Key cost over %d %s each: without median %.2f ms p90 %.2f ms;"
                        + " with median %.2f ms p90 %.2f ms%n", n, what, plain[n / 2] / 1e6, plain[n * 9 / 10] / 1e6,
                keyed[n / 2] / 1e6, keyed[n * 9 / 10] / 1e6);
    }
}
