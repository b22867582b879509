package se.iop.it;

import jakarta.json.JsonObject;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks that an API error is an RFC 9457 problem detail that names the field and gives nothing away. */
public final class Problems {

    /** What a stack trace or an internal class name leaks; none of it may reach a client. */
    private static final List<String> LEAKS = List.of("Exception", "\tat ", "at se.iop", "at org.", "se.iop.",
            "org.hibernate", "org.jboss", "jakarta.", "java.lang", "SQL", "ERROR:");

    private Problems() {
    }

    /**
     * @param field the field the problem must name, or null when it must name none
     */
    public static JsonObject assertProblem(Api.Reply r, int status, String field) {
        assertEquals(status, r.status(), r.body());
        assertNotNull(r.contentType(), "no content type: " + r);
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType() + ": " + r.body());
        assertNoLeak(r.body());
        JsonObject p = r.json();
        assertEquals(status, p.getInt("status"), r.body());
        assertTrue(p.containsKey("title") && !p.getString("title").isBlank(), r.body());
        assertTrue(p.containsKey("detail") && !p.getString("detail").isBlank(), r.body());
        if (field == null) {
            assertFalse(p.containsKey("field"), r.body());
        } else {
            assertEquals(field, p.getString("field", null), r.body());
        }
        return p;
    }

    public static void assertNoLeak(String body) {
        for (String leak : LEAKS) {
            assertFalse(body.contains(leak), "leaks '" + leak + "': " + body);
        }
    }
}
