package se.iop.fuzz;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The served OpenAPI document, read as a client would: its write operations and their schemas. */
final class Document {

    private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");

    private final JsonObject document;

    Document(JsonObject document) {
        this.document = document;
    }

    /** A parameter of an operation: in path, query or header. */
    record Parameter(String name, String in, boolean required, JsonObject schema) {
    }

    /** A write operation: its method, path, parameters and body (media type and schema; none when it takes none). */
    record Operation(String method, String path, List<Parameter> parameters, String mediaType, JsonObject body,
                     String example) {

        @Override
        public String toString() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }

        boolean takesJson() {
            return mediaType != null && mediaType.contains("json");
        }
    }

    List<Operation> writes() {
        List<Operation> operations = new ArrayList<>();
        for (var path : document.getJsonObject("paths").entrySet()) {
            JsonObject item = path.getValue().asJsonObject();
            for (var method : item.entrySet()) {
                if (!WRITES.contains(method.getKey())) {
                    continue;
                }
                JsonObject op = method.getValue().asJsonObject();
                List<Parameter> parameters = new ArrayList<>();
                for (JsonArray list : new JsonArray[] {item.getJsonArray("parameters"), op.getJsonArray("parameters")}) {
                    if (list != null) {
                        for (JsonValue p : list) {
                            JsonObject param = resolve(p.asJsonObject());
                            JsonObject schema = resolve(param.getJsonObject("schema"));
                            if (schema != null && param.containsKey("example") && !schema.containsKey("example")) {
                                schema = Json.createObjectBuilder(schema).add("example", param.get("example")).build();
                            }
                            parameters.add(new Parameter(param.getString("name"), param.getString("in"),
                                    param.getBoolean("required", false), schema));
                        }
                    }
                }
                String mediaType = null;
                JsonObject body = null;
                String example = null;
                JsonObject requestBody = op.containsKey("requestBody") ? resolve(op.getJsonObject("requestBody")) : null;
                if (requestBody != null && requestBody.containsKey("content")) {
                    JsonObject content = requestBody.getJsonObject("content");
                    mediaType = content.keySet().stream().filter(t -> t.contains("json")).findFirst()
                            .orElse(content.keySet().iterator().next());
                    JsonObject media = content.getJsonObject(mediaType);
                    body = media.containsKey("schema") ? resolve(media.getJsonObject("schema")) : null;
                    if (media.containsKey("example")) {
                        example = media.get("example") instanceof jakarta.json.JsonString s ? s.getString()
                                : media.get("example").toString();
                    }
                }
                operations.add(new Operation(method.getKey(), path.getKey(), parameters, mediaType, body, example));
            }
        }
        return operations;
    }

    /** A schema with its {@code $ref} and {@code allOf} folded in, so its type, limits and properties are at hand. */
    JsonObject resolve(JsonObject schema) {
        if (schema == null) {
            return null;
        }
        JsonObjectBuilder merged = Json.createObjectBuilder();
        if (schema.containsKey("$ref")) {
            String[] ref = schema.getString("$ref").substring(2).split("/");
            JsonObject target = document;
            for (String part : ref) {
                target = target.getJsonObject(part);
            }
            resolve(target).forEach(merged::add);
        }
        if (schema.containsKey("allOf")) {
            for (JsonValue part : schema.getJsonArray("allOf")) {
                resolve(part.asJsonObject()).forEach(merged::add);
            }
        }
        for (String alternatives : new String[] {"anyOf", "oneOf"}) {
            if (schema.containsKey(alternatives)) {
                schema.getJsonArray(alternatives).stream().map(JsonValue::asJsonObject)
                        .filter(s -> !"null".equals(s.getString("type", ""))).findFirst()
                        .ifPresent(s -> resolve(s).forEach(merged::add));
            }
        }
        schema.forEach((k, v) -> {
            if (!k.equals("$ref") && !k.equals("allOf")) {
                merged.add(k, v);
            }
        });
        return merged.build();
    }

    /** The schema's type, the first that is not "null" where 3.1 gives a list. */
    static String type(JsonObject schema) {
        JsonValue t = schema.get("type");
        if (t instanceof JsonArray list) {
            return list.stream().map(v -> ((jakarta.json.JsonString) v).getString()).filter(s -> !s.equals("null"))
                    .findFirst().orElse("null");
        }
        if (t instanceof jakarta.json.JsonString s) {
            return s.getString();
        }
        return schema.containsKey("properties") ? "object" : "any";
    }

    static BigDecimal number(JsonObject schema, String name) {
        JsonValue v = schema.get(name);
        if (v instanceof jakarta.json.JsonNumber n) {
            return n.bigDecimalValue();
        }
        if (v instanceof jakarta.json.JsonString s) {
            return new BigDecimal(s.getString());
        }
        return null;
    }

    /** Lower bound and whether it is exclusive; OpenAPI 3.1 writes an exclusive one as a number of its own. */
    static BigDecimal minimum(JsonObject schema) {
        BigDecimal exclusive = schema.get("exclusiveMinimum") instanceof jakarta.json.JsonNumber n ? n.bigDecimalValue() : null;
        return exclusive != null ? exclusive : number(schema, "minimum");
    }

    static boolean minimumExclusive(JsonObject schema) {
        return exclusive(schema.get("exclusiveMinimum"));
    }

    private static boolean exclusive(JsonValue v) {
        return v != null && (v.getValueType() == JsonValue.ValueType.NUMBER || v.getValueType() == JsonValue.ValueType.TRUE);
    }

    static BigDecimal maximum(JsonObject schema) {
        BigDecimal exclusive = schema.get("exclusiveMaximum") instanceof jakarta.json.JsonNumber n ? n.bigDecimalValue() : null;
        return exclusive != null ? exclusive : number(schema, "maximum");
    }

    static boolean maximumExclusive(JsonObject schema) {
        return exclusive(schema.get("exclusiveMaximum"));
    }
}
