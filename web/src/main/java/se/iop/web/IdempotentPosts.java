package se.iop.web;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import se.iop.common.IdempotencyKeys;
import se.iop.common.IdempotencyKeys.Previous;
import se.iop.common.IdempotencyKeys.StillRunning;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code Idempotency-Key} on the API's POSTs: a client that sends a write again with the same key — after a timeout,
 * a 503, a node killed under it — gets the first one's answer and nothing is written twice.
 *
 * <p>The request is run in one JTA transaction begun here: the key is claimed first ({@link IdempotencyKeys#claim},
 * a row under a unique key in PostgreSQL, so a second request with the key waits for the first, on any node), the
 * services then join this transaction (they are REQUIRED) instead of each committing its own, the answer is held back
 * ({@link BufferedResponse}) and, if 2xx, stored with the key, and only after the commit is it sent. So a node killed
 * at any moment leaves the write with its key and answer, or neither; and whatever runs after a commit (the landlord
 * send's mailing, {@code AFTER_SUCCESS} observers, the caller cache's generation) runs after this one. A refusal (4xx,
 * 5xx) is rolled back: nothing written and no key kept, so the same key may be used once the input is fixed.
 *
 * <p>A servlet filter rather than a JAX-RS filter pair: it holds back the whole answer, also what an exception mapper
 * wrote, and the transaction spans everything the request does. POSTs without the header run as before.
 */
public class IdempotentPosts extends HttpFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 255;
    /** The header a replayed answer carries, so a client (or its log) can tell. */
    public static final String REPLAYED = "Idempotent-Replayed";

    private static final Logger LOG = Logger.getLogger(IdempotentPosts.class.getName());

    @Resource
    private UserTransaction transaction;

    @Inject
    private IdempotencyKeys keys;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        List<String> values = "POST".equals(request.getMethod())
                ? Collections.list(request.getHeaders(HEADER)) : List.of();
        // Every /api address needs a login; without one there is no account to keep a key for.
        if (values.isEmpty() || request.getRemoteUser() == null) {
            chain.doFilter(request, response);
            return;
        }
        String refusal = values.size() > 1 ? "Send one " + HEADER + " header." : refusal(values.get(0));
        if (refusal != null) {
            Problem.write(response, 400, "Bad Request", refusal, HEADER);
            return;
        }
        String key = values.get(0);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        byte[] body = request.getInputStream().readNBytes((int) RequestLimits.maxBody(path) + 1);
        if (body.length > RequestLimits.maxBody(path)) {
            // A body sent without its length, larger than the address takes (RequestLimits checks a declared length).
            RequestLimits.refuse(response, path, 413);
            return;
        }
        String target = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        byte[] hash = hash(request.getMethod(), target, body);
        BufferedResponse answer = new BufferedResponse(response);
        try {
            transaction.begin();
            Optional<Previous> previous = keys.claim(key, hash, request.getMethod(), target);
            if (previous.isPresent()) {
                transaction.rollback();
                replay(previous.get(), hash, response);
                return;
            }
            chain.doFilter(new BodyRequest(request, body), answer);
            int status = answer.status();
            if (status < 200 || status >= 300) {
                transaction.rollback();
            } else if (transaction.getStatus() == Status.STATUS_ACTIVE) {
                boolean secret = answer.hasHeaderValue("Cache-Control", "no-store");
                keys.answered(key, status, answer.headerLines(), answer.body(), secret);
                transaction.commit();
            } else {
                // A 2xx answer whose transaction cannot commit: no resource does this; say so rather than lie.
                throw new IllegalStateException("A " + status + " answer in a transaction marked for rollback");
            }
        } catch (StillRunning e) {
            rollback();
            response.setHeader("Retry-After", "1");
            Problem.write(response, 409, "Conflict", "A request with this " + HEADER + " is still running; send it "
                    + "again in a moment to get its answer.", HEADER);
            return;
        } catch (Exception e) {
            // The database away (503), a refusal only at commit (a deferred rule, 422), a concurrent change (409),
            // or a defect (500): nothing was stored, no key kept; the answer held back is dropped.
            rollback();
            Problem.write(response, new ProblemMapper().toResponse(e));
            return;
        }
        // Only now, committed (or rolled back), does the answer leave.
        answer.writeTo(response);
    }

    /** Why a key is refused (400), or null: 1–255 printable ASCII characters. */
    static String refusal(String key) {
        if (key.isEmpty() || key.length() > MAX_LENGTH) {
            return HEADER + " must be 1 to " + MAX_LENGTH + " characters long.";
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return HEADER + " may hold only printable ASCII characters (letters, digits, '-', ':' …), e.g. a UUID.";
            }
        }
        return null;
    }

    /** What a key stands for: SHA-256 of method, path with query (as sent, ASCII) and body. */
    static byte[] hash(String method, String target, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            // The target's length first, so that no part of it can pass for the body or the other way round.
            sha.update((method + "\n" + target.length() + ":" + target + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(body);
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The earlier request's answer, if this is that same request again. */
    private static void replay(Previous previous, byte[] hash, HttpServletResponse response) throws IOException {
        if (!MessageDigest.isEqual(previous.requestHash(), hash)) {
            Problem.write(response, 422, "Unprocessable Content", "This " + HEADER + " was used for another request ("
                    + previous.method() + " " + previous.path() + " with another body): a key stands for one request; "
                    + "send a new request with a new key.", HEADER);
            return;
        }
        if (previous.withheld()) {
            // An API token's secret is shown once and never stored, also not here.
            Problem.write(response, 409, "Conflict", "A request with this " + HEADER + " succeeded (" + previous.status()
                    + "); its answer held a secret shown only once, which is not kept.", HEADER);
            return;
        }
        LOG.fine(() -> "Replayed the answer of " + previous.method() + " " + previous.path() + " for its " + HEADER);
        response.setHeader(REPLAYED, "true");
        BufferedResponse.write(response, previous.status(), previous.headers(), previous.body());
    }

    private void rollback() {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (SystemException | IllegalStateException | SecurityException e) {
            LOG.log(Level.WARNING, "Could not roll back an idempotent request's transaction", e);
        }
    }

    /** The request with its body read already (to hash it), read again by JAX-RS. */
    private static final class BodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;
        private ServletInputStream stream;

        BodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            if (stream == null) {
                stream = stream();
            }
            return stream;
        }

        private ServletInputStream stream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("The body was read already");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.ISO_8859_1 : java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
