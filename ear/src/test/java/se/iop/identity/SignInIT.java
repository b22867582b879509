package se.iop.identity;

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
import se.iop.it.Keycloak;
import se.iop.it.Management;
import se.iop.it.Rows;
import se.iop.it.ServerLog;
import se.iop.it.SignInBrowser;
import se.iop.it.Smtp;
import se.iop.it.Fixtures;
import jakarta.json.Json;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sign-in through OpenID Connect providers, against a real Keycloak with two realms: the municipality's staff
 * IdP ({@code staff}) and an e-ID broker ({@code eid}, whose subject is a personal identity number). The
 * application is configured through its system properties, as an operator would through environment variables.
 */
@ExtendWith({ArquillianExtension.class, ItProviders.Configured.class})
@RunAsClient
class SignInIT {

    private static final String PERSONAL_NUMBER = "197001011234";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private static void link(long accountId, String provider, String subject) throws Exception {
        ItProviders.link(accountId, provider, subject);
    }

    private static String username(long accountId) {
        return (String) Rows.value("select username from account where id = ?", accountId);
    }

    @Test
    void loginPageOffersEachProviderByNameAndThePasswordForm() {
        SignInBrowser browser = new SignInBrowser();
        SignInBrowser.Page page = browser.open(Api.base().resolve("login.xhtml"));
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Nyköpings kommun") && page.body().contains("BankID eller Freja"), page.body());
        assertTrue(page.body().contains("href=\"/sso/staff\""), "a plain link starts the sign-in");
        assertTrue(page.body().contains("id=\"login:password\""), "local login stays where it is not switched off");
        assertTrue(browser.sessionCookie().isEmpty(), "the login page makes no session");
    }

    @Test
    void anUnknownPersonGetsThePageSayingWhomToAskAndNothingIsCreated() {
        Map<String, Long> before = Rows.count();
        long links = (Long) Rows.value("select count(*) from account_identity");
        SignInBrowser browser = new SignInBrowser();
        SignInBrowser.Page page = browser.signIn("staff", "bo.unknown", Keycloak.PASSWORD);
        assertEquals("/unknown-person.xhtml", page.uri().getPath(), browser.hops.toString());
        assertEquals(before, Rows.count());
        assertEquals(links, Rows.value("select count(*) from account_identity"));
        assertTrue(browser.sessionCookie().isEmpty(), "no session for a person without an account");
    }

    @Test
    void aLinkedPersonSignsInToTheirAccountWithTheirRoles() throws Exception {
        long account = ItAccounts.create("FINANCE", null);
        SignInBrowser probe = new SignInBrowser();
        // the staff realm's subject is Keycloak's user id
        link(account, "staff", Keycloak.userId(Keycloak.STAFF, "cia.linked"));
        SignInBrowser.Page landed = probe.signIn("staff", "cia.linked", Keycloak.PASSWORD);
        assertEquals(Api.base().resolve("index.xhtml").getPath(), landed.uri().getPath(), probe.hops.toString());
        assertEquals(200, landed.status());
        SignInBrowser.Page me = probe.open(Api.base().resolve("api/accounts/me"));
        assertEquals(200, me.status(), me.body());
        assertTrue(me.body().contains("\"username\":\"" + username(account) + "\""), me.body());
        assertTrue(me.body().contains("FINANCE"), me.body());
        assertTrue(Rows.value("select last_sign_in_at from account_identity where account_id = ?", account) != null);
    }

    @Test
    void anEidPersonalNumberIsNeverStoredLoggedOrShown() throws Exception {
        ServerLog log = ServerLog.marked();
        long account = ItAccounts.create("AUDITOR", null);
        link(account, "eid", PERSONAL_NUMBER);
        SignInBrowser browser = new SignInBrowser();
        SignInBrowser.Page landed = browser.signIn("eid", PERSONAL_NUMBER, Keycloak.PASSWORD);
        assertEquals("/index.xhtml", landed.uri().getPath(), browser.hops.toString());
        assertFalse(landed.body().contains(PERSONAL_NUMBER));
        SignInBrowser.Page me = browser.open(Api.base().resolve("api/accounts/me"));
        assertTrue(me.body().contains(username(account)), me.body());
        assertFalse(me.body().contains(PERSONAL_NUMBER));
        assertEquals(List.of(), tablesHolding(PERSONAL_NUMBER), "no table holds the number in any column");
        List<ServerLog.Entry> logged = log.sinceMark();
        assertTrue(logged.stream().noneMatch(e -> e.toString().contains(PERSONAL_NUMBER)), "nor the server log");
        assertTrue(logged.stream().anyMatch(e -> e.message().contains("Signed in through 'eid'")), logged.toString());
    }

