package se.iop.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A real Keycloak (org.keycloak:keycloak-quarkus-dist from Maven Central, unpacked by the build into
 * {@code ear/target/keycloak}), started once per build on loopback (port 8181 + the port offset) when the first
 * tier that needs it begins ({@link EarlyKeycloak}), and stopped when the build ends. Two realms stand for the two kinds of provider a
 * municipality configures: {@code iop-staff} (the municipality's staff IdP) and {@code iop-eid} (an e-ID broker,
 * whose subject claim is a personal identity number: the user name of its test users).
 */
public final class Keycloak {

    /** 8181 + the tests' port offset, unless {@code iop.keycloak.port} names another (the auth benchmark's). */
    public static final int PORT = Integer.getInteger("iop.keycloak.port", 8181 + Integer.getInteger("iop.it.portOffset", 0));
    public static final String STAFF = "iop-staff";
    public static final String EID = "iop-eid";
    public static final String CLIENT = "iop";
    public static final String STAFF_SECRET = "iop-staff-client-secret";
    public static final String EID_SECRET = "iop-eid-client-secret";
    /** A machine client whose access tokens carry the API's audience. */
    public static final String STATS = "iop-stats";
    public static final String STATS_SECRET = "iop-stats-client-secret";
    /** A machine client whose tokens are for someone else (no API audience). */
    public static final String OTHER = "other-system";
    public static final String OTHER_SECRET = "other-system-client-secret";
    /** A machine client like {@link #STATS} whose access tokens live {@value #BRIEF_SECONDS} s only. */
    public static final String BRIEF = "iop-brief";
    public static final String BRIEF_SECRET = "iop-brief-client-secret";
    public static final int BRIEF_SECONDS = 5;
    public static final String API_AUDIENCE = "iop-api";
    public static final String PASSWORD = "Keycloak-test-1";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Keycloak() {
    }

