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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Problems.assertProblem;

/** Requests larger than their endpoint takes are refused before anything reads them: 414, 431, 413. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RequestLimitsIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String FINANCE = "Basic " + Base64.getEncoder()
            .encodeToString("ekonom:bostadforst".getBytes(StandardCharsets.UTF_8));

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return HTTP.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(Api.base().resolve(path));
    }

    private static Api.Reply reply(HttpResponse<String> r) {
        return new Api.Reply(r.statusCode(), r.body(), r);
    }

    private static void assertPage(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), r.headers().map().toString());
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), r.body());
    }

    private static String[] manyHeaders(int count) {
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            headers.add("X-Extra-" + i);
            headers.add("v" + i);
        }
        return headers.toArray(String[]::new);
    }

    @Test
    void aLongUrlIs414() throws Exception {
        String query = "?q=" + "x".repeat(10_000);
        assertProblem(reply(send(to("api/agreements" + query).header("Authorization", FINANCE))), 414, null);
        assertPage(send(to("login.xhtml" + query)), 414);
        assertEquals(200, send(to("api/agreements?q=" + "x".repeat(3_000)).header("Authorization", FINANCE)).statusCode(),
                "a long URL within the limit passes");
    }

    @Test
    void tooManyOrTooLargeHeadersAre431() throws Exception {
        assertProblem(reply(send(to("api/agreements").header("Authorization", FINANCE).headers(manyHeaders(120)))), 431, null);
        assertPage(send(to("login.xhtml").headers(manyHeaders(120))), 431);
        assertProblem(reply(send(to("api/agreements").header("Authorization", FINANCE).header("X-Big", "x".repeat(9_000)))), 431, null);
        assertPage(send(to("login.xhtml").header("X-Big", "y".repeat(6_000)).header("X-Big-Too", "y".repeat(6_000))
                .header("X-Big-Three", "y".repeat(6_000))), 431);
        assertEquals(200, send(to("login.xhtml").headers(manyHeaders(60))).statusCode(), "within the limits");
    }

    @Test
    void aBodyLargerThanItsEndpointTakesIs413() throws Exception {
        String json = "{\"title\":\"" + "x".repeat(300 * 1024) + "\"}";
        assertProblem(reply(send(to("api/agreements").header("Authorization", FINANCE)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)))), 413, null);
        // An attachment may be larger than a JSON body, but not larger than its own limit.
        byte[] attachment = new byte[5 * 1024 * 1024 + 100 * 1024];
        assertProblem(reply(send(to("api/reports/1/attachments?filename=a.pdf").header("Authorization", FINANCE)
                .header("Content-Type", "application/pdf").POST(HttpRequest.BodyPublishers.ofByteArray(attachment)))), 413, null);
        byte[] csv = new byte[10 * 1024 * 1024 + 200 * 1024];
        assertProblem(reply(send(to("api/budgets/1/expenses/import").header("Authorization", FINANCE)
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(csv)))), 413, null);
        byte[] form = ("login=login&x=" + "y".repeat(300 * 1024)).getBytes(StandardCharsets.UTF_8);
        assertPage(send(to("login.xhtml").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(form))), 413);
        // Below the attachment limit a body is read, and the API decides (here: 404, no such report).
        byte[] small = new byte[400 * 1024];
        int status = send(to("api/reports/999999999/attachments?filename=a.pdf").header("Authorization", FINANCE)
                .header("Content-Type", "application/pdf").POST(HttpRequest.BodyPublishers.ofByteArray(small))).statusCode();
        assertTrue(status != 413 && status < 500, Integer.toString(status));
    }

    @Test
    void beyondTheListenersOuterBoundTheServerRefusesAndKeepsAnswering() throws Exception {
        try {
            HttpResponse<String> r = send(to("login.xhtml").header("X-Huge", "z".repeat(80_000)));
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, Integer.toString(r.statusCode()));
        } catch (IOException closed) {
            // Undertow may close the connection instead of answering: also a refusal.
        }
        assertEquals(200, send(to("login.xhtml")).statusCode());
    }
}
