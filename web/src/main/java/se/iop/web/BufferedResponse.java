package se.iop.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An answer held back from the client: status, the headers the application sets and the body are kept here, and
 * nothing reaches the connection until {@link #writeTo} (so an idempotent POST's answer leaves only after its
 * transaction committed, and the same answer can be stored with its key). The headers set before it (the server's
 * and the earlier filters', a new session's cookie) stay on the real response.
 */
final class BufferedResponse extends HttpServletResponseWrapper {

    /** Not part of an answer to keep: the server writes them for each answer itself. */
    private static final Set<String> NOT_KEPT = Set.of("content-length", "transfer-encoding", "connection", "date",
            "set-cookie");

    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private int status = SC_OK;
    private String characterEncoding;
    private String errorMessage;
    private boolean error;
    private PrintWriter writer;
    private ServletOutputStream stream;

    BufferedResponse(HttpServletResponse response) {
        super(response);
    }

    int status() {
        return status;
    }

    /** The body as written so far. */
    byte[] body() {
        if (writer != null) {
            writer.flush();
        }
        return body.toByteArray();
    }

    /** The headers to keep with the answer, one "Name: value" a line; Content-Type with its charset. */
    String headerLines() {
        StringBuilder lines = new StringBuilder();
        headers.forEach((name, values) -> {
            if (!NOT_KEPT.contains(name.toLowerCase(Locale.ROOT))) {
                for (String v : values) {
                    String value = name.equalsIgnoreCase("Content-Type") ? contentTypeWithCharset(v) : v;
                    lines.append(name).append(": ").append(value).append('\n');
                }
            }
        });
        return lines.toString();
    }

    boolean hasHeaderValue(String name, String part) {
        List<String> values = headers.get(name);
        return values != null && values.stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains(part));
    }

    /** Sends what was held back: status, headers and body (or the container's error page for a sendError). */
    void writeTo(HttpServletResponse real) throws IOException {
        byte[] bytes = body();
        if (error && bytes.length == 0) {
            copyHeaders(real);
            real.sendError(status, errorMessage);
            return;
        }
        write(real, status, headerLines(), bytes);
    }

    /** An answer (held back now, or stored with a key) sent to the client. */
    static void write(HttpServletResponse real, int status, String headerLines, byte[] bytes) throws IOException {
        real.setStatus(status);
        if (headerLines != null) {
            for (String line : headerLines.split("\n")) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    String name = line.substring(0, colon);
                    String value = line.substring(colon + 2);
                    if (name.equalsIgnoreCase("Content-Type")) {
                        real.setContentType(value);
                    } else {
                        real.addHeader(name, value);
                    }
                }
            }
        }
        if (bytes != null) {
            real.setContentLength(bytes.length);
            real.getOutputStream().write(bytes);
        }
    }

    private void copyHeaders(HttpServletResponse real) {
        headers.forEach((name, values) -> {
            if (!NOT_KEPT.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> real.addHeader(name, v));
            }
        });
    }

    private String contentTypeWithCharset(String type) {
        return characterEncoding == null || type.toLowerCase(Locale.ROOT).contains("charset=") ? type
                : type + ";charset=" + characterEncoding;
    }

    private Charset charset() {
        String type = getContentType();
        if (characterEncoding != null) {
            return Charset.forName(characterEncoding);
        }
        if (type != null) {
            int at = type.toLowerCase(Locale.ROOT).indexOf("charset=");
            if (at >= 0) {
                return Charset.forName(type.substring(at + 8).replace("\"", "").split(";")[0].strip());
            }
        }
        return StandardCharsets.ISO_8859_1;
    }

    // Status

    @Override
    public void setStatus(int sc) {
        status = sc;
    }

    @Override
    public int getStatus() {
        return status;
    }

    @Override
    public void sendError(int sc) {
        sendError(sc, null);
    }

    @Override
    public void sendError(int sc, String msg) {
        resetBuffer();
        status = sc;
        error = true;
        errorMessage = msg;
    }

    @Override
    public void sendRedirect(String location) {
        resetBuffer();
        status = SC_FOUND;
        setHeader("Location", location);
    }

    // Headers

    @Override
    public void setHeader(String name, String value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, new ArrayList<>(List.of(value)));
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (value != null) {
            headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        setHeader(name, Integer.toString(value));
    }

    @Override
    public void addIntHeader(String name, int value) {
        addHeader(name, Integer.toString(value));
    }

    @Override
    public void setDateHeader(String name, long date) {
        setHeader(name, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(java.time.Instant.ofEpochMilli(date).atZone(java.time.ZoneOffset.UTC)));
    }

    @Override
    public void addDateHeader(String name, long date) {
        addHeader(name, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(java.time.Instant.ofEpochMilli(date).atZone(java.time.ZoneOffset.UTC)));
    }

    @Override
    public boolean containsHeader(String name) {
        return headers.containsKey(name);
    }

    @Override
    public String getHeader(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public Collection<String> getHeaders(String name) {
        return List.copyOf(headers.getOrDefault(name, List.of()));
    }

    @Override
    public Collection<String> getHeaderNames() {
        return List.copyOf(headers.keySet());
    }

    @Override
    public void setContentType(String type) {
        setHeader("Content-Type", type);
    }

    @Override
    public String getContentType() {
        String type = getHeader("Content-Type");
        return type == null ? null : contentTypeWithCharset(type);
    }

    @Override
    public void setCharacterEncoding(String charset) {
        characterEncoding = charset;
    }

    @Override
    public String getCharacterEncoding() {
        return charset().name();
    }

    @Override
    public void setContentLength(int len) {
        // the length of what is finally sent is set then
    }

    @Override
    public void setContentLengthLong(long len) {
        // as setContentLength
    }

    // Body

    @Override
    public ServletOutputStream getOutputStream() {
        if (stream == null) {
            stream = new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new IllegalStateException("An answer held back is written blocking");
                }

                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    body.write(b, off, len);
                }
            };
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(body, charset()));
        }
        return writer;
    }

    @Override
    public void flushBuffer() {
        if (writer != null) {
            writer.flush();
        }
    }

    @Override
    public boolean isCommitted() {
        return false;
    }

    @Override
    public void resetBuffer() {
        if (writer != null) {
            writer.flush();
        }
        body.reset();
    }

    @Override
    public void reset() {
        resetBuffer();
        headers.clear();
        status = SC_OK;
        error = false;
        characterEncoding = null;
    }

    @Override
    public void setBufferSize(int size) {
        // everything is held back anyway
    }
}
