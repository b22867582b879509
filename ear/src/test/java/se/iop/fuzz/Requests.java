package se.iop.fuzz;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The requests sent to one write operation: a valid one built from its schema, then for each field of the
 * body wrong types, numbers out of range, over-long and control-character text, the field missing or null,
 * properties the API does not know; whole bodies that are no object; unknown path ids and odd headers and
 * query parameters.
 */
final class Requests {

    /**
     * Why a request is wrong, which says what its answer must name: a wrong type, a number outside the
     * documented range (or its type's), a text over its documented length and an unknown property are
     * refused naming the field; a required field missing or null too. Control characters, extreme values
     * that may be allowed, and the rest need only be answered without a 5xx, as a problem when refused.
     */
    enum Kind {
        VALID, TYPE, RANGE, EDGE, LONG, CONTROL, MISSING, NULL, UNKNOWN, BODY, PATH, HEADER, QUERY
    }

    /** One request; {@code field} is the property it makes wrong (its own name), when there is one. */
    record Request(Kind kind, String field, boolean required, String label, String path, String contentType,
                   byte[] body, String... headers) {

        /** Its answer, when it refuses it, must name the field. */
        boolean mustName() {
            return switch (kind) {
                case TYPE, RANGE, LONG, UNKNOWN -> true;
                case MISSING, NULL -> required;
                default -> false;
            };
        }
    }

    private static final String SURROGATE = "LONE-SURROGATE";
    private static final String DATE = "2024-03-15";

    private final Document document;
    private final DemoIds ids;
    private int counter;

    Requests(Document document, DemoIds ids) {
        this.document = document;
        this.ids = ids;
    }

    /** A field of a body: where it is, its schema, and whether the schema requires it. */
    private record Field(List<Object> at, String name, JsonObject schema, boolean required) {
    }

    List<Request> of(Document.Operation op) {
        List<Request> out = new ArrayList<>();
        Map<String, String> pathValues = new LinkedHashMap<>();
        DemoIds.Found parent = pathIds(op, pathValues);
        String path = path(op.path(), pathValues);
        String query = query(op, null, null);
        if (op.body() == null || !op.takesJson()) {
            byte[] base = op.example() == null ? null : op.example().getBytes(StandardCharsets.UTF_8);
            out.add(new Request(Kind.VALID, null, false, "as documented", path + query, op.mediaType(), base));
            raw(op, path + query, out);
        } else {
            JsonValue base = valid(op.body(), "body", parent, true);
            out.add(json(Kind.VALID, null, false, "valid", path + query, base));
            List<Field> fields = new ArrayList<>();
            fields(op.body(), base, new ArrayList<>(), fields);
            for (Field f : fields) {
                mutate(f, base, path + query, out);
            }
            unknown(op.body(), base, new ArrayList<>(), path + query, out);
            bodies(path + query, base, out);
        }
        for (Document.Parameter p : op.parameters()) {
            switch (p.in()) {
                case "path" -> {
                    for (String wrong : new String[] {"abc", "-1", "99999999999999999999"}) {
                        Map<String, String> values = new LinkedHashMap<>(pathValues);
                        values.put(p.name(), wrong);
                        out.add(again(out.get(0), Kind.PATH, p.name(), "path " + p.name() + "=" + wrong,
                                path(op.path(), values) + query));
                    }
                }
                case "query" -> {
                    for (String wrong : new String[] {"x".repeat(10_000), "a\u0000\u0001\u001b\u007fb", null}) {
                        out.add(again(out.get(0), Kind.QUERY, p.name(), "query " + p.name() + "=" + shorten(wrong),
                                path + query(op, p.name(), wrong)));
                    }
                }
                case "header" -> {
                    if (p.name().equalsIgnoreCase("Content-Type")) {
                        for (String wrong : new String[] {"text/html", "x/y", "application/json"}) {
                            Request first = out.get(0);
                            out.add(new Request(Kind.HEADER, p.name(), false, "content type " + wrong, first.path(), wrong,
                                    first.body()));
                        }
                        continue;
                    }
                    for (String wrong : new String[] {"\"abc\"", "W/\"99999999999999999999\"", "x".repeat(2000)}) {
                        Request first = out.get(0);
                        out.add(new Request(Kind.HEADER, p.name(), false, "header " + p.name() + "=" + shorten(wrong),
                                first.path(), first.contentType(), first.body(), p.name(), wrong));
                    }
                }
                default -> {
                    // cookies: the session's own
                }
            }
        }
        return out;
    }

