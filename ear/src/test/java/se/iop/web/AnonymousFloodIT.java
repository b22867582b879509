package se.iop.web;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.iop.it.Api;
import se.iop.it.Deployments;
import se.iop.it.Management;
import se.iop.it.Rows;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Anonymous requests cannot fill the server (issue 14): no request without a login makes a session —
 * protected pages, the login page and its form, static resources, the API's 401s, missing pages, invitation
 * links that do not work and the page for a person nobody invited — as
 * the server's management model counts them; a login makes exactly one; and the page remembered for
 * after the login is only ever a path of this application.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AnonymousFloodIT {

    private static final int REQUESTS = 5_000;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern VIEW_STATE = Pattern.compile(
            "name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern RESOURCE = Pattern.compile("(/jakarta\\.faces\\.resource/[^\"]+)\"");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private static HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(Api.base().resolve(path)).timeout(Duration.ofSeconds(30));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long barrierReports() {
        return ((Number) Rows.value("select count(*) from barrier_report")).longValue();
    }

    private static HttpRequest.Builder form(String path, Map<String, String> fields, String... headers) {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest.Builder b = to(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return headers.length == 0 ? b : b.headers(headers);
    }

    private static Map<String, String> loginForm(String viewState, String user, String password, String returnTo) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("login", "login");
        form.put("login:username", user);
        form.put("login:password", password);
        form.put("login:submit", "");
        form.put("jakarta.faces.ViewState", viewState);
        if (returnTo != null) {
            form.put("returnTo", returnTo);
        }
        return form;
    }

    private static String viewState(HttpResponse<String> page) {
        Matcher m = VIEW_STATE.matcher(page.body());
        assertTrue(m.find(), "no view state in " + page.body());
        return m.group(1);
    }

    private static boolean setsSession(HttpResponse<?> r) {
        return r.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID="));
    }

    @Test
    void fiveThousandAnonymousRequestsMakeNoSessionAndALoginMakesOne() throws Exception {
        HttpResponse<String> loginPage = send(to("login.xhtml"));
        assertEquals(200, loginPage.statusCode());
        String stateless = viewState(loginPage);
        Matcher resource = RESOURCE.matcher(loginPage.body());
        assertTrue(resource.find(), "the login page links a Faces resource: " + loginPage.body());
        String facesResource = resource.group(1).substring(1).replace("&amp;", "&");
        String longQuery = "q=" + "x".repeat(3_000);
        String tooLongQuery = "q=" + "x".repeat(6_000);

        // Every kind of request an anonymous visitor (or a flood) sends, with what it must be answered.
        List<Function<Integer, HttpRequest.Builder>> kinds = List.of(
                i -> to("agreements/list.xhtml?" + longQuery + i),
                i -> to("agreements/list.xhtml?" + tooLongQuery),
                i -> to("budget/view.xhtml?id=" + i),
                i -> to("index.xhtml"),
                i -> to("login.xhtml"),
                i -> to("login.xhtml?returnTo=%2Fagreements%2Flist.xhtml%3Fq%3D" + i),
                i -> form("login.xhtml", loginForm(stateless, "ingen-sadan-" + (i % 50), "fel" + i, "/agreements/list.xhtml")),
                i -> form("organisations/list.xhtml", Map.of("jakarta.faces.partial.ajax", "true", "search", "search",
                        "jakarta.faces.ViewState", "1:" + i), "Faces-Request", "partial/ajax"),
                i -> to("resources/css/iop.css"),
                i -> to(facesResource),
                i -> to("api/agreements?max=" + (i % 50 + 1)),
                i -> to("api/agreements").header("Authorization", "Bearer x" + i),
                i -> to("api/agreements").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"x\"}")),
                i -> to("no/such/page-" + i),
                i -> to("expired.xhtml"),
                // An invitation link that does not work (any invented secret), and the page for a person nobody invited.
                i -> to("invitation.xhtml?token=" + String.format("%043d", i)),
                i -> to("unknown-person.xhtml"),
                // The public pages and their machine-readable forms: anyone may read them, and no visit keeps anything;
                // a barrier report with nothing in it is refused on its page, still without a session.
                i -> to("public/diary.xhtml?text=avtal" + i + "&page=" + (i % 3)),
                i -> to("public/register.xhtml?status=" + (i % 2 == 0 ? "ACTIVE" : "ENDED")),
                i -> to("public/accessibility.xhtml"),
                i -> form("public/accessibility.xhtml", Map.of("barrier", "barrier", "barrier:description", "",
                        "barrier:page", "", "barrier:email", "", "barrier:send", "", "jakarta.faces.ViewState", "stateless")),
                i -> to("api/public/diary?text=beslut" + i),
                i -> to("api/public/diary.csv"),
                i -> to("api/public/register"),
                i -> to("api/public/register.csv"),
                i -> to("api/public/register/outcomes.csv"));

        long barriersBefore = barrierReports();
        try (Management server = Management.itServer()) {
            int activeBefore = server.activeSessions();

            AtomicInteger sent = new AtomicInteger();
            ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    done.add(pool.submit(() -> {
                        for (int i = sent.getAndIncrement(); i < REQUESTS; i = sent.getAndIncrement()) {
                            HttpResponse<String> r = send(kinds.get(i % kinds.size()).apply(i));
                            if (setsSession(r) || r.statusCode() >= 500) {
                                wrong.add(r.request().method() + " " + r.uri() + " -> " + r.statusCode() + " " + r.headers().map());
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            assertTrue(wrong.isEmpty(), wrong.size() + " answers made a session or failed, e.g. " + wrong.peek());
            assertEquals(activeBefore, server.activeSessions(), "active sessions after " + REQUESTS + " anonymous requests");
            assertEquals(barriersBefore, barrierReports(), "the empty barrier reports were refused, none stored");

            // The flood's wrong passwords made this address wait (LoginThrottle); an hour would forget them,
            // the test forgets them now, so that this login and the tests after it are not held up.
            try (java.sql.Connection c = se.iop.it.ItDatabase.database().connect();
                 java.sql.Statement st = c.createStatement()) {
                assertTrue(st.executeUpdate("delete from login_failure where key like 'address:%'") > 0,
                        "the wrong passwords were counted for the address");
                st.executeUpdate("delete from login_failure where key like 'name:ingen-sadan-%'");
            }

            HttpResponse<String> in = send(form("login.xhtml", loginForm(stateless, "handlaggare", "bostadforst", null)));
            assertEquals(302, in.statusCode(), in.body());
            assertTrue(setsSession(in));
            assertEquals(activeBefore + 1, server.activeSessions(), "a login makes exactly one session");
        }
    }

    @Test
    void anAnonymousRequestForAPageIsSentToTheLoginPageWithThePathOnly() {
        HttpResponse<String> r = send(to("agreements/list.xhtml?q=Nyk%C3%B6ping&page=2"));
        assertEquals(302, r.statusCode());
        String location = r.headers().firstValue("Location").orElseThrow();
        assertTrue(location.endsWith("/login.xhtml?returnTo=" + URLEncoder.encode("/agreements/list.xhtml?q=Nyk%C3%B6ping&page=2",
                StandardCharsets.UTF_8)), location);
        assertFalse(setsSession(r));

        // Too long to remember: the login page then leads to the start page.
        HttpResponse<String> longer = send(to("agreements/list.xhtml?q=" + "x".repeat(400)));
        assertEquals(302, longer.statusCode());
        assertTrue(longer.headers().firstValue("Location").orElseThrow().endsWith("/login.xhtml"), longer.headers().map().toString());

        // The login page carries the remembered path in its form, and nothing it would not accept.
        HttpResponse<String> page = send(to(location.substring(location.indexOf("login.xhtml"))));
        assertTrue(page.body().contains("name=\"returnTo\" value=\"/agreements/list.xhtml?q=Nyk%C3%B6ping&amp;page=2\""), page.body());
        HttpResponse<String> evil = send(to("login.xhtml?returnTo=" + URLEncoder.encode("//evil.example/\"><script>", StandardCharsets.UTF_8)));
        assertFalse(evil.body().contains("evil.example"), evil.body());
        assertTrue(evil.body().contains("name=\"returnTo\" />"), "an empty returnTo: " + evil.body());
    }

    @Test
    void afterTheLoginOnlyAPathOfThisApplicationIsFollowed() {
        String stateless = viewState(send(to("login.xhtml")));
        String start = Api.base().resolve("index.xhtml").toString();
        assertEquals(Api.base().resolve("agreements/list.xhtml?q=a%20b&page=2").toString(),
                location(stateless, "/agreements/list.xhtml?q=a%20b&page=2"));
        assertEquals(start, location(stateless, null));
        for (String evil : List.of("http://evil.example/", "https://evil.example/index.xhtml", "//evil.example",
                "//evil.example/index.xhtml", "\\\\evil.example", "/\\evil.example", "/%2F%2Fevil.example",
                "%2F%2Fevil.example", "/%2f/evil.example", "/%5C%5Cevil.example", "/%255C%255Cevil.example",
                "/%252F%252Fevil.example", "javascript:alert(1)", "/%0d%0aLocation:%20http://evil.example",
                "/index.xhtml?" + "a".repeat(400), "/login.xhtml")) {
            assertEquals(start, location(stateless, evil), evil);
        }
    }

    private static String location(String viewState, String returnTo) {
        HttpResponse<String> r = send(form("login.xhtml", loginForm(viewState, "revisor", "bostadforst", returnTo)));
        assertEquals(302, r.statusCode(), returnTo + ": " + r.body());
        String location = r.headers().firstValue("Location").orElseThrow();
        return location.startsWith("/") ? Api.base().resolve(location.substring(1)).toString() : location;
    }
}
