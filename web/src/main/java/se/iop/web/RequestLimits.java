package se.iop.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.regex.Pattern;

/**
 * How much one request may be: its URL (414), its headers (431) and its body per endpoint (413), so a
 * client cannot make the server hold or parse more than the endpoint needs. The listener's limits in
 * {@code configure.cli} are the outer bound (what Undertow reads at all); these are the application's,
 * answered as a problem detail under {@code /api} and as a short page elsewhere.
 *
 * <p>A servlet filter (mapped first in {@code web.xml}) rather than an Undertow handler module: it needs
 * no server module nor Undertow API, and knows the application's endpoints. It runs after the login
 * mechanism, which for an anonymous request only sends it to the login page or answers 401, neither
 * holding anything.
 */
public class RequestLimits extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Path and query together, in characters as sent. */
    public static final int MAX_URL = 4096;
    public static final int MAX_HEADERS = 100;
    public static final int MAX_HEADER_LINE = 8192;
    public static final int MAX_HEADER_BYTES = 16384;

    private static final long KB = 1024;
    private static final long MULTIPART_SLACK = 64 * KB;
    /** A JSON body, or a page's form post. */
    public static final long MAX_BODY = 256 * KB;
    /** Attachments: the domain's own 5 MB limit (FileType) answers more precisely under this. */
    public static final long MAX_ATTACHMENT = 5 * KB * KB + MULTIPART_SLACK;
    /** The cost import: the domain's own 10 MB limit (ExpenseCsv) answers more precisely under this. */
    public static final long MAX_IMPORT = 10 * KB * KB + MULTIPART_SLACK;

    /** A report's attachments and a self-assessment's evidence: the same rule, the same limit. */
    private static final Pattern ATTACHMENTS = Pattern.compile("/api/(reports|fidelity)/[^/]+/attachments/?");
    /** A signed agreement uploaded: an attachment by the same rules. */
    private static final Pattern SIGNATURES = Pattern.compile("/api/agreements/[^/]+/signatures/?");
    private static final Pattern IMPORT = Pattern.compile("/api/budgets/[^/]+/expenses/import/?");

    /** The largest body the endpoint at {@code path} (inside the application) takes. */
    public static long maxBody(String path) {
        if (path.startsWith("/api/")) {
            if (ATTACHMENTS.matcher(path).matches() || SIGNATURES.matcher(path).matches()) {
                return MAX_ATTACHMENT;
            }
            if (IMPORT.matcher(path).matches()) {
                return MAX_IMPORT;
            }
            return MAX_BODY;
        }
        return switch (path) {
            case "/reports/edit.xhtml", "/agreements/view.xhtml", "/followup/fidelity.xhtml" -> MAX_ATTACHMENT;
            case "/budget/io.xhtml" -> MAX_IMPORT;
            default -> MAX_BODY;
        };
    }

    /** The status a request of this size is refused with, or 0 when it is within the limits. */
    public static int refusal(String path, int urlLength, int headerCount, int longestHeader, int headerBytes,
                              long contentLength) {
        if (urlLength > MAX_URL) {
            return 414;
        }
        if (headerCount > MAX_HEADERS || longestHeader > MAX_HEADER_LINE || headerBytes > MAX_HEADER_BYTES) {
            return 431;
        }
        if (contentLength > maxBody(path)) {
            return 413;
        }
        return 0;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString();
        int url = request.getRequestURI().length() + (query == null ? 0 : query.length() + 1);
        int count = 0;
        int longest = 0;
        int total = 0;
        for (String name : Collections.list(request.getHeaderNames())) {
            Enumeration<String> values = request.getHeaders(name);
            while (values.hasMoreElements()) {
                int line = name.length() + 2 + values.nextElement().length();
                count++;
                longest = Math.max(longest, line);
                total += line + 2;
            }
        }
        int status = refusal(path, url, count, longest, total, request.getContentLengthLong());
        if (status == 0) {
            chain.doFilter(request, response);
            return;
        }
        refuse(response, path, status);
    }

    /** Answers a request over a limit ({@link #refusal}) with its status, as a problem detail under /api. */
    static void refuse(HttpServletResponse response, String path, int status)
            throws IOException {
        // No "Connection: close": a client still sending its body would find the connection gone before it
        // reads the answer. Undertow discards what is left of the body, up to the listener's max-post-size.
        String title = switch (status) {
            case 414 -> "URI Too Long";
            case 431 -> "Request Header Fields Too Large";
            default -> "Content Too Large";
        };
        String detail = switch (status) {
            case 414 -> "The URL is longer than " + MAX_URL + " characters.";
            case 431 -> "At most " + MAX_HEADERS + " header fields of at most " + MAX_HEADER_LINE
                    + " bytes each, " + MAX_HEADER_BYTES + " bytes in all.";
            default -> "The body is larger than " + maxBody(path) / KB + " KB, the most this address takes.";
        };
        if (path.startsWith("/api/") || path.equals("/api")) {
            Problem.write(response, status, title, detail);
        } else {
            page(response, status, title, detail);
        }
    }

    /** A refusal as an RFC 9457 problem detail, for clients of the API. */
    private static void page(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        String sv = switch (status) {
            case 414 -> "Adressen är för lång.";
            case 431 -> "Förfrågans huvuden är för många eller för stora.";
            default -> "Det som skickades är för stort.";
        };
        String html = "<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"UTF-8\"><title>" + status + " " + title
                + "</title></head><body><main><h1>" + sv + "</h1><p lang=\"en\">" + title + ". " + detail
                + "</p><p><a href=\"/index.xhtml\">Till startsidan</a></p></main></body></html>";
        response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
    }
}
