package se.iop.ui;

import jakarta.json.Json;
import jakarta.json.JsonObject;
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
import static se.iop.it.Widgets.messages;
import static se.iop.it.Widgets.press;
import static se.iop.it.Widgets.rows;
import static se.iop.it.Widgets.saveDialog;
import static se.iop.it.Widgets.scrollTo;
import static se.iop.it.Widgets.stayedText;
import static se.iop.it.Widgets.steps;
import static se.iop.it.Widgets.text;
import static se.iop.it.Widgets.tick;
import static se.iop.it.Widgets.type;
import static se.iop.it.Widgets.waitForText;

/**
 * The organisation pages in a real browser: an administrator registers a municipality (a wrong
 * organisation number refused first, naming the field), adds a committee and a contact, finds it by
 * name and by number, and deactivates it; hostile text stays text; a stale save keeps what was typed;
 * an auditor reads without being offered changes; a landlord is kept out.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OrganisationBrowserIT {

    private static final String SCRIPT = "<script>alert(1)</script>";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void administratorRegistersAMunicipalityWithCommitteeAndContactFindsItAndDeactivatesIt() {
        String suffix = Fixtures.unique("").strip();
        String name = "Testkommun " + SCRIPT + " " + suffix;
        String number = Fixtures.organisationNumber();
        try (Browser b = Browser.start()) {
            steps(b, "organisation-admin", () -> {
                b.login("handlaggare", "bostadforst");
                b.find(By.linkText("Organisationer")).click();
                b.find(By.id("search:newOrganisation")).click();
                b.waitUntil(ExpectedConditions.urlContains("organisations/edit.xhtml"));
                assertEquals("Ny organisation", b.find(By.tagName("h1")).getText());

                type(b, "organisation:name", name);
                type(b, "organisation:organisationNumber", wrongCheckDigit(number));
                choose(b, "organisation:kind", "Kommun");
                type(b, "organisation:email", "kommun@example.se");
                type(b, "organisation:phone", "0155-00 00 00");
                type(b, "organisation:address", "Storgatan 1, 611 00 Testby");
                press(b, "organisation:save");
                waitForText(b, "Organisationsnummer: Organisationsnumrets kontrollsiffra stämmer inte.");
                assertTrue(b.find(By.id("organisation:organisationNumber")).getAttribute("class").contains("ui-state-error"),
                        "the number's input is marked");
                assertEquals("true", b.find(By.id("organisation:organisationNumber")).getAttribute("aria-invalid"));
                assertEquals(name, b.find(By.id("organisation:name")).getAttribute("value"), "what was typed stays");
                b.screenshot("organisation-new-refused");

                type(b, "organisation:organisationNumber", "12-34");
                press(b, "organisation:save");
                waitForText(b, "Organisationsnummer: Organisationsnumret ska ha formen NNNNNN-NNNN.");

                type(b, "organisation:organisationNumber", number.replace("-", ""));
                b.find(By.id("organisation:save")).click();
                b.waitUntil(ExpectedConditions.urlContains("organisations/view.xhtml?id="));
                assertEquals(name, b.find(By.tagName("h1")).getText(), "the name is shown as text");
                waitForText(b, "Organisationen är skapad.");
                assertEquals(number, b.find(By.id("number")).getText(), "stored as NNNNNN-NNNN");
                assertEquals("Kommun", b.find(By.id("kind")).getText());
                assertEquals("Aktiv", b.find(By.id("state")).getText());
                String id = b.driver().getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1");

                press(b, "organisation:addCommittee");
                dialogOpen(b, "committeeDlg");
                type(b, "committeeForm:committee", "Socialnämnden " + suffix);
                saveDialog(b, "committeeForm", "committeeDlg");
                b.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("committees"), "Socialnämnden " + suffix));
                waitForText(b, "Nämnden är tillagd.");

                // A second committee of the same name is refused in the dialog, which stays open.
                press(b, "organisation:addCommittee");
                dialogOpen(b, "committeeDlg");
                type(b, "committeeForm:committee", "socialnämnden " + suffix);
                press(b, "committeeForm:save");
                b.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("committeeForm:dlgMessages"),
                        "Nämnd: Nämnden socialnämnden " + suffix + " finns redan."));
                assertTrue(b.find(By.id("committeeDlg")).isDisplayed());
                b.find(By.id("committeeForm:cancel")).click();
                b.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.id("committeeDlg")));

                press(b, "organisation:addContact");
                dialogOpen(b, "contactDlg");
                type(b, "contactForm:contactName", "Karin Exempel");
                type(b, "contactForm:contactRole", "Samordnare");
                type(b, "contactForm:contactEmail", "karin.example.se");
                press(b, "contactForm:save");
                b.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("contactForm:dlgMessages"),
                        "E-post: Ogiltig e-postadress."));
                assertEquals("Karin Exempel", b.find(By.id("contactForm:contactName")).getAttribute("value"));
                type(b, "contactForm:contactEmail", "karin@example.se");
                type(b, "contactForm:contactPhone", "0155-11 22 33");
                saveDialog(b, "contactForm", "contactDlg");
                List<String> contacts = rows(b, "organisation:contacts");
                assertEquals(1, contacts.size(), String.join("\n", contacts));
                assertTrue(contacts.get(0).contains("Karin Exempel") && contacts.get(0).contains("Samordnare")
                        && contacts.get(0).contains("karin@example.se"), contacts.get(0));

                stayedText(b, name);
                scrollTo(b, "main");
                b.screenshot("organisation-view");

                // Found in the list by name and by number, with paging done by the server.
                b.open("organisations/list.xhtml");
                type(b, "search:text", suffix);
                press(b, "search:go");
                List<String> found = rows(b, "list:organisations");
                assertEquals(1, found.size(), String.join("\n", found));
                assertTrue(found.get(0).contains(name) && found.get(0).contains(number) && found.get(0).contains("Kommun")
                        && found.get(0).contains("Aktiv"), found.get(0));
                stayedText(b, name);
                b.screenshot("organisation-list-search");
                type(b, "search:text", number);
                press(b, "search:go");
                assertEquals(1, rows(b, "list:organisations").size());
                assertTrue(text(b.find(By.id("resultCount"))).contains("Antal organisationer: 1"));

                b.open("organisations/view.xhtml?id=" + id);
                b.find(By.id("organisation:deactivate")).click();
                confirm(b);
                b.waitUntil(ExpectedConditions.textToBe(By.id("state"), "Inaktiverad"));
                waitForText(b, "Organisationen är inaktiverad.");
                assertTrue(b.find(By.id("organisation:inactiveNotice")).isDisplayed());
                assertTrue(b.driver().findElements(By.id("organisation:deactivate")).isEmpty());
                assertFalse(b.driver().findElements(By.id("organisation:reactivate")).isEmpty(), "it can be reactivated");
                stayedText(b, name);

                List<String> history = rows(b, "organisation:changes");
                assertTrue(history.stream().anyMatch(r -> r.contains("Skapad") && r.contains("Organisationen: " + name)
                        && r.contains("handlaggare")), String.join("\n", history));
                assertTrue(history.stream().anyMatch(r -> r.contains("Ändrad") && r.contains("Aktiv: Ja") && r.contains("Nej")),
                        String.join("\n", history));
                assertTrue(history.stream().anyMatch(r -> r.contains("Nämnd: Socialnämnden " + suffix)), String.join("\n", history));
                assertTrue(history.stream().anyMatch(r -> r.contains("Kontaktperson: Karin Exempel")), String.join("\n", history));
                scrollTo(b, "historyTitle");
                b.screenshot("organisation-history");

                // Deactivated: gone from the list until the user asks for the deactivated too.
                b.open("organisations/list.xhtml");
                type(b, "search:text", suffix);
                press(b, "search:go");
                assertTrue(text(b.find(By.id("list:organisations"))).contains("Inga organisationer matchar sökningen."));
                tick(b, "search:inactive");
                press(b, "search:go");
                List<String> inactive = rows(b, "list:organisations");
                assertEquals(1, inactive.size());
                assertTrue(inactive.get(0).contains("Inaktiverad"), inactive.get(0));
            });
        }
    }

    @Test
    void theListPagesAndSortsInTheDatabaseAndFiltersByKind() {
        String suffix = Fixtures.unique("Sortering").replace(' ', '-');
        for (int i = 0; i < 23; i++) {
            create(String.format("%s %02d", suffix, i), "NON_PROFIT");
        }
        try (Browser b = Browser.start()) {
            steps(b, "organisation-paging", () -> {
                b.login("ekonom", "bostadforst");
                b.open("organisations/list.xhtml");
                type(b, "search:text", suffix);
                press(b, "search:go");
                List<String> page1 = rows(b, "list:organisations");
                assertEquals(20, page1.size());
                assertTrue(page1.get(0).startsWith(suffix + " 00"), page1.get(0));
                assertTrue(text(b.find(By.id("resultCount"))).contains("Antal organisationer: 23"));

                b.find(By.cssSelector("[id='list:organisations'] .ui-paginator-next")).click();
                b.waitUntil(d -> rows(b, "list:organisations").size() == 3);
                assertTrue(rows(b, "list:organisations").get(2).startsWith(suffix + " 22"));

                // Sorted by name, descending: the server sorts, so the first page starts with the last name.
                b.find(By.cssSelector("[id='list:organisations'] th.ui-sortable-column")).click();
                se.iop.it.Widgets.ajaxDone(b);
                b.find(By.cssSelector("[id='list:organisations'] th.ui-sortable-column")).click();
                b.waitUntil(d -> rows(b, "list:organisations").get(0).startsWith(suffix + " 22"));
                b.screenshot("organisation-list-sorted");

                choose(b, "search:kind", "Kommun");
                press(b, "search:go");
                assertTrue(text(b.find(By.id("list:organisations"))).contains("Inga organisationer matchar sökningen."));
                assertTrue(b.driver().findElements(By.id("search:newOrganisation")).isEmpty(), "no 'new' for finance");
            });
        }
    }

    @Test
    void aSaveAfterSomeoneElseSavedIsRefusedAndKeepsWhatWasTyped() {
        JsonObject o = create(Fixtures.unique("Samtidig"), "NON_PROFIT");
        long id = Fixtures.id(o);
        try (Browser b = Browser.start()) {
            steps(b, "organisation-stale", () -> {
                b.login("handlaggare", "bostadforst");
                b.open("organisations/view.xhtml?id=" + id);
                b.find(By.id("organisation:edit")).click();
                b.waitUntil(ExpectedConditions.urlContains("organisations/edit.xhtml"));
                assertEquals("Ändra organisation", b.find(By.tagName("h1")).getText());
                type(b, "organisation:name", "Mitt namn " + id);

                Api.Reply theirs = Api.admin().put("api/organisations/" + id, Json.createObjectBuilder()
                        .add("name", "Deras namn " + id).add("organisationNumber", o.getString("organisationNumber"))
                        .add("kind", "NON_PROFIT").add("version", Fixtures.version(o)).build().toString());
                assertEquals(200, theirs.status(), theirs.body());

                press(b, "organisation:save");
                waitForText(b, "Någon annan har sparat ändringar i organisationen");
                assertEquals("Mitt namn " + id, b.find(By.id("organisation:name")).getAttribute("value"));
                assertTrue(b.driver().getCurrentUrl().contains("edit.xhtml"), "still on the form");
                b.screenshot("organisation-stale");
                assertEquals("Deras namn " + id, Api.admin().get("api/organisations/" + id).json().getString("name"),
                        "the first save stands");

                b.find(By.id("organisation:reload")).click();
                b.waitUntil(ExpectedConditions.attributeToBe(By.id("organisation:name"), "value", "Deras namn " + id));
                type(b, "organisation:name", "Mitt namn " + id);
                b.find(By.id("organisation:save")).click();
                b.waitUntil(ExpectedConditions.urlContains("organisations/view.xhtml"));
                assertEquals("Mitt namn " + id, b.find(By.tagName("h1")).getText());
            });
        }
    }

    @Test
    void anAuditorReadsEverythingButIsOfferedNoChanges() {
        long kommun = Fixtures.organisationId(Fixtures.KOMMUN);
        try (Browser b = Browser.start()) {
            steps(b, "organisation-auditor", () -> {
                b.login("revisor", "bostadforst");
                b.open("organisations/list.xhtml?q=Stadsmission");
                assertTrue(text(b.find(By.id("list:organisations"))).contains(Fixtures.STADSMISSION));
                assertTrue(b.driver().findElements(By.id("search:newOrganisation")).isEmpty(), "no 'new' for an auditor");

                b.open("organisations/view.xhtml?id=" + kommun);
                assertEquals(Fixtures.KOMMUN, b.find(By.tagName("h1")).getText());
                assertTrue(text(b.find(By.id("committees"))).contains(Fixtures.SOCIALNAMNDEN));
                assertFalse(rows(b, "organisation:changes").isEmpty(), "the auditor reads the history");
                for (String button : List.of("organisation:edit", "organisation:deactivate", "organisation:reactivate",
                        "organisation:addCommittee", "organisation:addContact", "organisation:contacts:0:remove")) {
                    assertTrue(b.driver().findElements(By.id(button)).isEmpty(), button + " is not offered");
                }
                b.screenshot("organisation-auditor");

                b.find(By.id("userForm:en")).click();
                b.waitUntil(ExpectedConditions.textToBe(By.id("detailsTitle"), "Details"));
                assertEquals("Municipality", b.find(By.id("kind")).getText());
                assertTrue(b.pageText().contains("Committees") && b.pageText().contains("History"), b.pageText());
                b.screenshot("organisation-auditor-en");
                b.find(By.id("userForm:sv")).click();
                b.waitUntil(ExpectedConditions.textToBe(By.id("detailsTitle"), "Uppgifter"));

                b.open("organisations/edit.xhtml?id=" + kommun);
                assertTrue(b.pageText().contains("Din roll ger inte behörighet till detta."), b.pageText());
                assertTrue(b.driver().findElements(By.id("organisation:save")).isEmpty());
            });
        }
    }

    @Test
    void aLandlordHasNoLinkAndIsKeptOutOfTheRegister() {
        long stadsmission = Fixtures.organisationId(Fixtures.STADSMISSION);
        try (Browser b = Browser.start()) {
            steps(b, "organisation-landlord", () -> {
                b.login("hyresvard", "bostadforst");
                assertTrue(b.driver().findElements(By.linkText("Organisationer")).isEmpty(), "no link for a landlord");
                assertTrue(b.driver().findElements(By.linkText("Konton")).isEmpty(), "no link for a landlord");
                for (String page : List.of("organisations/list.xhtml", "organisations/view.xhtml?id=" + stadsmission,
                        "accounts/list.xhtml")) {
                    b.open(page);
                    assertEquals("Något gick fel", b.find(By.tagName("h1")).getText(), page);
                    assertTrue(b.pageText().contains("Din roll ger inte behörighet till detta."), page + ": " + b.pageText());
                    assertFalse(b.pageText().contains(Fixtures.STADSMISSION), page);
                }
                b.screenshot("organisation-landlord-refused");
            });
        }
    }

    private static JsonObject create(String name, String kind) {
        return Fixtures.created(Api.admin().post("api/organisations", Json.createObjectBuilder().add("name", name)
                .add("organisationNumber", Fixtures.organisationNumber()).add("kind", kind).build().toString()));
    }

    /** The same number with its last digit changed, so the check digit no longer fits. */
    private static String wrongCheckDigit(String number) {
        char last = number.charAt(number.length() - 1);
        return number.substring(0, number.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
    }
}
