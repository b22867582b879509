package se.iop.ui;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import se.iop.it.Api;
import se.iop.it.Deployments;
import se.iop.it.Browser;
import se.iop.it.ItAccounts;
import se.iop.it.Rows;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * The API tokens on an account's page in a real browser: the administrator issues one, sees its secret once
 * in a dialog, the secret works as Bearer, the list shows its prefix and last use but never the secret, and
 * the administrator revokes it; an auditor sees the list and no buttons.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiTokenBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void anAdministratorIssuesATokenSeesItsSecretOnceAndRevokesIt() {
        long accountId = ItAccounts.create("FINANCE", null);
        try (Browser b = Browser.start()) {
            steps(b, "api-token", () -> {
                b.login("handlaggare", "bostadforst");
                b.open("accounts/view.xhtml?id=" + accountId);
                waitForText(b, "API-nycklar");
                waitForText(b, "Kontot har inga API-nycklar.");
                press(b, "account:newToken");
                dialogOpen(b, "tokenDlg");
                type(b, "tokenForm:name", "Ekonomisystemet");
                choose(b, "tokenForm:scope", "Kontots roller");
                press(b, "tokenForm:issue");
                b.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("secretDlg")));
                String secret = b.find(By.id("secretForm:secret")).getAttribute("value");
                assertTrue(secret.matches("iop_[A-Za-z0-9_-]{43}"), secret);
                b.screenshot("api-token-secret");

                Api.Reply used = Api.bearer(secret).get("api/agreements?max=1");
                assertEquals(200, used.status(), used.body());

                press(b, "secretForm:done");
                b.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.id("secretDlg")));
                b.open("accounts/view.xhtml?id=" + accountId);
                List<String> listed = rows(b, "account:tokens");
                assertEquals(1, listed.size(), String.join("\n", listed));
                String row = listed.get(0);
                assertTrue(row.contains("Ekonomisystemet") && row.contains(secret.substring(0, 12) + "…")
                        && row.contains("Kontots roller") && row.contains("Giltig"), row);
                assertFalse(row.contains("Aldrig"), "its use is shown: " + row);
                assertFalse(b.driver().getPageSource().contains(secret.substring(12)), "the secret is not on the page again");
                b.screenshot("api-token-list");

                b.find(By.id("account:tokens:0:revoke")).click();
                confirm(b);
                waitForText(b, "API-nyckeln är återkallad.");
                assertTrue(rows(b, "account:tokens").get(0).contains("Återkallad"), rows(b, "account:tokens").get(0));
                assertEquals(401, Api.bearer(secret).get("api/agreements?max=1").status());
                assertEquals(0L, ((Number) Rows.value("select count(*) from api_token t where position(? in t::text) > 0",
                        secret.substring(12))).longValue());
            });
        }
        try (Browser b = Browser.start()) {
            steps(b, "api-token-auditor", () -> {
                b.login("revisor", "bostadforst");
                b.open("accounts/view.xhtml?id=" + accountId);
                waitForText(b, "Ekonomisystemet");
                assertTrue(b.driver().findElements(By.id("account:newToken")).isEmpty());
                assertTrue(b.driver().findElements(By.id("account:tokens:0:revoke")).isEmpty());
            });
        }
    }
}
