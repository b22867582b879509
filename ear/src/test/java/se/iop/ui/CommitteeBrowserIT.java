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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import se.iop.it.Api;
import se.iop.it.Browser;
import se.iop.it.Deployments;
import se.iop.it.Rows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Fixtures.created;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.organisationNumber;
import static se.iop.it.Fixtures.unique;
import static se.iop.it.Widgets.confirm;
import static se.iop.it.Widgets.dialogOpen;
import static se.iop.it.Widgets.press;
import static se.iop.it.Widgets.saveDialog;
import static se.iop.it.Widgets.steps;
import static se.iop.it.Widgets.text;
import static se.iop.it.Widgets.type;
import static se.iop.it.Widgets.waitForText;

/**
 * An administrator renames and deactivates a committee on its municipality's page (issue 13 §6): a name another
 * committee has, in another case, is refused naming the field; the deactivated one stays listed, marked inactive.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CommitteeBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private static WebElement row(Browser b, String name) {
        return b.find(By.xpath("//ul[@id='committees']/li[contains(normalize-space(.), '" + name + "')]"));
    }

    @Test
    void anAdministratorRenamesAndDeactivatesACommittee() {
        Api admin = Api.admin();
        JsonObject kommun = created(admin.post("api/organisations", Json.createObjectBuilder()
                .add("name", unique("IT kommun")).add("organisationNumber", organisationNumber())
                .add("kind", "MUNICIPALITY").build().toString()));
        for (String name : new String[] {"Socialnämnden", "Kulturnämnden"}) {
            created(admin.post("api/organisations/" + id(kommun) + "/committees",
                    Json.createObjectBuilder().add("name", name).build().toString()));
        }
        try (Browser b = Browser.start()) {
            steps(b, "committee-rename", () -> {
                b.login("handlaggare", "bostadforst");
                b.open("organisations/view.xhtml?id=" + id(kommun));

                row(b, "Kulturnämnden").findElement(By.cssSelector("button[id$=':rename']")).click();
                dialogOpen(b, "renameDlg");
                assertEquals("Kulturnämnden", b.find(By.id("renameForm:committee")).getAttribute("value"));
                type(b, "renameForm:committee", "socialnämnden");
                press(b, "renameForm:save");
                assertTrue(text(b.find(By.id("renameForm:dlgMessages"))).contains("Nämnden socialnämnden finns redan."),
                        text(b.find(By.id("renameForm:dlgMessages"))));
                assertEquals("true", b.find(By.id("renameForm:committee")).getAttribute("aria-invalid"));
                type(b, "renameForm:committee", "Kultur- och fritidsnämnden");
                saveDialog(b, "renameForm", "renameDlg");
                waitForText(b, "Nämnden har fått nytt namn.");
                assertTrue(text(b.find(By.id("committees"))).contains("Kultur- och fritidsnämnden"));

                row(b, "Socialnämnden").findElement(By.cssSelector("button[id$=':deactivate']")).click();
                confirm(b);
                waitForText(b, "Nämnden är inaktiverad.");
                WebElement social = row(b, "Socialnämnden");
                assertTrue(text(social).contains("(inaktiv)"), text(social));
                assertTrue(social.findElements(By.cssSelector("button[id$=':deactivate']")).isEmpty(), "once is enough");
                b.screenshot("committee-renamed-deactivated");
            });
        }
        assertEquals(Boolean.FALSE, Rows.value("select active from committee where organisation_id = ? and name = 'Socialnämnden'", id(kommun)));
        assertEquals(1L, Rows.value("select count(*) from committee where organisation_id = ? and name = 'Kultur- och fritidsnämnden'", id(kommun)));
        // an auditor sees the committees, without the buttons
        try (Browser b = Browser.start()) {
            b.login("revisor", "bostadforst");
            b.open("organisations/view.xhtml?id=" + id(kommun));
            b.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("committees")));
            assertTrue(b.driver().findElements(By.cssSelector("button[id$=':rename'], button[id$=':deactivate']")).isEmpty());
        }
    }
}
