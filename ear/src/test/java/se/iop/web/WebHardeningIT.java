package se.iop.web;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.iop.it.Api;
import se.iop.it.Deployments;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The web tier's protections, seen over plain HTTP as a browser (or an attacker) would see them. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebHardeningIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");
    private static final Pattern VIEW_STATE = Pattern.compile(
            "name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private static HttpResponse<String> get(String path, String session) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(Api.base().resolve(path)).GET();
        if (session != null) {
            b.header("Cookie", "JSESSIONID=" + session);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> postForm(String path, String session, Map<String, String> fields)
            throws IOException, InterruptedException {
        return postForm(path, session, fields, new String[0]);
    }

    private static HttpResponse<String> postForm(String path, String session, Map<String, String> fields, String... headers)
            throws IOException, InterruptedException {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(Api.base().resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            b.header("Cookie", "JSESSIONID=" + session);
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<String> sessionCookie(HttpResponse<?> r) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst();
    }

    private static String sessionId(HttpResponse<?> r) {
        String cookie = sessionCookie(r).orElseThrow(() -> new AssertionError("no session cookie: " + r.headers()));
        Matcher m = SESSION.matcher(cookie);
        assertTrue(m.find());
        return m.group(1);
    }

    /** The login form's fields, as the browser would post them. */
    private static Map<String, String> loginForm(String viewState, String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login", "login");
        form.put("login:username", username);
        form.put("login:password", password);
        form.put("login:submit", "");
        if (viewState != null) {
            form.put("jakarta.faces.ViewState", viewState);
        }
        return form;
    }

    private static String viewState(HttpResponse<String> page) {
        Matcher m = VIEW_STATE.matcher(page.body());
        assertTrue(m.find(), "no view state in " + page.body());
        return m.group(1);
    }

    /** The page a user reads: no stack trace, no exception text, no class names outside PrimeFaces' settings script. */
    private static void assertFriendly(HttpResponse<String> r) {
        String body = r.body();
        for (String trace : List.of("\tat ", ".java:", "Caused by", "could not be restored", "Stacktrace", "UT0")) {
            assertFalse(body.contains(trace), "leaks '" + trace + "': " + body);
        }
        String visible = body.replaceAll("(?s)<script.*?</script>", "").replaceAll("<[^>]*>", " ");
        for (String name : List.of("Exception", "jakarta.", "se.iop.", "org.hibernate", "java.")) {
            assertFalse(visible.contains(name), "shows '" + name + "': " + visible);
        }
    }

    /** Logs in as a browser does: the login page makes no session, its form is posted without one. */
    private static String login(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> page = get("login.xhtml", null);
        assertTrue(sessionCookie(page).isEmpty(), "the login page makes no session");
        HttpResponse<String> r = postForm("login.xhtml", null, loginForm(viewState(page), username, password));
        assertEquals(302, r.statusCode(), r.body());
        return sessionId(r);
    }

    @Test
    void responsesCarryTheSecurityHeaders() throws Exception {
        String session = login("handlaggare", "bostadforst");
        List<HttpResponse<String>> responses = List.of(
                get("login.xhtml", null),
                get("index.xhtml", session),
                get("no-such-page.xhtml", session),
                get("resources/css/iop.css", null),
                get("api/agreements", null),
                get("openapi", null));
        for (HttpResponse<String> r : responses) {
            String where = r.uri() + " (" + r.statusCode() + ")";
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), where);
            String csp = r.headers().firstValue("Content-Security-Policy").orElse(null);
            assertNotNull(csp, where);
            assertTrue(csp.contains("default-src 'self'"), where + ": " + csp);
            assertTrue(csp.contains("object-src 'none'"), where + ": " + csp);
            String frames = r.headers().firstValue("X-Frame-Options").orElse("");
            assertTrue(frames.matches("(?i)DENY|SAMEORIGIN") || csp.matches(".*frame-ancestors '(self|none)'.*"),
                    where + ": framing allowed");
            String referrer = r.headers().firstValue("Referrer-Policy").orElse(null);
            assertNotNull(referrer, where);
            assertFalse(referrer.equals("unsafe-url") || referrer.equals("no-referrer-when-downgrade"), referrer);
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() throws Exception {
        HttpResponse<String> page = get("login.xhtml", null);
        assertTrue(sessionCookie(page).isEmpty(), "no session before login");
        HttpResponse<String> r = postForm("login.xhtml", null, loginForm(viewState(page), "handlaggare", "bostadforst"));
        String afterLogin = sessionCookie(r).orElseThrow();
        assertTrue(afterLogin.matches("(?i).*;\\s*HttpOnly(;.*|$)"), afterLogin);
        assertTrue(afterLogin.matches("(?i).*;\\s*SameSite=(Lax|Strict)(;.*|$)"), afterLogin);
    }

    @Test
    void theSessionIdChangesAtLogin() throws Exception {
        // No session exists before login (none is made for anonymous visitors), so a session id planted
        // in the victim's browser can only be one the server never gave: the login does not take it up.
        HttpResponse<String> page = get("login.xhtml", null);
        String planted = "planted-session-id";
        HttpResponse<String> r = postForm("login.xhtml", planted, loginForm(viewState(page), "handlaggare", "bostadforst"));
        assertEquals(302, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Location").orElse("").endsWith("/index.xhtml"), r.headers().toString());
        String after = sessionId(r);
        assertNotEquals(planted, after);

        assertEquals(200, get("index.xhtml", after).statusCode(), "the new session is logged in");
        HttpResponse<String> fixed = get("index.xhtml", planted);
        assertEquals(302, fixed.statusCode(), "the planted session id is worth nothing");
        assertTrue(fixed.headers().firstValue("Location").orElse("").endsWith("/login.xhtml"));
    }

    @Test
    void aWrongPasswordLogsNobodyIn() throws Exception {
        HttpResponse<String> page = get("login.xhtml", null);
        HttpResponse<String> r = postForm("login.xhtml", null, loginForm(viewState(page), "handlaggare", "fel"));
        assertNotEquals(302, r.statusCode());
        assertTrue(sessionCookie(r).isEmpty(), "a failed login makes no session");
        assertFriendly(r);
        assertTrue(r.body().contains("id=\"login:username\""), "the login form again: " + r.body());
        assertTrue(r.body().contains("Fel användarnamn eller lösenord."), r.body());
    }

    @Test
    void aForgedViewStateEndsOnTheExpiredPage() throws Exception {
        // The login page keeps no view state on the server (it makes no session): its form says "stateless".
        HttpResponse<String> page = get("login.xhtml", null);
        String real = viewState(page);
        assertEquals("stateless", real);
        String session = login("revisor", "bostadforst");
        for (String forged : List.of("-1234567890:987654321", real + "1", "rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA")) {
            for (String cookie : java.util.Arrays.asList(null, session)) {
                HttpResponse<String> r = postForm("login.xhtml", cookie, loginForm(forged, "handlaggare", "bostadforst"));
                assertTrue(r.body().contains("Sidan har gått ut"), r.statusCode() + " " + r.body());
                assertFriendly(r);
                assertNotEquals(302, r.statusCode(), "a forged form logged somebody in");
                assertTrue(sessionCookie(r).isEmpty(), "a forged form made a session");
            }
        }
    }

    /** Without a view state Faces takes the POST for a first visit: it shows the page and runs no action. */
    @Test
    void aPostWithoutViewStateRunsNoAction() throws Exception {
        HttpResponse<String> r = postForm("login.xhtml", null, loginForm(null, "handlaggare", "bostadforst"));
        assertNotEquals(302, r.statusCode(), "logged in without a view state");
        assertTrue(r.statusCode() < 500, Integer.toString(r.statusCode()));
        assertFriendly(r);
        assertTrue(sessionCookie(r).isEmpty(), "nobody was logged in");
    }

    @Test
    void aMissingPageShowsTheFriendlyErrorPage() throws Exception {
        String session = login("handlaggare", "bostadforst");
        HttpResponse<String> page = get("no-such-page.xhtml", session);
        assertEquals(404, page.statusCode());
        assertTrue(page.body().contains("Något gick fel"), page.body());
        assertTrue(page.body().contains("Sidan eller uppgiften finns inte"), page.body());
        assertFriendly(page);

        HttpResponse<String> anonymous = get("no/such/thing", null);
        assertEquals(404, anonymous.statusCode());
        assertTrue(anonymous.body().contains("Något gick fel"), anonymous.body());
        assertFriendly(anonymous);
    }

    /** The organisation search as its ajax button posts it, with the given view state. */
    private static Map<String, String> ajaxSearch(String viewState, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("jakarta.faces.partial.ajax", "true");
        form.put("jakarta.faces.source", "search:go");
        form.put("jakarta.faces.partial.execute", "search");
        form.put("jakarta.faces.partial.render", "results");
        form.put("search:go", "search:go");
        form.put("search", "search");
        form.put("search:text", text);
        form.put("jakarta.faces.ViewState", viewState);
        return form;
    }

    private static final String[] AJAX = {"Faces-Request", "partial/ajax"};

    private static HttpResponse<String> logout(String session) throws IOException, InterruptedException {
        HttpResponse<String> page = get("index.xhtml", session);
        assertEquals(200, page.statusCode());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("userForm", "userForm");
        form.put("userForm:logout", "");
        form.put("jakarta.faces.ViewState", viewState(page));
        return postForm("index.xhtml", session, form);
    }

    @Test
    void loggingOutEndsTheSession() throws Exception {
        String session = login("handlaggare", "bostadforst");
        assertEquals(200, get("organisations/list.xhtml", session).statusCode());
        HttpResponse<String> out = logout(session);
        assertEquals(302, out.statusCode(), out.body());
        assertTrue(out.headers().firstValue("Location").orElse("").endsWith("/login.xhtml?loggedOut=true"), out.headers().toString());

        HttpResponse<String> after = get("organisations/list.xhtml", session);
        assertEquals(302, after.statusCode(), "the old session is logged out");
        assertTrue(after.headers().firstValue("Location").orElse("").endsWith("/login.xhtml?returnTo=%2Forganisations%2Flist.xhtml"),
                after.headers().toString());
        assertFalse(after.body().contains("Nyköpings kommun"));
    }

    /** A page left open past its session: its next ajax request is sent to the login page, not left dead. */
    @Test
    void anAjaxRequestAfterTheSessionEndedIsSentToTheLoginPage() throws Exception {
        String session = login("handlaggare", "bostadforst");
        HttpResponse<String> page = get("organisations/list.xhtml", session);
        String state = viewState(page);
        assertEquals(302, logout(session).statusCode());

        HttpResponse<String> r = postForm("organisations/list.xhtml", session, ajaxSearch(state, "Nyköping"), AJAX);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"), r.headers().toString());
        assertTrue(r.body().contains("<partial-response><redirect url=\"/login.xhtml\"/></partial-response>"), r.body());
        assertFalse(r.body().contains("Nyköpings kommun"));

        HttpResponse<String> plain = postForm("organisations/list.xhtml", session, ajaxSearch(state, "Nyköping"));
        assertEquals(302, plain.statusCode(), "a plain post is redirected");
        assertTrue(plain.headers().firstValue("Location").orElse("").endsWith("/login.xhtml"));
    }

    /** Logged in, but the form's view state is not one this session was given: nothing runs, the friendly page shows. */
    @Test
    void aForgedViewStateOnAPageOfTheApplicationChangesNothing() throws Exception {
        String session = login("handlaggare", "bostadforst");
        String name = "Förfalskad " + Long.toString(System.nanoTime(), 36);
        HttpResponse<String> page = get("organisations/edit.xhtml", session);
        String real = viewState(page);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("organisation", "organisation");
        form.put("organisation:name", name);
        form.put("organisation:organisationNumber", "802003-5120");
        form.put("organisation:kind_input", "NON_PROFIT");
        form.put("organisation:save", "organisation:save");
        form.put("jakarta.faces.ViewState", real + "1");

        HttpResponse<String> r = postForm("organisations/edit.xhtml", session, form);
        assertTrue(r.body().contains("Sidan har gått ut"), r.statusCode() + " " + r.body());
        assertFriendly(r);

        Map<String, String> ajax = new LinkedHashMap<>(form);
        ajax.put("jakarta.faces.partial.ajax", "true");
        ajax.put("jakarta.faces.source", "organisation:save");
        ajax.put("jakarta.faces.partial.execute", "organisation");
        ajax.put("jakarta.faces.partial.render", "organisation");
        HttpResponse<String> a = postForm("organisations/edit.xhtml", session, ajax, AJAX);
        assertEquals(200, a.statusCode(), a.body());
        assertTrue(a.body().contains("Sidan har gått ut"), a.body());
        assertFalse(a.body().contains("Caused by") || a.body().contains("\tat "), a.body());

        assertEquals(0, Api.admin().get("api/organisations?inactive=true&q=" + URLEncoder.encode(name, StandardCharsets.UTF_8))
                .json().getJsonNumber("total").longValue(), "nothing was created");
        assertEquals(200, get("index.xhtml", session).statusCode(), "the session itself is fine");
    }

    @Test
    void aRoleWithoutAccessToAPageAreaGetsTheFriendlyForbiddenPage() throws Exception {
        String landlord = login("hyresvard", "bostadforst");
        for (String path : List.of("organisations/list.xhtml", "organisations/view.xhtml?id=1", "accounts/list.xhtml")) {
            HttpResponse<String> r = get(path, landlord);
            assertEquals(403, r.statusCode(), path);
            assertTrue(r.body().contains("Din roll ger inte behörighet till detta."), r.body());
            assertFriendly(r);
        }
        assertEquals(200, get("accounts/me.xhtml", landlord).statusCode(), "everyone has their own account page");

        String auditor = login("revisor", "bostadforst");
        assertEquals(200, get("accounts/list.xhtml", auditor).statusCode());
        assertEquals(403, get("accounts/edit.xhtml", auditor).statusCode(), "auditors change nothing");
        assertEquals(403, get("organisations/edit.xhtml", auditor).statusCode());
    }
}
