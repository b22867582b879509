package se.iop.ui;

import jakarta.json.Json;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import se.iop.it.Api;
import se.iop.it.Browser;
import se.iop.it.Deployments;
import se.iop.it.Fixtures;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Widgets.choose;
import static se.iop.it.Widgets.confirm;
import static se.iop.it.Widgets.dialogOpen;
import static se.iop.it.Widgets.press;
import static se.iop.it.Widgets.rows;
import static se.iop.it.Widgets.saveDialog;
import static se.iop.it.Widgets.stayedText;
import static se.iop.it.Widgets.steps;
import static se.iop.it.Widgets.text;
import static se.iop.it.Widgets.tickOption;
import static se.iop.it.Widgets.type;
import static se.iop.it.Widgets.waitForText;

/**
 * The account pages in a real browser: an administrator makes a partner account bound to a new
 * organisation (the rule that a partner needs one shown first), and that user sees only its own
 * organisation and changes its own password; roles are edited, a password reset and an account
 * deactivated; an auditor reads accounts without being offered changes; every user has "my account".
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountBrowserIT {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String FIRST_PASSWORD = "forsta-losenordet";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void aPartnerAccountBoundToAnOrganisationSeesOnlyThatOrganisationAndChangesItsOwnPassword() {
        String suffix = Fixtures.unique("").strip();
        String organisation = "Föreningen Hem " + suffix;
        Fixtures.created(Api.admin().post("api/organisations", Json.createObjectBuilder().add("name", organisation)
                .add("organisationNumber", Fixtures.organisationNumber()).add("kind", "NON_PROFIT").build().toString()));
        String username = "partner." + suffix;
        String displayName = "Kim " + SCRIPT + " " + suffix;
        long stadsmission = Fixtures.organisationId(Fixtures.STADSMISSION);
        try (Browser b = Browser.start()) {
            steps(b, "account-partner", () -> {
                b.login("handlaggare", "bostadforst");
                b.find(By.linkText("Konton")).click();
                b.find(By.id("search:newAccount")).click();
                b.waitUntil(ExpectedConditions.urlContains("accounts/edit.xhtml"));
                assertEquals("Nytt konto", b.find(By.tagName("h1")).getText());

                type(b, "account:username", username);
                type(b, "account:displayName", displayName);
                type(b, "account:email", "kim@example.se");
                tickOption(b, "account:roles", "Partner");
                type(b, "account:password", FIRST_PASSWORD);
                type(b, "account:passwordRepeat", FIRST_PASSWORD);
                press(b, "account:save");
                waitForText(b, "Organisation: Ett partnerkonto måste höra till en idéburen organisation.");
                assertTrue(b.find(By.id("account:organisationId")).getAttribute("class").contains("ui-state-error"),
                        "the organisation's menu is marked");
                assertEquals(username, b.find(By.id("account:username")).getAttribute("value"), "what was typed stays");
                assertEquals("", b.find(By.id("account:password")).getAttribute("value"), "a password is never shown again");
                b.screenshot("account-new-refused");

                choose(b, "account:organisationId", organisation);
                type(b, "account:password", FIRST_PASSWORD);
                type(b, "account:passwordRepeat", FIRST_PASSWORD + "x");
                press(b, "account:save");
                waitForText(b, "Upprepa lösenordet: Lösenorden är inte lika.");

                type(b, "account:password", FIRST_PASSWORD);
                type(b, "account:passwordRepeat", FIRST_PASSWORD);
                b.find(By.id("account:save")).click();
                b.waitUntil(ExpectedConditions.urlContains("accounts/view.xhtml?id="));
                waitForText(b, "Kontot är skapat.");
                assertEquals(displayName, b.find(By.tagName("h1")).getText());
                assertEquals("Partner", b.find(By.id("roles")).getText());
                assertEquals(organisation, b.find(By.id("organisation")).getText());
                List<String> history = rows(b, "account:changes");
                assertTrue(history.stream().anyMatch(r -> r.contains("Skapad") && r.contains("Kontot: " + username)
                        && r.contains("handlaggare") && r.contains("Roller: Partner")), String.join("\n", history));
                assertFalse(b.driver().getPageSource().contains(FIRST_PASSWORD), "no password in the page");
                stayedText(b, displayName);
                b.screenshot("account-view");

                b.open("accounts/list.xhtml");
                type(b, "search:text", suffix);
                press(b, "search:go");
                List<String> found = rows(b, "list:accounts");
                assertEquals(1, found.size(), String.join("\n", found));
                assertTrue(found.get(0).contains(username) && found.get(0).contains("Partner") && found.get(0).contains(organisation),
                        found.get(0));
                stayedText(b, displayName);
                b.screenshot("account-list");
                logout(b);

                b.login(username, FIRST_PASSWORD);
                b.find(By.linkText("Organisationer")).click();
                List<String> own = rows(b, "list:organisations");
                assertEquals(1, own.size(), String.join("\n", own));
                assertTrue(own.get(0).contains(organisation), own.get(0));
                assertTrue(b.driver().findElements(By.id("search:newOrganisation")).isEmpty());
                b.find(By.linkText(organisation)).click();
                b.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), organisation));
                assertTrue(b.driver().findElements(By.id("organisation:history")).isEmpty(), "no history for a partner");
                assertTrue(b.driver().findElements(By.id("organisation:edit")).isEmpty(), "no editing for a partner");

                b.open("organisations/view.xhtml?id=" + stadsmission);
                assertTrue(b.find(By.id("notFound")).getText().contains("Organisationen finns inte"));
                assertFalse(b.pageText().contains(Fixtures.STADSMISSION));
                b.open("accounts/list.xhtml");
                assertTrue(b.pageText().contains("Din roll ger inte behörighet till detta."));

                b.open("index.xhtml");
                b.find(By.id("userForm:me")).click();
                b.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Mitt konto"));
                assertEquals(organisation, b.find(By.id("organisation")).getText());
                assertEquals("Partner", b.find(By.id("roles")).getText());
                type(b, "changePassword:currentPassword", "fel-losenord-helt");
                type(b, "changePassword:password", "nytt-losenord-1");
                type(b, "changePassword:passwordRepeat", "nytt-losenord-1");
                press(b, "changePassword:save");
                waitForText(b, "Nuvarande lösenord: Nuvarande lösenord stämmer inte.");
                type(b, "changePassword:currentPassword", FIRST_PASSWORD);
                type(b, "changePassword:password", "kort");
                type(b, "changePassword:passwordRepeat", "kort");
                press(b, "changePassword:save");
                waitForText(b, "Nytt lösenord: Lösenordet måste ha minst 10 tecken.");
                type(b, "changePassword:currentPassword", FIRST_PASSWORD);
                type(b, "changePassword:password", "nytt-losenord-1");
                type(b, "changePassword:passwordRepeat", "nytt-losenord-1");
                press(b, "changePassword:save");
                waitForText(b, "Ditt lösenord är bytt.");
                assertEquals("", b.find(By.id("changePassword:currentPassword")).getAttribute("value"));
                b.screenshot("account-me");
                logout(b);

                assertFalse(tryLogin(b, username, FIRST_PASSWORD), "the old password no longer works");
                assertTrue(tryLogin(b, username, "nytt-losenord-1"), "the new one does");
            });
        }
    }

    @Test
    void anAdministratorEditsRolesResetsAPasswordAndDeactivatesAnAccount() {
        String suffix = Fixtures.unique("").strip();
        String username = "ekonom." + suffix;
        try (Browser b = Browser.start()) {
            steps(b, "account-admin", () -> {
                b.login("handlaggare", "bostadforst");
                b.open("accounts/edit.xhtml");
                type(b, "account:username", username);
                type(b, "account:displayName", "Eva Ekonom " + suffix);
                tickOption(b, "account:roles", "Ekonom");
                type(b, "account:password", FIRST_PASSWORD);
                type(b, "account:passwordRepeat", FIRST_PASSWORD);
                b.find(By.id("account:save")).click();
                b.waitUntil(ExpectedConditions.urlContains("accounts/view.xhtml?id="));
                String id = b.driver().getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1");

                b.find(By.id("account:edit")).click();
                b.waitUntil(ExpectedConditions.urlContains("accounts/edit.xhtml?id=" + id));
                assertEquals("Ändra konto", b.find(By.tagName("h1")).getText());
                assertEquals(username, b.find(By.id("usernameShown")).getText(), "the user name cannot be changed");
                tickOption(b, "account:roles", "Partner");
                press(b, "account:save");
                waitForText(b, "Roller: Partner- och hyresvärdskonton har bara den rollen.");
                tickOption(b, "account:roles", "Partner");
                tickOption(b, "account:roles", "Granskare");
                type(b, "account:displayName", "Eva Ekonom-Granskare " + suffix);
                b.find(By.id("account:save")).click();
                b.waitUntil(ExpectedConditions.urlContains("accounts/view.xhtml?id=" + id));
                waitForText(b, "Kontot är sparat.");
                assertEquals("Ekonom, Granskare", b.find(By.id("roles")).getText());

                press(b, "account:resetPassword");
                dialogOpen(b, "passwordDlg");
                type(b, "passwordForm:password", "kort");
                type(b, "passwordForm:passwordRepeat", "kort");
                press(b, "passwordForm:save");
                b.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("passwordForm:dlgMessages"),
                        "Nytt lösenord: Lösenordet måste ha minst 10 tecken."));
                type(b, "passwordForm:password", "aterstallt-losenord");
                type(b, "passwordForm:passwordRepeat", "aterstallt-losenord");
                saveDialog(b, "passwordForm", "passwordDlg");
                waitForText(b, "Lösenordet är bytt.");

                b.find(By.id("account:deactivate")).click();
                confirm(b);
                b.waitUntil(ExpectedConditions.textToBe(By.id("state"), "Inaktiverat"));
                List<String> history = rows(b, "account:changes");
                assertTrue(history.stream().anyMatch(r -> r.contains("Roller: Ekonom") && r.contains("Ekonom, Granskare")),
                        String.join("\n", history));
                assertTrue(history.stream().anyMatch(r -> r.contains("Lösenordsbyten: 1") && r.contains("2")),
                        String.join("\n", history));
                assertTrue(history.stream().anyMatch(r -> r.contains("Aktiv: Ja") && r.contains("Nej")), String.join("\n", history));
                assertFalse(String.join("\n", history).contains("aterstallt-losenord"));
                b.screenshot("account-deactivated");

                // Yourself you cannot deactivate: the rule is shown, nothing changes.
                b.open("accounts/list.xhtml");
                type(b, "search:text", "handlaggare");
                press(b, "search:go");
                b.find(By.linkText("handlaggare")).click();
                b.find(By.id("account:deactivate")).click();
                confirm(b);
                waitForText(b, "Du kan inte inaktivera ditt eget konto.");
                assertEquals("Aktivt", b.find(By.id("state")).getText());
                logout(b);

                assertFalse(tryLogin(b, username, "aterstallt-losenord"), "a deactivated account cannot log in");
            });
        }
    }

    @Test
    void anAuditorReadsAccountsButIsOfferedNoChanges() {
        try (Browser b = Browser.start()) {
            steps(b, "account-auditor", () -> {
                b.login("revisor", "bostadforst");
                b.find(By.linkText("Konton")).click();
                List<String> accounts = rows(b, "list:accounts");
                assertTrue(accounts.stream().anyMatch(r -> r.contains("stadsmissionen") && r.contains(Fixtures.STADSMISSION)),
                        String.join("\n", accounts));
                assertTrue(b.driver().findElements(By.id("search:newAccount")).isEmpty(), "no 'new' for an auditor");
                b.find(By.linkText("handlaggare")).click();
                b.waitUntil(ExpectedConditions.urlContains("accounts/view.xhtml"));
                assertEquals("Administratör", b.find(By.id("roles")).getText());
                for (String button : List.of("account:edit", "account:resetPassword", "account:deactivate", "account:reactivate")) {
                    assertTrue(b.driver().findElements(By.id(button)).isEmpty(), button + " is not offered");
                }
                assertFalse(rows(b, "account:changes").isEmpty(), "the auditor reads the history");
                b.screenshot("account-auditor");

                b.open("accounts/edit.xhtml");
                assertTrue(b.pageText().contains("Din roll ger inte behörighet till detta."), b.pageText());
            });
        }
    }

    @Test
    void aLandlordHasItsOwnAccountPageButNotTheAccounts() {
        try (Browser b = Browser.start()) {
            steps(b, "account-landlord", () -> {
                b.login("hyresvard", "bostadforst");
                b.find(By.id("userForm:me")).click();
                b.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Mitt konto"));
                assertEquals(Fixtures.NYKOPINGSHEM, b.find(By.id("organisation")).getText());
                assertEquals("Hyresvärd", b.find(By.id("roles")).getText());
                b.open("accounts/list.xhtml");
                assertTrue(b.pageText().contains("Din roll ger inte behörighet till detta."), b.pageText());
            });
        }
    }

    private static void logout(Browser b) {
        b.find(By.id("userForm:logout")).click();
        b.waitUntil(d -> d.getCurrentUrl().contains("login.xhtml"));
    }

    /** Logs in through the form; true when it let the user in, false when it said the password was wrong. */
    private static boolean tryLogin(Browser b, String username, String password) {
        b.open("login.xhtml");
        type(b, "login:username", username);
        type(b, "login:password", password);
        b.find(By.id("login:submit")).click();
        b.waitUntil(d -> !d.findElements(By.id("userForm:logout")).isEmpty()
                || text(d.findElement(By.tagName("body"))).contains("Fel användarnamn eller lösenord."));
        boolean in = !b.driver().findElements(By.id("userForm:logout")).isEmpty();
        if (in) {
            logout(b);
        }
        return in;
    }
}
