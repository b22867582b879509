package se.iop.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.iop.it.Api;
import se.iop.it.Deployments;
import se.iop.it.ItAccounts;
import se.iop.it.ItDatabase;
import se.iop.it.Rows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Fixtures.STADSMISSION;
import static se.iop.it.Fixtures.VERDANDI;
import static se.iop.it.Fixtures.agreement;
import static se.iop.it.Fixtures.draftWith;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.ok;
import static se.iop.it.Fixtures.organisationId;
import static se.iop.it.Fixtures.unique;
import static se.iop.it.Problems.assertProblem;

/**
 * API tokens over HTTP: an administrator issues one for an account (the secret shown once, only its hash
 * stored), the holder sends it as {@code Authorization: Bearer} and gets the account's roles within the
 * token's scope, with no session made; a revoked, expired, forged or malformed token, or one of a
 * deactivated account, gets one and the same 401 problem.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiTokenIT {

    private static final Api ADMIN = Api.admin();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private static long account(String role, Long organisationId) {
        return ItAccounts.create(role, organisationId);
    }

    private static void sql(String statement, Object... params) {
        try (Connection c = ItDatabase.database().connect(); PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            assertEquals(1, ps.executeUpdate(), statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Api.Reply issue(Api as, long accountId, JsonObjectBuilder body) {
        return as.post("api/accounts/" + accountId + "/tokens", body.build().toString());
    }

    private static JsonObjectBuilder token(String scope) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("name", unique("IT nyckel"));
        return scope == null ? b : b.add("scope", scope);
    }

    /** Issues a token as the administrator: the answer, with its secret. */
    private static JsonObject issued(long accountId, String scope) {
        Api.Reply r = issue(ADMIN, accountId, token(scope));
        assertEquals(201, r.status(), r.body());
        return r.json();
    }

    private static List<String> cookies(Api.Reply r) {
        return r.raw().headers().allValues("Set-Cookie");
    }

    /** The one 401 every refused token gets: a problem detail that says nothing of why, and the Bearer challenge. */
    private static String refused(Api.Reply r) {
        JsonObject p = assertProblem(r, 401, null);
        assertTrue(r.raw().headers().allValues("WWW-Authenticate").stream().anyMatch(h -> h.startsWith("Bearer")),
                r.raw().headers().toString());
        assertTrue(cookies(r).isEmpty(), "no session for a refused token: " + cookies(r));
        return p.getString("detail");
    }

    /**
     * A change written by SQL behind the application's back is seen within the time the server believes what it
     * read of a caller ({@code IOP_AUTH_RECHECK_SECONDS}, 5 s by default; one made through the application is seen
     * at the next request): the holder's requests are refused by then.
     */
    private static Api.Reply refusedWithinRecheck(Api holder) {
        long deadline = System.nanoTime() + RECHECK.plusSeconds(2).toNanos();
        Api.Reply r = holder.get("api/agreements?max=1");
        while (r.status() == 200 && System.nanoTime() < deadline) {
            sleep(200);
            r = holder.get("api/agreements?max=1");
        }
        return r;
    }

    private static final Duration RECHECK = Duration.ofSeconds(5);

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String detailOfARefusal() {
        return refused(Api.bearer("iop_" + "A".repeat(43)).get("api/agreements?max=1"));
    }

    @Test
    void anAdministratorIssuesATokenWhoseSecretIsShownOnceAndWorksAsBearerWithoutASession() {
        long accountId = account("ADMIN", null);
        Api.Reply r = issue(ADMIN, accountId, token("ACCOUNT_ROLES"));
        assertEquals(201, r.status(), r.body());
        assertEquals("no-store", r.header("Cache-Control"));
        JsonObject t = r.json();
        String secret = t.getString("secret");
        assertTrue(secret.matches("iop_[A-Za-z0-9_-]{43}"), secret);
        assertEquals(secret.substring(0, 12), t.getString("prefix"));
        assertEquals("ACCOUNT_ROLES", t.getString("scope"));
        assertEquals("ACTIVE", t.getString("state"));
        assertEquals("admin", t.getString("createdBy"));
        assertTrue(r.header("Location").endsWith("/api/tokens/" + id(t)), r.header("Location"));
        // By default it works through the 90th day from today.
        assertEquals(LocalDate.now(ZoneId.of("Europe/Stockholm")).plusDays(91)
                .atStartOfDay(ZoneId.of("Europe/Stockholm")).toInstant().toString(),
                java.time.Instant.parse(t.getString("expiresAt")).toString());

        Api holder = Api.bearer(secret);
        for (int i = 0; i < 3; i++) {
            Api.Reply read = holder.get("api/agreements?max=1");
            assertEquals(200, read.status(), read.body());
            assertTrue(cookies(read).isEmpty(), "a token request makes no session: " + cookies(read));
        }
        // The account's roles, writes included, and no proof of a script needed: the token is sent with the request.
        Api.Reply created = holder.post("api/agreements", agreement().build().toString());
        assertEquals(201, created.status(), created.body());
        assertTrue(cookies(created).isEmpty());
        assertEquals(200, Api.authorization("bearer " + secret).get("api/agreements?max=1").status(),
                "the scheme in any case");

        // Listed without the secret, with its last use; the stored row holds only the hash.
        Api.Reply list = ADMIN.get("api/accounts/" + accountId + "/tokens");
        assertEquals(200, list.status(), list.body());
        JsonObject listed = list.jsonArray().getJsonObject(0);
        assertFalse(listed.containsKey("secret"), listed.toString());
        assertFalse(listed.toString().contains(secret.substring(12)), listed.toString());
        assertNotNull(listed.getString("lastUsedAt", null), listed.toString());
        assertEquals(ok(ADMIN.get("api/tokens/" + id(t))).getString("prefix"), t.getString("prefix"));
        assertEquals(0L, ((Number) Rows.value("select count(*) from api_token t where position(? in t::text) > 0",
                secret.substring(12))).longValue(), "no column holds the secret");
        assertEquals(1L, ((Number) Rows.value("select count(*) from api_token where id = ?"
                + " and token_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')", id(t), secret)).longValue());
        assertEquals(1L, ((Number) Rows.value("select count(*) from api_token_aud where id = ? and revtype = 0",
                id(t))).longValue(), "the issue is audited");
    }

    @Test
    void httpBasicStillOpensASessionWhoseCookieWorksAlone() {
        Api.Reply basic = Api.demo("ekonom").get("api/agreements?max=1");
        assertEquals(200, basic.status(), basic.body());
        String cookie = cookies(basic).stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .map(c -> c.substring(0, c.indexOf(';'))).orElseThrow(() -> new AssertionError("no session: " + basic.raw().headers()));
        Api.Reply again = Api.anonymous().send("GET", "api/agreements?max=1", null, null, "Cookie", cookie);
        assertEquals(200, again.status(), again.body());
    }

    @Test
    void aReadOnlyTokenReadsButEveryWriteIsRefusedAndStoresNothing() {
        long accountId = account("ADMIN", null);
        JsonObject t = issued(accountId, null);
        assertEquals("READ_ONLY", t.getString("scope"), "read-only unless asked otherwise");
        Api holder = Api.bearer(t.getString("secret"));
        assertEquals(200, holder.get("api/agreements?max=1").status());
        JsonObject agreement = draftWith(STADSMISSION);
        Map<String, Long> before = Rows.count();
        assertProblem(holder.post("api/agreements", agreement().build().toString()), 403, null);
        assertProblem(holder.put("api/agreements/" + id(agreement), "{}"), 403, null);
        assertProblem(holder.delete("api/tokens/" + id(t)), 403, null);
        assertProblem(holder.send("PATCH", "api/agreements/" + id(agreement), "application/json", "{}"), 403, null);
        assertEquals(before, Rows.count());
        assertEquals("ACTIVE", ok(ADMIN.get("api/tokens/" + id(t))).getString("state"));
    }

    @Test
    void aRevokedTokenIsRefusedAtOnce() {
        long accountId = account("FINANCE", null);
        JsonObject t = issued(accountId, "ACCOUNT_ROLES");
        Api holder = Api.bearer(t.getString("secret"));
        assertEquals(200, holder.get("api/agreements?max=1").status());
        JsonObject revoked = ok(ADMIN.delete("api/tokens/" + id(t)));
        assertEquals("REVOKED", revoked.getString("state"));
        assertEquals("admin", revoked.getString("revokedBy"));
        assertEquals(detailOfARefusal(), refused(holder.get("api/agreements?max=1")));
        JsonObject again = ok(ADMIN.delete("api/tokens/" + id(t)));
        assertEquals(revoked.getString("revokedAt"), again.getString("revokedAt"), "revoking again changes nothing");
        assertEquals(1L, ((Number) Rows.value("select count(*) from api_token_aud where id = ? and revtype = 1"
                + " and revoked_at is not null", id(t))).longValue(), "the revocation is audited");
        // Its name may be used again once it is revoked.
        assertEquals(201, issue(ADMIN, accountId, Json.createObjectBuilder().add("name", t.getString("name"))).status());
    }

    @Test
    void anExpiredTokenIsRefused() {
        long accountId = account("FINANCE", null);
        JsonObject t = issued(accountId, "ACCOUNT_ROLES");
        Api holder = Api.bearer(t.getString("secret"));
        assertEquals(200, holder.get("api/agreements?max=1").status());
        sql("update api_token set created_at = now() - interval '2 days', expires_at = now() - interval '1 second'"
                + " where id = ?", id(t));
        assertEquals(detailOfARefusal(), refused(refusedWithinRecheck(holder)));
        assertEquals("EXPIRED", ok(ADMIN.get("api/tokens/" + id(t))).getString("state"));
    }

    @Test
    void forgedAndMalformedTokensGetTheSame401AsAnyOther() {
        String secret = issued(account("FINANCE", null), "ACCOUNT_ROLES").getString("secret");
        char last = secret.charAt(secret.length() - 1);
        String forged = secret.substring(0, secret.length() - 1) + (last == 'A' ? 'B' : 'A');
        String detail = detailOfARefusal();
        List<String> headers = new ArrayList<>(List.of("Bearer " + forged, "Bearer iop_" + "_".repeat(43),
                "Bearer garbage", "Bearer ", "Bearer " + secret + "=", "Bearer " + secret + " x", "Bearer " + secret.substring(4),
                "Bearer " + secret.toUpperCase(), "Bearer iop_" + "ä".repeat(43), "Bearer " + "x".repeat(3000),
                "Bearer " + secret.substring(0, 20) + "%00" + secret.substring(20)));
        for (String header : headers) {
            assertEquals(detail, refused(Api.authorization(header).get("api/agreements?max=1")), header);
            assertEquals(detail, refused(Api.authorization(header).post("api/agreements", agreement().build().toString())),
                    header);
        }
        // Without any credentials, and with a wrong password: a problem detail too, the same one.
        Api.Reply none = Api.anonymous().get("api/agreements?max=1");
        assertEquals(detail, assertProblem(none, 401, null).getString("detail"));
        Api.Reply wrong = Api.as("ekonom", "fel-losenord").get("api/agreements?max=1");
        assertEquals(detail, assertProblem(wrong, 401, null).getString("detail"));
        assertTrue(wrong.header("WWW-Authenticate").startsWith("Basic"));
    }

    @Test
    void aPartnerTokenSeesOnlyItsOrganisationsAgreements() {
        long accountId = account("PARTNER", organisationId(STADSMISSION));
        Api holder = Api.bearer(issued(accountId, "ACCOUNT_ROLES").getString("secret"));
        JsonObject own = draftWith(STADSMISSION);
        JsonObject other = draftWith(VERDANDI);
        String ref = "api/agreements?max=1000&q=";
        assertEquals(1, ok(holder.get(ref + own.getString("reference").substring(3))).getInt("total"));
        assertEquals(0, ok(holder.get(ref + other.getString("reference").substring(3))).getInt("total"));
        assertEquals(200, holder.get("api/agreements/" + id(own)).status());
        assertProblem(holder.get("api/agreements/" + id(other)), 404, null);
        assertProblem(holder.get("api/accounts/" + accountId + "/tokens"), 403, null);
        assertProblem(holder.post("api/agreements", agreement().build().toString()), 403, null);
    }

    @Test
    void deactivatingTheAccountStopsItsTokensAndAnInactiveAccountGetsNone() {
        long accountId = account("FINANCE", null);
        Api holder = Api.bearer(issued(accountId, "ACCOUNT_ROLES").getString("secret"));
        assertEquals(200, holder.get("api/agreements?max=1").status());
        sql("update account set active = false, session_stamp = session_stamp + 1 where id = ?", accountId);
        assertEquals(detailOfARefusal(), refused(refusedWithinRecheck(holder)));
        assertProblem(issue(ADMIN, accountId, token(null)), 409, "accountId");
        sql("update account set active = true where id = ?", accountId);
        assertEquals(200, holder.get("api/agreements?max=1").status(), "reactivated, its token works again");
    }

    @Test
    void onlyAdministratorsIssueAndRevokeAuditorsRead() {
        long accountId = account("FINANCE", null);
        JsonObject t = issued(accountId, null);
        Api auditor = Api.demo("revisor");
        assertEquals(1, auditor.get("api/accounts/" + accountId + "/tokens").jsonArray().size());
        assertProblem(issue(auditor, accountId, token(null)), 403, null);
        assertProblem(auditor.delete("api/tokens/" + id(t)), 403, null);
        Api finance = Api.demo("ekonom");
        assertProblem(finance.get("api/accounts/" + accountId + "/tokens"), 403, null);
        assertProblem(issue(finance, accountId, token(null)), 403, null);
        assertProblem(finance.get("api/tokens/" + id(t)), 403, null);
        assertEquals(1, ADMIN.get("api/accounts/" + accountId + "/tokens").jsonArray().size());
    }

    @Test
    void badInputNamesTheFieldAndStoresNothing() {
        long accountId = account("FINANCE", null);
        String name = unique("IT namn");
        assertEquals(201, issue(ADMIN, accountId, Json.createObjectBuilder().add("name", name)).status());
        Object before = Rows.value("select count(*) from api_token");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Stockholm"));
        assertProblem(issue(ADMIN, accountId, Json.createObjectBuilder().add("name", name.toUpperCase())), 409, "name");
        assertProblem(issue(ADMIN, accountId, token(null).add("expiresOn", today.plusDays(366).toString())), 422, "expiresOn");
        assertProblem(issue(ADMIN, accountId, token(null).add("expiresOn", today.minusDays(1).toString())), 422, "expiresOn");
        assertProblem(issue(ADMIN, accountId, token(null).add("scope", "EVERYTHING")), 422, "scope");
        assertProblem(issue(ADMIN, accountId, Json.createObjectBuilder().add("name", " ")), 400, "name");
        assertProblem(issue(ADMIN, accountId, token(null).add("secret", "iop_mitt")), 400, "secret");
        assertProblem(issue(ADMIN, Long.MAX_VALUE, token(null)), 404, null);
        assertProblem(ADMIN.delete("api/tokens/" + Long.MAX_VALUE), 404, null);
        assertEquals(before, Rows.value("select count(*) from api_token"));
        JsonObject lastDay = issue(ADMIN, accountId, token(null).add("expiresOn", today.plusDays(365).toString())).json();
        assertNull(lastDay.get("revokedAt"));
        assertEquals("READ_ONLY", lastDay.getString("scope"));
    }
}
