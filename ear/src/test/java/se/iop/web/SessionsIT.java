package se.iop.web;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.iop.account.boundary.AccountData;
import se.iop.account.boundary.Accounts;
import se.iop.account.entity.Account;
import se.iop.account.entity.Role;
import se.iop.common.Settings;
import se.iop.it.Deployments;
import se.iop.persistence.AsAdmin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inside the server, talking to it over HTTP from loopback addresses of its own (127.0.0.x, so that the
 * address throttle of one test never meets another's): logins are throttled per account name and per
 * address, the same for names that are no account; a change to an account ends its sessions; API
 * writes on the session cookie must show they come from a script.
 */
@ExtendWith(ArquillianExtension.class)
class SessionsIT {

    private static final String PASSWORD = "ett-langt-losenord";

    @Deployment
    static EnterpriseArchive ear() {
        return Deployments.withTestClasses(SessionsIT.class, AsAdmin.class);
    }

    @EJB
    private AsAdmin admin;

    @Inject
    private Accounts accounts;

    /** An HTTP/1.1 answer, read off a plain socket. */
    record Reply(int status, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }

        String session() {
            return headers.getOrDefault("set-cookie", List.of()).stream().filter(c -> c.startsWith("JSESSIONID="))
                    .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst().orElse(null);
        }
    }

    /** One request from the given loopback address; headers as name, value, name, value… */
    private static Reply send(String from, String method, String path, String body, String... headers) throws IOException {
        URI server = Settings.publicUrl();
        try (Socket socket = new Socket(InetAddress.getByName(server.getHost()), server.getPort(),
                InetAddress.getByName(from), 0)) {
            socket.setSoTimeout(30_000);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder(method + " /" + path + " HTTP/1.1\r\nHost: " + server.getHost() + ":"
                    + server.getPort() + "\r\nAccept: application/json\r\nConnection: close\r\n");
            for (int i = 0; i < headers.length; i += 2) {
                request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            if (body != null || !method.equals("GET")) {
                request.append("Content-Length: ").append(content.length).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            return read(socket.getInputStream());
        }
    }

    private static Reply read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).strip());
        }
        String body = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", List.of("")).get(0))) {
            body = unchunked(body);
        }
        return new Reply(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
    }

    private static String unchunked(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int eol = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, eol).split(";")[0].strip(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(body, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** GET of a small API answer with HTTP Basic. */
    private static Reply login(String from, String user, String password) throws IOException {
        return send(from, "GET", "api/agreements?max=1", null, "Authorization", basic(user, password));
    }

    private long newAccount(String username, Role role) throws Exception {
        return admin.call(() -> accounts.create(new AccountData(username, "Test " + username, null, Set.of(role), null, null),
                PASSWORD.toCharArray()).id());
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    // --- throttling ---------------------------------------------------------------------------------

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneWaitsAndAnUnknownNameIsTreatedTheSame() throws Exception {
        String known = unique("it-throttle");
        newAccount(known, Role.FINANCE);
        String unknown = unique("it-nobody");
        List<String> forKnown = attempts("127.0.0.21", known);
        List<String> forUnknown = attempts("127.0.0.22", unknown);
        // The fifth failure already answers that the next attempt must wait; the sixth waits.
        assertEquals(List.of("401", "401", "401", "401", "429", "429"), forKnown);
        assertEquals(forKnown, forUnknown, "a name that is no account is throttled exactly like an account");

        Reply waiting = login("127.0.0.21", known, PASSWORD);
        assertEquals(429, waiting.status(), "the right password waits too");
        assertTrue(waiting.header("Content-Type").startsWith("application/problem+json"), waiting.header("Content-Type")
                + " " + waiting.body());
        assertTrue(waiting.body().contains("\"status\":429"), waiting.body());
        long seconds = Long.parseLong(waiting.header("Retry-After"));
        assertTrue(seconds >= 1 && seconds <= 5, "the first wait is five seconds: " + seconds);
        assertEquals(401, login("127.0.0.23", unique("it-other"), "fel").status(), "another name from another address is not held up");

        Thread.sleep((seconds + 1) * 1000);
        assertEquals(200, login("127.0.0.21", known, PASSWORD).status(), "after the wait the right password gets in");
        List<String> afterSuccess = attempts("127.0.0.21", known);
        assertEquals(List.of("401", "401", "401", "401", "429", "429"), afterSuccess, "a login forgets the failures");
    }

    /** Six wrong passwords: the statuses. */
    private static List<String> attempts(String from, String user) throws IOException {
        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(Integer.toString(login(from, user, "fel-losenord-" + i).status()));
        }
        return statuses;
    }

    @Test
    void twentyFailuresFromOneAddressHoldUpEveryNameFromThereAndAreLoggedOnce() throws Exception {
        String address = "127.0.0.31";
        String user = unique("it-address");
        newAccount(user, Role.AUDITOR);
        Path log = Path.of(System.getProperty("jboss.server.log.dir"), "server.log");
        long linesBefore = Files.readAllLines(log).size();
        for (int i = 1; i < 20; i++) {
            assertEquals(401, login(address, unique("it-guess"), "fel").status(), "guess " + i);
        }
        assertEquals(429, login(address, unique("it-guess"), "fel").status(), "the twentieth failure says to wait");
        Reply held = login(address, user, PASSWORD);
        assertEquals(429, held.status(), "the right password of another name waits as well");
        assertNotNull(held.header("Retry-After"));
        for (int i = 0; i < 3; i++) {
            assertEquals(429, login(address, unique("it-guess"), "fel").status());
        }
        assertEquals(200, login("127.0.0.32", user, PASSWORD).status(), "from elsewhere the account is not held up");

        List<String> lines = Files.readAllLines(log);
        List<String> written = lines.subList((int) Math.min(linesBefore, lines.size()), lines.size());
        long throttled = written.stream().filter(l -> l.contains("Logins throttled from address " + address + " ")).count();
        assertEquals(1, throttled, "one log line for the burst");
        assertEquals(List.of(), written.stream().filter(l -> l.contains(" ERROR ")).toList(), "a refused login is no error");
        assertFalse(lines.stream().anyMatch(l -> l.contains("it-guess")), "names that are no account are never logged");
    }

    @Test
    void manyParallelRequestsWithTheRightPasswordAreNeverTakenForGuesses() throws Exception {
        String user = unique("it-busy");
        newAccount(user, Role.FINANCE);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                answers.add(pool.submit(() -> login("127.0.0.71", user, PASSWORD).status()));
            }
            for (var answer : answers) {
                assertEquals(200, answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(200, login("127.0.0.71", user, PASSWORD).status());
    }

    // --- sessions that end --------------------------------------------------------------------------

    @Test
    void changingRolesDeactivatingOrANewPasswordEndsTheSessionsOfTheAccount() throws Exception {
        checkEnded("new roles", (id) -> call(() -> {
            Account a = accounts.find(id);
            return accounts.update(id, a.version(), new AccountData(a.username(), a.displayName(), null,
                    Set.of(Role.FINANCE, Role.AUDITOR), null, null));
        }));
        checkEnded("deactivated", (id) -> call(() -> accounts.deactivate(id, accounts.find(id).version())));
        checkEnded("password reset", (id) -> call(() -> accounts.resetPassword(id, "ett-annat-losenord".toCharArray())));
    }

    private void call(java.util.concurrent.Callable<?> work) {
        try {
            admin.call(work);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void checkEnded(String change, Consumer<Long> apply) throws Exception {
        String user = unique("it-session");
        long id = newAccount(user, Role.FINANCE);
        String api = login("127.0.0.41", user, PASSWORD).session();
        String page = login("127.0.0.41", user, PASSWORD).session();
        assertNotNull(api, "a session after login");
        assertEquals(200, send("127.0.0.41", "GET", "api/agreements?max=1", null, "Cookie", api).status());

        // A change that leaves what the person may do as it was keeps the session.
        call(() -> {
            Account a = accounts.find(id);
            return accounts.update(id, a.version(), new AccountData(a.username(), "Nytt namn", "ny@example.se",
                    a.roles(), null, null));
        });
        assertEquals(200, send("127.0.0.41", "GET", "api/agreements?max=1", null, "Cookie", api).status(), change);

        apply.accept(id);
        Reply ended = send("127.0.0.41", "GET", "api/agreements?max=1", null, "Cookie", api);
        assertEquals(401, ended.status(), change + ": " + ended.body());
        assertTrue(ended.header("Content-Type").startsWith("application/problem+json"), change);
        Reply toLogin = send("127.0.0.41", "GET", "index.xhtml", null, "Cookie", page, "Accept", "text/html");
        assertEquals(302, toLogin.status(), change);
        assertTrue(toLogin.header("Location").contains("login.xhtml?sessionEnded=true"), toLogin.header("Location"));
        assertEquals(401, send("127.0.0.41", "GET", "api/agreements?max=1", null, "Cookie", page).status(),
                change + ": the session stays ended");
    }

    // --- API writes on the session cookie -----------------------------------------------------------

    @Test
    void anApiWriteOnTheSessionCookieNeedsJsonOrTheHeaderAFormCannotSend() throws Exception {
        String user = unique("it-writer");
        newAccount(user, Role.ADMIN);
        String from = "127.0.0.51";
        String cookie = login(from, user, PASSWORD).session();
        String path = "api/organisations/987654321/deactivate";

        Reply bare = send(from, "POST", path, null, "Cookie", cookie);
        assertEquals(403, bare.status(), "a body-less POST on the cookie: " + bare.body());
        assertTrue(bare.header("Content-Type").startsWith("application/problem+json"));
        assertTrue(bare.body().contains("X-IOP-Request"), bare.body());
        assertEquals(403, send(from, "POST", path, "a=b", "Cookie", cookie, "Content-Type",
                "application/x-www-form-urlencoded").status(), "a form post");
        assertEquals(403, send(from, "POST", "api/organisations", "{\"name\":\"x\"}", "Cookie", cookie,
                "Content-Type", "text/plain").status(), "JSON sent as text/plain, as a form can");
        assertEquals(403, send(from, "POST", "api/organisations", "--b--\r\n", "Cookie", cookie,
                "Content-Type", "multipart/form-data; boundary=b").status(), "a multipart form");

        assertEquals(404, send(from, "POST", path, null, "Cookie", cookie, "X-IOP-Request", "1").status(),
                "with the header the request is the API's to answer");
        assertEquals(404, send(from, "POST", path, null, "Cookie", cookie, "X-Requested-With", "XMLHttpRequest").status());
        int json = send(from, "POST", "api/organisations", "{}", "Cookie", cookie, "Content-Type", "application/json").status();
        assertTrue(json == 400 || json == 422, "a JSON body is the API's to judge: " + json);
        assertEquals(404, send(from, "POST", path, null, "Authorization", basic(user, PASSWORD)).status(),
                "credentials sent with the request need no more");
    }

    @Test
    void overPlainHttpNeitherHstsNorASecureCookie() throws Exception {
        Reply r = login("127.0.0.61", "ekonom", "bostadforst");
        assertEquals(200, r.status());
        assertNull(r.header("Strict-Transport-Security"));
        assertFalse(r.headers().get("set-cookie").stream().anyMatch(c -> c.toLowerCase(Locale.ROOT).contains("secure")),
                r.headers().toString());
    }

    private static void assertNull(Object o) {
        org.junit.jupiter.api.Assertions.assertNull(o);
    }
}
