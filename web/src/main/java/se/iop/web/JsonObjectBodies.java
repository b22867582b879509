package se.iop.web;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON bodies the API takes are records, read as they are and nothing else. Yasson would quietly
 * read {@code [{…}, {…}]} as the first element and drop the rest, and it drops a property the record does
 * not have — a misspelt {@code "titel"} would leave the title unchanged and answer 200. Both are refused
 * here with 400; an unknown property by its name, at any depth.
 */
@Provider
public class JsonObjectBodies implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && context.getType().isRecord()) {
            byte[] body = context.getInputStream().readAllBytes();
            JsonValue value = parsed(body);
            if (value instanceof JsonArray) {
                throw new JsonbException("Expected a JSON object, got an array");
            }
            if (value instanceof JsonObject object) {
                requireKnown(object, context.getType(), "");
            }
            context.setInputStream(new ByteArrayInputStream(body));
        }
        return context.proceed();
    }

    /**
     * The body as JSON, or null when there is none (the resource then says a body is required). What is no
     * JSON, or nested deeper than the parser goes, is a client's mistake: 400.
     */
    private static JsonValue parsed(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            return reader.readValue();
        } catch (RuntimeException e) {
            throw new JsonbException("The body is not valid JSON", e);
        }
    }

    /** Every property of the object names a component of the record, and so on into the records it holds. */
    private static void requireKnown(JsonObject object, Class<?> record, String path) {
        Map<String, RecordComponent> components = new HashMap<>();
        for (RecordComponent c : record.getRecordComponents()) {
            components.put(c.getName(), c);
        }
        List<String> unknown = object.keySet().stream().filter(name -> !components.containsKey(name)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new UnknownProperty(unknown.get(0), unknown.stream().map(name -> "'" + path + name + "'").toList());
        }
        object.forEach((name, value) -> inside(value, components.get(name).getGenericType(), path + name));
    }

    private static void inside(JsonValue value, Type type, String path) {
        if (value instanceof JsonObject object && type instanceof Class<?> c && c.isRecord()) {
            requireKnown(object, c, path + ".");
        } else if (value instanceof JsonArray array && type instanceof ParameterizedType list
                && list.getRawType() instanceof Class<?> raw && Collection.class.isAssignableFrom(raw)) {
            Type element = list.getActualTypeArguments()[0];
            for (int i = 0; i < array.size(); i++) {
                inside(array.get(i), element, path + "[" + i + "]");
            }
        }
    }

    /**
     * Properties the API does not know, each with where it is (e.g. {@code 'sections[0].heading_sv'});
     * {@link #name()} is the first one's own name, in the order of the alphabet, so the answer is the same
     * for the same body.
     */
    public static final class UnknownProperty extends RuntimeException {

        private final String name;

        UnknownProperty(String name, List<String> paths) {
            super(String.join(", ", paths));
            this.name = name;
        }

        public String name() {
            return name;
        }

        public String paths() {
            return getMessage();
        }
    }
}
