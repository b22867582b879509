package se.iop.ui;

import jakarta.json.JsonObject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import se.iop.it.Browser;
import se.iop.it.Deployments;
import se.iop.it.Fixtures;
import se.iop.it.LandlordFixtures;
import se.iop.it.Smtp;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The landlord pages in a real browser: an administrator finds Nyköpingshem in the register, makes
 * a new version of the demo packet, previews, publishes and sends it to Nyköpingshem, following
 * the progress; the landlord user hyresvard follows the e-mail's personal link, logs in, lands on
 * the packet and acknowledges it, and asks the support team to get in touch; the administrator
 * then sees the version acknowledged and the contact need. A delivery that failed says why in the
 * reader's language, with the mail server's technical detail folded away beneath. A change to a
 * landlord and a version's publication appear in the pages' history, for the auditor as well.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LandlordBrowserIT {

    private static final String PACKET = "Bostad först – information till hyresvärdar";
    private static final String MARIA = "maria.exempel@example.se";
    private static final Pattern LINK = Pattern.compile("(http://\\S+/portal/packet\\.xhtml\\?token=[A-Za-z0-9_-]+)");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeAll
    static void smtp() {
        Smtp.server();
    }

    @Test
    void anAdministratorSendsANewVersionAndTheLandlordAcknowledgesIt() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String link;
        int version;
        try (Browser b = Browser.start()) {
            steps(b, "landlord-admin", () -> {
                b.login("handlaggare", "bostadforst");
                b.find(By.id("navLandlords")).click();
                b.waitUntil(ExpectedConditions.urlContains("landlords/list.xhtml"));
                String register = b.find(By.id("list:landlords")).getText();
                assertTrue(register.contains("Nyköpingshem AB") && register.contains("Karin Exempelsson (exempel)"), register);
                assertTrue(register.contains("Ingen e-post"), "the landlord reached only by phone stands out: " + register);
                b.screenshot("landlord-register");

                b.find(By.id("search:text")).sendKeys("Nyköpingshem");
                b.find(By.id("search:go")).click();
                b.waitUntil(ExpectedConditions.textToBe(By.id("resultCount"), "Hyresvärdar: 1"));
                b.find(By.linkText("Nyköpingshem AB")).click();
                b.waitUntil(ExpectedConditions.urlContains("landlords/view.xhtml"));
                String contacts = b.find(By.id("landlord:contacts")).getText();
                assertTrue(contacts.contains("Maria Exempel") && contacts.contains(MARIA), contacts);
                assertTrue(contacts.contains("Möte om två lägenheter"), "notes on the contact: " + contacts);
                assertTrue(b.find(By.id("landlord:flats")).getText().contains("41.5 m²"));
                b.screenshot("landlord-page");

                b.find(By.id("tabPackets")).click();
                b.find(By.linkText(PACKET)).click();
                b.waitUntil(ExpectedConditions.urlContains("packets/view.xhtml"));
                b.find(By.id("packet:newVersion")).click();
                b.waitUntil(ExpectedConditions.urlContains("packets/edit.xhtml"));
                WebElement body = b.find(By.id("editor:sections:0:body"));
                body.sendKeys("\n\nUppdaterat " + marker + ".");
                b.find(By.id("editor:addSection")).click();
                ajaxDone(b);
                b.find(By.id("editor:sections:5:heading")).sendKeys("Nytt i version två");
                b.find(By.id("editor:sections:5:body")).sendKeys("Teamet har nu en egen jourtelefon (exempel).");
                b.find(By.id("editor:preview")).click();
                ajaxDone(b);
                String preview = b.find(By.id("editor:previewPanel")).getText();
                assertTrue(preview.contains("Uppdaterat " + marker) && preview.contains("Nytt i version två"), preview);
                scrollTo(b, "editor:previewPanel");
                b.screenshot("packet-editor-preview");
                b.find(By.id("editor:save")).click();
                b.waitUntil(ExpectedConditions.urlContains("packets/view.xhtml"));
                assertEquals("Utkast", b.find(By.id("versionStatus")).getText());

                b.find(By.id("packet:publish")).click();
                b.waitUntil(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
                b.waitUntil(ExpectedConditions.textToBe(By.id("versionStatus"), "Publicerad"));

                b.find(By.id("packet:send")).click();
                b.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("sendDlg")));
                ajaxDone(b);
                b.find(By.cssSelector("label[for='sendForm:mode:1']")).click();
                ajaxDone(b);
                chooseInCheckboxMenu(b, "sendForm:landlords", "Nyköpingshem AB");
                b.screenshot("packet-send-dialog");
                b.find(By.id("sendForm:go")).click();
                b.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.id("sendDlg")));
                b.waitUntil(ExpectedConditions.textToBe(By.id("progressTitle"), "Utskicket är klart"));
                String progress = b.find(By.id("progressText")).getText();
                assertTrue(progress.contains("Skickade 1, misslyckade 0, väntar 0 – av 1."), progress);
                b.waitUntil(ExpectedConditions.textToBe(By.id("countReceived"), "1"));
                scrollTo(b, "progressTitle");
                b.screenshot("packet-sent");
            });
            MimeMessage mail = Smtp.await(MARIA, 1, Duration.ofSeconds(30)).stream()
                    .filter(m -> subject(m).endsWith("(version 2)")).findFirst().orElseThrow();
            Matcher m = LINK.matcher((String) ((Multipart) mail.getContent()).getBodyPart(0).getContent());
            assertTrue(m.find(), "the message has the personal link");
            link = m.group(1);
            version = 2;
            b.find(By.id("userForm:logout")).click();
            b.waitUntil(ExpectedConditions.urlContains("login.xhtml"));

            steps(b, "landlord-portal", () -> {
                // The link from the e-mail: first the login, then straight to the packet.
                b.driver().get(link);
                b.waitUntil(ExpectedConditions.urlContains("login.xhtml"));
                b.find(By.id("login:username")).sendKeys("hyresvard");
                b.driver().findElement(By.id("login:password")).sendKeys("bostadforst");
                b.driver().findElement(By.id("login:submit")).click();
                b.waitUntil(ExpectedConditions.urlContains("portal/packet.xhtml?token="));
                assertEquals(PACKET, b.find(By.tagName("h1")).getText());
                b.waitUntil(ExpectedConditions.textToBe(By.id("deliveryStatus"), "Öppnad"));
                String text = b.find(By.className("packet-text")).getText();
                assertTrue(text.contains("Uppdaterat " + marker) && text.contains("Vem ringer jag – dygnet runt?"), text);
                String pdf = fetch(b, b.find(By.id("reader:pdf")).getAttribute("href"));
                assertEquals("200 application/pdf", pdf, "the PDF opens with the portal login");
                b.screenshot("portal-packet");

                b.find(By.id("reader:acknowledge")).click();
                b.waitUntil(ExpectedConditions.textToBe(By.id("deliveryStatus"), "Bekräftad"));
                waitForText(b, "Tack! Er bekräftelse är registrerad.");
                b.screenshot("portal-acknowledged");

                b.find(By.id("navLandlords")).click();
                b.waitUntil(ExpectedConditions.urlContains("portal/packets.xhtml"));
                String mine = b.find(By.id("list:packets")).getText();
                assertTrue(mine.contains("Version " + version) && mine.contains("Bekräftad"), mine);
                choose(b, "need:category", "Störning");
                b.find(By.id("need:description")).sendKeys("Höga ljud i trapphus C sent på kvällen " + marker + ".");
                b.find(By.id("need:send")).click();
                waitForText(b, "Tack! Stödteamet har fått ert meddelande.");
                assertTrue(b.find(By.id("needs")).getText().contains(marker));
                b.screenshot("portal-list");

                // Another landlord's packets do not exist for this user; nor does the register.
                b.open("landlords/list.xhtml");
                assertTrue(b.pageText().contains("behörighet"), b.pageText());
                b.open("portal/packet.xhtml?id=987654321");
                waitForText(b, "Informationspaketet finns inte, eller så är det inte skickat till er.");
                b.find(By.id("userForm:logout")).click();
                b.waitUntil(ExpectedConditions.urlContains("login.xhtml"));
            });

            steps(b, "landlord-admin-after", () -> {
                b.login("handlaggare", "bostadforst");
                b.open("packets/list.xhtml");
                b.find(By.linkText(PACKET)).click();
                b.waitUntil(ExpectedConditions.urlContains("packets/view.xhtml"));
                assertEquals("1", b.find(By.id("countAcknowledged")).getText());
                String rows = b.find(By.id("packet:deliveryTable")).getText();
                assertTrue(rows.contains("Nyköpingshem AB") && rows.contains("Bekräftad"), rows);
                scrollTo(b, "overviewTitle");
                b.screenshot("packet-overview");

                b.find(By.id("tabNeeds")).click();
                b.waitUntil(ExpectedConditions.urlContains("landlords/needs.xhtml"));
                String needs = b.find(By.id("needs:table")).getText();
                assertTrue(needs.contains(marker) && needs.contains("Störning") && needs.contains("Nyköpingshem AB"), needs);
                b.screenshot("contact-needs");
            });
        }
    }

    @Test
    void aFailedDeliveryIsExplainedInTheReadersLanguageWithTheTechnicalDetailAtHand() {
        String email = LandlordFixtures.email("nere-sida");
        JsonObject landlord = LandlordFixtures.company(email);
        JsonObject p = LandlordFixtures.publishedPacket(Fixtures.unique("UI Nere"));
        Smtp.stop();
        try (Browser b = Browser.start()) {
            long sendId = LandlordFixtures.send(Fixtures.id(p), 1, LandlordFixtures.to(Fixtures.id(landlord))).json()
                    .getJsonNumber("sendId").longValue();
            assertEquals(1, LandlordFixtures.awaitSend(sendId, Duration.ofSeconds(30)).getInt("failed"));
            steps(b, "landlord-failure", () -> {
                b.login("handlaggare", "bostadforst");
                b.open("packets/view.xhtml?id=" + Fixtures.id(p) + "&v=1");
                WebElement failure = b.find(By.cssSelector("[id='packet:deliveryTable'] .delivery-failure"));
                String text = failure.getText();
                assertTrue(text.startsWith("E-postservern gick inte att nå. Den kan vara nere eller felaktigt inställd."), text);
                assertTrue(text.matches("(?s).*\\d+ försök · nytt försök .*Teknisk detalj"), text);
                WebElement detail = failure.findElement(By.className("failure-detail"));
                assertTrue(!detail.isDisplayed(), "the technical detail is folded away");
                failure.findElement(By.tagName("summary")).click();
                assertTrue(detail.getText().startsWith("Could not connect to the mail server"), detail.getText());
                ((JavascriptExecutor) b.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", failure);
                b.screenshot("packet-delivery-failed");

                b.find(By.id("userForm:en")).click();
                b.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("packet:deliveryTable"),
                        "The mail server could not be reached. It may be down or wrongly configured."));
                String english = b.find(By.cssSelector("[id='packet:deliveryTable'] .delivery-failure")).getText();
                assertTrue(english.contains("Technical detail"), english);
                b.find(By.id("userForm:sv")).click();
                b.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("userForm:en")));
            });
        } finally {
            Smtp.server();
        }
    }

    @Test
    void theLandlordAndVersionPagesShowTheirHistoryToAdministratorsAndAuditors() {
        String name = Fixtures.unique("UI Historik");
        long landlord = Fixtures.id(Fixtures.created(se.iop.it.Api.admin().post("api/landlords", jakarta.json.Json.createObjectBuilder()
                .add("kind", "PERSON").add("name", name).add("address", "Gamla gatan 1").build().toString())));
        JsonObject p = LandlordFixtures.publishedPacket(Fixtures.unique("UI Historik paket"));
        try (Browser b = Browser.start()) {
            steps(b, "landlord-history", () -> {
                b.login("handlaggare", "bostadforst");
                b.open("landlords/view.xhtml?id=" + landlord);
                assertTrue(b.find(By.id("landlord:changes")).getText().contains("Skapad"), "the creation is there");
                b.find(By.id("landlord:edit")).click();
                b.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("headDlg")));
                ajaxDone(b);
                WebElement address = b.find(By.id("headForm:address"));
                address.clear();
                address.sendKeys("Nya gatan 2");
                b.find(By.id("headForm:save")).click();
                b.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.id("headDlg")));
                b.waitUntil(ExpectedConditions.textToBe(By.id("address"), "Nya gatan 2"));
                WebElement newest = b.find(By.cssSelector("[id='landlord:changes'] tbody tr"));
                String row = newest.getText();
                assertTrue(row.contains("handlaggare") && row.contains("Ändrad") && row.contains("Hyresvärden: " + name), row);
                assertTrue(row.contains("Adress: Gamla gatan 1") && row.contains("Nya gatan 2"), row);
                ((JavascriptExecutor) b.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", newest);
                b.screenshot("landlord-history");

                b.open("packets/view.xhtml?id=" + Fixtures.id(p) + "&v=1");
                String versionHistory = b.find(By.id("packet:changes")).getText();
                assertTrue(versionHistory.contains("Versionen: ") && versionHistory.contains("Status: Utkast")
                        && versionHistory.contains("Publicerad"), versionHistory);
                assertTrue(versionHistory.contains("Avsnitt: Vad är Bostad först?"), versionHistory);
                scrollTo(b, "historyTitle");
                b.screenshot("packet-version-history");
                b.find(By.id("userForm:logout")).click();
                b.waitUntil(ExpectedConditions.urlContains("login.xhtml"));

                b.login("revisor", "bostadforst");
                b.open("landlords/view.xhtml?id=" + landlord);
                assertTrue(b.find(By.id("landlord:changes")).getText().contains("Nya gatan 2"), "the auditor reads it too");
                assertTrue(b.driver().findElements(By.id("landlord:edit")).isEmpty(), "and changes nothing");
            });
        }
    }

    @Test
    void badInputIsNamedAndNothingIsSent() {
        try (Browser b = Browser.start()) {
            steps(b, "landlord-bad-input", () -> {
                b.login("handlaggare", "bostadforst");
                b.open("landlords/list.xhtml");
                b.find(By.id("search:newLandlord")).click();
                b.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("newDlg")));
                ajaxDone(b);
                b.find(By.cssSelector("label[for='newForm:newKind:1']")).click();
                ajaxDone(b);
                b.find(By.id("newForm:name")).sendKeys("Kim Testsson");
                b.find(By.id("newForm:contactName")).sendKeys("Kim");
                b.find(By.id("newForm:contactEmail")).sendKeys("kim@@example");
                b.find(By.id("newForm:save")).click();
                ajaxDone(b);
                waitForText(b, "E-post: Ogiltig e-postadress.");
                assertTrue(b.find(By.id("newDlg")).isDisplayed(), "the dialog stays with what was typed");
                assertEquals("kim@@example", b.find(By.id("newForm:contactEmail")).getAttribute("value"));
                b.screenshot("landlord-bad-email");

                b.open("packets/edit.xhtml");
                b.find(By.id("editor:title")).sendKeys("Tomt paket");
                b.find(By.id("editor:save")).click();
                ajaxDone(b);
                waitForText(b, "Avtal: Fältet måste fyllas i.");
                choose(b, "editor:agreement", "Bostad först Nyköping – fas 1 (SN 2023/0412 (exempel))");
                b.find(By.id("editor:save")).click();
                ajaxDone(b);
                waitForText(b, "Avsnitt 1, rubrik: Fältet måste fyllas i.");
                b.screenshot("packet-no-content");
            });
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static void steps(Browser b, String name, ThrowingRunnable steps) {
        try {
            steps.run();
        } catch (RuntimeException | AssertionError e) {
            b.screenshot("failed-" + name);
            throw e;
        } catch (Exception e) {
            b.screenshot("failed-" + name);
            throw new IllegalStateException(e);
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            return "";
        }
    }

    /** Fetches a URL with the browser's own session; "status content-type". */
    private static String fetch(Browser b, String url) {
        return (String) ((JavascriptExecutor) b.driver()).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(function (r) {"
                        + " done(r.status + ' ' + r.headers.get('Content-Type')); }).catch(function (e) { done('error ' + e); });",
                url);
    }

    /** Ticks one option of a PrimeFaces selectCheckboxMenu, found through its filter. */
    private static void chooseInCheckboxMenu(Browser b, String menu, String label) {
        b.find(By.id(menu)).click();
        b.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id(menu + "_panel")));
        // Once the panel has opened, PrimeFaces moves the focus to its first item: typed into the filter before
        // that, the label's space would land on that item and tick it too.
        b.waitUntil(d -> (Boolean) ((JavascriptExecutor) d).executeScript("var a = document.activeElement;"
                + " return a != null && a.classList.contains('ui-selectcheckboxmenu-item-input')"
                + " && document.getElementById(arguments[0]).contains(a);", menu + "_panel"));
        WebElement filter = b.find(By.cssSelector("[id='" + menu + "_panel'] input.ui-inputfield"));
        filter.click();
        filter.sendKeys(label);
        b.waitUntil(ExpectedConditions.elementToBeClickable(By.xpath("//*[@id='" + menu + "_panel']//li[@data-item-value"
                + " and not(contains(@style,'display: none'))]//label[normalize-space(.)=" + literal(label) + "]"))).click();
        b.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id(menu), label));
        assertEquals(1, b.driver().findElements(By.cssSelector("[id='" + menu + "_panel'] li.ui-selectcheckboxmenu-checked")).size(),
                "only the option chosen is ticked");
        b.find(By.cssSelector("[id='" + menu + "_panel'] .ui-selectcheckboxmenu-close")).click();
        b.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.id(menu + "_panel")));
    }

    /** Picks an option of a PrimeFaces selectOneMenu by its label. */
    private static void choose(Browser b, String menu, String label) {
        b.find(By.id(menu)).click();
        b.waitUntil(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[id='" + menu + "_panel'].ui-connected-overlay-enter-done")));
        b.waitUntil(ExpectedConditions.elementToBeClickable(
                By.xpath("//*[@id='" + menu + "_items']//li[@data-label=" + literal(label) + "]"))).click();
        b.waitUntil(ExpectedConditions.textToBe(By.id(menu + "_label"), label));
    }

    private static String literal(String s) {
        return s.contains("'") ? "concat('" + s.replace("'", "', \"'\", '") + "')" : "'" + s + "'";
    }

    private static void ajaxDone(Browser b) {
        b.waitUntil(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return !window.jQuery || (jQuery.active === 0 && (!window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty()));"));
    }

    private static void waitForText(Browser b, String text) {
        b.waitUntil(d -> d.findElement(By.tagName("body")).getText().contains(text));
    }

    private static void scrollTo(Browser b, String elementId) {
        ((JavascriptExecutor) b.driver()).executeScript("document.getElementById(arguments[0]).scrollIntoView()", elementId);
    }

}
