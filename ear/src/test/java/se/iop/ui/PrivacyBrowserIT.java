package se.iop.ui;

import jakarta.json.Json;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import se.iop.it.Api;
import se.iop.it.Browser;
import se.iop.it.Deployments;
import se.iop.it.Fixtures;
import se.iop.it.Rows;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Fixtures.created;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Widgets.confirm;
import static se.iop.it.Widgets.press;
import static se.iop.it.Widgets.rows;
import static se.iop.it.Widgets.steps;
import static se.iop.it.Widgets.type;
import static se.iop.it.Widgets.waitForText;

/**
 * The GDPR requests page in a real browser: an unknown address is refused by the field's name; the administrator
 * erases an organisation contact by e-mail; the auditor sees the request with its outcome, reads no personal data
 * there, and has no form to make one.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PrivacyBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void anAdministratorErasesAContactAndTheAuditorSeesTheRequest() {
        String marker = ("zq" + Fixtures.unique("").strip()).toLowerCase(Locale.ROOT);
        String email = "sara." + marker + "@example.se";
        long org = id(created(Api.admin().post("api/organisations", Json.createObjectBuilder()
                .add("name", Fixtures.unique("IT GDPR sida")).add("organisationNumber", Fixtures.organisationNumber())
                .add("kind", "NON_PROFIT").build().toString())));
        created(Api.admin().post("api/organisations/" + org + "/contacts", Json.createObjectBuilder()
                .add("name", "Sara " + marker).add("email", email).build().toString()));
        try (Browser b = Browser.start()) {
            steps(b, "privacy-erase", () -> {
                b.login("handlaggare", "bostadforst");
                b.open("privacy/requests.xhtml");
                waitForText(b, "Ny begäran");
                type(b, "person:email", "ingen." + marker + "@example.se");
                press(b, "person:erase");
                confirm(b);
                waitForText(b, "E-post: Ingen person med den e-postadressen finns i IOP.");

                type(b, "person:email", email);
                press(b, "person:erase");
                confirm(b);
                waitForText(b, "Uppgifterna är raderade");
                assertEquals(0L, ((Number) Rows.value("select count(*) from contact where email = ?", email)).longValue());
                b.screenshot("privacy-erased");
            });
        }
        try (Browser b = Browser.start()) {
            steps(b, "privacy-auditor", () -> {
                b.login("revisor", "bostadforst");
                b.open("privacy/requests.xhtml");
                waitForText(b, "Gjorda begäranden");
                List<String> listed = rows(b, "requests:requestTable");
                assertTrue(listed.get(0).contains("Radering") && listed.get(0).contains("contact erased 1")
                        && listed.get(0).contains("handlaggare"), listed.get(0));
                assertFalse(b.pageText().contains(marker), "no personal data on the page");
                assertTrue(b.driver().findElements(By.id("person:erase")).isEmpty(), "the auditor cannot make a request");
            });
        }
    }
}