    /**
     * Starts Keycloak unless it answers already (started by an earlier tier of this build, or by a developer beside
     * the tests: same port, so the same realms); returns when both realms answer. The first start of an unpacked
     * Keycloak builds it once ({@code kc.sh build}), so that every start after is an optimized one. It then lives
     * as long as the build that started it (the Maven process above this JVM, or this JVM when there is none), so
     * the later test tiers of the same build use it too; a watcher of its own stops it when that process ends.
     */
    public static synchronized void start() {
        if (answering()) {
            return;
        }
        Path home = Path.of(System.getProperty("iop.it.keycloak.home", "target/keycloak/keycloak-26.7.3"));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("no Keycloak at " + home.toAbsolutePath() + " (the build unpacks it at pre-integration-test)");
        }
        try {
            int app = Api.base().getPort();
            String staff = realm(STAFF, STAFF_SECRET, "staff", app, false);
            String eid = realm(EID, EID_SECRET, "eid", app, true);
            forgetOtherRealms(home, app + "\n" + (staff + eid).hashCode());
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.writeString(imports.resolve(STAFF + ".json"), staff);
            Files.writeString(imports.resolve(EID + ".json"), eid);
            build(home);
            ProcessBuilder b = command(home, "start", "--optimized", "--http-enabled=true", "--hostname-strict=false",
                    "--http-port=" + PORT, "--http-host=127.0.0.1", "--import-realm", "--http-management-port=" + (PORT + 1000))
                    .redirectOutput(home.resolve("keycloak.log").toFile());
            b.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            b.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", PASSWORD);
            Process keycloak = b.start();
            watch(keycloak, owner());
            await(keycloak, Instant.now().plus(Duration.ofMinutes(4)), home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As {@link #start()}, on a thread of its own: a test class that needs Keycloak later then waits less. */
    public static void startInBackground() {
        Thread t = new Thread(() -> {
            try {
                start();
            } catch (RuntimeException e) {
                // the test that needs it starts it again and fails with the reason
                System.err.println("Keycloak did not start in the background: " + e.getMessage());
            }
        }, "keycloak-start");
        t.setDaemon(true);
        t.start();
    }

    private static ProcessBuilder command(Path home, String... args) {
        java.util.List<String> command = new java.util.ArrayList<>();
        command.add(home.resolve("bin/kc.sh").toString());
        command.addAll(java.util.List.of(args));
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true);
        b.environment().put("JAVA_OPTS_APPEND", "-Xms64m -Xmx512m");
        return b;
    }

    /** {@code kc.sh build} with the build options of the tests, once per unpacked Keycloak (~30 s). */
    private static void build(Path home) throws IOException {
        String[] options = {"--db=dev-file", "--cache=local", "--health-enabled=false"};
        Path marker = home.resolve("lib/iop-built");
        if (Files.exists(marker) && Files.readString(marker).equals(String.join(" ", options))) {
            return;
        }
        String[] args = new String[options.length + 1];
        args[0] = "build";
        System.arraycopy(options, 0, args, 1, options.length);
        Process build = command(home, args).redirectOutput(home.resolve("keycloak-build.log").toFile()).start();
        try {
            if (!build.waitFor(5, java.util.concurrent.TimeUnit.MINUTES) || build.exitValue() != 0) {
                build.destroyForcibly();
                throw new IllegalStateException("kc.sh build failed; see " + home.resolve("keycloak-build.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Keycloak was built", e);
        }
        Files.writeString(marker, String.join(" ", options));
    }

    /** The Maven process this test JVM was forked from, if any; else this JVM. */
    private static ProcessHandle owner() {
        for (ProcessHandle p = ProcessHandle.current(); p != null; p = p.parent().orElse(null)) {
            String line = p.info().commandLine().orElse("");
            if (line.contains("org.codehaus.plexus.classworlds") || line.contains("maven-wrapper")) {
                return p;
            }
        }
        return ProcessHandle.current();
    }

    /**
     * A small shell of its own that stops Keycloak (kc.sh passes the signal on to its Java) once {@code owner} has
     * ended, however it ended: the tests never leave a Keycloak behind.
     */
    private static void watch(Process keycloak, ProcessHandle owner) throws IOException {
        String script = "while kill -0 " + owner.pid() + " 2>/dev/null && kill -0 " + keycloak.pid() + " 2>/dev/null; do sleep 2; done; "
                + "kill -TERM " + keycloak.pid() + " 2>/dev/null; sleep 20; pkill -KILL -P " + keycloak.pid() + " 2>/dev/null; "
                + "kill -KILL " + keycloak.pid() + " 2>/dev/null; true";
        new ProcessBuilder("sh", "-c", script).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /**
     * Keycloak imports a realm only where it has none yet (its database, {@code data/h2}, outlives a run), and the
     * realms name the application's address (redirect URIs, back-channel logout): when the application was on
     * another port the last time (another port offset, or the auth benchmark), or the realms were written
     * otherwise, the database is made afresh.
     */
    private static void forgetOtherRealms(Path home, String realms) throws IOException {
        Path marker = home.resolve("data/iop-realms");
        if (Files.exists(marker) && Files.readString(marker).equals(realms)) {
            return;
        }
        Path database = home.resolve("data/h2");
        if (Files.exists(database)) {
            try (var files = Files.walk(database)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
        Files.createDirectories(marker.getParent());
        Files.writeString(marker, realms);
    }

    private static boolean answering() {
        try {
            return get(issuer(STAFF) + "/.well-known/openid-configuration").statusCode() == 200
                    && get(issuer(EID) + "/.well-known/openid-configuration").statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static void await(Process process, Instant deadline, Path home) {
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped; see " + home.resolve("keycloak.log"));
            }
            if (answering()) {
                return;
            }
            sleep(1000);
        }
        throw new IllegalStateException("Keycloak did not answer in time; see " + home.resolve("keycloak.log"));
    }

    public static URI issuer(String realm) {
        return URI.create("http://127.0.0.1:" + PORT + "/realms/" + realm);
    }

    /** An access token of a machine client (client credentials grant). */
    public static String clientToken(String realm, String client, String secret) {
        return token(realm, Map.of("grant_type", "client_credentials", "client_id", client, "client_secret", secret));
    }

    /** A user's id at Keycloak: the {@code sub} of its tokens. */
    public static String userId(String realm, String username) {
        try {
            HttpResponse<String> users = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/admin/realms/"
                            + realm + "/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)))
                    .header("Authorization", "Bearer " + adminToken()).GET().build(), HttpResponse.BodyHandlers.ofString());
            return Json.createReader(new StringReader(users.body())).readArray().getJsonObject(0).getString("id");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String adminToken() {
        return token("master", Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin",
                "password", PASSWORD));
    }

    /** Ends every session of a user at Keycloak, as an administrator would; Keycloak then posts back-channel logouts. */
    public static void logOutEverywhere(String realm, String username) {
        String admin = adminToken();
        try {
            String id = userId(realm, username);
            HttpResponse<String> out = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/admin/realms/"
                            + realm + "/users/" + id + "/logout"))
                    .header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (out.statusCode() != 204) {
                throw new IllegalStateException("Keycloak logout: " + out.statusCode() + " " + out.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String token(String realm, Map<String, String> form) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(issuer(realm) + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                            .collect(Collectors.joining("&")))).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("Keycloak token: " + r.statusCode() + " " + r.body());
            }
            JsonObject o = Json.createReader(new StringReader(r.body())).readObject();
            return o.getString("access_token");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> get(String uri) throws IOException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A realm with the application as a confidential client (code flow, PKCE S256, back-channel logout to the
     * application), its users (password {@link #PASSWORD}), and for the staff realm three machine clients. In the
     * e-ID realm the claim {@code personal_identity_number} carries the user name, as a broker's would.
     */
    private static String realm(String realm, String secret, String provider, int appPort, boolean eid) {
        String app = "http://127.0.0.1:" + appPort;
        String users = eid
                ? user("197001011234", "Eva", "Eid") + "," + user("198112189876", "Olle", "Okänd")
                : user("anna.staff", "Anna", "Staff") + "," + user("bo.unknown", "Bo", "Unknown") + "," + user("cia.linked", "Cia", "Linked")
                + "," + user("gun.groups", "Gun", "Groups", "/iop-ekonomi", "/unmapped") + "," + user("hal.nogroup", "Hal", "Nogroup", "/unmapped")
                + "," + user("ida.invited", "Ida", "Invited") + "," + user("jon.invited", "Jon", "Invited");
        String eidMapper = eid ? """
                , "protocolMappers": [{"name": "personal identity number", "protocol": "openid-connect",
                   "protocolMapper": "oidc-usermodel-property-mapper",
                   "config": {"user.attribute": "username", "claim.name": "personal_identity_number",
                              "jsonType.label": "String", "id.token.claim": "true", "access.token.claim": "true",
                              "userinfo.token.claim": "true"}}]""" : """
                , "protocolMappers": [{"name": "groups", "protocol": "openid-connect",
                   "protocolMapper": "oidc-group-membership-mapper",
                   "config": {"claim.name": "groups", "full.path": "false", "id.token.claim": "true",
                              "access.token.claim": "false", "userinfo.token.claim": "true"}}]""";
        String machines = eid ? "" : """
                , {"clientId": "%s", "enabled": true, "publicClient": false, "secret": "%s",
                   "standardFlowEnabled": false, "serviceAccountsEnabled": true,
                   "protocolMappers": [{"name": "api audience", "protocol": "openid-connect",
                       "protocolMapper": "oidc-audience-mapper",
                       "config": {"included.custom.audience": "%s", "access.token.claim": "true", "id.token.claim": "false"}}]},
                  {"clientId": "%s", "enabled": true, "publicClient": false, "secret": "%s",
                   "standardFlowEnabled": false, "serviceAccountsEnabled": true},
                  {"clientId": "%s", "enabled": true, "publicClient": false, "secret": "%s",
                   "standardFlowEnabled": false, "serviceAccountsEnabled": true,
                   "attributes": {"access.token.lifespan": "%d"},
                   "protocolMappers": [{"name": "api audience", "protocol": "openid-connect",
                       "protocolMapper": "oidc-audience-mapper",
                       "config": {"included.custom.audience": "%s", "access.token.claim": "true", "id.token.claim": "false"}}]}
                """.formatted(STATS, STATS_SECRET, API_AUDIENCE, OTHER, OTHER_SECRET, BRIEF, BRIEF_SECRET, BRIEF_SECONDS,
                API_AUDIENCE);
        return """
                {"realm": "%s", "enabled": true, "sslRequired": "none",
                 "clients": [{"clientId": "%s", "enabled": true, "publicClient": false, "secret": "%s",
                   "protocol": "openid-connect", "standardFlowEnabled": true, "directAccessGrantsEnabled": false,
                   "redirectUris": ["%s/*"], "webOrigins": ["+"],
                   "frontchannelLogout": false,
                   "attributes": {"pkce.code.challenge.method": "S256", "post.logout.redirect.uris": "+",
                                  "backchannel.logout.url": "%s/sso/%s/backchannel-logout",
                                  "backchannel.logout.session.required": "true"}%s}%s],
                 "groups": [{"name": "iop-ekonomi"}, {"name": "unmapped"}],
                 "users": [%s]}
                """.formatted(realm, CLIENT, secret, app, app, provider, eidMapper, machines, users);
    }

    private static String user(String username, String first, String last, String... groups) {
        return """
                {"username": "%s", "enabled": true, "emailVerified": true, "firstName": "%s", "lastName": "%s",
                 "email": "%s@example.se", "groups": [%s],
                 "credentials": [{"type": "password", "value": "%s", "temporary": false}]}"""
                .formatted(username, first, last, username.replaceAll("[^a-z0-9.]", "") + "x",
                        java.util.Arrays.stream(groups).map(g -> "\"" + g + "\"").collect(Collectors.joining(", ")), PASSWORD);
    }
}
