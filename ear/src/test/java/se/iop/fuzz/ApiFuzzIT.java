package se.iop.fuzz;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.iop.fuzz.Document.Operation;
import se.iop.fuzz.Requests.Request;
import se.iop.it.Api;
import se.iop.it.Deployments;
import se.iop.it.ItDatabase;
import se.iop.it.Problems;
import se.iop.it.WriteLog;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A client's mistake is never an error of the server. Reads the OpenAPI document the server serves,
 * builds a valid request for every write operation it lists from the operation's schema, and sends, for
 * each field, wrong types, numbers out of range, over-long and control-character text, the field missing
 * or null, and properties the API does not know — against the demo's own ids, as a partner, a finance
 * officer and an administrator. No answer may be 5xx; every refusal is a problem detail (naming the field
 * where the request got one field wrong) and writes nothing. A new operation is covered by being in the
 * document.
 *
 * <p>It runs in a build step of its own, on a fresh demo database: the requests it sends that are accepted
 * change the demo data other tests read.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiFuzzIT {

    /** The mailer marks deliveries in the background, after the request that queued them answered; the reminder job
     * makes and mails report reminders on its own. */
    private static final Set<String> BACKGROUND = Set.of("packet_delivery", "packet_delivery_aud", "revision", "job_run",
            "report_reminder");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    /** The document as served; a copy is kept in ear/target/openapi.json to read when a test fails. */
    private static Document document() {
        Api.Reply r = Api.anonymous().get("openapi?format=JSON");
        assertEquals(200, r.status(), r.body());
        try {
            Files.writeString(Path.of("target", "openapi.json"), r.body());
        } catch (IOException e) {
            System.out.println("Could not keep a copy of the document: " + e.getMessage());
        }
        try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
            return new Document(reader.readObject());
        }
    }

    @Test
    void noRequestAClientCanSendIsAnErrorOfTheServer() {
        long started = System.nanoTime();
        Document document = document();
        List<Operation> operations = new ArrayList<>(document.writes());
        // Removals last, so that what they take away is there for the others first.
        operations.sort(Comparator.comparing((Operation o) -> o.method().equals("delete")).thenComparing(Operation::path)
                .thenComparing(Operation::method));
        assertTrue(operations.size() >= 50, "the document lists only " + operations.size() + " write operations");

        List<Session> sessions = List.of(Session.login("stadsmissionen", "bostadforst"),
                Session.login("ekonom", "bostadforst"), Session.login("admin", ItDatabase.ADMIN_PASSWORD));
        Map<String, List<String>> failures = new TreeMap<>();
        Map<String, Integer> statuses = new TreeMap<>();
        Map<String, Integer> accepted = new TreeMap<>();
        int sent = 0;
        try (DemoIds ids = new DemoIds(); WriteLog writes = new WriteLog(BACKGROUND)) {
            Requests requests = new Requests(document, ids);
            for (Session session : sessions) {
                for (Operation op : operations) {
                    Api.Reply valid = null;
                    for (Request request : requests.of(op)) {
                        Api.Reply reply = session.send(op.method().toUpperCase(Locale.ROOT), request.path(),
                                request.contentType(), request.body(), request.headers());
                        sent++;
                        statuses.merge(session.user + " " + reply.status(), 1, Integer::sum);
                        if (reply.status() < 300) {
                            accepted.merge(op.toString(), 1, Integer::sum);
                        }
                        valid = valid == null ? reply : valid;
                        String problem = check(request, reply, writes.writtenSinceAsked(), valid);
                        if (problem != null) {
                            failures.computeIfAbsent(op + " [" + request.label() + "] → " + problem, k -> new ArrayList<>())
                                    .add(session.user);
                        }
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "API fuzz: %d write operations, %d requests in %.1f s (%.0f/s)%n",
                operations.size(), sent, seconds, sent / seconds);
        System.out.println("Answers by user and status: " + statuses);
        System.out.println("Accepted requests by operation: " + accepted);
        operations.stream().filter(o -> !accepted.containsKey(o.toString()))
                .forEach(o -> System.out.println("Never accepted: " + o));
        if (!failures.isEmpty()) {
            List<String> lines = failures.entrySet().stream().map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")")
                    .toList();
            lines.forEach(System.out::println);
            fail(failures.size() + " kinds of answer broke the rules, e.g.:\n"
                    + String.join("\n", lines.subList(0, Math.min(80, lines.size()))));
        }
    }

    /**
     * The document says what the API holds: each JSON body takes no property it does not list, each text
     * has its maximum length, each number its range (and an amount its step), each list its maximum size.
     */
    @Test
    void everyFieldOfARequestHasItsLimitsDocumented() {
        Document document = document();
        List<String> missing = new ArrayList<>();
        for (Operation op : document.writes()) {
            if (op.body() != null && op.takesJson()) {
                limits(document, op.body(), op + " ", missing);
            }
        }
        assertEquals(List.of(), missing);
    }

    private static void limits(Document document, JsonObject schema, String at, List<String> missing) {
        JsonValue closed = schema.get("additionalProperties");
        if (closed == null || closed.getValueType() != JsonValue.ValueType.FALSE) {
            missing.add(at + "takes properties it does not list: " + schema);
        }
        JsonObject properties = schema.getJsonObject("properties");
        if (properties == null) {
            return;
        }
        for (var p : properties.entrySet()) {
            JsonObject child = document.resolve(p.getValue().asJsonObject());
            String name = p.getKey();
            String where = at + name;
            switch (Document.type(child)) {
                case "string" -> {
                    if (!child.containsKey("enum") && !child.containsKey("format") && !child.containsKey("maxLength")) {
                        missing.add(where + ": no maxLength in " + child);
                    }
                }
                case "number" -> {
                    if (Document.minimum(child) == null || Document.maximum(child) == null || !child.containsKey("multipleOf")) {
                        missing.add(where + ": no minimum, maximum and multipleOf");
                    }
                }
                case "integer" -> {
                    boolean id = name.equals("id") || name.endsWith("Id") || name.equals("version");
                    if (!id && (Document.minimum(child) == null || Document.maximum(child) == null)) {
                        missing.add(where + ": no minimum and maximum");
                    }
                }
                case "object" -> limits(document, child, where + ".", missing);
                case "array" -> {
                    if (!child.containsKey("maxItems")) {
                        missing.add(where + ": no maxItems");
                    }
                    JsonObject items = child.containsKey("items") ? document.resolve(child.getJsonObject("items")) : null;
                    if (items != null && "object".equals(Document.type(items))) {
                        limits(document, items, where + "[].", missing);
                    }
                }
                default -> {
                    // booleans hold no more than they are
                }
            }
        }
    }

    /**
     * What is wrong with the answer, or null. A refusal that names another field than the one made wrong is
     * right when the valid request of the operation was refused for that field already (e.g. a partner's
     * id in a body the administrator's rules refuse first).
     */
    private static String check(Request request, Api.Reply reply, Set<String> written, Api.Reply valid) {
        int status = reply.status();
        if (status >= 500) {
            return status + " " + Requests.shorten(reply.body());
        }
        if (status == 401) {
            return "401: the session was lost";
        }
        if (status < 400) {
            return null;
        }
        if (!written.isEmpty()) {
            return status + " but wrote " + written;
        }
        String type = reply.contentType();
        if (type == null || !type.startsWith("application/problem+json")) {
            return status + " is no problem detail: " + type + " " + Requests.shorten(reply.body());
        }
        JsonObject p;
        try {
            p = reply.json();
            Problems.assertNoLeak(reply.body());
        } catch (RuntimeException | AssertionError e) {
            return status + " " + e.getMessage();
        }
        if (p.getInt("status", -1) != status || p.getString("detail", "").isBlank()) {
            return "incomplete problem: " + reply.body();
        }
        String named = p.getString("field", null);
        if (request.mustName() && (status == 400 || status == 422) && !names(named, request.field())
                && !(valid.status() == status && named != null && named.equals(field(valid)))) {
            return status + " names " + (named == null ? "no field" : named) + ", not " + request.field() + ": "
                    + p.getString("detail");
        }
        return null;
    }

    /** The field, or its path inside a list's item ({@code cohorts[2024-Q1].housed} names {@code housed} there). */
    private static boolean names(String named, String field) {
        return named != null && (named.equals(field) || named.endsWith("]." + field));
    }

    private static String field(Api.Reply reply) {
        try {
            return reply.status() >= 400 ? reply.json().getString("field", null) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
