package se.iop.bench;

import se.iop.it.Management;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 14's flood, measured: anonymous requests from loopback (16 connections, as in the report:
 * protected pages with a long query string, the login page, static resources, the API without a login)
 * while one logged-in user times the login page and the budget summary. Bounded in count and in time,
 * it stops by itself. Prints requests sent, sessions and heap before, during (the most seen) and after,
 * and the logged-in user's median and p95 during the flood. Run it with bench/flood.sh.
 */
public final class FloodBenchmark {

    private static final int CONNECTIONS = Integer.getInteger("iop.bench.connections", 16);
    private static final long MAX_REQUESTS = Long.getLong("iop.bench.requests", 300_000);
    private static final Duration MAX_TIME = Duration.ofSeconds(Long.getLong("iop.bench.seconds", 60));
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");

    private FloodBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        System.out.println("Starting a copy of WildFly (port offset " + BenchServer.PORT_OFFSET
                + ", heap 512 MB as in the report) with a fresh demo database (iop_bench_flood)…");
        try (BenchServer server = BenchServer.start(root, "iop_bench_flood", "-Xms512m -Xmx512m");
             Management management = Management.connect(BenchServer.managementPort())) {
            HttpClient user = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
            login(user, "ekonom", "bostadforst");
            long agreement = firstAgreement(user);
            String summary = "api/budgets/" + agreement;
            for (int i = 0; i < 200; i++) { // warm up both paths the user takes
                expect(user, "login.xhtml", 200);
                expect(user, summary, 200);
            }

            management.collectGarbage();
            int sessionsBefore = management.activeSessions();
            long heapBefore = management.heapUsed();
            System.out.printf(Locale.ROOT, "Before:  %d sessions, heap %d MB (after a GC)%n", sessionsBefore, heapBefore >> 20);

            // The flood, in its own threads; it stops at MAX_REQUESTS or MAX_TIME, whichever comes first.
            HttpClient anonymous = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
            String longQuery = "q=" + "x".repeat(2_000);
            List<String> paths = List.of("agreements/list.xhtml?" + longQuery + "&n=", "agreements/list.xhtml?" + longQuery
                    + "&n=", "budget/view.xhtml?id=", "login.xhtml?n=", "resources/css/iop.css?n=", "api/agreements?n=",
                    "agreements/list.xhtml?" + "y".repeat(5_000) + "&n=");
            AtomicLong sent = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            ConcurrentHashMap<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
            LongAdder errors = new LongAdder();
            long deadline = System.nanoTime() + MAX_TIME.toNanos();
            ExecutorService flood = Executors.newFixedThreadPool(CONNECTIONS);
            long floodStart = System.nanoTime();
            for (int t = 0; t < CONNECTIONS; t++) {
                flood.submit(() -> {
                    for (long n = sent.getAndIncrement(); n < MAX_REQUESTS && !stop.get() && System.nanoTime() < deadline;
                         n = sent.getAndIncrement()) {
                        try {
                            HttpResponse<Void> r = anonymous.send(HttpRequest.newBuilder(BenchServer.base()
                                    .resolve(paths.get((int) (n % paths.size())) + n)).timeout(Duration.ofSeconds(30)).build(),
                                    HttpResponse.BodyHandlers.discarding());
                            statuses.computeIfAbsent(r.statusCode(), k -> new LongAdder()).increment();
                        } catch (Exception e) {
                            errors.increment();
                        }
                    }
                    return null;
                });
            }
            flood.shutdown();

            // Meanwhile the logged-in user works, and the server's sessions and heap are sampled.
            List<Double> loginPage = new CopyOnWriteArrayList<>();
            List<Double> budget = new CopyOnWriteArrayList<>();
            int sessionsDuring = sessionsBefore;
            long heapDuring = heapBefore;
            long nextSample = 0;
            while (!flood.isTerminated()) {
                loginPage.add(time(user, "login.xhtml"));
                budget.add(time(user, summary));
                if (System.nanoTime() > nextSample) {
                    sessionsDuring = Math.max(sessionsDuring, management.activeSessions());
                    heapDuring = Math.max(heapDuring, management.heapUsed());
                    nextSample = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
                }
                Thread.sleep(20);
            }
            double floodSeconds = (System.nanoTime() - floodStart) / 1e9;
            long requests = statuses.values().stream().mapToLong(LongAdder::sum).sum() + errors.sum();

            Thread.sleep(2_000);
            management.collectGarbage();
            int sessionsAfter = management.activeSessions();
            long heapAfter = management.heapUsed();

            System.out.printf(Locale.ROOT, "Flood:   %,d anonymous requests in %.1f s (%,.0f/s) over %d connections from 127.0.0.1;"
                    + " answers %s, %d failed%n", requests, floodSeconds, requests / floodSeconds, CONNECTIONS,
                    new java.util.TreeMap<>(statuses), errors.sum());
            System.out.printf(Locale.ROOT, "Sessions before %d, during (most seen) %d, after %d%n",
                    sessionsBefore, sessionsDuring, sessionsAfter);
            System.out.printf(Locale.ROOT, "Heap     before %d MB, during (most seen) %d MB, after %d MB (after a GC)%n",
                    heapBefore >> 20, heapDuring >> 20, heapAfter >> 20);
            report("login page, during the flood   ", loginPage);
            report("budget summary, during the flood", budget);
            boolean alive = expect(user, summary, 200) != null;
            System.out.println("The logged-in user's session still works after the flood: " + (alive ? "yes" : "no"));
        }
    }

    private static void report(String what, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        double median = sorted.get(sorted.size() / 2);
        double p95 = sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
        System.out.printf(Locale.ROOT, "%s median %6.1f ms, p95 %6.1f ms over %d calls (target p95 < 500 ms) %s%n",
                what, median, p95, sorted.size(), p95 < 500 ? "OK" : "MISSED");
    }

    private static double time(HttpClient client, String path) throws Exception {
        long start = System.nanoTime();
        expect(client, path, 200);
        return (System.nanoTime() - start) / 1e6;
    }

    private static String expect(HttpClient client, String path, int status) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(BenchServer.base().resolve(path))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != status) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /** Logs in through the login form, as a browser does; the client keeps the session cookie. */
    private static void login(HttpClient client, String user, String password) throws Exception {
        Matcher m = VIEW_STATE.matcher(expect(client, "login.xhtml", 200));
        if (!m.find()) {
            throw new IllegalStateException("no view state on the login page");
        }
        String form = "login=login&login%3Ausername=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&login%3Apassword=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&login%3Asubmit=&jakarta.faces.ViewState=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(BenchServer.base().resolve("login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 302) {
            throw new IllegalStateException("the login failed: " + r.statusCode());
        }
    }

    /** The first agreement of the demo that has a budget summary. */
    private static long firstAgreement(HttpClient client) throws Exception {
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(expect(client, "api/agreements", 200));
        while (m.find()) {
            long id = Long.parseLong(m.group(1));
            HttpResponse<Void> r = client.send(HttpRequest.newBuilder(BenchServer.base().resolve("api/budgets/" + id)).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() == 200) {
                return id;
            }
        }
        throw new IllegalStateException("no agreement with a budget in the demo");
    }
}
