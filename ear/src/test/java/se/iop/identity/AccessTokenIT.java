package se.iop.identity;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.iop.it.Api;
import se.iop.it.Deployments;
import se.iop.it.ItAccounts;
import se.iop.it.Keycloak;
import se.iop.it.Rows;
import se.iop.it.SignInBrowser;

import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Fixtures.agreement;
import static se.iop.it.Problems.assertProblem;

/**
 * Machine clients with a provider's access tokens (JWT, client credentials at Keycloak): accepted on /api when
 * signed by the provider, for the API's audience, and the client's service identity is linked to an account by an
 * administrator; every other token gets the same 401 as a refused API token. And the switches for local passwords.
 */
@ExtendWith({ArquillianExtension.class, ItProviders.Configured.class})
@RunAsClient
class AccessTokenIT {

    private static final Api ADMIN = Api.admin();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private static String serviceSubject(String client) {
        return Keycloak.userId(Keycloak.STAFF, "service-account-" + client);
    }

    private static Api.Reply linkBy(Api who, long accountId, String provider, String subject) {
        return who.post("api/accounts/" + accountId + "/identities",
                "{\"provider\": \"" + provider + "\", \"subject\": \"" + subject + "\"}");
    }

    private static String refused(Api.Reply r) {
        JsonObject p = assertProblem(r, 401, null);
        assertTrue(r.raw().headers().allValues("WWW-Authenticate").stream().anyMatch(h -> h.startsWith("Bearer")));
        assertTrue(r.raw().headers().allValues("Set-Cookie").isEmpty());
        return p.getString("detail");
    }

    @Test
    void aLinkedMachineClientCallsTheApiWithItsAccessTokenAndNoSession() {
        String token = Keycloak.clientToken(Keycloak.STAFF, Keycloak.STATS, Keycloak.STATS_SECRET);
        String unknown = refused(Api.bearer(token).get("api/agreements?max=1"));
        // the same answer as for an API token that does not exist
        assertEquals(refused(Api.bearer("iop_" + "A".repeat(43)).get("api/agreements?max=1")), unknown);

        long account = ItAccounts.create("AUDITOR", null);
        Api.Reply linked = linkBy(ADMIN, account, "staff", serviceSubject(Keycloak.STATS));
        assertEquals(201, linked.status(), linked.body());
        assertFalse(linked.body().contains(serviceSubject(Keycloak.STATS)), "the subject is never shown: " + linked.body());

        Api.Reply r = Api.bearer(token).get("api/agreements?max=1");
        assertEquals(200, r.status(), r.body());
        assertTrue(r.raw().headers().allValues("Set-Cookie").isEmpty(), "no session for a bearer token");
        Api.Reply me = Api.bearer(token).get("api/accounts/me");
        assertTrue(me.body().contains(Rows.value("select username from account where id = ?", account).toString()), me.body());
        // an auditor reads, and may not write
        assertProblem(Api.bearer(token).post("api/agreements", agreement().build().toString()), 403, null);

        Api.Reply list = ADMIN.get("api/accounts/" + account + "/identities");
        assertEquals(200, list.status());
        assertEquals("staff", list.jsonArray().getJsonObject(0).getString("provider"));

        assertEquals(204, ADMIN.delete("api/accounts/" + account + "/identities/staff").status());
        refused(Api.bearer(token).get("api/agreements?max=1"));
    }

