package se.iop.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * An API write that rides on the session cookie (no Authorization header) must show it was sent by a
 * script of the user's, not by a form on another site: a JSON body, or the header {@code X-IOP-Request}
 * (or {@code X-Requested-With}), neither of which an HTML form can send. A body-less POST, a form post
 * and a multipart upload without the header are refused with 403. Credentials sent with the request
 * (HTTP Basic) need no such proof.
 */
public class CookieApiWrites extends HttpFilter {

    public static final String HEADER = "X-IOP-Request";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (refused(request)) {
            Problem.write(response, 403, "Forbidden", "An API write with the session cookie needs a JSON body"
                    + " (Content-Type: application/json) or the header " + HEADER + ".");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean refused(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/") || !WRITES.contains(request.getMethod()) || request.getRemoteUser() == null
                || request.getHeader("Authorization") != null) {
            return false;
        }
        return request.getHeader(HEADER) == null && request.getHeader("X-Requested-With") == null
                && !json(request.getContentType());
    }

    /** application/json, or a JSON-based type such as application/merge-patch+json. */
    static boolean json(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }
}
