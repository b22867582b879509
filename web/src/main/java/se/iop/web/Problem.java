package se.iop.web;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;

/** An RFC 9457 problem detail; {@code field} names the input the problem is about, when there is one. */
public record Problem(String type, String title, int status, String detail, String field) {

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

    public static Response response(Response.Status status, String detail, String field) {
        return response(status.getStatusCode(), status.getReasonPhrase(), detail, field);
    }

    public static Response response(int status, String title, String detail, String field) {
        return Response.status(status).type(MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, field)).build();
    }

    /** The same problem written by a servlet filter or an error page, outside JAX-RS. */
    public static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        write(response, status, title, detail, null);
    }

    /** The same, naming the field (or header) the problem is about. */
    public static void write(HttpServletResponse response, int status, String title, String detail, String field)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        JsonObjectBuilder json = Json.createObjectBuilder().add("type", "about:blank").add("title", title)
                .add("status", status).add("detail", detail);
        if (field != null) {
            json.add("field", field);
        }
        response.getWriter().write(json.build().toString());
    }

    /**
     * A problem answer made for JAX-RS ({@link ProblemMapper}) written by a servlet filter instead: its status, its
     * headers (e.g. Retry-After) and its problem.
     */
    public static void write(HttpServletResponse response, Response problem) throws IOException {
        problem.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(v -> response.addHeader(name, v));
            }
        });
        if (problem.getEntity() instanceof Problem p) {
            write(response, p.status(), p.title(), p.detail(), p.field());
        } else {
            response.setStatus(problem.getStatus());
        }
    }
}
