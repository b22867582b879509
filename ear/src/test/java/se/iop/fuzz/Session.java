package se.iop.fuzz;

import se.iop.it.Api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * One user of the API who logs in once with HTTP Basic and then sends the session cookie, as API clients
 * should: checking a password costs ~80 ms (PBKDF2), a request with the cookie almost nothing.
 */
final class Session {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    final String user;
    private final String cookie;

    private Session(String user, String cookie) {
        this.user = user;
        this.cookie = cookie;
    }

    static Session login(String user, String password) {
        String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = send(HttpRequest.newBuilder(Api.base().resolve("api/agreements?max=1"))
                .header("Authorization", basic).header("Accept", "application/json").GET());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(user + " cannot log in: " + r.statusCode() + " " + r.body());
        }
        String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new IllegalStateException("No session cookie for " + user));
        return new Session(user, cookie);
    }

    /** A request with the session; body null for none; headers as name, value, name, value… */
    Api.Reply send(String method, String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Api.base() + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json").header("Cookie", cookie)
                // As a script of the user's sends it: a write on the session cookie shows it is no form post.
                .header("X-IOP-Request", "1")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> r = send(b);
        return new Api.Reply(r.statusCode(), r.body(), r);
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
