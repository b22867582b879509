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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import se.iop.it.Api;
import se.iop.it.Browser;
import se.iop.it.Deployments;
import se.iop.it.Fixtures;
import se.iop.it.LandlordFixtures;
import se.iop.it.Widgets;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Widgets.ajaxDone;
import static se.iop.it.Widgets.choose;
import static se.iop.it.Widgets.dialogOpen;
import static se.iop.it.Widgets.press;
import static se.iop.it.Widgets.saveDialog;
import static se.iop.it.Widgets.steps;

/**
 * Flats from offer to home in a real browser (issue 13 §3): an administrator moves a landlord's third flat to
 * MATCHED and MOVED_IN on its page (a step back without a reason refused, naming the field), sees the timeline,
 * and the start page's pipeline card counts the landlord's three moved-in flats and the median days to move-in.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FlatPipelineBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private static long flat(long landlord, String address) {
        JsonObject l = Fixtures.created(Api.admin().post("api/landlords/" + landlord + "/flats", Json.createObjectBuilder()
                .add("address", address).add("areaSqm", 30.0).add("rooms", 1).add("availableFrom", "2026-01-01")
                .build().toString()));
        return l.getJsonArray("flats").getValuesAs(JsonObject.class).stream()
                .filter(f -> f.getString("address").equals(address)).mapToLong(Fixtures::id).findFirst().orElseThrow();
    }

    private static void move(long landlord, long flat, String stage, String date) {
        Fixtures.ok(Api.admin().post("api/landlords/" + landlord + "/flats/" + flat + "/stages",
                Json.createObjectBuilder().add("stage", stage).add("date", date).build().toString()));
    }

    /** Opens the stage dialog of the flat in the given row and types the day. */
    private static void openStage(Browser b, int row, String date) {
        press(b, "landlord:flats:" + row + ":moveOn");
        dialogOpen(b, "stageDlg");
        WebElement day = b.find(By.id("stageForm:on_input"));
        day.sendKeys(Keys.chord(Keys.CONTROL, "a"), date, Keys.TAB);
    }

    @Test
    void anAdministratorMovesAFlatOnAndTheDashboardCountsIt() {
        JsonObject company = LandlordFixtures.company(LandlordFixtures.email("pipeline"));
        long landlord = Fixtures.id(company);
        String name = company.getString("name");
        // Two flats moved in through the API, 20 days from offer to move-in; the third is moved in the browser.
        for (String address : List.of("Pipelinegatan 1", "Pipelinegatan 2")) {
            long f = flat(landlord, address);
            move(landlord, f, "MATCHED", "2026-01-11");
            move(landlord, f, "MOVED_IN", "2026-01-21");
        }
        long third = flat(landlord, "Pipelinegatan 3");

        try (Browser b = Browser.start()) {
            steps(b, "flat-pipeline", () -> {
                b.login("handlaggare", "bostadforst");
                b.open("landlords/view.xhtml?id=" + landlord);
                assertEquals("Erbjuden", b.find(By.id("stage-" + third)).getText());

                openStage(b, 2, "2026-01-11");
                assertEquals("Matchad", b.find(By.id("stageForm:to_label")).getText(), "the next stage is offered first");
                saveDialog(b, "stageForm", "stageDlg");
                b.waitUntil(ExpectedConditions.textToBe(By.id("stage-" + third), "Matchad"));

                openStage(b, 2, "2026-01-21");
                assertEquals("Inflyttad", b.find(By.id("stageForm:to_label")).getText());
                saveDialog(b, "stageForm", "stageDlg");
                b.waitUntil(ExpectedConditions.textToBe(By.id("stage-" + third), "Inflyttad"));
                String row = Widgets.rows(b, "landlord:flats").get(2);
                assertTrue(row.contains("Erbjuden") && row.contains("Matchad") && row.contains("2026-01-21"), row);

                // Back a stage without a reason: refused in the dialog, naming the field; nothing changes.
                openStage(b, 2, "2026-01-22");
                choose(b, "stageForm:to", "Matchad");
                press(b, "stageForm:save");
                String refusal = b.find(By.id("stageForm:dlgMessages")).getText();
                assertTrue(refusal.contains("Anledning"), refusal);
                b.screenshot("flat-stage-refused");
                b.find(By.id("stageForm:cancel")).click();
                ajaxDone(b);
                b.screenshot("flat-stages");
                assertEquals("MOVED_IN", Fixtures.ok(Api.admin().get("api/landlords/" + landlord + "/flats/" + third
                        + "/stages")).getString("stage"));

                b.open("index.xhtml");
                WebElement card = b.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("pipeline")));
                WebElement mine = card.findElement(By.xpath(".//tr[td[1][normalize-space(.)=" + literal(name) + "]]"));
                List<String> cells = mine.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
                // landlord, offered, matched, moved in, lease taken over, withdrawn, ended, median days
                assertEquals(List.of(name, "< 3", "< 3", "3", "< 3", "< 3", "< 3", "20"), cells);
                assertTrue(card.getText().contains("Alla hyresvärdar"), card.getText());
                ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript("arguments[0].scrollIntoView()", card);
                b.screenshot("flat-pipeline-dashboard");
            });
        }
    }

    @Test
    void financeSeesThePipelinePartnersDoNotAndALandlordSeesOnlyItsOwnFlats() {
        try (Browser b = Browser.start()) {
            steps(b, "flat-pipeline-roles", () -> {
                b.login("ekonom", "bostadforst");
                b.open("index.xhtml");
                assertTrue(b.find(By.id("pipeline")).getText().contains("Nyköpingshem AB"));
            });
        }
        try (Browser b = Browser.start()) {
            steps(b, "flat-pipeline-partner", () -> {
                b.login("stadsmissionen", "bostadforst");
                b.open("index.xhtml");
                b.find(By.id("dashboard"));
                assertTrue(b.driver().findElements(By.id("pipeline")).isEmpty(), "a partner sees no pipeline");
            });
        }
        try (Browser b = Browser.start()) {
            steps(b, "flat-portal", () -> {
                b.login("karin", "bostadforst");
                b.open("portal/packets.xhtml");
                List<String> flats = Widgets.rows(b, "myFlats");
                assertEquals(1, flats.size(), flats.toString());
                assertTrue(flats.get(0).contains("Backvägen 2") && flats.get(0).contains("Erbjuden"), flats.toString());
                assertTrue(!b.pageText().contains("Brunnsgatan"), "not another landlord's flat");
                b.screenshot("flat-portal");
            });
        }
    }

    private static String literal(String s) {
        return s.contains("'") ? "concat('" + s.replace("'", "',\"'\",'") + "')" : "'" + s + "'";
    }
}
