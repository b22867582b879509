package se.iop.ui;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import se.iop.it.Browser;
import se.iop.it.Deployments;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The top navigation on a 390 px wide phone (issue 13 §6): no page is wider than the screen, for the administrator
 * (who has the most links) and for a partner, and every link of the navigation lies inside the screen.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PhoneNavBrowserIT {

    private static final int PHONE = 390;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void theAdministratorsNavigationFitsAPhone() {
        fits("handlaggare", "bostadforst", "admin");
    }

    @Test
    void aPartnersNavigationFitsAPhone() {
        fits("stadsmissionen", "bostadforst", "partner");
    }

    private static void fits(String username, String password, String name) {
        try (Browser b = Browser.start()) {
            b.login(username, password);
            // the window's inner width is what the page lays out in; make it the phone's
            b.driver().manage().window().setSize(new Dimension(PHONE, 844));
            long inner = js(b, "return window.innerWidth;");
            b.driver().manage().window().setSize(new Dimension(PHONE + (PHONE - (int) inner), 844));
            assertTrue(js(b, "return window.innerWidth;") == PHONE, "a window as wide as a phone");
            for (String page : List.of("index.xhtml", "agreements/list.xhtml")) {
                b.open(page);
                b.find(By.id("userForm:logout"));
                long width = js(b, "return document.documentElement.scrollWidth;");
                b.screenshot("phone-nav-" + name + "-" + page.replace('/', '-').replace(".xhtml", ""));
                assertTrue(width <= PHONE, page + " is " + width + " px wide for " + username);
                List<WebElement> links = b.driver().findElements(By.cssSelector(".app-header a, .app-header button"));
                assertTrue(links.size() >= 4, "links: " + links.size());
                for (WebElement link : links) {
                    if (!link.isDisplayed()) {
                        continue;
                    }
                    int right = link.getRect().getX() + link.getRect().getWidth();
                    assertTrue(link.getRect().getX() >= 0 && right <= PHONE, link.getText() + " ends at " + right);
                }
            }
        }
    }

    private static long js(Browser b, String script) {
        return ((Number) ((JavascriptExecutor) b.driver()).executeScript(script)).longValue();
    }
}
