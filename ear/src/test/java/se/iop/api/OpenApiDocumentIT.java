package se.iop.api;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.iop.it.Api;
import se.iop.it.Deployments;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The served OpenAPI document tells a client everything: the rules of a standard linter (Redocly's
 * "recommended") that matter for a client, checked in Java on the document as served; and the document is
 * the one the build generates the Java client from ({@code src/test/resources/openapi.json}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenApiDocumentIT {

    /** The copy the build generates the client from (openapi-generator in the ear module's pom). */
    static final Path SNAPSHOT = Path.of("src", "test", "resources", "openapi.json");

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");
    private static final String PROBLEM = "#/components/schemas/Problem";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    static JsonObject served() {
        Api.Reply r = Api.anonymous().get("openapi?format=JSON");
        assertEquals(200, r.status(), r.body());
        try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readObject();
        }
    }

    /** Every operation: where it is, and its object. */
    private record Op(String where, JsonObject pathItem, JsonObject op, String path) {
    }

    private static List<Op> operations(JsonObject doc) {
        List<Op> ops = new ArrayList<>();
        doc.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().forEach((method, op) -> {
            if (METHODS.contains(method)) {
                ops.add(new Op(method.toUpperCase() + " " + path, item.asJsonObject(), op.asJsonObject(), path));
            }
        }));
        return ops;
    }

    @Test
    void everyOperationHasAUniqueUrlSafeIdAndASummary() {
        JsonObject doc = served();
        List<String> wrong = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        List<Op> ops = operations(doc);
        for (Op o : ops) {
            String id = o.op().getString("operationId", "");
            if (id.isBlank()) {
                wrong.add(o.where() + ": no operationId");
            } else if (!id.matches("[A-Za-z][A-Za-z0-9]*")) {
                wrong.add(o.where() + ": operationId '" + id + "' is not a camelCase name");
            } else if (ids.put(id, o.where()) != null) {
                wrong.add(o.where() + ": operationId '" + id + "' is also " + ids.get(id));
            }
            if (o.op().getString("summary", "").isBlank()) {
                wrong.add(o.where() + ": no summary");
            }
        }
        assertEquals(List.of(), wrong);
        assertFalse(ops.size() < 100, "only " + ops.size() + " operations in the document");
    }

    /** Each {name} of a path is declared as a required path parameter, and no path parameter is declared that is not in it. */
    @Test
    void everyPathParameterIsDeclared() {
        List<String> wrong = new ArrayList<>();
        for (Op o : operations(served())) {
            Set<String> inTemplate = new LinkedHashSet<>();
            Matcher m = TEMPLATE.matcher(o.path());
            while (m.find()) {
                inTemplate.add(m.group(1));
            }
            Set<String> declared = new HashSet<>();
            for (JsonArray list : new JsonArray[] {o.pathItem().getJsonArray("parameters"), o.op().getJsonArray("parameters")}) {
                if (list == null) {
                    continue;
                }
                for (JsonObject p : list.getValuesAs(JsonObject.class)) {
                    if ("path".equals(p.getString("in", null))) {
                        declared.add(p.getString("name"));
                        if (!p.getBoolean("required", false)) {
                            wrong.add(o.where() + ": path parameter " + p.getString("name") + " is not required");
                        }
                        if (!inTemplate.contains(p.getString("name"))) {
                            wrong.add(o.where() + ": declares path parameter " + p.getString("name") + " not in the path");
                        }
                    }
                }
            }
            inTemplate.stream().filter(n -> !declared.contains(n))
                    .forEach(n -> wrong.add(o.where() + ": path parameter " + n + " is not declared"));
        }
        assertEquals(List.of(), wrong);
    }

    /** A 2xx for what succeeds, and the problems it can answer with: at least one 4xx, every 4xx a problem+json Problem. */
    @Test
    void everyOperationDocumentsSuccessAndItsProblems() {
        JsonObject doc = served();
        List<String> wrong = new ArrayList<>();
        for (Op o : operations(doc)) {
            JsonObject responses = o.op().getJsonObject("responses");
            if (responses == null || responses.keySet().stream().noneMatch(c -> c.startsWith("2"))) {
                wrong.add(o.where() + ": no 2xx response");
            }
            boolean problem = false;
            for (var r : responses == null ? Set.<Map.Entry<String, JsonValue>>of() : responses.entrySet()) {
                if (!r.getKey().startsWith("4")) {
                    continue;
                }
                JsonObject content = r.getValue().asJsonObject().getJsonObject("content");
                JsonObject media = content == null ? null : content.getJsonObject("application/problem+json");
                JsonObject schema = media == null ? null : media.getJsonObject("schema");
                if (schema == null) {
                    wrong.add(o.where() + ": " + r.getKey() + " is not an application/problem+json problem detail");
                } else if (isProblem(doc, schema)) {
                    problem = true;
                } else {
                    wrong.add(o.where() + ": " + r.getKey() + " has a schema that is not a problem detail: " + schema);
                }
            }
            if (!problem) {
                wrong.add(o.where() + ": no 4xx problem response");
            }
            for (String always : List.of("401", "403")) {
                if (responses == null || !responses.containsKey(always)) {
                    wrong.add(o.where() + ": no " + always);
                }
            }
            if (o.path().contains("{") && (responses == null || !responses.containsKey("404"))) {
                wrong.add(o.where() + ": an id in the path and no 404");
            }
        }
        assertEquals(List.of(), wrong);
        JsonObject problem = doc.getJsonObject("components").getJsonObject("schemas").getJsonObject("Problem");
        assertEquals(Set.of("type", "title", "status", "detail", "field"), problem.getJsonObject("properties").keySet());
    }

    /** The Problem schema itself, or one made of it (a problem with extension members, e.g. the import's rows). */
    private static boolean isProblem(JsonObject doc, JsonObject schema) {
        String ref = schema.getString("$ref", null);
        if (PROBLEM.equals(ref)) {
            return true;
        }
        JsonObject target = ref == null ? schema : resolve(doc, ref);
        JsonObject properties = target == null ? null : target.getJsonObject("properties");
        return properties != null && properties.keySet().containsAll(Set.of("type", "title", "status", "detail", "field"));
    }

    /** Security schemes are declared, and every operation requires one of them (or says explicitly it needs none). */
    @Test
    void securityIsDeclaredAndRequired() {
        JsonObject doc = served();
        JsonObject schemes = doc.getJsonObject("components").getJsonObject("securitySchemes");
        assertEquals(Set.of("apiToken", "oidcAccessToken", "basicAuth", "sessionCookie"),
                schemes == null ? Set.of() : schemes.keySet());
        JsonObject jwt = schemes.getJsonObject("oidcAccessToken");
        assertEquals(List.of("http", "bearer", "JWT"), List.of(jwt.getString("type"), jwt.getString("scheme"), jwt.getString("bearerFormat")));
        JsonObject basic = schemes.getJsonObject("basicAuth");
        assertEquals(List.of("http", "basic"), List.of(basic.getString("type"), basic.getString("scheme")));
        JsonObject cookie = schemes.getJsonObject("sessionCookie");
        assertEquals(List.of("apiKey", "cookie", "JSESSIONID"),
                List.of(cookie.getString("type"), cookie.getString("in"), cookie.getString("name")));
        List<String> wrong = new ArrayList<>();
        JsonArray global = doc.getJsonArray("security");
        for (Op o : operations(doc)) {
            JsonArray security = o.op().containsKey("security") ? o.op().getJsonArray("security") : global;
            if (security == null) {
                wrong.add(o.where() + ": no security requirement");
                continue;
            }
            for (JsonObject requirement : security.getValuesAs(JsonObject.class)) {
                requirement.keySet().stream().filter(name -> !schemes.containsKey(name))
                        .forEach(name -> wrong.add(o.where() + ": requires undeclared scheme " + name));
            }
        }
        assertEquals(List.of(), wrong);
        assertFalse(global == null || global.isEmpty(), "no global security requirement");
    }

    @Test
    void theServerIsNamed() {
        JsonArray servers = served().getJsonArray("servers");
        assertFalse(servers == null || servers.isEmpty(), "no servers");
        for (JsonObject s : servers.getValuesAs(JsonObject.class)) {
            String url = s.getString("url", "");
            if (url.isBlank() || url.contains("example.com") || url.endsWith("/")) {
                fail("server url '" + url + "': blank, an example, or ending in '/' before the paths' own '/'");
            }
        }
    }

    /** Every $ref points at something, and every component is referred to. */
    @Test
    void everyReferenceResolvesAndEveryComponentIsUsed() {
        JsonObject doc = served();
        Set<String> refs = new TreeSet<>();
        collectRefs(doc, refs);
        List<String> wrong = new ArrayList<>();
        refs.stream().filter(r -> resolve(doc, r) == null).forEach(r -> wrong.add("undefined $ref " + r));
        JsonObject components = doc.getJsonObject("components");
        for (String kind : List.of("schemas", "responses", "parameters", "requestBodies", "headers", "examples")) {
            JsonObject group = components.getJsonObject(kind);
            if (group != null) {
                group.keySet().stream().map(name -> "#/components/" + kind + "/" + name).filter(r -> !refs.contains(r))
                        .forEach(r -> wrong.add("unused component " + r));
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static void collectRefs(JsonValue value, Set<String> refs) {
        if (value instanceof JsonObject o) {
            o.forEach((k, v) -> {
                if (k.equals("$ref") && v instanceof JsonString s) {
                    refs.add(s.getString());
                } else {
                    collectRefs(v, refs);
                }
            });
        } else if (value instanceof JsonArray a) {
            a.forEach(v -> collectRefs(v, refs));
        }
    }

    private static JsonObject resolve(JsonObject doc, String ref) {
        if (!ref.startsWith("#/")) {
            return null;
        }
        JsonValue at = doc;
        for (String part : ref.substring(2).split("/")) {
            String name = part.replace("~1", "/").replace("~0", "~");
            if (!(at instanceof JsonObject o) || !o.containsKey(name)) {
                return null;
            }
            at = o.get(name);
        }
        return at instanceof JsonObject o ? o : null;
    }

    /**
     * The build generates the Java client from {@code src/test/resources/openapi.json}: it must be the served
     * document (but for its server, which each installation names). With {@code -Diop.openapi.refresh=true} this
     * test writes the served document there instead, to be committed.
     */
    @Test
    void theClientIsGeneratedFromTheServedDocument() throws IOException {
        JsonObject served = served();
        if (Boolean.getBoolean("iop.openapi.refresh")) {
            Files.writeString(SNAPSHOT, pretty(served), StandardCharsets.UTF_8);
            System.out.println("Wrote the served document to " + SNAPSHOT.toAbsolutePath());
            return;
        }
        JsonObject snapshot;
        try (JsonReader reader = Json.createReader(new StringReader(Files.readString(SNAPSHOT, StandardCharsets.UTF_8)))) {
            snapshot = reader.readObject();
        }
        if (!withoutServers(served).equals(withoutServers(snapshot))) {
            Files.writeString(Path.of("target", "openapi-served.json"), pretty(served), StandardCharsets.UTF_8);
            List<String> differ = new ArrayList<>();
            differences("", withoutServers(snapshot), withoutServers(served), differ);
            fail("The served /openapi is not ear/" + SNAPSHOT.toString().replace('\\', '/')
                    + ", from which the build generates the Java client. If the API changed on purpose, refresh it:\n"
                    + "  ./mvnw verify -pl ear -am -Dit.test=OpenApiDocumentIT -Diop.openapi.refresh=true "
                    + "-Diop.skip.browser=true -Diop.skip.fuzz=true\n"
                    + "and commit it (the served one is in ear/target/openapi-served.json). Differences:\n  "
                    + String.join("\n  ", differ.subList(0, Math.min(20, differ.size()))));
        }
    }

    private static JsonObject withoutServers(JsonObject doc) {
        return Json.createObjectBuilder(doc).remove("servers").build();
    }

    private static void differences(String at, JsonValue expected, JsonValue actual, List<String> out) {
        if (expected instanceof JsonObject e && actual instanceof JsonObject a) {
            Set<String> keys = new TreeSet<>(e.keySet());
            keys.addAll(a.keySet());
            for (String k : keys) {
                if (!e.containsKey(k)) {
                    out.add(at + "/" + k + ": only served");
                } else if (!a.containsKey(k)) {
                    out.add(at + "/" + k + ": only in the copy");
                } else {
                    differences(at + "/" + k, e.get(k), a.get(k), out);
                }
            }
        } else if (!expected.equals(actual)) {
            out.add(at + ": " + expected + " → " + actual);
        }
    }

    static String pretty(JsonObject doc) {
        StringWriter out = new StringWriter();
        try (JsonWriter w = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
            w.writeObject(doc);
        }
        return out.toString().strip() + "\n";
    }
}
