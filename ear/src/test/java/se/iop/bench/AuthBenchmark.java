package se.iop.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import se.iop.budget.boundary.BudgetSummaries;
import se.iop.common.NamedSql;
import se.iop.bench.Throughput.Client;
import se.iop.bench.Throughput.Mode;
import se.iop.bench.Throughput.Rate;
import se.iop.it.Keycloak;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * What an authenticated request costs (issue 10 §4), run by bench/auth.sh: on the budget benchmark's data
 * ({@link BudgetData}), the budget summary's throughput with {@value #CLIENTS} concurrent clients authenticated by
 * (a) a session cookie, (b) an API token, (c) a provider's access token (a real Keycloak's client-credentials
 * token), and (d) the summary's own SQL run straight over JDBC by {@value #CLIENTS} threads: the ceiling the
 * database sets. Each mode is warmed up, then measured for a fixed time in rounds taken in turn. Prints requests/s, the ratios against
 * the targets ((b) and (c) at least 80 % of (a), (a) at least 50 % of (d)) and the machine's load average;
 * exits 1 when a target is missed.
 */
public final class AuthBenchmark {

    static final int CLIENTS = 8;
    static final int ROUNDS = 10;
    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("iop.bench.warmUpSeconds", 15));
    private static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("iop.bench.seconds", 20));
    private static final String FINANCE = "ekonom";
    private static final String DEMO_PASSWORD = "bostadforst";
    private static final String IDENTITY_KEY = "bench-identity-key-0123456789abcdef-0123456789";
    /** Keycloak's realm iop-staff as a provider; not named "staff", which the demo links its own users at. */
    private static final String PROVIDER = "kommun";

    /** The provider's access token the (c) clients send (fetched anew before each of their rounds). */
    private static final AtomicReference<String> ACCESS_TOKEN = new AtomicReference<>();

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        String database = System.getProperty("iop.bench.database", "iop_bench");
        System.setProperty("iop.it.httpPort", Integer.toString(BenchServer.base().getPort()));
        System.out.println("Starting Keycloak on port " + Keycloak.PORT + " (its first start builds itself, ~1 min)…");
        Keycloak.start();
        Map<String, String> providers = new LinkedHashMap<>();
        providers.put("iop.identity.key", IDENTITY_KEY);
        providers.put("iop.oidc.providers", PROVIDER);
        providers.put("iop.oidc." + PROVIDER + ".issuer", Keycloak.issuer(Keycloak.STAFF).toString());
        providers.put("iop.oidc." + PROVIDER + ".client.id", Keycloak.CLIENT);
        providers.put("iop.oidc." + PROVIDER + ".client.secret", Keycloak.STAFF_SECRET);
        providers.put("iop.oidc." + PROVIDER + ".audience", Keycloak.API_AUDIENCE);
        System.out.println("Starting WildFly (a copy of its own, port offset " + BenchServer.PORT_OFFSET
                + ") with a fresh database (" + database + ")…");
        boolean met;
        try (BenchServer server = BenchServer.start(root, database, providers)) {
            BudgetData data = BudgetData.fill(server);
            System.out.println("Auth benchmark: " + data + "; " + CLIENTS + " clients per mode, "
                    + WARM_UP.toSeconds() + " s warm-up each, " + MEASURE.toSeconds() + " s measured each in " + ROUNDS + " rounds");
            String summary = "api/budgets/" + data.read();
            long account = account(server);
            String token = apiToken(account);
            link(account);

            // The provider's access token is fetched anew before each round of (c), so it never expires in a long run.
            Runnable freshAccessToken = () -> ACCESS_TOKEN.set(accessToken());
            // The (c) clients make their first call as they are made, before any round: they need one already.
            freshAccessToken.run();
            List<Mode> modes = List.of(
                    new Mode("(a) session cookie", Mode.clients(CLIENTS, i -> sessionClient(summary))),
                    new Mode("(b) API token", Mode.clients(CLIENTS, i -> bearerClient(summary, () -> token))),
                    new Mode("(c) OIDC access token", Mode.clients(CLIENTS, i -> bearerClient(summary, ACCESS_TOKEN::get)),
                            freshAccessToken),
                    new Mode("(d) summary SQL over JDBC", Mode.clients(CLIENTS, i -> jdbcClient(server, data.read()))));
            List<Rate> rates = Throughput.measure(modes, WARM_UP, MEASURE, ROUNDS);
            met = report(rates);
        }
        System.exit(met ? 0 : 1);
    }

    private static boolean report(List<Rate> rates) {
        System.out.println();
        System.out.println("Budget summary throughput, " + CLIENTS + " concurrent clients:");
        rates.forEach(r -> System.out.println(r.line()));
        double a = rates.get(0).perSecond();
        boolean b = Throughput.atLeast("(b) / (a)", rates.get(1).perSecond(), a, 0.8);
        boolean c = Throughput.atLeast("(c) / (a)", rates.get(2).perSecond(), a, 0.8);
        boolean d = Throughput.atLeast("(a) / (d)", a, rates.get(3).perSecond(), 0.5);
        System.out.println("Load average (1, 5, 15 min) at the end: " + BenchServer.loadAverage()
                + " on " + Runtime.getRuntime().availableProcessors() + " cores");
        return b && c && d;
    }

    private static String accessToken() {
        try {
            return Keycloak.clientToken(Keycloak.STAFF, Keycloak.STATS, Keycloak.STATS_SECRET);
        } catch (Exception e) {
            throw new IllegalStateException("no access token from Keycloak", e);
        }
    }

    // --- the clients ---------------------------------------------------------------------------------

    /** (a) A client that logged in once with its password (HTTP Basic) and then sends its session cookie. */
    private static Client sessionClient(String path) {
        KeepAlive http = new KeepAlive(BenchServer.base());
        try {
            KeepAlive.Reply login = expect(http.get(path, "Authorization: " + basic(FINANCE, DEMO_PASSWORD)), path);
            if (login.session() == null) {
                throw new IllegalStateException("no session cookie after the Basic login");
            }
            String cookie = "Cookie: " + login.session();
            return client(http, path, () -> cookie);
        } catch (Exception e) {
            http.close();
            throw new IllegalStateException(e);
        }
    }

    /** (b) and (c) A client sending a bearer token on every request, without a session. */
    private static Client bearerClient(String path, Supplier<String> token) {
        KeepAlive http = new KeepAlive(BenchServer.base());
        try {
            KeepAlive.Reply first = expect(http.get(path, "Authorization: Bearer " + token.get()), path);
            if (first.session() != null) {
                throw new IllegalStateException("a bearer token made a session");
            }
        } catch (Exception e) {
            http.close();
            throw new IllegalStateException(e);
        }
        return client(http, path, () -> "Authorization: Bearer " + token.get());
    }

    private static Client client(KeepAlive http, String path, Supplier<String> header) {
        return new Client() {
            @Override
            public void call() throws Exception {
                expect(http.get(path, header.get()), path);
            }

            @Override
            public void close() {
                http.close();
            }
        };
    }

    private static KeepAlive.Reply expect(KeepAlive.Reply r, String path) {
        if (r.status() != 200 || !r.body().startsWith("{")) {
            throw new IllegalStateException(path + " answered " + r.status() + ": " + r.body());
        }
        return r;
    }

    /**
     * (d) The statement the summary makes (its visibility check inside), straight over JDBC on a connection of its
     * own, prepared once, in a transaction as the service runs it, every row read. Bound as for the finance user:
     * it sees every agreement.
     */
    private static Client jdbcClient(BenchServer server, long agreement) {
        try {
            Connection c = server.database().connect();
            c.setAutoCommit(false);
            Map<String, Object> values = Map.of("a", agreement, "everything", true, "own", -1L);
            NamedSql statement = NamedSql.of(BudgetSummaries.SQL);
            PreparedStatement summary = c.prepareStatement(statement.jdbc());
            return new Client() {
                @Override
                public void call() throws Exception {
                    statement.bind(summary, values);
                    int rows = 0;
                    try (ResultSet rs = summary.executeQuery()) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int i = 1; i <= columns; i++) {
                                rs.getObject(i);
                            }
                            rows++;
                        }
                    }
                    c.commit();
                    if (rows == 0) {
                        throw new IllegalStateException("agreement " + agreement + " not found");
                    }
                }

                @Override
                public void close() {
                    try {
                        c.close();
                    } catch (java.sql.SQLException ignored) {
                        // closing anyway
                    }
                }
            };
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- set-up through the API, as an administrator -------------------------------------------------------

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** The finance account's id (the API has no list of accounts). */
    private static long account(BenchServer server) throws Exception {
        try (Connection c = server.database().connect();
             PreparedStatement ps = c.prepareStatement("select id from account where username = ?")) {
            ps.setString(1, FINANCE);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no account " + FINANCE + " in the demo");
                }
                return rs.getLong(1);
            }
        }
    }

    /** An API token of the finance account (its roles). */
    private static String apiToken(long account) throws Exception {
        return json(send("POST", "api/accounts/" + account + "/tokens",
                "{\"name\": \"auth benchmark " + System.currentTimeMillis() + "\", \"scope\": \"ACCOUNT_ROLES\"}",
                admin(), 201)).getString("secret");
    }

    /** Links Keycloak's machine client iop-stats (its service account) to the finance account. */
    private static void link(long account) throws Exception {
        String subject = Keycloak.userId(Keycloak.STAFF, "service-account-" + Keycloak.STATS);
        send("POST", "api/accounts/" + account + "/identities",
                "{\"provider\": \"" + PROVIDER + "\", \"subject\": \"" + subject + "\"}", admin(), 201);
    }

    private static String admin() {
        return basic("admin", BenchServer.ADMIN_PASSWORD);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String send(String method, String path, String json, String authorization, int expected) throws Exception {
        URI uri = BenchServer.base().resolve(path);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Authorization", authorization)
                .header("Accept", "application/json");
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
