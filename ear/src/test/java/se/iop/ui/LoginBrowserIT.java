package se.iop.ui;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import se.iop.it.Browser;
import se.iop.it.Deployments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Logging in and out in a real browser, in Swedish first. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoginBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void wrongPasswordIsRefusedAndTheRightOneLetsTheUserIn() {
        try (Browser browser = Browser.start()) {
            browser.open("index.xhtml");
            assertTrue(browser.driver().getCurrentUrl().contains("login.xhtml"), "anonymous users are sent to the login page");

            browser.find(By.id("login:username")).sendKeys("handlaggare");
            browser.find(By.id("login:password")).sendKeys("fel-lösenord");
            browser.find(By.id("login:submit")).click();
            assertTrue(browser.find(By.className("ui-messages-error")).getText().contains("Fel användarnamn eller lösenord"));

            browser.login("handlaggare", "bostadforst");
            assertEquals("sv", browser.find(By.tagName("html")).getAttribute("lang"));
            assertTrue(browser.pageText().contains("handlaggare"));

            browser.find(By.id("userForm:logout")).click();
            browser.waitUntil(d -> d.getCurrentUrl().contains("login.xhtml"));
            assertTrue(browser.pageText().contains("Du är utloggad"));
        }
    }
}
