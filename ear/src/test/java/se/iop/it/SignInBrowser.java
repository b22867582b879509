package se.iop.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser as far as sign-in goes: it keeps cookies (the application's and the provider's, both on
 * 127.0.0.1), follows redirects one by one (each hop is kept, to look at), and fills in Keycloak's login form.
 */
public final class SignInBrowser {

    private static final Pattern FORM = Pattern.compile("<form[^>]*action=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    /**
     * Browsers count http://127.0.0.1 as a secure context and send it {@code Secure} cookies (Keycloak sets its
     * session cookies so); Java's cookie manager does not, so the attribute is dropped as cookies are stored.
     */
    private final CookieHandler loopbackCookies = new CookieHandler() {
        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
            return cookies.get(uri, headers);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            Map<String, List<String>> kept = new java.util.HashMap<>();
            headers.forEach((name, values) -> kept.put(name, name != null && name.equalsIgnoreCase("Set-Cookie")
                    ? values.stream().map(v -> v.replaceAll("(?i);\\s*Secure(?=;|$)", "")).toList() : values));
            cookies.put(uri, kept);
        }
    };
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(loopbackCookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    /** Every address visited by the last {@link #open} or {@link #submit}, in order. */
    public final List<URI> hops = new ArrayList<>();

    /** A form of a page: where it posts to, and its hidden fields and named buttons with their values. */
    public record Form(URI action, Map<String, String> fields) {

        /** Posts it as it is (pressing its buttons, if it has any). */
        public Page submitIn(SignInBrowser browser) {
            return browser.submit(action, fields);
        }
    }

    private static final Pattern INPUT = Pattern.compile("<input[^>]*>", Pattern.CASE_INSENSITIVE);

    /** The last answer of a chain of redirects, and where it was. */
    public record Page(URI uri, int status, String body, HttpResponse<String> raw) {

        /** The form with this id (or the first, for {@code null}). */
        public Form form(String id) {
            int start = id == null ? body.indexOf("<form") : body.indexOf("<form id=\"" + id + "\"");
            if (start < 0) {
                throw new AssertionError("no form " + id + " at " + uri + ":\n" + body);
            }
            String form = body.substring(start, body.indexOf("</form>", start));
            Matcher action = FORM.matcher(form);
            action.find();
            Map<String, String> fields = new java.util.LinkedHashMap<>();
            Matcher input = INPUT.matcher(form);
            while (input.find()) {
                String tag = input.group();
                String type = attribute(tag, "type");
                String name = attribute(tag, "name");
                if (name != null && ("hidden".equalsIgnoreCase(type) || "submit".equalsIgnoreCase(type))) {
                    String value = attribute(tag, "value");
                    fields.put(name, value == null ? "" : value.replace("&amp;", "&"));
                }
            }
            // a JSF form also names itself
            if (id != null) {
                fields.putIfAbsent(id, id);
            }
            return new Form(uri.resolve(action.group(1).replace("&amp;", "&")), fields);
        }

        private static String attribute(String tag, String name) {
            Matcher m = Pattern.compile("\\s" + name + "=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE).matcher(tag);
            return m.find() ? m.group(1) : null;
        }

        /** The action of the first form on the page, made absolute. */
        public URI formAction() {
            Matcher m = FORM.matcher(body);
            if (!m.find()) {
                throw new AssertionError("no form at " + uri + ":\n" + body);
            }
            return uri.resolve(m.group(1).replace("&amp;", "&"));
        }
    }

    public Page open(URI uri) {
        hops.clear();
        return follow(HttpRequest.newBuilder(uri).GET());
    }

    /** Posts a form (application/x-www-form-urlencoded) and follows where it leads. */
    public Page submit(URI action, Map<String, String> fields) {
        hops.clear();
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return follow(HttpRequest.newBuilder(action).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Starts a sign-in at the application through a provider and types user name and password at Keycloak. */
    public Page signIn(String provider, String username, String password) {
        Page login = open(Api.base().resolve("sso/" + provider));
        if (!login.uri().getPath().contains("/realms/")) {
            throw new AssertionError("expected Keycloak's login page, got " + login.uri() + " " + login.status());
        }
        return submit(login.formAction(), Map.of("username", username, "password", password, "credentialId", ""));
    }

    /** The application's session cookie, if this browser has one. */
    public Optional<String> sessionCookie() {
        return cookies.getCookieStore().get(Api.base()).stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst();
    }

    private Page follow(HttpRequest.Builder first) {
        HttpRequest request = first.timeout(Duration.ofSeconds(20)).build();
        for (int i = 0; i < 20; i++) {
            hops.add(request.uri());
            HttpResponse<String> r;
            try {
                r = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Optional<String> location = r.headers().firstValue("Location");
            if (r.statusCode() / 100 != 3 || location.isEmpty()) {
                return new Page(request.uri(), r.statusCode(), r.body(), r);
            }
            request = HttpRequest.newBuilder(request.uri().resolve(location.get())).timeout(Duration.ofSeconds(20)).GET().build();
        }
        throw new AssertionError("more than 20 redirects: " + hops);
    }
}
