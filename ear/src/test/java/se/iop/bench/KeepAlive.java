package se.iop.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 connection kept open, as a lean client of a throughput benchmark: on two shared cores a full HTTP
 * client's own threads and parsing would take CPU from the server it measures. GET only; answers with a
 * Content-Length or chunked. Reconnects when the server closes. Not thread-safe: one per client thread.
 */
final class KeepAlive implements AutoCloseable {

    /** An answer: its status, its session cookie if it set one ({@code JSESSIONID=…}), its body. */
    record Reply(int status, String session, String body) {
    }

    private final URI base;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAlive(URI base) {
        this.base = base;
    }

    /** GET of a path under the base, with extra header lines (e.g. "Authorization: Bearer …"). */
    Reply get(String path, String... headers) throws IOException {
        StringBuilder request = new StringBuilder("GET ").append(base.getPath()).append(path).append(" HTTP/1.1\r\nHost: ")
                .append(base.getHost()).append(':').append(base.getPort()).append("\r\nAccept: application/json\r\n");
        for (String h : headers) {
            request.append(h).append("\r\n");
        }
        byte[] bytes = request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
        if (socket == null) {
            connect();
        }
        try {
            out.write(bytes);
            out.flush();
            return read();
        } catch (IOException stale) {
            // the server closed a connection idle too long: once more on a new one
            close();
            connect();
            out.write(bytes);
            out.flush();
            return read();
        }
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(60_000);
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
        in = new BufferedInputStream(socket.getInputStream(), 16384);
        out = socket.getOutputStream();
    }

    private Reply read() throws IOException {
        String status = line();
        if (status.isEmpty()) {
            throw new IOException("connection closed");
        }
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        String session = null;
        for (String h = line(); !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            String name = h.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = h.substring(colon + 1).strip();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                case "set-cookie" -> {
                    if (value.startsWith("JSESSIONID=")) {
                        session = value.substring(0, value.indexOf(';') < 0 ? value.length() : value.indexOf(';'));
                    }
                }
                default -> { }
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(line().split(";")[0].strip(), 16); size > 0;
                 size = Integer.parseInt(line().split(";")[0].strip(), 16)) {
                body.write(in.readNBytes(size));
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
        } else if (length >= 0) {
            body.write(in.readNBytes((int) length));
        } else {
            in.transferTo(body);
            close = true;
        }
        if (close) {
            close();
        }
        return new Reply(Integer.parseInt(status.split(" ")[1]), session, body.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        StringBuilder s = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                return s.toString();
            }
            if (c != '\r') {
                s.append((char) c);
            }
        }
        return s.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
