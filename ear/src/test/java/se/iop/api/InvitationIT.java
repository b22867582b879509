package se.iop.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.iop.it.Api;
import se.iop.it.Deployments;
import se.iop.it.ItDatabase;
import se.iop.it.Management;
import se.iop.it.Rows;
import se.iop.it.Smtp;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Fixtures.NYKOPINGSHEM;
import static se.iop.it.Fixtures.STADSMISSION;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.organisationId;
import static se.iop.it.Problems.assertProblem;

/**
 * Invitations over HTTP, with a real SMTP server (GreenMail) in the test JVM: an administrator invites a person
 * (an account is made with no password, the e-mail carries a link, the database keeps only the secret's hash);
 * the link's page opens without a login, keeps the secret in a session made for it and shows the invitation and
 * a button per configured identity provider; an expired, revoked, used, replaced or forged link gets the refusal
 * page and makes no session; only administrators invite, resend and revoke; bad input is refused naming the
 * field with nothing stored, and so is an invitation the mail server did not take.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InvitationIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern LINK = Pattern.compile("(http://\\S+/invitation\\.xhtml\\?token=([A-Za-z0-9_-]+))");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final String SUPPORT = "IOP-förvaltningen, iop@nykoping.se";
    /** The settings the invitation page reads, with what an identity provider needs besides (the sign-in's own). */
    private static final Map<String, String> SETTINGS = new LinkedHashMap<>();

    static {
        SETTINGS.put("iop.oidc.providers", "staff,eid");
        SETTINGS.put("iop.oidc.staff.label", "Kommunens inloggning");
        SETTINGS.put("iop.oidc.eid.label", "BankID eller Freja");
        for (String provider : List.of("staff", "eid")) {
            SETTINGS.put("iop.oidc." + provider + ".issuer", "http://127.0.0.1:1/realms/" + provider);
            SETTINGS.put("iop.oidc." + provider + ".client.id", "iop");
            SETTINGS.put("iop.oidc." + provider + ".client.secret", "not-used-here");
        }
        SETTINGS.put("iop.support.contact", SUPPORT);
    }

    private static final Api ADMIN = Api.admin();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeAll
    static void setUp() {
        Smtp.server();
        try (Management server = Management.itServer()) {
            SETTINGS.forEach(server::systemProperty);
        }
    }

    @AfterAll
    static void tearDown() {
        Smtp.server(); // a test that stopped it must not leave the next class without one
        try (Management server = Management.itServer()) {
            SETTINGS.keySet().forEach(name -> server.systemProperty(name, null));
        }
    }

    private static String address(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@Example.se";
    }

    private static JsonObjectBuilder invitation(String email, String role, Long organisationId) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("email", email).add("displayName", "Anna Berg");
        if (role != null) {
            b.add("role", role);
        }
        return organisationId == null ? b : b.add("organisationId", organisationId);
    }

    private static Api.Reply invite(Api as, JsonObjectBuilder body) {
        return as.post("api/invitations", body.build().toString());
    }

    /** An invitation made and its e-mail received: the invitation as answered, and the link's secret. */
    private record Invited(JsonObject invitation, String email, String secret, String letter) {
    }

    private static Invited invited(String role, Long organisationId) throws Exception {
        String email = address("inbjuden");
        Api.Reply r = invite(ADMIN, invitation(email, role, organisationId));
        assertEquals(201, r.status(), r.body());
        JsonObject made = r.json();
        MimeMessage m = Smtp.await(email, 1, WAIT).get(0);
        String letter = (String) m.getContent();
        Matcher link = LINK.matcher(letter);
        assertTrue(link.find(), letter);
        return new Invited(made, email, link.group(2), letter);
    }

    private static HttpResponse<String> page(String pathAndQuery, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(Api.base().resolve(pathAndQuery)).timeout(WAIT).GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sessionCookie(HttpResponse<?> r) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst().orElse(null);
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

    /**
     * The page a link that does not work opens: the reason in words, whom to ask, and no session (none offered
     * to the browser, and none more on the server, as its management model counts them).
     */
    private static String refusedPage(Management server, String secret, String reason) {
        int sessions = server.activeSessions();
        HttpResponse<String> r = page("invitation.xhtml?token=" + secret, null);
        assertEquals(sessions, server.activeSessions(), "a session was made");
        assertEquals(200, r.statusCode(), r.body());
        assertNull(sessionCookie(r), "no session for a link that does not work: " + r.headers().map());
        assertTrue(r.body().contains("id=\"refusedTitle\""), r.body());
        assertTrue(r.body().contains("Inbjudan går inte att använda"), r.body());
        assertTrue(r.body().contains(reason), r.body());
        assertTrue(r.body().contains("Fråga " + SUPPORT + "."), "whom to ask: " + r.body());
        assertFalse(r.body().contains("/sso/"), "no sign-in offered");
        return r.body();
    }

    @Test
    void theMailCarriesALinkWhosePageOpensWithoutALoginAndOffersEachProvider() throws Exception {
        long stadsmission = organisationId(STADSMISSION);
        Invited i = invited("PARTNER", stadsmission);
        JsonObject made = i.invitation();
        assertEquals("PENDING", made.getString("state"));
        assertEquals(i.email(), made.getString("email"));
        assertEquals(i.email().toLowerCase(), made.getString("username"), "the username is the address in lower case");
        assertEquals("Anna Berg", made.getString("displayName"));
        assertEquals(List.of("PARTNER"), made.getJsonArray("roles").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals(stadsmission, made.getJsonNumber("organisationId").longValue());
        assertEquals(STADSMISSION, made.getString("organisationName"));
        assertEquals("admin", made.getString("createdBy"));
        assertFalse(made.toString().contains(i.secret()), "no answer carries the secret");

        assertTrue(i.letter().startsWith("Hej Anna Berg,"), i.letter());
        assertTrue(i.letter().contains("Administratör har bjudit in dig till IOP – Bostad först som partner för "
                + STADSMISSION + "."), i.letter());
        assertTrue(i.letter().contains("Kontakta " + SUPPORT + "."), i.letter());
        Matcher link = LINK.matcher(i.letter());
        assertTrue(link.find());
        assertEquals(Api.base() + "invitation.xhtml?token=" + i.secret(), link.group(1), "points at this server");
        assertEquals("Inbjudan till IOP – Bostad först", Smtp.to(i.email()).get(0).getSubject());

        // Only the hash is kept: no column of the invitation or its history holds the secret.
        long id = id(made);
        assertEquals(1L, ((Number) Rows.value("select count(*) from invitation where id = ?"
                + " and token_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')", id, i.secret())).longValue());
        assertEquals(0L, ((Number) Rows.value("select count(*) from invitation i where strpos(i::text, ?) > 0",
                i.secret())).longValue());
        assertEquals(0L, ((Number) Rows.value("select count(*) from invitation_aud i where strpos(i::text, ?) > 0",
                i.secret())).longValue());
        assertEquals(1L, ((Number) Rows.value("select count(*) from invitation_aud where id = ? and revtype = 0", id))
                .longValue(), "audited");
        assertEquals("none", Rows.value("select password_hash from account where id = ?",
                made.getJsonNumber("accountId").longValue()), "the account has no password");

        // The link: a session is made for it, and the page is shown again without the secret in its address.
        HttpResponse<String> opened = page("invitation.xhtml?token=" + i.secret(), null);
        assertEquals(302, opened.statusCode(), opened.body());
        assertTrue(opened.headers().firstValue("Location").orElse("").endsWith("/invitation.xhtml"), opened.headers().map().toString());
        String cookie = sessionCookie(opened);
        assertNotNull(cookie, "the secret is kept in a session");
        HttpResponse<String> shown = page("invitation.xhtml", cookie);
        assertEquals(200, shown.statusCode(), shown.body());
        String body = shown.body();
        assertEquals("no-store", shown.headers().firstValue("Cache-Control").orElse(null));
        assertFalse(body.contains(i.secret()), "the page does not show the secret");
        assertTrue(body.contains("Inbjudan till IOP"), body);
        assertTrue(body.contains("Anna Berg"), body);
        assertTrue(body.contains("Administratör har bjudit in dig som Partner för " + STADSMISSION + "."), body);
        assertTrue(body.contains(i.email()), body);
        assertTrue(body.contains("href=\"/sso/staff\""), body);
        assertTrue(body.contains(">Kommunens inloggning</a>"), body);
        assertTrue(body.contains("href=\"/sso/eid\""), body);
        assertTrue(body.contains(">BankID eller Freja</a>"), body);
        assertTrue(body.indexOf("/sso/staff") < body.indexOf("/sso/eid"), "in the order configured");

        // The same page without the session: the link is not known.
        assertTrue(page("invitation.xhtml", null).body().contains("Länken gäller inte."));
    }

    @Test
    void theInvitedAccountCannotLogInWithAnyPassword() throws Exception {
        Invited i = invited("FINANCE", null);
        String username = i.invitation().getString("username");
        for (String password : List.of("none", "", i.secret(), "bostadforst")) {
            Api.Reply r = Api.as(username, password).get("api/agreements");
            assertEquals(401, r.status(), password + ": " + r.body());
        }
        assertEquals(1L, ((Number) Rows.value("select count(*) from account a join account_role r on r.account_id = a.id"
                + " where a.username = ? and r.role = 'FINANCE' and a.active", username)).longValue());
    }

    @Test
    void aLinkThatDoesNotWorkGetsTheRefusalPageAndNoSession() throws Exception {
        try (Management server = Management.itServer()) {
            refusedPage(server, UUID.randomUUID().toString().replace("-", "") + "abcdefghijk", "Länken gäller inte.");
            refusedPage(server, "forged", "Länken gäller inte.");
            refusedPage(server, "", "Länken gäller inte.");

            Invited expired = invited("AUDITOR", null);
            sql("update invitation set created_at = created_at - interval '30 days', sent_at = sent_at - interval '30 days',"
                    + " expires_at = expires_at - interval '30 days' where id = ?", id(expired.invitation()));
            refusedPage(server, expired.secret(), "Inbjudan har gått ut.");
            assertEquals("EXPIRED", ADMIN.get("api/invitations/" + id(expired.invitation())).json().getString("state"));

            Invited revoked = invited("AUDITOR", null);
            JsonObject afterRevoke = ADMIN.delete("api/invitations/" + id(revoked.invitation())).json();
            assertEquals("REVOKED", afterRevoke.getString("state"));
            assertEquals("admin", afterRevoke.getString("revokedBy"));
            assertEquals(Boolean.FALSE, Rows.value("select active from account where id = ?",
                    revoked.invitation().getJsonNumber("accountId").longValue()), "its unused account is deactivated");
            refusedPage(server, revoked.secret(), "Länken gäller inte.");

            Invited used = invited("AUDITOR", null);
            sql("update invitation set accepted_at = now(), accepted_provider = 'staff' where id = ?", id(used.invitation()));
            refusedPage(server, used.secret(), "Inbjudan är redan använd.");
            assertEquals("ACCEPTED", ADMIN.get("api/invitations/" + id(used.invitation())).json().getString("state"));

            Invited resent = invited("AUDITOR", null);
            Api.Reply again = ADMIN.post("api/invitations/" + id(resent.invitation()) + "/resend", "");
            assertEquals(200, again.status(), again.body());
            MimeMessage second = Smtp.await(resent.email(), 2, WAIT).get(1);
            Matcher fresh = LINK.matcher((String) second.getContent());
            assertTrue(fresh.find());
            assertNotEquals(resent.secret(), fresh.group(2));
            refusedPage(server, resent.secret(), "Länken gäller inte.");
            HttpResponse<String> works = page("invitation.xhtml?token=" + fresh.group(2), null);
            assertEquals(302, works.statusCode(), "the new link works");

            // What the sign-in sends back when an acceptance is refused, e.g. a subject linked to another account.
            HttpResponse<String> linked = page("invitation.xhtml?refused=linked", null);
            assertTrue(linked.body().contains("hör redan till ett annat konto i IOP"), linked.body());
            assertNull(sessionCookie(linked));
        }
    }

    @Test
    void thePageForAPersonNobodyInvitedSaysWhomToAskAndMakesNoSession() {
        HttpResponse<String> r = page("unknown-person.xhtml", null);
        assertEquals(200, r.statusCode(), r.body());
        assertNull(sessionCookie(r));
        assertTrue(r.body().contains("Du är inte känd i IOP"), r.body());
        assertTrue(r.body().contains("Be " + SUPPORT + " om en inbjudan."), r.body());
    }

    @Test
    void onlyAdministratorsInviteSendAgainAndRevokeAuditorsRead() throws Exception {
        long nykopingshem = organisationId(NYKOPINGSHEM);
        long invitations = Rows.rowsOf("invitation");
        long accounts = Rows.rowsOf("account");
        assertProblem(invite(Api.demo("stadsmissionen"), invitation(address("partner"), "LANDLORD", nykopingshem)), 403, null);
        assertProblem(invite(Api.demo("ekonom"), invitation(address("ekonom"), "AUDITOR", null)), 403, null);
        assertProblem(invite(Api.demo("revisor"), invitation(address("revisor"), "AUDITOR", null)), 403, null);
        assertEquals(invitations, Rows.rowsOf("invitation"));
        assertEquals(accounts, Rows.rowsOf("account"));
        assertProblem(Api.demo("stadsmissionen").get("api/invitations"), 403, null);

        Invited i = invited("LANDLORD", nykopingshem);
        long id = id(i.invitation());
        assertEquals(NYKOPINGSHEM, i.invitation().getString("organisationName"));
        Api.Reply listed = Api.demo("revisor").get("api/invitations");
        assertEquals(200, listed.status(), listed.body());
        assertTrue(listed.jsonArray().getValuesAs(JsonObject.class).stream().anyMatch(o -> id(o) == id));
        assertEquals(id, id(listed.jsonArray().getJsonObject(0)), "newest first");
        assertProblem(Api.demo("revisor").post("api/invitations/" + id + "/resend", ""), 403, null);
        assertProblem(Api.demo("stadsmissionen").post("api/invitations/" + id + "/resend", ""), 403, null);
        assertProblem(Api.demo("revisor").delete("api/invitations/" + id), 403, null);
        assertProblem(Api.demo("hyresvard").delete("api/invitations/" + id), 403, null);
        assertEquals("PENDING", ADMIN.get("api/invitations/" + id).json().getString("state"));
        assertEquals(1, Smtp.to(i.email()).size(), "nothing sent again");

        assertProblem(ADMIN.get("api/invitations/987654321"), 404, null);
        assertProblem(ADMIN.post("api/invitations/987654321/resend", ""), 404, null);
        assertProblem(ADMIN.delete("api/invitations/987654321"), 404, null);

        // Revoked: it stays revoked; it is not sent again.
        assertEquals("REVOKED", ADMIN.delete("api/invitations/" + id).json().getString("state"));
        assertEquals("REVOKED", ADMIN.delete("api/invitations/" + id).json().getString("state"));
        assertProblem(ADMIN.post("api/invitations/" + id + "/resend", ""), 409, null);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        long stadsmission = organisationId(STADSMISSION);
        Map<String, Long> before = Rows.count();
        long invitations = Rows.rowsOf("invitation");
        assertProblem(invite(ADMIN, Json.createObjectBuilder().add("displayName", "Anna").add("role", "AUDITOR")), 422, "email");
        assertProblem(invite(ADMIN, invitation("anna.berg", "AUDITOR", null)), 422, "email");
        assertProblem(invite(ADMIN, invitation("åsa@example.se", "AUDITOR", null)), 422, "email");
        assertProblem(invite(ADMIN, invitation(address("utan-roll"), null, null)), 422, "role");
        assertProblem(invite(ADMIN, invitation(address("fel-roll"), "KING", null)), 422, "role");
        assertProblem(invite(ADMIN, invitation(address("partner"), "PARTNER", null)), 422, "organisationId");
        assertProblem(invite(ADMIN, invitation(address("partner"), "LANDLORD", stadsmission)), 422, "organisationId");
        assertProblem(invite(ADMIN, invitation(address("partner"), "PARTNER", 987654321L)), 422, "organisationId");
        assertProblem(invite(ADMIN, Json.createObjectBuilder().add("email", address("namnlos")).add("role", "AUDITOR")),
                422, "displayName");
        assertProblem(invite(ADMIN, invitation(address("lang"), "AUDITOR", null).add("displayName", "x".repeat(201))),
                400, "displayName");
        assertEquals(before, Rows.count(), "the database changed");
        assertEquals(invitations, Rows.rowsOf("invitation"));

        // An address with an open invitation, or an active account, is not invited again.
        Invited first = invited("AUDITOR", null);
        assertProblem(invite(ADMIN, invitation(first.email().toUpperCase(), "AUDITOR", null)), 409, "email");
        sql("update invitation set accepted_at = now(), accepted_provider = 'eid' where id = ?", id(first.invitation()));
        JsonObject exists = assertProblem(invite(ADMIN, invitation(first.email(), "AUDITOR", null)), 409, "email");
        assertTrue(exists.getString("detail").contains(first.invitation().getString("username")), exists.toString());
        assertProblem(ADMIN.delete("api/invitations/" + id(first.invitation())), 409, null);
        assertEquals(1, Smtp.to(first.email()).size());
    }

    @Test
    void aClashingUsernameGetsASuffixAndARevokedAddressMayBeInvitedAgain() throws Exception {
        Invited first = invited("AUDITOR", null);
        ADMIN.delete("api/invitations/" + id(first.invitation()));
        Api.Reply again = invite(ADMIN, invitation(first.email(), "FINANCE", null));
        assertEquals(201, again.status(), again.body());
        String username = first.invitation().getString("username");
        assertEquals(username.replace("@", "-2@"), again.json().getString("username"));
    }

    @Test
    void anInvitationTheMailServerDidNotTakeIsNotStored() {
        Map<String, Long> before = Rows.count();
        long invitations = Rows.rowsOf("invitation");
        Smtp.stop();
        try {
            assertProblem(invite(ADMIN, invitation(address("nere"), "AUDITOR", null)), 409, "email");
        } finally {
            Smtp.server();
        }
        assertEquals(before, Rows.count(), "no account either");
        assertEquals(invitations, Rows.rowsOf("invitation"));
    }
}
