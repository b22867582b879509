package se.iop.web;

import jakarta.json.Json;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.iop.it.Api;
import se.iop.it.Deployments;
import se.iop.it.ItDatabase;
import se.iop.it.ServerLog;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Fixtures.STADSMISSION;
import static se.iop.it.Fixtures.agreement;
import static se.iop.it.Fixtures.createAgreement;
import static se.iop.it.Fixtures.draftWith;
import static se.iop.it.Fixtures.editable;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.version;
import static se.iop.it.Problems.assertProblem;

/**
 * An expected refusal of a client is no error of the server: a 403 (an EJB's role check), 404, 409 and 422
 * leave at most one line at INFO in the server log, never an ERROR or a stack trace. A real failure of the
 * server still is one: logged at ERROR with its stack trace.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ExpectedErrorsLogIT {

    private static final Api ADMIN = Api.admin();
    private static final Api FINANCE = Api.demo("ekonom");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    /** What the request logged from the threads that served it. */
    private static List<ServerLog.Entry> loggedBy(Supplier<Api.Reply> request, int status, String field) {
        ServerLog log = ServerLog.marked();
        assertProblem(request.get(), status, field);
        List<ServerLog.Entry> all = log.sinceMark();
        assertTrue(all.stream().noneMatch(e -> e.message().contains("WFLYEJB0034")), all.toString());
        return all.stream().filter(ServerLog.Entry::ofRequest).toList();
    }

    private static void quiet(Supplier<Api.Reply> request, int status, String field) {
        List<ServerLog.Entry> logged = loggedBy(request, status, field);
        assertTrue(logged.size() <= 1, status + " logged more than one line: " + logged);
        for (ServerLog.Entry e : logged) {
            assertEquals("INFO", e.level(), status + " logged above INFO: " + e);
            assertFalse(e.hasStackTrace(), status + " logged a stack trace: " + e);
            assertTrue(e.more().isEmpty(), status + " logged more than one line: " + e);
        }
    }

    @Test
    void aRoleRefusedByAServiceIsNoErrorOfTheServer() {
        long agreement = id(createAgreement(agreement()));
        // The resource lets FINANCE in; the History EJB's @RolesAllowed refuses it (EJBAccessException).
        quiet(() -> FINANCE.get("api/agreements/" + agreement + "/history"), 403, null);
    }

    @Test
    void notFoundConflictAndBrokenRulesAreNoErrorsOfTheServer() {
        quiet(() -> ADMIN.get("api/agreements/987654321"), 404, null);
        quiet(() -> ADMIN.get("api/nothing-here"), 404, null);

        var a = createAgreement(agreement());
        String path = "api/agreements/" + id(a);
        ADMIN.put(path, editable(a).add("title", "Första").build().toString(), "If-Match", "\"" + version(a) + "\"");
        quiet(() -> ADMIN.put(path, editable(a).add("title", "Andra").build().toString(),
                "If-Match", "\"" + version(a) + "\""), 409, "version");

        long draft = id(draftWith(STADSMISSION));
        quiet(() -> ADMIN.post("api/agreements/" + draft + "/parties", Json.createObjectBuilder()
                .add("organisationId", 987654321L).add("role", "NON_PROFIT_PARTNER").build().toString()), 422, "organisationId");
    }

    /**
     * A real failure, made cleanly: the application's role may no longer read one table (as after a broken
     * grant), so the query fails with 42501 — no refusal of the request, a fault of the server. 500, logged
     * at ERROR with the stack trace; the grant given back at once.
     */
    @Test
    void aFailureOfTheServerIsStillAnErrorWithItsStackTrace() throws SQLException {
        String role = ItDatabase.database().user();
        List<ServerLog.Entry> logged;
        try {
            onApplicationDatabase("revoke select on organisation from \"" + role + "\"");
            logged = loggedBy(() -> ADMIN.get("api/organisations"), 500, null);
        } finally {
            onApplicationDatabase("grant select on organisation to \"" + role + "\"");
        }
        // JUL's SEVERE (ProblemMapper logs through java.util.logging) is the log manager's ERROR level, 1000.
        assertTrue(logged.stream().anyMatch(e -> (e.level().equals("ERROR") || e.level().equals("SEVERE")) && e.hasStackTrace()),
                "no ERROR with a stack trace: " + logged);
        assertEquals(200, ADMIN.get("api/organisations").status());
    }

    /** As the PostgreSQL administrator, in the application's database. */
    private static void onApplicationDatabase(String sql) throws SQLException {
        try (Connection admin = ItDatabase.database().connectAsAdmin(ItDatabase.database().databaseName());
             Statement s = admin.createStatement()) {
            s.execute(sql);
        }
    }
}
