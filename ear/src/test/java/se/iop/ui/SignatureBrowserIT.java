package se.iop.ui;

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
import se.iop.it.Browser;
import se.iop.it.Deployments;
import se.iop.it.Documents;
import se.iop.it.Rows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Fixtures.STADSMISSION;
import static se.iop.it.Fixtures.decided;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Widgets.ajaxDone;
import static se.iop.it.Widgets.dialogOpen;
import static se.iop.it.Widgets.messages;
import static se.iop.it.Widgets.press;
import static se.iop.it.Widgets.saveDialog;
import static se.iop.it.Widgets.scrollTo;
import static se.iop.it.Widgets.steps;
import static se.iop.it.Widgets.text;
import static se.iop.it.Widgets.type;
import static se.iop.it.Widgets.waitForText;

/**
 * Signing on the agreement page: a decided agreement is refused ACTIVE naming the parties that have not signed; the
 * administrator records the municipality's signature on paper and the partner's as the signed PDF uploaded, sees
 * both in the section and on the timeline, and then puts the agreement in force.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignatureBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void administratorRecordsEachPartysSignatureAndActivates() throws IOException {
        JsonObject agreement = decided(STADSMISSION);
        long id = id(agreement);
        Path signed = Files.createTempFile("avtal-signerat", ".pdf");
        Files.write(signed, Documents.pdf("Avtal om idéburet offentligt partnerskap", "Underskrivet för Sörmlands Stadsmission"));
        try (Browser b = Browser.start()) {
            steps(b, "signing", () -> {
                b.login("handlaggare", "bostadforst");
                b.open("agreements/view.xhtml?id=" + id);
                String state = text(b.find(By.id("signingState")));
                assertTrue(state.contains("Nyköpings kommun") && state.contains(STADSMISSION), state);
                assertTrue(b.find(By.id("agreement:signingPdf")).getAttribute("href")
                        .endsWith("/api/agreements/" + id + "/signatures/pdf"));

                press(b, "agreement:toACTIVE");
                String refused = messages(b);
                assertTrue(refused.contains("Underskrift saknas för: Nyköpings kommun, " + STADSMISSION), refused);
                assertEquals("Beslutat", b.find(By.id("agreementStatus")).getText());

                // The municipality signed on paper.
                press(b, "agreement:signatureTable:0:sign");
                dialogOpen(b, "signDlg");
                assertEquals("Nyköpings kommun", b.find(By.id("signParty")).getText());
                type(b, "signForm:signedBy", "Anna Exempel, förvaltningschef");
                type(b, "signForm:signedOn_input", "2025-12-18");
                saveDialog(b, "signForm", "signDlg");
                waitForText(b, "Underskriften för Nyköpings kommun är registrerad.");
                state = text(b.find(By.id("signingState")));
                assertTrue(state.contains(STADSMISSION) && !state.contains("Nyköpings kommun"), state);

                // The partner's signed agreement uploaded (a day in the future is refused in SignatureApiIT).
                press(b, "agreement:signatureTable:1:sign");
                dialogOpen(b, "signDlg");
                type(b, "signForm:signedBy", "Erik Exempel, verksamhetsledare");
                type(b, "signForm:signedOn_input", "2025-12-19");
                b.find(By.xpath("//*[@id='signForm:method']//label[contains(., 'Uppladdat')]")).click();
                b.find(By.cssSelector("[id='signDlg'] input[type='file']")).sendKeys(signed.toString());
                saveDialog(b, "signForm", "signDlg");
                waitForText(b, "Underskriften för " + STADSMISSION + " är registrerad.");
                waitForText(b, "Alla parter har skrivit under.");
                String table = text(b.find(By.id("agreement:signatureTable")));
                assertTrue(table.contains("Anna Exempel, förvaltningschef") && table.contains("På papper")
                        && table.contains("Erik Exempel, verksamhetsledare") && table.contains(signed.getFileName().toString())
                        && table.contains("SHA-256"), table);
                assertEquals(Rows.value("select sha256 from agreement_signature s join agreement_party p on p.id = s.party_id"
                                + " join organisation o on o.id = p.organisation_id where s.agreement_id = ? and o.name = ?", id, STADSMISSION),
                        table.replaceAll("(?s).*SHA-256 ([0-9a-f]{64}).*", "$1"));
                String timeline = text(b.find(By.id("timeline")));
                assertTrue(timeline.contains("Nyköpings kommun skrev under") && timeline.contains("18 december 2025")
                        && timeline.contains(STADSMISSION + " skrev under") && timeline.contains("uppladdat avtal"), timeline);
                scrollTo(b, "signaturesTitle");
                b.screenshot("agreement-signatures");

                press(b, "agreement:toACTIVE");
                b.waitUntil(ExpectedConditions.textToBe(By.id("agreementStatus"), "I kraft"));
                assertFalse(b.driver().findElements(By.id("agreement:signatureTable:0:sign")).stream().anyMatch(WebElement::isDisplayed));
                ajaxDone(b);
                scrollTo(b, "main");
                b.screenshot("agreement-signed-active");

                // Signed: the edit dialog shows the title and clauses as signed, not to be changed, and says why.
                press(b, "agreement:edit");
                dialogOpen(b, "headDlg");
                assertEquals("true", b.find(By.id("headForm:title")).getAttribute("readonly"));
                assertEquals("true", b.find(By.id("headForm:goals")).getAttribute("readonly"));
                assertTrue(text(b.find(By.id("headForm:signedNote"))).contains("Avtalet är underskrivet"));
                assertFalse("true".equals(b.find(By.id("headForm:endDate_input")).getAttribute("readonly")),
                        "the period is still edited here");
                b.screenshot("agreement-signed-edit");
            });
        } finally {
            Files.deleteIfExists(signed);
        }
    }
}
