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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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

    /** Before the login nothing is kept on the server: no session cookie, also after switching language. */
    @Test
    void noSessionBeforeLoginAndThePageAskedForAfterIt() {
        try (Browser browser = Browser.start()) {
            browser.open("organisations/list.xhtml?q=Nyk");
            browser.waitUntil(d -> d.getCurrentUrl().contains("login.xhtml?returnTo="));
            assertNull(browser.driver().manage().getCookieNamed("JSESSIONID"), "a session before login");

            browser.find(By.linkText("English")).click();
            browser.waitUntil(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
            assertTrue(browser.pageText().contains("Log in"), browser.pageText());
            assertNull(browser.driver().manage().getCookieNamed("JSESSIONID"), "the language switch made a session");
            assertEquals("en", browser.driver().manage().getCookieNamed("iop-lang").getValue());

            browser.find(By.id("login:username")).sendKeys("handlaggare");
            browser.find(By.id("login:password")).sendKeys("bostadforst");
            browser.find(By.id("login:submit")).click();
            browser.waitUntil(d -> d.getCurrentUrl().contains("organisations/list.xhtml?q=Nyk"));
            assertNotNull(browser.driver().manage().getCookieNamed("JSESSIONID"));
            assertEquals("en", browser.find(By.tagName("html")).getAttribute("lang"), "the language chosen before the login");
        }
    }
}