    @Test
    void logoutEndsTheSessionHereAndAtTheProvider() throws Exception {
        long account = ItAccounts.create("AUDITOR", null);
        link(account, "staff", Keycloak.userId(Keycloak.STAFF, "anna.staff"));
        SignInBrowser browser = new SignInBrowser();
        assertEquals("/index.xhtml", browser.signIn("staff", "anna.staff", Keycloak.PASSWORD).uri().getPath());
        SignInBrowser.Page start = browser.open(Api.base().resolve("index.xhtml"));
        SignInBrowser.Form logout = start.form("userForm");
        logout.fields().put("userForm:logout", "");
        SignInBrowser.Page leaving = logout.submitIn(browser);
        // a page that leads on to the provider (a redirect would break the CSP's form-action 'self')
        assertEquals("/sso/staff/logout", leaving.uri().getPath(), browser.hops.toString());
        java.util.regex.Matcher next = java.util.regex.Pattern.compile("id=\"continue\" href=\"([^\"]+)\"").matcher(leaving.body());
        assertTrue(next.find(), leaving.body());
        URI provider = URI.create(next.group(1).replace("&amp;", "&"));
        assertTrue(provider.getPort() == Keycloak.PORT && provider.getPath().endsWith("/logout"), provider.toString());
        assertTrue(leaving.body().contains("http-equiv=\"refresh\""), "it goes on by itself");
        SignInBrowser.Page out = browser.open(provider);
        // Keycloak asks to confirm a logout that carries no ID token (none is kept: it may hold a personal number)
        SignInBrowser.Page back = out.uri().getPort() == Keycloak.PORT ? out.form(null).submitIn(browser) : out;
        assertEquals("/login.xhtml", back.uri().getPath(), browser.hops.toString());
        assertTrue(back.body().contains(">Du är utloggad") || back.body().contains("loggedOut") || back.uri().getQuery().contains("loggedOut"));
        assertEquals(401, browser.open(Api.base().resolve("api/accounts/me")).status(), "the application's session is gone");
        SignInBrowser.Page again = browser.open(Api.base().resolve("sso/staff"));
        assertTrue(again.uri().getPath().contains("/realms/iop-staff/"), "Keycloak asks for the password again: " + again.uri());
    }

    @Test
    void backChannelLogoutFromTheProviderEndsTheSession() throws Exception {
        long account = ItAccounts.create("AUDITOR", null);
        // a person of their own, so that no other test's session at Keycloak is ended with theirs
        link(account, "eid", "198112189876");
        SignInBrowser browser = new SignInBrowser();
        assertEquals("/index.xhtml", browser.signIn("eid", "198112189876", Keycloak.PASSWORD).uri().getPath());
        assertEquals(200, browser.open(Api.base().resolve("api/accounts/me")).status());
        Keycloak.logOutEverywhere(Keycloak.EID, "198112189876");
        SignInBrowser.Page after = browser.open(Api.base().resolve("api/accounts/me"));
        assertEquals(401, after.status(), after.body());
    }

    @Test
    void whereSoConfiguredTheProvidersGroupsSetAStaffAccountsRoles() throws Exception {
        long grouped = ItAccounts.create("AUDITOR", null);
        link(grouped, "staff", Keycloak.userId(Keycloak.STAFF, "gun.groups"));
        long unmapped = ItAccounts.create("AUDITOR", null);
        link(unmapped, "staff", Keycloak.userId(Keycloak.STAFF, "hal.nogroup"));
        ItProviders.set("iop.oidc.staff.groups.claim", "groups");
        ItProviders.set("iop.oidc.staff.group.roles", "iop-ekonomi=FINANCE, iop-handlaggare=ADMIN, x=PARTNER");
        try {
            SignInBrowser browser = new SignInBrowser();
            assertEquals("/index.xhtml", browser.signIn("staff", "gun.groups", Keycloak.PASSWORD).uri().getPath());
            SignInBrowser.Page me = browser.open(Api.base().resolve("api/accounts/me"));
            assertTrue(me.body().contains("\"roles\":[\"FINANCE\"]"), me.body());
            assertEquals(List.of("FINANCE"), Rows.values("select role from account_role where account_id = ?", grouped));

            SignInBrowser none = new SignInBrowser();
            assertEquals("/unknown-person.xhtml", none.signIn("staff", "hal.nogroup", Keycloak.PASSWORD).uri().getPath(),
                    "no group of theirs maps to a role");
            assertEquals(List.of("AUDITOR"), Rows.values("select role from account_role where account_id = ?", unmapped));
        } finally {
            ItProviders.set("iop.oidc.staff.groups.claim", null);
            ItProviders.set("iop.oidc.staff.group.roles", null);
        }
        // off (the default): the roles are the account's own, whatever the groups
        SignInBrowser later = new SignInBrowser();
        assertEquals("/index.xhtml", later.signIn("staff", "hal.nogroup", Keycloak.PASSWORD).uri().getPath());
    }

