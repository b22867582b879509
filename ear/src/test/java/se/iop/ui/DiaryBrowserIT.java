package se.iop.ui;

import jakarta.json.Json;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import se.iop.it.Api;
import se.iop.it.Browser;
import se.iop.it.Deployments;
import se.iop.it.Rows;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Fixtures.agreement;
import static se.iop.it.Fixtures.createAgreement;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.ok;
import static se.iop.it.Fixtures.unique;

/**
 * The public diary in the browser, without a login: a search by number and by free text, an entry with how to
 * request it, a secret entry listed without its content, a refused date naming its field, and the administrator
 * marking an entry secret on the diary page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DiaryBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private static List<WebElement> rows(Browser b) {
        return b.driver().findElements(By.cssSelector("#entries tbody tr"));
    }

    /**
     * Sends the public search (a plain GET form) and waits for the new page, not for the old one's URL, until it has
     * loaded: a field found while it is still being parsed may be gone when it is typed in.
     */
    private static void search(Browser b) {
        WebElement old = b.find(By.tagName("html"));
        b.find(By.id("find")).click();
        b.waitUntil(ExpectedConditions.stalenessOf(old));
        b.waitUntil(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        b.find(By.id("entries"));
    }

    @Test
    void anyoneSearchesTheDiaryAndASecretEntryKeepsItsContent() {
        String open = unique("Öppetord").replace(' ', '-');
        String hidden = unique("Dolttord").replace(' ', '-');
        long shownId = id(createAgreement(agreement().add("title", "Avtal om " + open)));
        long secretId = id(createAgreement(agreement().add("title", "Avtal om " + hidden)));
        String shownNumber = (String) Rows.value("select number from registry_entry where document_kind = 'AGREEMENT'"
                + " and document_id = ?", shownId);
        String secretNumber = (String) Rows.value("select number from registry_entry where document_kind = 'AGREEMENT'"
                + " and document_id = ?", secretId);
        long secretEntry = ((Number) Rows.value("select id from registry_entry where document_kind = 'AGREEMENT'"
                + " and document_id = ?", secretId)).longValue();
        ok(Api.admin().put("api/diary/" + secretEntry + "/secrecy", Json.createObjectBuilder()
                .add("secrecyReference", "26 kap. 1 § OSL").add("secrecyReason", "Enskilds förhållanden").build().toString()));

        try (Browser b = Browser.start()) {
            b.open("public/diary.xhtml");
            assertTrue(b.find(By.id("requestHow")).getText().contains("registrator"), "says how to request a document");
            assertFalse(rows(b).isEmpty(), "the newest entries are listed");

            // By free text: the open entry, with how to request it.
            b.find(By.id("text")).sendKeys(open);
            search(b);
            assertEquals(1, rows(b).size(), b.pageText());
            WebElement row = rows(b).get(0);
            assertTrue(row.getText().contains(shownNumber), row.getText());
            assertTrue(row.getText().contains(open));
            assertTrue(row.findElement(By.className("diary-request")).getText().contains(shownNumber));
            b.screenshot("diary-public-found");

            // The hidden word finds nothing.
            b.find(By.id("text")).clear();
            b.find(By.id("text")).sendKeys(hidden);
            search(b);
            assertTrue(rows(b).isEmpty(), b.pageText());

            // By its number: the secret entry is listed, without its content.
            b.find(By.id("text")).clear();
            b.find(By.id("number")).sendKeys(secretNumber);
            search(b);
            assertEquals(1, rows(b).size(), b.pageText());
            String secret = rows(b).get(0).getText();
            assertTrue(secret.contains(secretNumber) && secret.contains("Sekretessmarkerad") && secret.contains("26 kap. 1 § OSL"), secret);
            assertFalse(b.pageText().contains(hidden), "the secret entry's content is nowhere on the page");
            b.screenshot("diary-public-secret");

            // A date that is no date names the field; in English too.
            b.open("public/diary.xhtml?from=2024-13-01&lang=en");
            WebElement refused = b.find(By.id("refused"));
            assertTrue(refused.getText().contains("From date") && refused.getText().contains("YYYY-MM-DD"), refused.getText());
            assertEquals("true", b.find(By.id("from")).getAttribute("aria-invalid"));
            assertTrue(b.driver().manage().getCookieNamed("JSESSIONID") == null, "no session for the public");
        }

        // Inside, the administrator sees the content and lifts the marking on the diary page.
        try (Browser b = Browser.start()) {
            b.login("handlaggare", "bostadforst");
            b.open("diary/list.xhtml");
            b.find(By.id("search:text")).sendKeys(hidden);
            b.find(By.id("search:find")).click();
            b.waitUntil(d -> d.findElement(By.id("entries:total")).getText().endsWith(" 1"));
            assertTrue(b.find(By.id("entries:table")).getText().contains("Enskilds förhållanden"));
            b.find(By.cssSelector("[id$=':lift']")).click();
            b.waitUntil(d -> !d.findElements(By.cssSelector("[id$=':mark']")).isEmpty());
        }
        assertEquals(Boolean.FALSE, Rows.value("select secret from registry_entry where id = ?", secretEntry));
    }
}
