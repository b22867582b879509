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
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import se.iop.it.Api;
import se.iop.it.Browser;
import se.iop.it.Deployments;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agreement pages in a real browser: an administrator builds an agreement up to DECIDED and
 * reads it back in the list and in its history; hostile text stays text; a partner cannot see
 * another partnership's agreement; an auditor reads the history but is offered no changes; a
 * concurrent save is refused without losing what was typed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AgreementBrowserIT {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String KOMMUN_NUMBER = "212000-0308";
    private static final String STADSMISSION_NUMBER = "802003-5120";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void administratorCreatesAnAgreementDecidesItAndSeesItInTheListAndHistory() {
        String suffix = suffix();
        String title = "Bostad först " + SCRIPT + " " + suffix;
        try (Browser b = Browser.start()) {
            steps(b, "administrator", () -> {
                b.login("handlaggare", "bostadforst");
                b.open("agreements/list.xhtml");
                b.find(By.id("search:newAgreement")).click();

                b.find(By.id("agreement:reference")).sendKeys("IT-UI " + suffix);
                b.driver().findElement(By.id("agreement:title")).sendKeys(title);
                date(b, "agreement:startDate", "2026-01-01");
                date(b, "agreement:endDate", "2027-12-31");
                b.driver().findElement(By.id("agreement:noticeMonths_input")).sendKeys("6");
                b.driver().findElement(By.id("agreement:goals")).sendKeys("Fler får och behåller en egen bostad.");
                b.driver().findElement(By.id("agreement:create")).click();
                b.waitUntil(ExpectedConditions.urlContains("agreements/view.xhtml?id="));

                assertEquals(title, b.find(By.tagName("h1")).getText(), "the title is shown as text");
                assertTrue(b.driver().getTitle().contains(SCRIPT), b.driver().getTitle());
                assertEquals("Utkast", b.find(By.id("agreementStatus")).getText());

                // Refused before any decision: the rule is named in Swedish.
                b.find(By.id("agreement:toDECIDED")).click();
                waitForText(b, "Avtalet kan beslutas först när minst ett nämndbeslut är registrerat.");

                addParty(b, "Nyköpings kommun", "Offentlig part", "1700000");
                addParty(b, "Sörmlands Stadsmission", "Idéburen part", "250000");
                String parties = text(b.find(By.id("agreement:parties")));
                assertTrue(parties.contains("Nyköpings kommun") && parties.contains("Sörmlands Stadsmission"), parties);
                assertTrue(parties.contains("1 700 000,00 kr"), parties);

                b.find(By.id("agreement:addDecision")).click();
                visible(b, "decisionDlg");
                chooseInGroup(b, "decisionForm:committee", "Nyköpings kommun", "Socialnämnden");
                date(b, "decisionForm:meetingDate", "2025-12-11");
                b.driver().findElement(By.id("decisionForm:paragraph")).sendKeys("§ 12");
                b.driver().findElement(By.id("decisionForm:diarienummer")).sendKeys("SN 2025/" + suffix);
                b.driver().findElement(By.id("decisionForm:text")).sendKeys("Socialnämnden godkänner avtalet.");
                b.driver().findElement(By.id("decisionForm:amount")).sendKeys("850000");
                save(b, "decisionForm", "decisionDlg");
                String decisions = text(b.find(By.id("agreement:decisions")));
                assertTrue(decisions.contains("Socialnämnden") && decisions.contains("SN 2025/" + suffix)
                        && decisions.contains("850 000,00 kr"), decisions);

                b.find(By.id("agreement:assess")).click();
                visible(b, "eligibilityDlg");
                for (String box : List.of("ownInitiative", "coFinancing", "noMarket", "assessed")) {
                    b.find(By.cssSelector("[id='eligibilityForm:" + box + "'] .ui-chkbox-box")).click();
                }
                b.driver().findElement(By.id("eligibilityForm:note")).sendKeys("Bedömt av kommunens jurist.");
                save(b, "eligibilityForm", "eligibilityDlg");
                waitForText(b, "Alla förutsättningar är bedömda och uppfyllda.");

                b.find(By.id("agreement:toDECIDED")).click();
                b.waitUntil(ExpectedConditions.textToBe(By.id("agreementStatus"), "Beslutat"));
                waitForText(b, "Avtalet är beslutat.");

                String timeline = text(b.find(By.id("timeline")));
                // Days are written with the month's name in the page's language.
                assertTrue(timeline.contains("11 december 2025") && timeline.contains("Beslut i Socialnämnden § 12")
                        && timeline.contains("Avtalet börjar gälla"), timeline);
                assertTrue(timeline.indexOf("11 december 2025") < timeline.indexOf("1 januari 2026"), "date order: " + timeline);
                assertEquals("2026-01-01", b.find(By.cssSelector("#timeline .timeline-start time")).getAttribute("datetime"));
                b.find(By.id("userForm:en")).click();
                b.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("userForm:sv")));
                String english = text(b.find(By.id("timeline")));
                assertTrue(english.contains("1 January 2026") && !english.contains("januari"), english);
                b.find(By.id("userForm:sv")).click();
                b.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("userForm:en")));

                List<String> history = historyRows(b);
                assertTrue(history.stream().anyMatch(r -> r.contains("Skapad") && r.contains("Avtalet") && r.contains("handlaggare")),
                        String.join("\n", history));
                assertTrue(history.stream().anyMatch(r -> r.contains("Ändrad") && r.contains("Status: Utkast")
                        && r.contains("Beslutat")), String.join("\n", history));
                scrollTo(b, "main");
                b.screenshot("agreement-view");
                scrollTo(b, "historyTitle");
                b.screenshot("agreement-history");

                scriptStayedText(b, title);

                b.open("agreements/list.xhtml?q=" + suffix);
                List<WebElement> rows = b.driver().findElements(By.cssSelector("[id='list:agreements_data'] > tr"));
                assertEquals(1, rows.size(), () -> text(b.find(By.id("list:agreements"))));
                String row = text(rows.get(0));
                assertTrue(row.contains(title) && row.contains("IT-UI " + suffix) && row.contains("Beslutat")
                        && row.contains("2026-01-01 – 2027-12-31"), row);
                assertEquals("Beslutat", rows.get(0).findElement(By.cssSelector(".status-DECIDED")).getText());
                b.screenshot("agreement-list");
                scriptStayedText(b, title);
            });
        }
    }

    @Test
    void partnerDoesNotSeeAnAgreementItsOrganisationIsNotPartyTo() {
        String suffix = suffix();
        String title = "Utan Verdandi " + suffix;
        long id = agreementWithStadsmissionen(suffix, title);
        try (Browser b = Browser.start()) {
            steps(b, "partner", () -> {
                b.login("verdandi", "bostadforst");
                b.open("agreements/list.xhtml");
                assertTrue(b.find(By.id("list:agreements")).getText().contains("Bostad först Nyköping – fas 1"),
                        "Verdandi sees the agreement it joined");
                assertTrue(b.driver().findElements(By.id("search:newAgreement")).isEmpty(), "no 'new' button for a partner");

                b.open("agreements/list.xhtml?q=" + suffix);
                assertTrue(text(b.find(By.id("list:agreements"))).contains("Inga avtal matchar sökningen."));
                assertFalse(b.pageText().contains(title));

                b.open("agreements/view.xhtml?id=" + id);
                assertTrue(b.find(By.id("notFound")).getText().contains("Avtalet finns inte, eller så har du inte behörighet att se det."));
                assertFalse(b.driver().getPageSource().contains(title));

                // Its own agreement it reads, without history and without the administrator's buttons.
                b.open("agreements/list.xhtml");
                b.find(By.linkText("Bostad först Nyköping – fas 1")).click();
                b.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Bostad först Nyköping – fas 1"));
                assertTrue(text(b.find(By.id("agreement:parties"))).contains("Verdandi Nyköping"));
                assertTrue(b.driver().findElements(By.id("agreement:history")).isEmpty(), "no history for a partner");
                assertTrue(b.driver().findElements(By.id("agreement:edit")).isEmpty(), "no editing for a partner");
            });
        }
    }

    @Test
    void auditorReadsTheHistoryButIsOfferedNoChanges() {
        String suffix = suffix();
        long id = agreementWithStadsmissionen(suffix, "Granskas " + suffix);
        try (Browser b = Browser.start()) {
            steps(b, "auditor", () -> {
                b.login("revisor", "bostadforst");
                b.open("agreements/view.xhtml?id=" + id);
                assertEquals("Granskas " + suffix, b.find(By.tagName("h1")).getText());
                List<String> history = historyRows(b);
                assertTrue(history.stream().anyMatch(r -> r.contains("Skapad") && r.contains("admin")
                        && r.contains("Avtalet: Granskas " + suffix)), String.join("\n", history));
                assertTrue(history.stream().anyMatch(r -> r.contains("Part: Sörmlands Stadsmission")), String.join("\n", history));
                for (String button : List.of("agreement:edit", "agreement:assess", "agreement:toDECIDED", "agreement:addParty",
                        "agreement:addDecision")) {
                    assertTrue(b.driver().findElements(By.id(button)).isEmpty(), button + " is not offered");
                }
                b.open("agreements/list.xhtml");
                assertTrue(b.driver().findElements(By.id("search:newAgreement")).isEmpty(), "no 'new' button for an auditor");
            });
        }
    }

    @Test
    void aSaveAfterSomeoneElseSavedIsRefusedAndKeepsWhatWasTyped() {
        String suffix = suffix();
        long id = agreementWithStadsmissionen(suffix, "Samtidig ändring " + suffix);
        try (Browser b = Browser.start()) {
            steps(b, "stale", () -> {
                b.login("handlaggare", "bostadforst");
                b.open("agreements/view.xhtml?id=" + id);
                b.find(By.id("agreement:edit")).click();
                visible(b, "headDlg");
                WebElement titleInput = b.find(By.id("headForm:title"));
                titleInput.clear();
                titleInput.sendKeys("Min ändring " + suffix);

                Api admin = Api.admin();
                Api.Reply current = admin.get("api/agreements/" + id);
                JsonObject a = current.json();
                Api.Reply theirs = admin.put("api/agreements/" + id, """
                        {"reference": "%s", "title": "Deras ändring %s"}""".formatted(a.getString("reference"), suffix),
                        "If-Match", current.header("ETag"));
                assertEquals(200, theirs.status(), theirs.body());

                b.find(By.id("headForm:save")).click();
                b.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("headForm:dlgMessages"),
                        "Någon annan har sparat"));
                assertTrue(b.find(By.id("headDlg")).isDisplayed(), "the dialog stays open");
                assertEquals("Min ändring " + suffix, b.find(By.id("headForm:title")).getAttribute("value"));
                assertEquals("Deras ändring " + suffix, admin.get("api/agreements/" + id).json().getString("title"),
                        "the first save stands");

                // Reloaded, the page shows the other save, and its history the title change (the period left open).
                b.open("agreements/view.xhtml?id=" + id);
                assertEquals("Deras ändring " + suffix, b.find(By.tagName("h1")).getText());
                List<String> history = historyRows(b);
                assertTrue(history.stream().anyMatch(r -> r.contains("Ändrad") && r.contains("Titel: Samtidig ändring " + suffix)
                        && r.contains("Deras ändring " + suffix) && r.contains("Startdatum: 2026-01-01")), String.join("\n", history));
            });
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** Runs a test's steps in the browser, keeping a screenshot of the page where one fails. */
    private static void steps(Browser b, String name, Runnable steps) {
        try {
            steps.run();
        } catch (RuntimeException | AssertionError e) {
            b.screenshot("failed-" + name);
            throw e;
        }
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A draft between Nyköpings kommun and Sörmlands Stadsmission, made through the API. */
    private static long agreementWithStadsmissionen(String suffix, String title) {
        Api admin = Api.admin();
        Api.Reply created = admin.post("api/agreements", """
                {"reference": "IT-UI %s", "title": "%s", "startDate": "2026-01-01"}""".formatted(suffix, title));
        assertEquals(201, created.status(), created.body());
        long id = created.json().getJsonNumber("id").longValue();
        for (String[] party : new String[][] {{KOMMUN_NUMBER, "PUBLIC_PARTNER"}, {STADSMISSION_NUMBER, "NON_PROFIT_PARTNER"}}) {
            Api.Reply added = admin.post("api/agreements/" + id + "/parties", """
                    {"organisationId": %d, "role": "%s"}""".formatted(organisationId(party[0]), party[1]));
            assertEquals(201, added.status(), added.body());
        }
        return id;
    }

    private static long organisationId(String number) {
        Api.Reply r = Api.admin().get("api/organisations?q=" + number);
        assertEquals(200, r.status(), r.body());
        return r.json().getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
    }

    private static void addParty(Browser b, String organisation, String role, String amount) {
        b.find(By.id("agreement:addParty")).click();
        visible(b, "partyDlg");
        choose(b, "partyForm:organisation", organisation);
        choose(b, "partyForm:role", role);
        date(b, "partyForm:joinedOn", "2026-01-01");
        b.driver().findElement(By.id("partyForm:commitment")).sendKeys("Åtaganden för " + organisation);
        b.driver().findElement(By.id("partyForm:amount")).sendKeys(amount);
        save(b, "partyForm", "partyDlg");
        b.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("agreement:parties"), organisation));
    }

    /** Presses a dialog's save button and waits until the dialog has closed after a successful save. */
    private static void save(Browser b, String form, String dialog) {
        b.find(By.id(form + ":save")).click();
        ajaxDone(b);
        b.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.id(dialog)));
    }

    private static void visible(Browser b, String dialog) {
        b.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id(dialog)));
        ajaxDone(b);
    }

    /** Picks an option of a PrimeFaces selectOneMenu by its label. */
    private static void choose(Browser b, String menu, String label) {
        pick(b, menu, label, "//*[@id='" + menu + "_items']//li[@data-label=" + literal(label) + "]");
    }

    /** Picks an option listed under a group (e.g. a committee under its municipality). */
    private static void chooseInGroup(Browser b, String menu, String group, String label) {
        pick(b, menu, label, "//*[@id='" + menu + "_items']"
                + "/ul[li[contains(@class,'ui-selectonemenu-item-group') and @data-label=" + literal(group) + "]]"
                + "/li[@data-label=" + literal(label) + "]");
    }

    /** Opens the menu, waits for its panel to finish opening, clicks the option and waits for it to show as chosen. */
    private static void pick(Browser b, String menu, String label, String optionXpath) {
        b.find(By.id(menu)).click();
        b.waitUntil(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[id='" + menu + "_panel'].ui-connected-overlay-enter-done")));
        b.waitUntil(ExpectedConditions.elementToBeClickable(By.xpath(optionXpath))).click();
        b.waitUntil(ExpectedConditions.textToBe(By.id(menu + "_label"), label));
        b.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.id(menu + "_panel")));
    }

    /** Types a date into a PrimeFaces datePicker (its calendar opens only from its button). */
    private static void date(Browser b, String picker, String isoDate) {
        WebElement input = b.find(By.id(picker + "_input"));
        input.clear();
        input.sendKeys(isoDate);
    }

    private static void ajaxDone(Browser b) {
        b.waitUntil(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return !window.jQuery || (jQuery.active === 0 && (!window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty()));"));
    }

    private static void waitForText(Browser b, String text) {
        b.waitUntil(d -> text(d.findElement(By.tagName("body"))).contains(text));
    }

    /** The markup carries the hostile title only as escaped text and no script ran. */
    private static void scriptStayedText(Browser b, String title) {
        assertThrows(NoAlertPresentException.class, () -> b.driver().switchTo().alert());
        assertTrue(b.driver().findElements(By.xpath("//script[contains(., 'alert(1)')]")).isEmpty(),
                "no script element carries the title");
        assertTrue(b.pageText().contains(title), "the title is visible as typed");
        assertTrue(b.driver().getPageSource().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "escaped in the markup");
    }

    private static void scrollTo(Browser b, String elementId) {
        ((JavascriptExecutor) b.driver()).executeScript("document.getElementById(arguments[0]).scrollIntoView()", elementId);
    }

    private static List<String> historyRows(Browser b) {
        return b.driver().findElements(By.cssSelector("[id='agreement:changes_data'] > tr")).stream()
                .map(AgreementBrowserIT::text).toList();
    }

    /** Visible text with non-breaking spaces (Swedish digit groups) as plain spaces. */
    private static String text(WebElement e) {
        return e.getText().replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    private static String literal(String s) {
        return "'" + s + "'";
    }
}
