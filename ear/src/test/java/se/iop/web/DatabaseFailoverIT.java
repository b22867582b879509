package se.iop.web;

import jakarta.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.iop.it.Api;
import se.iop.it.ItDatabase;
import se.iop.it.Node;
import se.iop.it.ReplicatedPostgres;
import se.iop.it.ServerLog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The database fails over under write load: a primary PostgreSQL and a synchronous streaming standby
 * ({@link ReplicatedPostgres}, the machine's own server binaries), a node of its own ({@link Node}) whose
 * datasource has both in its URL ({@code targetServerType=primary}). Writers book costs through the API; the
 * primary stops at once (as in a crash), the standby is promoted, and writes go on against it without WildFly
 * being restarted; every cost the API acknowledged (201) is in the promoted database exactly once, and while
 * there was no primary every refused write was a 503 with Retry-After. A write answered 503 may still have been
 * committed (its commit reached the standby, its answer never came back from the primary): the figures count
 * those. Skipped, saying why, on a machine without PostgreSQL's server binaries. {@code -Diop.it.pgPort=P} puts
 * the servers on P and P + 1 (else two free ports), {@code -Diop.it.failover.portOffset} the node (else the
 * tests' offset + 10), {@code -Diop.it.keepNode=true} keeps the node's folder (its log) after a pass too.
 */
class DatabaseFailoverIT {

    private static final int WRITERS = 4;
    /** What a failover manager takes to notice the primary is gone and promote the standby. */
    private static final long PROMOTE_AFTER_MS = 2_000;
    private static final long RESUME_WITHIN_MS = 60_000;
    private static final String ADMIN_PASSWORD = "failover-admin-password";

    @BeforeAll
    static void serverBinariesPresent() {
        String missing = ReplicatedPostgres.missing();
        assumeTrue(missing == null, () -> "DatabaseFailoverIT skipped: " + missing);
    }

    /** One write as the client saw it: sent at, answered at (ms since the test's start), the voucher, its answer. */
    private record Attempt(String voucher, long sentMs, long answeredMs, String outcome, long id) {
        boolean acknowledged() {
            return id > 0;
        }
    }

    @Test
    void writesGoOnAfterThePrimaryStopsAndTheStandbyIsPromotedAndNoAcknowledgedWriteIsLost() throws Exception {
        int[] ports = postgresPorts();
        int offset = Integer.getInteger("iop.it.failover.portOffset", Integer.getInteger("iop.it.portOffset", 0) + 10);
        long begun = System.nanoTime();
        try (ReplicatedPostgres pg = ReplicatedPostgres.start(Path.of("target", "failover-pg"), ports[0], ports[1], true)) {
            System.out.printf("Primary and standby ready in %.1f s%n", (System.nanoTime() - begun) / 1e9);
            try (Connection c = pg.connect(pg.primaryPort(), "postgres"); Statement s = c.createStatement()) {
                s.execute("create role iop login password 'iop'");
                s.execute("create database iop owner iop encoding 'UTF8' template template0");
            }
            Node node = Node.named("failover").portOffset(offset)
                    .property("iop.db.url", pg.jdbcUrl("iop")).property("iop.db.user", "iop").property("iop.db.password", "iop")
                    .property("iop.admin.password", ADMIN_PASSWORD).property("iop.demo", "true")
                    .property("iop.password.iterations", ItDatabase.PASSWORD_ITERATIONS)
                    .start();
            System.out.printf("Node ready in %.1f s (from the start)%n", (System.nanoTime() - begun) / 1e9);
            boolean passed = false;
            try {
                failOver(pg, node);
                passed = true;
            } finally {
                node.stop();
                if (passed && !Boolean.getBoolean("iop.it.keepNode")) {
                    node.delete();
                } else {
                    System.out.println("The node's log is kept: " + node.log().toAbsolutePath());
                }
            }
        }
    }

    private void failOver(ReplicatedPostgres pg, Node node) throws Exception {
        long javaPid = node.pid();
        long phaseId;
        long lineId;
        LocalDate spentOn;
        long financeId;
        try (Connection c = pg.connect(pg.primaryPort(), "iop"); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("select p.id, l.id, p.start_date from phase p join budget_line l on l.phase_id = p.id"
                    + " order by p.id, l.id limit 1");
            assertTrue(rs.next(), "the demo has a phase with a budget line");
            phaseId = rs.getLong(1);
            lineId = rs.getLong(2);
            spentOn = rs.getDate(3).toLocalDate();
            rs = s.executeQuery("select id from account where username = 'ekonom'");
            assertTrue(rs.next());
            financeId = rs.getLong(1);
        }
        // Finance's writes with an API token: no password hash per request to crowd the two cores.
        Api.Reply issued = Api.as("admin", ADMIN_PASSWORD).at(node.base()).post("api/accounts/" + financeId + "/tokens",
                "{\"name\": \"failover\", \"scope\": \"ACCOUNT_ROLES\"}");
        assertEquals(201, issued.status(), issued.body());
        Api finance = Api.bearer(issued.json().getString("secret")).at(node.base());

        long t0 = System.nanoTime();
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            Thread t = new Thread(() -> {
                for (int n = 0; writing.get(); n++) {
                    String voucher = "FO-" + writer + "-" + n;
                    String body = Json.createObjectBuilder().add("lineId", lineId).add("spentOn", spentOn.toString())
                            .add("amount", new BigDecimal("1.00")).add("description", "Failover " + voucher)
                            .add("voucher", voucher).build().toString();
                    long sent = ms(t0);
                    Attempt a;
                    try {
                        Api.Reply r = finance.post("api/phases/" + phaseId + "/expenses", body);
                        long id = r.status() == 201 ? r.json().getJsonNumber("id").longValue() : 0;
                        a = new Attempt(voucher, sent, ms(t0), outcome(r), id);
                    } catch (UncheckedIOException e) {
                        a = new Attempt(voucher, sent, ms(t0), e.getCause() instanceof HttpTimeoutException
                                ? "no answer in 30 s" : e.getCause().getClass().getSimpleName(), 0);
                    }
                    attempts.add(a);
                    if (!a.acknowledged()) {
                        pause(100);
                    }
                }
            }, "failover-writer-" + w);
            t.start();
            writers.add(t);
        }

        awaitAcknowledged(attempts, 40, 20_000);
        ServerLog log = ServerLog.marked(node.log());
        pg.stopPrimary();
        long stoppedMs = ms(t0);
        pause(PROMOTE_AFTER_MS);
        pg.promoteStandby();
        long promotedMs = ms(t0);
        long resumedMs = -1;
        while (ms(t0) - stoppedMs < RESUME_WITHIN_MS) {
            resumedMs = attempts.stream().filter(a -> a.acknowledged() && a.sentMs() > stoppedMs)
                    .mapToLong(Attempt::answeredMs).min().orElse(-1);
            if (resumedMs >= 0) {
                break;
            }
            pause(50);
        }
        if (resumedMs >= 0) {
            long after = resumedMs;
            awaitAcknowledgedAfter(attempts, after, 40, 10_000);
        }
        writing.set(false);
        for (Thread t : writers) {
            t.join(TimeUnit.SECONDS.toMillis(40));
        }

        // What the promoted database holds of the test's vouchers.
        Map<String, List<Long>> stored = new HashMap<>();
        try (Connection c = pg.connect(pg.standbyPort(), "iop"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select voucher, id from expense where voucher like 'FO-%'")) {
            while (rs.next()) {
                stored.computeIfAbsent(rs.getString(1), v -> new ArrayList<>()).add(rs.getLong(2));
            }
        }
        List<Attempt> all = new ArrayList<>(attempts);
        List<Attempt> acknowledged = all.stream().filter(Attempt::acknowledged).toList();
        List<String> lost = new ArrayList<>();
        for (Attempt a : acknowledged) {
            if (!List.of(a.id()).equals(stored.get(a.voucher()))) {
                lost.add(a.voucher() + " (id " + a.id() + ", stored " + stored.get(a.voucher()) + ")");
            }
        }
        Map<String, LongAdder> failures = new TreeMap<>();
        all.stream().filter(a -> !a.acknowledged())
                .forEach(a -> failures.computeIfAbsent(a.outcome(), k -> new LongAdder()).increment());
        long unacknowledgedButStored = all.stream().filter(a -> !a.acknowledged() && stored.containsKey(a.voucher())).count();
        System.out.printf("Failover: %d writers; attempted %d, acknowledged %d (%d before the stop), found %d of them"
                        + " exactly once in the promoted database; failures by kind %s (%d of them stored nonetheless);"
                        + " primary stopped at %.1f s, standby promoted %.1f s later, writes resumed %.1f s after the stop"
                        + " (%.1f s after the promotion)%n",
                WRITERS, all.size(), acknowledged.size(), acknowledged.stream().filter(a -> a.answeredMs() <= stoppedMs).count(),
                acknowledged.size() - lost.size(), failures, unacknowledgedButStored, stoppedMs / 1000.0,
                (promotedMs - stoppedMs) / 1000.0, (resumedMs - stoppedMs) / 1000.0, (resumedMs - promotedMs) / 1000.0);

        List<ServerLog.Entry> errors = log.sinceMark().stream()
                .filter(e -> e.level().equals("ERROR") || e.level().equals("SEVERE")).toList();
        System.out.println("Failover: the node logged " + errors.size() + " errors" + (errors.isEmpty() ? "" : ", the first: " + errors.get(0)));

        assertTrue(resumedMs >= 0, "writes did not resume within " + RESUME_WITHIN_MS / 1000 + " s of the stop; "
                + "failures " + failures + "; the node's log:\n" + node.tail(60));
        assertTrue(lost.isEmpty(), "acknowledged but not in the promoted database exactly once: " + lost);
        // While there is no primary, the database is away: 503 with Retry-After and nothing else (never a 404 for a
        // read that failed, nor a 500), and nothing a request did logged as an error.
        assertEquals(List.of(), failures.keySet().stream().filter(k -> !k.equals("503 Retry-After 30")).toList(),
                "failures by kind " + failures);
        assertEquals(List.of(), errors.stream().filter(ServerLog.Entry::ofRequest).toList());
        assertTrue(node.alive() && node.pid() == javaPid && node.starts() == 1,
                "the node was restarted or reloaded: pid " + javaPid + " → " + node.pid() + ", starts " + node.starts());
        Api.Reply ready = Api.anonymous().at(node.base()).get("api/health/ready");
        assertEquals(200, ready.status(), ready.body());
    }

    /** The answer's kind: its status, with Retry-After when given; a 500's problem title too, which says what failed. */
    private static String outcome(Api.Reply r) {
        if (r.status() == 201) {
            return "201";
        }
        String retry = r.header("Retry-After");
        String kind = r.status() + (retry == null ? "" : " Retry-After " + retry);
        if (r.status() != 503) {
            System.out.println("Failover: an answer other than 201 or 503: " + r);
        }
        return kind;
    }

    private static void awaitAcknowledged(ConcurrentLinkedQueue<Attempt> attempts, int count, long withinMs) {
        awaitAcknowledgedAfter(attempts, -1, count, withinMs);
    }

    private static void awaitAcknowledgedAfter(ConcurrentLinkedQueue<Attempt> attempts, long afterMs, int count, long withinMs) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(withinMs);
        while (attempts.stream().filter(a -> a.acknowledged() && a.sentMs() > afterMs).count() < count) {
            assertTrue(System.nanoTime() < deadline, "fewer than " + count + " writes acknowledged in " + withinMs
                    + " ms: " + attempts.stream().filter(a -> !a.acknowledged()).limit(5).toList());
            pause(20);
        }
    }

    /** Two ports for the servers: -Diop.it.pgPort and the next one, or two the system finds free. */
    private static int[] postgresPorts() throws IOException {
        Integer first = Integer.getInteger("iop.it.pgPort");
        if (first != null) {
            return new int[]{first, first + 1};
        }
        try (ServerSocket a = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
             ServerSocket b = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return new int[]{a.getLocalPort(), b.getLocalPort()};
        }
    }

    private static long ms(long t0) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