    // --- paths and parameters ---------------------------------------------------------------------

    /** Real ids for the path's parameters, each within the one before it; the last thing found. */
    private DemoIds.Found pathIds(Document.Operation op, Map<String, String> values) {
        DemoIds.Found parent = null;
        String[] segments = op.path().split("/");
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (s.startsWith("{") && s.endsWith("}")) {
                String name = s.substring(1, s.length() - 1);
                DemoIds.Found found = ids.find(name, i > 0 ? segments[i - 1] : null, parent);
                values.put(name, Long.toString(found.value()));
                if (found.table() != null) {
                    parent = name.equals("number") ? parent : found;
                }
            }
        }
        return parent;
    }

    private static String path(String template, Map<String, String> values) {
        String p = template;
        for (var v : values.entrySet()) {
            p = p.replace("{" + v.getKey() + "}", v.getValue());
        }
        return p.startsWith("/") ? p.substring(1) : p;
    }

    /** The query string: every parameter with a plain value, but the one given (left out when its value is null). */
    private String query(Document.Operation op, String name, String value) {
        StringBuilder q = new StringBuilder();
        for (Document.Parameter p : op.parameters()) {
            if (!p.in().equals("query")) {
                continue;
            }
            String v = p.name().equals(name) ? value : plain(p);
            if (v != null) {
                q.append(q.length() == 0 ? "?" : "&").append(p.name()).append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        }
        return q.toString();
    }

    private String plain(Document.Parameter p) {
        JsonValue v = valid(p.schema() == null ? Json.createObjectBuilder().add("type", "string").build() : p.schema(),
                p.name(), null, false);
        return v instanceof JsonString s ? s.getString() : v.toString();
    }

    // --- valid values -----------------------------------------------------------------------------

    /** A value the schema allows; ids name things that exist. The {@code version} of an update is left out. */
    JsonValue valid(JsonObject schema, String name, DemoIds.Found parent, boolean top) {
        if (schema.containsKey("enum")) {
            return schema.getJsonArray("enum").get(0);
        }
        String type = Document.type(schema);
        switch (type) {
            case "object": {
                JsonObjectBuilder b = Json.createObjectBuilder();
                JsonObject properties = schema.getJsonObject("properties");
                if (properties != null) {
                    for (var p : properties.entrySet()) {
                        if (!p.getKey().equals("version")) {
                            b.add(p.getKey(), valid(document.resolve(p.getValue().asJsonObject()), p.getKey(), parent, false));
                        }
                    }
                }
                return b.build();
            }
            case "array": {
                JsonObject items = schema.containsKey("items") ? document.resolve(schema.getJsonObject("items"))
                        : Json.createObjectBuilder().add("type", "string").build();
                return Json.createArrayBuilder().add(valid(items, name, parent, false)).build();
            }
            case "integer": {
                if (name.endsWith("Id") || name.endsWith("Ids")) {
                    return Json.createValue(ids.find(name, null, parent).value());
                }
                return Json.createValue(inRange(schema, BigDecimal.ONE).longValueExact());
            }
            case "number":
                return Json.createValue(inRange(schema, BigDecimal.ONE));
            case "boolean":
                return JsonValue.FALSE;
            case "string": {
                String format = schema.getString("format", "");
                if (format.equals("date")) {
                    return Json.createValue(DATE);
                }
                if (format.equals("date-time")) {
                    return Json.createValue(DATE + "T10:00:00Z");
                }
                String example = example(schema);
                if (example != null) {
                    return Json.createValue(example);
                }
                String text = "Fuzz " + ++counter;
                int max = schema.getInt("maxLength", Integer.MAX_VALUE);
                return Json.createValue(text.length() > max ? text.substring(0, max) : text);
            }
            default:
                return Json.createValue("fuzz");
        }
    }

    private static String example(JsonObject schema) {
        if (schema.get("example") instanceof JsonString s) {
            return s.getString();
        }
        if (schema.get("examples") instanceof JsonArray list && !list.isEmpty() && list.get(0) instanceof JsonString s) {
            return s.getString();
        }
        return null;
    }

    /** The wanted value where the schema's bounds allow it, else the nearest allowed one. */
    private static BigDecimal inRange(JsonObject schema, BigDecimal wanted) {
        BigDecimal min = Document.minimum(schema);
        BigDecimal max = Document.maximum(schema);
        BigDecimal step = Document.number(schema, "multipleOf");
        BigDecimal v = wanted;
        if (min != null && (v.compareTo(min) < 0 || Document.minimumExclusive(schema) && v.compareTo(min) == 0)) {
            v = Document.minimumExclusive(schema) ? min.add(step == null ? BigDecimal.ONE : step) : min;
        }
        if (max != null && v.compareTo(max) > 0) {
            v = max;
        }
        return v;
    }

    // --- fields and what is wrong with them -------------------------------------------------------

    private void fields(JsonObject schema, JsonValue value, List<Object> at, List<Field> out) {
        JsonObject properties = schema.getJsonObject("properties");
        if (properties == null || !(value instanceof JsonObject object)) {
            return;
        }
        List<String> required = schema.containsKey("required")
                ? schema.getJsonArray("required").getValuesAs(JsonString::getString) : List.of();
        for (var p : properties.entrySet()) {
            JsonObject child = document.resolve(p.getValue().asJsonObject());
            List<Object> here = new ArrayList<>(at);
            here.add(p.getKey());
            out.add(new Field(here, p.getKey(), child, required.contains(p.getKey())));
            JsonValue inner = object.get(p.getKey());
            if ("object".equals(Document.type(child))) {
                fields(child, inner, here, out);
            } else if ("array".equals(Document.type(child)) && child.containsKey("items")
                    && inner instanceof JsonArray list && !list.isEmpty()) {
                List<Object> first = new ArrayList<>(here);
                first.add(0);
                fields(document.resolve(child.getJsonObject("items")), list.get(0), first, out);
            }
        }
    }

    private void mutate(Field f, JsonValue base, String path, List<Request> out) {
        String type = Document.type(f.schema());
        boolean date = "date".equals(f.schema().getString("format", ""));
        List<JsonValue> types = new ArrayList<>();
        switch (type) {
            case "string" -> {
                types.add(Json.createValue(12345));
                types.add(Json.createObjectBuilder().add("fuzz", 1).build());
                if (date) {
                    types.add(Json.createValue("2024-02-30"));
                    types.add(Json.createValue("15/03/2024"));
                }
            }
            case "integer", "number" -> {
                types.add(Json.createValue("abc"));
                types.add(JsonValue.TRUE);
                types.add(JsonValue.EMPTY_JSON_ARRAY);
                if (type.equals("integer")) {
                    types.add(Json.createValue(new BigDecimal("1.5")));
                }
            }
            case "boolean" -> {
                types.add(Json.createValue("yes"));
                types.add(Json.createValue(1));
            }
            case "array" -> {
                types.add(Json.createValue("x"));
                types.add(JsonValue.EMPTY_JSON_OBJECT);
            }
            default -> {
                types.add(Json.createValue("x"));
                types.add(JsonValue.EMPTY_JSON_ARRAY);
            }
        }
        for (JsonValue v : types) {
            out.add(json(Kind.TYPE, f, "wrong type " + shorten(v.toString()), path, with(base, f.at(), v)));
        }
        if (type.equals("array")) {
            out.add(json(Kind.EDGE, f, "a null element", path, with(base, f.at(), Json.createArrayBuilder().add(JsonValue.NULL).build())));
        }
        if (date) {
            // Dates a client may mean, or not: the answer is no 5xx either way.
            for (String d : new String[] {"0001-01-01", "+999999999-12-31", "-4714-11-23"}) {
                out.add(json(Kind.EDGE, f, "date " + d, path, with(base, f.at(), Json.createValue(d))));
            }
        }
        if (type.equals("integer") || type.equals("number")) {
            for (BigDecimal n : numbers(f.schema())) {
                out.add(json(outside(f.schema(), n) ? Kind.RANGE : Kind.EDGE, f, "number " + n, path,
                        with(base, f.at(), Json.createValue(n))));
            }
        }
        if (type.equals("string") && !f.schema().containsKey("enum") && !date) {
            int max = f.schema().getInt("maxLength", 100_000);
            out.add(json(Kind.LONG, f, "over-long " + (max + 1), path, with(base, f.at(), Json.createValue("x".repeat(max + 1)))));
        }
        if (type.equals("string")) {
            for (String c : new String[] {"Fuzz\u0000text", "\u0001\u0007\u001b\u007f\u0085", SURROGATE + "\u202e\u2028\ufeff"}) {
                out.add(json(Kind.CONTROL, f, "control " + c.chars().mapToObj(i -> String.format("U+%04X", i)).toList(),
                        path, with(base, f.at(), Json.createValue(c))));
            }
        }
        out.add(json(Kind.MISSING, f, "missing", path, with(base, f.at(), null)));
        out.add(json(Kind.NULL, f, "null", path, with(base, f.at(), JsonValue.NULL)));
    }

    /** Just past each bound the schema gives, and what no column holds. */
    private static List<BigDecimal> numbers(JsonObject schema) {
        List<BigDecimal> values = new ArrayList<>();
        BigDecimal step = Document.number(schema, "multipleOf");
        BigDecimal unit = step == null ? BigDecimal.ONE : step;
        BigDecimal min = Document.minimum(schema);
        BigDecimal max = Document.maximum(schema);
        if (min != null) {
            values.add(Document.minimumExclusive(schema) ? min : min.subtract(unit));
        }
        if (max != null) {
            values.add(Document.maximumExclusive(schema) ? max : max.add(unit));
        }
        if (step != null) {
            values.add(BigDecimal.ONE.add(step.movePointLeft(1)));
        }
        for (String n : new String[] {"1e308", "-99999999999.999", "2147483648", "9223372036854775808", "1E+400000000"}) {
            values.add(new BigDecimal(n));
        }
        return values;
    }

    /** Whether a number lies outside what the schema documents, or what its format holds. */
    static boolean outside(JsonObject schema, BigDecimal n) {
        BigDecimal min = Document.minimum(schema);
        BigDecimal max = Document.maximum(schema);
        BigDecimal step = Document.number(schema, "multipleOf");
        if (min != null && (n.compareTo(min) < 0 || Document.minimumExclusive(schema) && n.compareTo(min) == 0)) {
            return true;
        }
        if (max != null && (n.compareTo(max) > 0 || Document.maximumExclusive(schema) && n.compareTo(max) == 0)) {
            return true;
        }
        // More decimals than the step (0.01, 0.1) has; no remainder of 1E+400000000 is worked out.
        if (step != null && n.stripTrailingZeros().scale() > step.stripTrailingZeros().scale()) {
            return true;
        }
        String format = schema.getString("format", "");
        if ("integer".equals(Document.type(schema))) {
            BigDecimal limit = format.equals("int32") ? BigDecimal.valueOf(Integer.MAX_VALUE) : BigDecimal.valueOf(Long.MAX_VALUE);
            return n.stripTrailingZeros().scale() > 0 || n.abs().compareTo(limit) > 0;
        }
        return false;
    }

    /** Properties the API does not know, in the body and in each object within it. */
    private void unknown(JsonObject schema, JsonValue value, List<Object> at, String path, List<Request> out) {
        if (!(value instanceof JsonObject object)) {
            return;
        }
        JsonValue base = root(out);
        out.add(json(Kind.UNKNOWN, "fuzzUnknown", false, "unknown property at " + at, path,
                with(base, concat(at, "fuzzUnknown"), Json.createValue(1))));
        if (!object.isEmpty()) {
            String first = object.keySet().iterator().next();
            String other = Character.toUpperCase(first.charAt(0)) + first.substring(1);
            out.add(json(Kind.UNKNOWN, other, false, "unknown property " + other + " at " + at, path,
                    with(base, concat(at, other), object.get(first))));
        }
        JsonObject properties = schema.getJsonObject("properties");
        if (properties == null) {
            return;
        }
        for (var p : properties.entrySet()) {
            JsonObject child = document.resolve(p.getValue().asJsonObject());
            JsonValue inner = object.get(p.getKey());
            if ("object".equals(Document.type(child))) {
                unknown(child, inner, concat(at, p.getKey()), path, out);
            } else if ("array".equals(Document.type(child)) && inner instanceof JsonArray list && !list.isEmpty()
                    && child.containsKey("items")) {
                unknown(document.resolve(child.getJsonObject("items")), list.get(0), concat(concat(at, p.getKey()), 0), path, out);
            }
        }
    }

    /** Bodies that are no object of the schema at all. */
    private void bodies(String path, JsonValue base, List<Request> out) {
        String[] texts = {"", "null", "[{}]", "{\"a\":", "\"text\"", "1E+999999999", "{\"a\":".repeat(5000),
                "[".repeat(100_000)};
        for (String t : texts) {
            out.add(new Request(Kind.BODY, null, false, "body " + shorten(t), path, "application/json",
                    t.getBytes(StandardCharsets.UTF_8)));
        }
        out.add(new Request(Kind.BODY, null, false, "as text/plain", path, "text/plain", base.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** For a body that is no JSON (a file, a CSV): empty, junk, control characters, very long; each cell of its example made wrong. */
    private void raw(Document.Operation op, String path, List<Request> out) {
        String type = op.mediaType() == null ? "application/octet-stream" : op.mediaType().replace("*/*", "application/octet-stream");
        List<String> bodies = new ArrayList<>(List.of("", "\u0000\u0001\u001b", "z".repeat(1_000_000)));
        byte[] junk = new byte[4096];
        new java.util.Random(15).nextBytes(junk);
        out.add(new Request(Kind.BODY, null, false, "random bytes", path, type, junk));
        if (op.example() != null) {
            String[] lines = op.example().split("\n");
            String last = lines[lines.length - 1];
            String separator = last.contains(";") ? ";" : ",";
            String[] cells = last.split(separator, -1);
            for (int i = 0; i < cells.length; i++) {
                for (String wrong : new String[] {"a\u0000\u0001\u001b\u007fb", "9".repeat(400), "x".repeat(20_000),
                        "-99999999999.999"}) {
                    String[] changed = cells.clone();
                    changed[i] = wrong;
                    lines[lines.length - 1] = String.join(separator, changed);
                    bodies.add(String.join("\n", lines));
                }
            }
        }
        for (String b : bodies) {
            out.add(new Request(Kind.BODY, null, false, "body " + shorten(b), path, type, b.getBytes(StandardCharsets.UTF_8)));
        }
        if (op.body() != null || op.mediaType() != null) {
            out.add(new Request(Kind.BODY, null, false, "as JSON", path, "application/json", "{\"fuzzUnknown\":1}".getBytes(StandardCharsets.UTF_8)));
        }
    }

    // --- building requests ------------------------------------------------------------------------

    private Request json(Kind kind, Field f, String label, String path, JsonValue body) {
        return json(kind, f.name(), f.required(), f.name() + ": " + label, path, body);
    }

    private static Request json(Kind kind, String field, boolean required, String label, String path, JsonValue body) {
        String text = body.toString().replace(SURROGATE, "\\ud800");
        return new Request(kind, field, required, label, path, "application/json", text.getBytes(StandardCharsets.UTF_8));
    }

    private static Request again(Request first, Kind kind, String field, String label, String path) {
        return new Request(kind, field, false, label, path, first.contentType(), first.body());
    }

    private static JsonValue root(List<Request> out) {
        try (var r = Json.createReader(new java.io.ByteArrayInputStream(out.get(0).body()))) {
            return r.readValue();
        }
    }

    private static List<Object> concat(List<Object> at, Object next) {
        List<Object> here = new ArrayList<>(at);
        here.add(next);
        return here;
    }

    /** The value with the one at {@code at} replaced, or taken out when {@code replacement} is null. */
    static JsonValue with(JsonValue value, List<Object> at, JsonValue replacement) {
        if (at.isEmpty()) {
            return replacement;
        }
        Object step = at.get(0);
        List<Object> rest = at.subList(1, at.size());
        if (value instanceof JsonObject object && step instanceof String key) {
            JsonObjectBuilder b = Json.createObjectBuilder(object);
            JsonValue inner = with(object.get(key), rest, replacement);
            if (inner == null) {
                b.remove(key);
            } else {
                b.add(key, inner);
            }
            return b.build();
        }
        if (value instanceof JsonArray array && step instanceof Integer index) {
            JsonArrayBuilder b = Json.createArrayBuilder();
            for (int i = 0; i < array.size(); i++) {
                JsonValue inner = i == index ? with(array.get(i), rest, replacement) : array.get(i);
                if (inner != null) {
                    b.add(inner);
                }
            }
            return b.build();
        }
        return value;
    }

    static String shorten(String s) {
        if (s == null) {
            return "(none)";
        }
        StringBuilder visible = new StringBuilder();
        for (int i = 0; i < Math.min(s.length(), 40); i++) {
            char c = s.charAt(i);
            visible.append(c < 32 || c == 127 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return s.length() > 40 ? visible + "… (" + s.length() + " chars)" : visible.toString();
    }
}
