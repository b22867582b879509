package se.iop.ui;

import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import se.iop.it.Browser;
import se.iop.it.Deployments;
import se.iop.it.Management;
import se.iop.it.Smtp;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Widgets.choose;
import static se.iop.it.Widgets.confirm;
import static se.iop.it.Widgets.dialogOpen;
import static se.iop.it.Widgets.press;
import static se.iop.it.Widgets.rows;
import static se.iop.it.Widgets.steps;
import static se.iop.it.Widgets.type;
import static se.iop.it.Widgets.waitForText;

/**
 * Invitations on the accounts page in a real browser: the administrator invites a partner user (refused naming
 * the organisation until one of the right kind is chosen), the invitation is listed as waiting, its e-mail's
 * link opens the invitation page without a login with a sign-in button per provider; sent again, then revoked.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InvitationBrowserIT {

    private static final Pattern LINK = Pattern.compile("http://\\S+/(invitation\\.xhtml\\?token=[A-Za-z0-9_-]+)");
    private static final Map<String, String> SETTINGS = Map.of("iop.oidc.providers", "staff",
            "iop.oidc.staff.label", "Kommunens inloggning", "iop.oidc.staff.issuer", "http://127.0.0.1:1/realms/staff",
            "iop.oidc.staff.client.id", "iop", "iop.oidc.staff.client.secret", "not-used-here");

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
        try (Management server = Management.itServer()) {
            SETTINGS.keySet().forEach(name -> server.systemProperty(name, null));
        }
    }

    @Test
    void anAdministratorInvitesAPartnerWhoseLinkOpensTheInvitationPageThenSendsItAgainAndRevokesIt() throws Exception {
        String email = "kim-" + UUID.randomUUID().toString().substring(0, 8) + "@example.se";
        try (Browser b = Browser.start()) {
            steps(b, "invitation", () -> {
                b.login("handlaggare", "bostadforst");
                b.open("accounts/list.xhtml");
                waitForText(b, "Inbjudningar");
                press(b, "search:invite");
                dialogOpen(b, "inviteDlg");
                type(b, "inviteForm:email", email);
                type(b, "inviteForm:displayName", "Kim Partner");
                choose(b, "inviteForm:roles", "Partner – idéburen organisation, ser sina egna avtal");
                press(b, "inviteForm:send");
                waitForText(b, "Organisation: Ett partnerkonto måste höra till en idéburen organisation.");
                assertTrue(b.find(By.id("inviteDlg")).isDisplayed(), "the dialog stays open with what was typed");
                b.screenshot("invitation-refused");
                choose(b, "inviteForm:organisationId", "Sörmlands Stadsmission");
                press(b, "inviteForm:send");
                b.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.id("inviteDlg")));
                waitForText(b, "Inbjudan skickades till " + email + ".");
                String row = rows(b, "invitations:invitationTable").get(0);
                assertTrue(row.contains(email) && row.contains("Kim Partner") && row.contains("Partner")
                        && row.contains("Sörmlands Stadsmission") && row.contains("Väntar"), row);
                b.screenshot("invitation-listed");
            });
        }
        MimeMessage mail = Smtp.await(email, 1, Duration.ofSeconds(30)).get(0);
        Matcher link = LINK.matcher((String) mail.getContent());
        assertTrue(link.find(), (String) mail.getContent());
        try (Browser b = Browser.start()) {
            steps(b, "invitation-page", () -> {
                b.open(link.group(1));
                waitForText(b, "Välkommen, Kim Partner!");
                assertTrue(b.driver().getCurrentUrl().endsWith("/invitation.xhtml"), "the secret left the address: "
                        + b.driver().getCurrentUrl());
                waitForText(b, "Handläggare (demo) har bjudit in dig som Partner för Sörmlands Stadsmission.");
                assertEquals("Kommunens inloggning", b.find(By.id("sso-staff")).getText());
                assertTrue(b.find(By.id("sso-staff")).getAttribute("href").endsWith("/sso/staff"));
                assertTrue(b.driver().findElements(By.id("userForm:logout")).isEmpty(), "no login needed");
                b.screenshot("invitation-page");
            });
        }
        try (Browser b = Browser.start()) {
            steps(b, "invitation-resend-revoke", () -> {
                b.login("handlaggare", "bostadforst");
                b.open("accounts/list.xhtml");
                waitForText(b, email);
                press(b, "invitations:invitationTable:0:resend");
                waitForText(b, "En ny länk skickades till " + email + ".");
                b.find(By.id("invitations:invitationTable:0:revoke")).click();
                confirm(b);
                waitForText(b, "Inbjudan återkallades.");
                String row = rows(b, "invitations:invitationTable").get(0);
                assertTrue(row.contains(email) && row.contains("Återkallad"), row);
                assertTrue(b.driver().findElements(By.id("invitations:invitationTable:0:resend")).isEmpty());
            });
        }
        assertEquals(2, Smtp.await(email, 2, Duration.ofSeconds(30)).size());
        try (Browser b = Browser.start()) {
            steps(b, "invitation-old-link", () -> {
                b.open(link.group(1));
                waitForText(b, "Inbjudan går inte att använda");
                waitForText(b, "Länken gäller inte.");
                assertTrue(b.driver().findElements(By.id("sso-staff")).isEmpty());
            });
        }
    }
}
