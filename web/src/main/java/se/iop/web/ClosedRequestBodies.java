package se.iop.web;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Says in the OpenAPI document what {@link JsonObjectBodies} holds: a JSON body takes no property its schema
 * does not list ({@code additionalProperties: false}), in the body and in every object within it.
 */
public class ClosedRequestBodies implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getPaths() == null || api.getComponents() == null || api.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        Set<String> inputs = new LinkedHashSet<>();
        api.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                op.getRequestBody().getContent().getMediaTypes().forEach((type, media) -> {
                    if (type.contains("json")) {
                        collect(media.getSchema(), schemas, inputs);
                    }
                });
            }
        }));
        inputs.stream().map(schemas::get).filter(s -> s.getProperties() != null)
                .forEach(s -> s.setAdditionalPropertiesBoolean(Boolean.FALSE));
    }

    /** The named schemas a schema is made of, itself included. */
    private static void collect(Schema schema, Map<String, Schema> schemas, Set<String> found) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null) {
            String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
            Schema named = schemas.get(name);
            if (named != null && found.add(name) && named.getProperties() != null) {
                named.getProperties().values().forEach(p -> collect(p, schemas, found));
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(p -> collect(p, schemas, found));
        }
        collect(schema.getItems(), schemas, found);
        if (schema.getAllOf() != null) {
            schema.getAllOf().forEach(s -> collect(s, schemas, found));
        }
    }
}
