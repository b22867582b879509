package se.iop.ui;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import se.iop.it.Browser;
import se.iop.it.Deployments;
import se.iop.it.Rows;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Fixtures.unique;

/**
 * The public records in a real browser, without logging in and without a session: the accessibility statement
 * reached from the login page's footer, its barrier form (a refused field named, then a report sent and
 * thanked for), the public register with its filter, language switch and machine-readable links, and the
 * footer's links on the pages inside.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PublicRecordsBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void theStatementIsReachedFromTheFooterAndItsFormRecordsABarrier() {
        try (Browser b = Browser.start()) {
            b.open("login.xhtml");
            b.find(By.id("footerStatement")).click();
            b.waitUntil(d -> d.getCurrentUrl().contains("public/accessibility.xhtml"));
            assertEquals("Tillgänglighetsredogörelse", b.find(By.tagName("h1")).getText());
            String text = b.pageText();
            assertTrue(text.contains("WCAG 2.1") && text.contains("delvis förenlig"), text);
            assertTrue(text.contains("Myndigheten för digital förvaltning (DIGG)"), text);
            assertEquals(6, b.driver().findElements(By.cssSelector("#gaps li")).size(), "the known shortcomings are listed");
            assertTrue(b.find(By.id("diggLink")).getAttribute("href").startsWith("https://www.digg.se"));

            // Nothing typed: the field is named and marked.
            b.find(By.id("barrier:page")).sendKeys("Budgetsidan");
            b.find(By.id("barrier:send")).click();
            WebElement error = b.find(By.className("ui-messages-error"));
            assertTrue(error.getText().contains("Beskrivning: Fältet måste fyllas i."), error.getText());
            assertEquals("Budgetsidan", b.find(By.id("barrier:page")).getAttribute("value"), "what was typed stays");

            String marker = unique("Webbläsare");
            b.find(By.id("barrier:description")).sendKeys(marker + ": diagrammet på översikten går inte att läsa med skärmläsare.");
            b.find(By.id("barrier:send")).click();
            b.waitUntil(d -> d.getCurrentUrl().contains("sent=true"));
            assertTrue(b.find(By.id("sent")).getText().contains("Tack! Din rapport har tagits emot."));
            assertEquals(marker + ": diagrammet på översikten går inte att läsa med skärmläsare.",
                    Rows.value("select description from barrier_report where description like ?", marker + "%"),
                    "recorded as typed, å, ä and ö too");
            assertNull(b.driver().manage().getCookieNamed("JSESSIONID"), "no session for the statement or its form");

            b.find(By.linkText("English")).click();
            b.waitUntil(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
            assertEquals("Accessibility statement", b.find(By.tagName("h1")).getText());
            assertNull(b.driver().manage().getCookieNamed("JSESSIONID"));
        }
    }

    @Test
    void theRegisterShowsPartnershipsFiltersThemAndLinksItsData() {
        try (Browser b = Browser.start()) {
            b.open("public/accessibility.xhtml");
            b.find(By.id("footerRegister")).click();
            b.waitUntil(d -> d.getCurrentUrl().contains("public/register.xhtml"));
            assertTrue(b.find(By.tagName("h1")).getText().startsWith("Offentligt IOP-register"));
            String all = b.pageText();
            assertTrue(all.contains("Bostad först Nyköping – fas 1"), "the demo's partnership: " + all);
            assertTrue(all.contains("Sörmlands Stadsmission") && all.contains("Socialnämnden"), all);
            assertFalse(b.driver().findElements(By.id("outcomeTable")).isEmpty(), "the demo's outcomes per quarter");

            new Select(b.find(By.id("status"))).selectByValue("ended");
            b.find(By.id("filterGo")).click();
            b.waitUntil(d -> d.getCurrentUrl().contains("status=ended"));
            List<WebElement> states = b.driver().findElements(By.cssSelector(".register-entry .status"));
            assertTrue(states.stream().noneMatch(s -> s.getText().equals("Gällande")), "only ended partnerships");
            assertEquals("ended", new Select(b.find(By.id("status"))).getFirstSelectedOption().getAttribute("value"));

            assertTrue(b.find(By.id("jsonLink")).getAttribute("href").endsWith("/api/public/register"));
            assertTrue(b.find(By.id("csvLink")).getAttribute("href").endsWith("/api/public/register.csv"));
            assertNull(b.driver().manage().getCookieNamed("JSESSIONID"), "no session for the register");
        }
    }

    @Test
    void everyPageInsideHasTheFooterLinksAndAdministratorsFindTheReports() {
        try (Browser b = Browser.start()) {
            b.login("handlaggare", "bostadforst");
            b.open("agreements/list.xhtml");
            assertTrue(b.find(By.id("footerStatement")).isDisplayed());
            b.find(By.id("footerBarriers")).click();
            b.waitUntil(d -> d.getCurrentUrl().contains("barriers/list.xhtml"));
            assertEquals("Rapporterade tillgänglighetsbrister", b.find(By.tagName("h1")).getText());
        }
        try (Browser b = Browser.start()) {
            b.login("revisor", "bostadforst");
            assertTrue(b.find(By.id("footerStatement")).isDisplayed());
            assertTrue(b.driver().findElements(By.id("footerBarriers")).isEmpty(), "only administrators see the reports");
        }
    }
}
