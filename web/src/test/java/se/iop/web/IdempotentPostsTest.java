package se.iop.web;

import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Idempotency-Key's own rules: which keys are taken, what a key stands for, what of an answer is kept. */
class IdempotentPostsTest {

    @Test
    void aKeyIsOneTo255PrintableAsciiCharacters() {
        assertNull(IdempotentPosts.refusal("6f1c0b7e-3c1a-4f57-9a55-0e8f1d2a4b90"));
        assertNull(IdempotentPosts.refusal("k".repeat(255)));
        assertNull(IdempotentPosts.refusal("order 17: \"first\" ~{}"));
        assertNotNull(IdempotentPosts.refusal(""));
        assertNotNull(IdempotentPosts.refusal("k".repeat(256)));
        assertNotNull(IdempotentPosts.refusal("nyckel-ö"));
        assertNotNull(IdempotentPosts.refusal("tab\there"));
        assertNotNull(IdempotentPosts.refusal("del\u007f"));
        assertTrue(IdempotentPosts.refusal("k".repeat(256)).contains("Idempotency-Key"));
    }

    @Test
    void aKeyStandsForMethodPathAndBody() {
        byte[] body = "{\"amount\": 1}".getBytes(StandardCharsets.UTF_8);
        byte[] h = IdempotentPosts.hash("POST", "/api/phases/1/expenses", body);
        assertEquals(32, h.length);
        assertArrayEquals(h, IdempotentPosts.hash("POST", "/api/phases/1/expenses", body.clone()));
        assertFalse(java.util.Arrays.equals(h, IdempotentPosts.hash("POST", "/api/phases/2/expenses", body)));
        assertFalse(java.util.Arrays.equals(h, IdempotentPosts.hash("POST", "/api/phases/1/expenses?x=1", body)));
        assertFalse(java.util.Arrays.equals(h, IdempotentPosts.hash("POST", "/api/phases/1/expenses",
                "{\"amount\": 2}".getBytes(StandardCharsets.UTF_8))));
        // the boundary between path and body cannot be shifted
        assertFalse(java.util.Arrays.equals(IdempotentPosts.hash("POST", "/a", "\nb".getBytes(StandardCharsets.UTF_8)),
                IdempotentPosts.hash("POST", "/a\n", "b".getBytes(StandardCharsets.UTF_8))));
    }

    private static HttpServletResponse nothing() {
        return (HttpServletResponse) Proxy.newProxyInstance(HttpServletResponse.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    throw new AssertionError("the answer reached the connection: " + method.getName());
                });
    }

    @Test
    void anAnswerIsHeldBackWholeAndKeptWithTheHeadersTheApplicationSet() throws Exception {
        BufferedResponse r = new BufferedResponse(nothing());
        r.setStatus(201);
        r.setContentType("application/json");
        r.setCharacterEncoding("UTF-8");
        r.addHeader("Location", "http://localhost/api/expenses/7");
        r.setHeader("ETag", "\"3\"");
        r.setContentLength(12);
        r.addHeader("Set-Cookie", "JSESSIONID=x");
        r.getOutputStream().write("{\"id\":7}".getBytes(StandardCharsets.UTF_8));
        r.flushBuffer();
        assertFalse(r.isCommitted());
        assertEquals(201, r.status());
        assertEquals("{\"id\":7}", new String(r.body(), StandardCharsets.UTF_8));
        String lines = r.headerLines();
        assertTrue(lines.contains("Content-Type: application/json;charset=UTF-8\n"), lines);
        assertTrue(lines.contains("Location: http://localhost/api/expenses/7\n"), lines);
        assertTrue(lines.contains("ETag: \"3\"\n"), lines);
        assertFalse(lines.contains("Content-Length"), lines);
        assertFalse(lines.contains("Set-Cookie"), lines);
        r.setHeader("Cache-Control", "no-store");
        assertTrue(r.hasHeaderValue("cache-control", "no-store"));
    }
}