    @Test
    void tokensForAnotherAudienceForgedMalformedOrOfAnotherIssuerAreRefusedAlike() {
        long account = ItAccounts.create("AUDITOR", null);
        assertEquals(201, linkBy(ADMIN, account, "staff", serviceSubject(Keycloak.OTHER)).status());
        String detail = refused(Api.bearer("iop_" + "A".repeat(43)).get("api/agreements?max=1"));

        // signed by the right provider for its own subject, but not for this API
        String otherAudience = Keycloak.clientToken(Keycloak.STAFF, Keycloak.OTHER, Keycloak.OTHER_SECRET);
        assertEquals(detail, refused(Api.bearer(otherAudience).get("api/agreements?max=1")));

        // a valid token with one claim changed: the signature no longer holds
        String good = Keycloak.clientToken(Keycloak.STAFF, Keycloak.STATS, Keycloak.STATS_SECRET);
        String[] parts = good.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
        String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("\"azp\":\"" + Keycloak.STATS + "\"", "\"azp\":\"" + Keycloak.OTHER + "\"").getBytes());
        assertEquals(detail, refused(Api.bearer(parts[0] + "." + forgedPayload + "." + parts[2]).get("api/agreements?max=1")));
        // unsigned ("alg": "none")
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        assertEquals(detail, refused(Api.bearer(none + "." + parts[1] + ".").get("api/agreements?max=1")));
        for (String malformed : List.of("a.b.c", "..", "x.y.z.w", parts[0] + "." + parts[1])) {
            assertEquals(detail, refused(Api.bearer(malformed).get("api/agreements?max=1")), malformed);
        }
    }

    @Test
    void anAccessTokenIsRefusedOnceItHasExpiredThoughItWasGoodBefore() throws Exception {
        long account = ItAccounts.create("AUDITOR", null);
        assertEquals(201, linkBy(ADMIN, account, "staff", serviceSubject(Keycloak.BRIEF)).status());
        ItProviders.set("iop.oidc.clockSkewSeconds", "0");
        try {
            String token = Keycloak.clientToken(Keycloak.STAFF, Keycloak.BRIEF, Keycloak.BRIEF_SECRET);
            long expires = Json.createReader(new java.io.StringReader(new String(Base64.getUrlDecoder()
                    .decode(token.split("\\.")[1])))).readObject().getJsonNumber("exp").longValue() * 1000;
            Api.Reply good = Api.bearer(token).get("api/agreements?max=1");
            assertEquals(200, good.status(), "good while it lives (and now remembered as verified): " + good.body());
            Thread.sleep(Math.max(0, expires - System.currentTimeMillis()) + 500);
            String detail = refused(Api.bearer("iop_" + "A".repeat(43)).get("api/agreements?max=1"));
            assertEquals(detail, refused(Api.bearer(token).get("api/agreements?max=1")), "expired: the same 401 as any");
            // a fresh token of the same client is good again
            assertEquals(200, Api.bearer(Keycloak.clientToken(Keycloak.STAFF, Keycloak.BRIEF, Keycloak.BRIEF_SECRET))
                    .get("api/agreements?max=1").status());
        } finally {
            ItProviders.set("iop.oidc.clockSkewSeconds", null);
        }
    }

    @Test
    void linkingNeedsAnAdministratorAConfiguredProviderAndASubjectNotLinkedElsewhere() {
        long account = ItAccounts.create("AUDITOR", null);
        long other = ItAccounts.create("AUDITOR", null);
        String subject = "machine-" + System.nanoTime();
        assertProblem(linkBy(ADMIN, account, "nosuch", subject), 422, "provider");
        assertProblem(linkBy(ADMIN, account, "staff", ""), 400, "subject");
        assertEquals(201, linkBy(ADMIN, account, "staff", subject).status());
        assertProblem(linkBy(ADMIN, other, "staff", subject), 409, "subject");
        assertProblem(linkBy(ADMIN, account, "staff", subject + "-2"), 409, "provider");
        assertProblem(linkBy(Api.demo("ekonom"), other, "staff", subject + "-3"), 403, null);
        assertProblem(ADMIN.delete("api/accounts/" + other + "/identities/staff"), 404, null);
        assertEquals(1L, Rows.value("select count(*) from account_identity where account_id = ?", account));
        assertEquals(0L, Rows.value("select count(*) from account_identity where account_id = ?", other));
    }

    @Test
    void basicAuthCanBeSwitchedOffWhileTokensWork() {
        assertEquals(200, ADMIN.get("api/accounts/me").status(), "on in the demo");
        ItProviders.set("iop.api.basic", "false");
        try {
            assertProblem(ADMIN.get("api/accounts/me"), 401, null);
        } finally {
            ItProviders.set("iop.api.basic", null);
        }
        assertEquals(200, ADMIN.get("api/accounts/me").status());
    }

    @Test
    void localPasswordsCanBeSwitchedOffLeavingTheProviders() {
        ItProviders.set("iop.local.login", "false");
        try {
            SignInBrowser browser = new SignInBrowser();
            SignInBrowser.Page login = browser.open(Api.base().resolve("login.xhtml"));
            assertFalse(login.body().contains("id=\"login:password\""), "no password form");
            assertTrue(login.body().contains("href=\"/sso/staff\""));
            assertProblem(ADMIN.get("api/accounts/me"), 401, null);
        } finally {
            ItProviders.set("iop.local.login", null);
        }
        assertEquals(200, ADMIN.get("api/accounts/me").status());
    }
}
