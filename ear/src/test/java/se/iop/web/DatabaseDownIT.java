package se.iop.web;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.iop.it.Api;
import se.iop.it.Deployments;
import se.iop.it.ItDatabase;
import se.iop.it.Management;
import se.iop.it.ServerLog;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Problems.assertProblem;

/**
 * PostgreSQL away: the shared server keeps running; only the application's database stops taking
 * connections ({@code ALLOW_CONNECTIONS false}) and its open connections are ended, as when the database
 * goes down. The API answers 503 problem details with Retry-After, a page the friendly "try again" page
 * with 503, the readiness check DOWN naming the database; once it is back, everything works again with no
 * restart (the pool validates the connections it hands out and drops the dead ones).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DatabaseDownIT {

    private static final Api ADMIN = Api.admin();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    /** A browser-like client: logged in once (HTTP Basic on the API), then the session cookie. */
    private final HttpClient session = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(10)).build();

    private HttpResponse<String> get(URI uri, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return session.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static URI app(String path) {
        return Api.base().resolve(path);
    }

    /** Public: asked without the session. */
    private static URI ready() {
        return app("api/health/ready");
    }

    @Test
    void withTheDatabaseAwayTheApiAndPagesSayTryAgainAndAllWorksWhenItIsBack() throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + ItDatabase.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(200, get(app("api/agreements"), "Authorization", basic).statusCode());
        assertWorks();

        ServerLog log = ServerLog.marked();
        try {
            takeDatabaseAway();

            // The API, by password (the accounts cannot be read) and by the session (the service cannot read).
            Api.Reply byPassword = ADMIN.get("api/agreements");
            assertProblem(byPassword, 503, null);
            assertEquals("30", byPassword.header("Retry-After"));
            HttpResponse<String> bySession = get(app("api/agreements"));
            assertEquals(503, bySession.statusCode(), bySession.body());
            assertTrue(bySession.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertEquals("30", bySession.headers().firstValue("Retry-After").orElse(null));
            assertTrue(bySession.body().contains("try again"), bySession.body());

            // A page: the friendly page, in Swedish (the default language), with 503 and Retry-After.
            HttpResponse<String> page = get(app("agreements/list.xhtml"));
            assertEquals(503, page.statusCode(), page.body());
            assertTrue(page.body().contains("försök igen om en stund"), page.body());
            assertEquals("30", page.headers().firstValue("Retry-After").orElse(null));

            HttpResponse<String> readiness = HttpClient.newHttpClient().send(HttpRequest.newBuilder(ready()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(503, readiness.statusCode(), readiness.body());
            assertEquals("30", readiness.headers().firstValue("Retry-After").orElse(null));
            assertTrue(readiness.body().matches("(?s).*\"name\"\\s*:\\s*\"database\"\\s*,\\s*\"status\"\\s*:\\s*\"DOWN\".*"),
                    readiness.body());
        } finally {
            bringDatabaseBack();
        }
        // An outage is no defect of the requests: nothing they did is logged as an error.
        List<ServerLog.Entry> errors = log.sinceMark().stream().filter(ServerLog.Entry::ofRequest)
                .filter(e -> e.level().equals("ERROR") || e.level().equals("SEVERE")).toList();
        assertTrue(errors.isEmpty(), errors.toString());

        // Back, with no restart: the first requests already work.
        try {
            assertWorks();
            assertEquals(200, ADMIN.get("api/agreements").status());
        } finally {
            // Idle connections ended while away may still be in the pool (those requests did not take): dropped
            // here, after the proof, rather than found and logged at WARN by whichever test comes next.
            try (Management m = Management.itServer()) {
                m.flushDatabasePool();
            }
        }
    }

    private void assertWorks() throws Exception {
        HttpResponse<String> api = get(app("api/agreements"));
        assertEquals(200, api.statusCode(), api.body());
        HttpResponse<String> page = get(app("agreements/list.xhtml"));
        assertEquals(200, page.statusCode(), page.body());
        HttpResponse<String> readiness = HttpClient.newHttpClient().send(HttpRequest.newBuilder(ready()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, readiness.statusCode(), readiness.body());
        assertTrue(readiness.body().matches("(?s).*\"name\"\\s*:\\s*\"database\"\\s*,\\s*\"status\"\\s*:\\s*\"UP\".*"),
                readiness.body());
    }

    /** No new connection to the application's database, and those open ended (from the server's postgres database). */
    private static void takeDatabaseAway() throws SQLException {
        String name = ItDatabase.database().databaseName();
        try (Connection admin = ItDatabase.database().connectAsAdmin("postgres"); Statement s = admin.createStatement()) {
            s.execute("alter database \"" + name + "\" allow_connections false");
            try (PreparedStatement ps = admin.prepareStatement(
                    "select pg_terminate_backend(pid) from pg_stat_activity where datname = ? and pid <> pg_backend_pid()")) {
                ps.setString(1, name);
                ps.executeQuery().close();
            }
            // pg_terminate_backend only signals: wait until the connections are gone.
            Instant deadline = Instant.now().plusSeconds(10);
            while (Instant.now().isBefore(deadline)) {
                try (PreparedStatement ps = admin.prepareStatement("select count(*) from pg_stat_activity where datname = ?")) {
                    ps.setString(1, name);
                    var rs = ps.executeQuery();
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
            }
        }
    }

    private static void bringDatabaseBack() throws SQLException {
        try (Connection admin = ItDatabase.database().connectAsAdmin("postgres"); Statement s = admin.createStatement()) {
            s.execute("alter database \"" + ItDatabase.database().databaseName() + "\" allow_connections true");
        }
    }
}
