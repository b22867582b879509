package se.iop.api;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.iop.it.Api;
import se.iop.it.Deployments;
import se.iop.it.Rows;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Fixtures.unique;

/**
 * Reporting an accessibility barrier (issue 12 §6): anyone sends the statement's form without logging in and
 * without a session being made; the report is recorded and the browser sent back (redirect after post); bad
 * input is refused naming the field, with what was typed kept and nothing recorded; only administrators see
 * the list of reports.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BarrierReportIT {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager()).build();
    }

    private static HttpResponse<String> get(HttpClient http, String path) {
        return send(http, HttpRequest.newBuilder(Api.base().resolve(path)).timeout(Duration.ofSeconds(30)).GET());
    }

    private static HttpResponse<String> post(HttpClient http, String path, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(http, HttpRequest.newBuilder(Api.base().resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder b) {
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String viewState(HttpResponse<String> page) {
        Matcher m = VIEW_STATE.matcher(page.body());
        assertTrue(m.find(), "no view state in " + page.body());
        return m.group(1);
    }

    private static boolean setsSession(HttpResponse<?> r) {
        return r.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID="));
    }

    private static Map<String, String> form(String viewState, String description, String page, String email) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("barrier", "barrier");
        f.put("barrier:description", description);
        f.put("barrier:page", page);
        f.put("barrier:email", email);
        f.put("barrier:send", "");
        f.put("jakarta.faces.ViewState", viewState);
        return f;
    }

    private static long reports(String text) {
        return ((Number) Rows.value("select count(*) from barrier_report where description like ?", "%" + text + "%")).longValue();
    }

    @Test
    void anAnonymousReportIsRecordedWithoutASessionAndTheBrowserIsSentBack() {
        HttpClient http = client();
        HttpResponse<String> page = get(http, "public/accessibility.xhtml");
        assertEquals(200, page.statusCode());
        assertFalse(setsSession(page));
        assertTrue(page.body().contains("WCAG 2.1") && page.body().contains("digg.se") && page.body().contains("2018:1937"),
                "the statement names the standard, the supervisory authority and the law");

        String marker = unique("Hinder");
        HttpResponse<String> sent = post(http, "public/accessibility.xhtml", form(viewState(page),
                marker + ": knappen Spara går inte att nå med tangentbordet.\nGäller budgetsidan.", "budget/view.xhtml",
                "besokare@example.se"));
        assertFalse(setsSession(sent), sent.headers().map().toString());
        assertTrue(sent.statusCode() == 302 || sent.statusCode() == 303, sent.statusCode() + " " + sent.body());
        String location = sent.headers().firstValue("Location").orElseThrow();
        assertTrue(location.contains("/public/accessibility.xhtml") && location.contains("sent=true"), location);
        assertEquals(1, reports(marker));
        assertEquals("besokare@example.se", Rows.value("select email from barrier_report where description like ?", marker + "%"));
        assertEquals("budget/view.xhtml", Rows.value("select page from barrier_report where description like ?", marker + "%"));

        HttpResponse<String> back = get(http, "public/accessibility.xhtml?sent=true");
        assertTrue(back.body().contains("Tack! Din rapport har tagits emot."), back.body());
        assertFalse(setsSession(back));
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndKeepsWhatWasTyped() {
        HttpClient http = client();
        String state = viewState(get(http, "public/accessibility.xhtml"));
        long before = ((Number) Rows.value("select count(*) from barrier_report")).longValue();

        HttpResponse<String> empty = post(http, "public/accessibility.xhtml", form(state, "   ", "startsidan", ""));
        assertEquals(200, empty.statusCode());
        assertFalse(setsSession(empty));
        assertTrue(empty.body().contains("Beskrivning: Fältet måste fyllas i."), empty.body());
        assertTrue(empty.body().contains("value=\"startsidan\""), "what was typed stays");

        String marker = unique("Lang");
        HttpResponse<String> tooLong = post(http, "public/accessibility.xhtml", form(state, marker + "x".repeat(2001), "", ""));
        assertTrue(Pattern.compile("Beskrivning: Högst 2\\D?000 tecken").matcher(tooLong.body()).find(),
                tooLong.statusCode() + " " + tooLong.headers().map() + " " + tooLong.body());

        HttpResponse<String> badEmail = post(http, "public/accessibility.xhtml", form(state, marker + " svårläst text", "",
                "inte-en-adress"));
        assertTrue(badEmail.body().contains("E-post: Ogiltig e-postadress."), badEmail.body());
        assertTrue(badEmail.body().contains(marker + " svårläst text"), "the description stays");

        HttpResponse<String> identity = post(http, "public/accessibility.xhtml", form(state, "Jag heter 19121212-1212", "", ""));
        assertEquals(200, identity.statusCode());
        assertTrue(identity.body().contains("personnummer eller samordningsnummer"), identity.body());

        assertEquals(before, ((Number) Rows.value("select count(*) from barrier_report")).longValue(), "nothing recorded");
        assertEquals(0, reports(marker));
    }

    @Test
    void onlyAdministratorsSeeTheReports() {
        String marker = unique("Lista");
        HttpClient anonymous = client();
        String state = viewState(get(anonymous, "public/accessibility.xhtml"));
        HttpResponse<String> sent = post(anonymous, "public/accessibility.xhtml", form(state, marker + " kontrasten är för låg", "", ""));
        assertEquals(1, reports(marker), sent.body());

        HttpResponse<String> notLoggedIn = get(anonymous, "barriers/list.xhtml");
        assertEquals(302, notLoggedIn.statusCode());
        assertTrue(notLoggedIn.headers().firstValue("Location").orElse("").contains("login.xhtml"));

        HttpClient admin = loggedIn("handlaggare");
        HttpResponse<String> list = get(admin, "barriers/list.xhtml");
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains(marker + " kontrasten är för låg"), list.body());

        for (String user : new String[] {"revisor", "ekonom", "stadsmissionen", "hyresvard"}) {
            HttpResponse<String> refused = get(loggedIn(user), "barriers/list.xhtml");
            assertEquals(403, refused.statusCode(), user);
            assertFalse(refused.body().contains(marker), user);
        }
    }

    private static HttpClient loggedIn(String user) {
        HttpClient http = client();
        String state = viewState(get(http, "login.xhtml"));
        Map<String, String> f = new LinkedHashMap<>();
        f.put("login", "login");
        f.put("login:username", user);
        f.put("login:password", "bostadforst");
        f.put("login:submit", "");
        f.put("jakarta.faces.ViewState", state);
        HttpResponse<String> in = post(http, "login.xhtml", f);
        assertEquals(302, in.statusCode(), user + ": " + in.body());
        return http;
    }
}
