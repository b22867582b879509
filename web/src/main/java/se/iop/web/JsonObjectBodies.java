package se.iop.web;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/**
 * Refuses a JSON array where the API takes one object (its inputs are records): Yasson would quietly
 * read {@code [{…}, {…}]} as the first element and drop the rest.
 */
@Provider
public class JsonObjectBodies implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && context.getType().isRecord()) {
            PushbackInputStream in = new PushbackInputStream(context.getInputStream(), 1);
            int first = firstNonBlank(in);
            if (first == '[') {
                throw new JsonbException("Expected a JSON object, got an array");
            }
            if (first >= 0) {
                in.unread(first);
            }
            context.setInputStream(in);
        }
        return context.proceed();
    }

    // JSON's whitespace carries no meaning, so what is skipped here need not be put back.
    private static int firstNonBlank(InputStream in) throws IOException {
        int b = in.read();
        while (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
            b = in.read();
        }
        return b;
    }
}