    @Test
    void anInvitedPartnerSignsInThroughTheLinkOnceAndSeesOnlyTheirOrganisationsAgreements() throws Exception {
        Smtp.server();
        String email = "ida-" + UUID.randomUUID().toString().substring(0, 8) + "@verdandi.example";
        Api.Reply invited = Api.admin().post("api/invitations", Json.createObjectBuilder().add("email", email)
                .add("displayName", "Ida Invited").add("role", "PARTNER")
                .add("organisationId", Fixtures.organisationId(Fixtures.VERDANDI)).build().toString());
        assertEquals(201, invited.status(), invited.body());
        Matcher link = Pattern.compile("(http://\\S+/invitation\\.xhtml\\?token=[A-Za-z0-9_-]+)")
                .matcher((String) Smtp.await(email, 1, Duration.ofSeconds(30)).get(0).getContent());
        assertTrue(link.find());

        SignInBrowser browser = new SignInBrowser();
        SignInBrowser.Page invitation = browser.open(URI.create(link.group(1)));
        assertTrue(invitation.body().contains("href=\"/sso/staff\""), invitation.body());
        SignInBrowser.Page login = browser.open(Api.base().resolve("sso/staff"));
        SignInBrowser.Page landed = browser.submit(login.formAction(),
                Map.of("username", "ida.invited", "password", Keycloak.PASSWORD, "credentialId", ""));
        assertEquals("/index.xhtml", landed.uri().getPath(), browser.hops.toString());
        String agreements = browser.open(Api.base().resolve("api/agreements?max=100")).body();
        assertEquals(ids(Api.demo("verdandi").get("api/agreements?max=100").body()), ids(agreements),
                "exactly what the organisation's other partner account sees");
        assertEquals("ACCEPTED", Api.admin().get("api/invitations/" + invited.json().getJsonNumber("id").longValue())
                .json().getString("state"));

        // the link works once: a second person following it is refused and linked to nothing
        SignInBrowser other = new SignInBrowser();
        SignInBrowser.Page again = other.open(URI.create(link.group(1)));
        assertTrue(again.body().contains("används") || again.body().contains("used"), again.body());
        long links = (Long) Rows.value("select count(*) from account_identity");
        assertEquals("/unknown-person.xhtml", other.signIn("staff", "jon.invited", Keycloak.PASSWORD).uri().getPath());
        assertEquals(links, Rows.value("select count(*) from account_identity"));
    }

    private static List<Long> ids(String agreementsPage) {
        return Json.createReader(new java.io.StringReader(agreementsPage)).readObject().getJsonArray("items")
                .getValuesAs(jakarta.json.JsonObject.class).stream().map(a -> a.getJsonNumber("id").longValue()).sorted().toList();
    }

    @Test
    void aForgedCallbackOrAReplayedStateSignsNobodyIn() {
        SignInBrowser browser = new SignInBrowser();
        SignInBrowser.Page forged = browser.open(Api.base().resolve("sso/staff/callback?code=abc&state=xyz"));
        assertEquals("/login.xhtml", forged.uri().getPath());
        assertTrue(forged.body().contains("id=\"signinFailed\""), forged.body());
        assertTrue(browser.sessionCookie().isEmpty());
    }

    @Test
    void aProviderThatCannotBeReachedIsSaidOnTheLoginPageAndPasswordsStillWork() {
        SignInBrowser browser = new SignInBrowser();
        SignInBrowser.Page page = browser.open(Api.base().resolve("sso/down"));
        assertEquals("/login.xhtml", page.uri().getPath());
        assertTrue(page.body().contains("id=\"signinUnreachable\""), page.body());
        assertEquals(200, Api.admin().get("api/accounts/me").status());
        assertEquals(404, browser.open(Api.base().resolve("sso/nosuch")).status());
    }

    /** Tables (of the public schema) with a row whose text holds this string in any column. */
    private static List<String> tablesHolding(String text) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = ItDatabase.database().connect()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery(
                    "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (PreparedStatement ps = c.prepareStatement("select count(*) from \"" + table + "\" t where t::text like ?")) {
                    ps.setString(1, "%" + text + "%");
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            found.add(table);
                        }
                    }
                }
            }
        }
        return found;
    }
}
