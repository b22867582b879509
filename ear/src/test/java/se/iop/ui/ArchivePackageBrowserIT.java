package se.iop.ui;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import se.iop.it.Axe;
import se.iop.it.Api;
import se.iop.it.Browser;
import se.iop.it.Deployments;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.FollowUpFixtures.activeWith;
import static se.iop.it.Fixtures.STADSMISSION;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.moveTo;
import static se.iop.it.Fixtures.ok;

/**
 * The archive package button on the agreement page: the administrator sees it on an ended agreement and it hands
 * out the ZIP (posted as the button posts its form), and the page passes the axe rules (serious and critical) with it;
 * it is not there on an agreement in force, nor for the auditor.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ArchivePackageBrowserIT {

    private static final By BUTTON = By.id("agreement:archivePackage");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void theAdministratorTakesOutThePackageOfAnEndedAgreementOnly() {
        Api admin = Api.admin();
        JsonObject active = activeWith(STADSMISSION);
        long ended = id(ok(moveTo(admin, activeWith(STADSMISSION), "ENDED")));
        try (Browser b = Browser.start()) {
            try {
                b.login("handlaggare", "bostadforst");
                b.open("agreements/view.xhtml?id=" + ended);
                assertTrue(b.find(BUTTON).getText().contains("Skapa arkivpaket"), b.pageText());
                assertTrue(b.pageText().contains("En ZIP-fil för e-arkivet"), b.pageText());
                // The page with the button passes the same accessibility rules as AccessibilityBrowserIT's pages.
                Axe.assertNone(b.driver(), "the agreement page with the archive button");
                // What a click posts: the page's form with the button's name, answered by the file itself.
                String answer = (String) ((JavascriptExecutor) b.driver()).executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        const form = document.getElementById('agreement');
                        const data = new URLSearchParams(new FormData(form));
                        data.append('agreement:archivePackage', '');
                        fetch(form.action, {method: 'POST', body: data}).then(r => r.arrayBuffer().then(buf => {
                          const bytes = new Uint8Array(buf);
                          done(r.status + ' ' + r.headers.get('content-type') + ' ' + r.headers.get('content-disposition')
                            + ' ' + String.fromCharCode(bytes[0], bytes[1]) + ' ' + bytes.length);
                        })).catch(e => done('failed ' + e));""");
                assertTrue(answer.startsWith("200 application/zip"), answer);
                assertTrue(answer.contains("arkivpaket-") && answer.contains(".zip"), answer);
                assertTrue(answer.contains(" PK "), "a ZIP: " + answer);

                b.open("agreements/view.xhtml?id=" + id(active));
                b.find(By.id("agreement:toENDED"));
                assertEquals(0, b.driver().findElements(BUTTON).size(), "no package of an agreement in force");
            } catch (RuntimeException | AssertionError e) {
                b.screenshot("failed-archive-package-admin");
                throw e;
            }
        }
        try (Browser b = Browser.start()) {
            b.login("revisor", "bostadforst");
            b.open("agreements/view.xhtml?id=" + ended);
            b.find(By.id("timeline"));
            assertEquals(0, b.driver().findElements(BUTTON).size(), "the auditor reads the agreement, makes no package");
        }
    }
}
