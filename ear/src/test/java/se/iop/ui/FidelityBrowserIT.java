package se.iop.ui;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
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
import se.iop.it.Axe;
import se.iop.it.Api;
import se.iop.it.Browser;
import se.iop.it.Deployments;
import se.iop.it.FollowUpFixtures;
import se.iop.it.Rows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Fixtures.STADSMISSION;
import static se.iop.it.Fixtures.VERDANDI;
import static se.iop.it.Fixtures.created;
import static se.iop.it.Fixtures.id;
import static se.iop.it.Fixtures.ok;
import static se.iop.it.Widgets.ajaxDone;
import static se.iop.it.Widgets.choose;
import static se.iop.it.Widgets.messages;
import static se.iop.it.Widgets.scrollTo;
import static se.iop.it.Widgets.steps;
import static se.iop.it.Widgets.text;
import static se.iop.it.Widgets.waitForText;

/**
 * The fidelity self-assessment in a real browser: a partner begins this year's on the agreement's follow-up page,
 * attaches evidence for an item, is refused handing it in with an item unscored, scores every item and hands it in; the administrator approves it;
 * the follow-up page shows its domain scores and total against the maximum, and the trend chart over the years; the
 * agreement's other partner sees nothing of it and is not offered the years it took.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FidelityBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void aPartnerFillsInAndSubmitsTheAdministratorApprovesAndTheChartShowsTheTrend() {
        long agreementId = id(FollowUpFixtures.activeWith(STADSMISSION, VERDANDI));
        Api partner = Api.demo("stadsmissionen");
        // Last year's, approved through the API, so the chart has a year to compare with.
        JsonArrayBuilder earlier = Json.createArrayBuilder();
        List<String> codes = Rows.values("select code from fidelity_item order by code").stream().map(String::valueOf).toList();
        codes.forEach(c -> earlier.add(Json.createObjectBuilder().add("item", c).add("score", 2)));
        JsonObject last = created(partner.post("api/fidelity", Json.createObjectBuilder().add("agreementId", agreementId)
                .add("year", 2025).add("scores", earlier).build().toString()));
        ok(partner.post("api/fidelity/" + id(last) + "/submit", "{}"));
        ok(Api.admin().post("api/fidelity/" + id(last) + "/approve", "{}"));

        try (Browser b = Browser.start()) {
            long[] assessment = new long[1];
            steps(b, "partner-fills-in", () -> {
                b.login("stadsmissionen", "bostadforst");
                b.open("followup/agreement.xhtml?id=" + agreementId);
                choose(b, "fidelity:newYear", "2026");
                b.find(By.id("fidelity:begin")).click();
                b.waitUntil(ExpectedConditions.urlContains("followup/fidelity.xhtml?id="));
                assessment[0] = Long.parseLong(b.driver().getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1"));
                assertEquals("Utkast", b.find(By.id("status")).getText());

                // Evidence for the first item, attached as a report's attachments are.
                String first = codes.get(0) + " " + Rows.value("select text from fidelity_item where code = ?", codes.get(0));
                choose(b, "evidence:item", first);
                ajaxDone(b);
                b.driver().findElement(By.cssSelector("input[type=file]")).sendKeys(evidenceFile().toString());
                b.waitUntil(d -> text(b.find(By.id("evidenceList:files"))).contains("Rutin val av bostad.txt"));
                assertTrue(text(b.find(By.id("evidenceList:files"))).contains(first), text(b.find(By.id("evidenceList:files"))));
                scrollTo(b, "evidenceTitle");
                b.screenshot("fidelity-evidence");
                assertAccessible(b, "the partner's draft");

                int items = codes.size();
                for (int i = 0; i < items - 1; i++) {
                    choose(b, "assessment:items:" + i + ":score", "3 – Till stor del i linje med modellen");
                }
                b.find(By.id("assessment:items:0:comment")).sendKeys("Hyresgästerna väljer bland erbjudna lägenheter.");
                b.find(By.id("assessment:submit")).click();
                waitForText(b, "saknar poäng");
                assertTrue(messages(b).contains(codes.get(items - 1)), "the message names the unscored item: " + messages(b));
                assertEquals("Utkast", b.find(By.id("status")).getText(), "not handed in");

                choose(b, "assessment:items:" + (items - 1) + ":score", "4 – Helt i linje med modellen");
                b.find(By.id("assessment:submit")).click();
                b.waitUntil(ExpectedConditions.textToBe(By.id("status"), "Inlämnad"));
                int total = 3 * (items - 1) + 4;
                assertTrue(text(b.find(By.id("total"))).startsWith(total + " / " + 4 * items), text(b.find(By.id("total"))));
                b.screenshot("fidelity-submitted");
                logout(b);
            });
            assertEquals("SUBMITTED", Rows.value("select status from fidelity_assessment where id = ?", assessment[0]));
            assertEquals(codes.get(0), Rows.value("select i.code from fidelity_attachment f join fidelity_item i"
                    + " on i.id = f.item_id where f.assessment_id = ? and f.filename = 'Rutin val av bostad.txt'", assessment[0]));
            assertEquals(1L, ((Number) Rows.value("select count(*) from registry_entry r join fidelity_attachment f"
                    + " on f.id = r.document_id where r.document_kind = 'FIDELITY_ATTACHMENT' and f.assessment_id = ?",
                    assessment[0])).longValue(), "received in the diary with the assessment");
            assertEquals("Hyresgästerna väljer bland erbjudna lägenheter.",
                    Rows.value("select s.comment from fidelity_score s join fidelity_item i on i.id = s.item_id"
                            + " where s.assessment_id = ? and i.code = ?", assessment[0], codes.get(0)));

            steps(b, "admin-approves", () -> {
                b.login("handlaggare", "bostadforst");
                b.open("followup/fidelity.xhtml?id=" + assessment[0]);
                assertTrue(text(b.find(By.id("evidenceList:files"))).contains("Rutin val av bostad.txt"));
                assertTrue(b.driver().findElements(By.cssSelector("input[type=file]")).isEmpty(), "handed in: no upload");
                b.find(By.id("review:approve")).click();
                b.waitUntil(ExpectedConditions.textToBe(By.id("status"), "Godkänd"));
                assertTrue(text(b.find(By.id("assessment:lockedNotice"))).contains("godkänd och låst"));
                assertTrue(b.driver().findElements(By.id("review:approve")).isEmpty());

                b.open("followup/agreement.xhtml?id=" + agreementId);
                WebElement canvas = b.find(By.cssSelector("[id$='fidelityChart'] canvas"));
                b.waitUntil(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                        "return arguments[0].width > 0 && !!Chart.getChart(arguments[0]);", canvas));
                @SuppressWarnings("unchecked")
                List<Object> years = (List<Object>) ((JavascriptExecutor) b.driver()).executeScript(
                        "return Chart.getChart(arguments[0]).data.labels;", canvas);
                assertEquals(List.of("2025", "2026"), years);
                Number lastTotal = (Number) ((JavascriptExecutor) b.driver()).executeScript(
                        "var d = Chart.getChart(arguments[0]).data.datasets; return d[d.length - 1].data[1];", canvas);
                assertEquals(Math.round(1000.0 * (3 * (codes.size() - 1) + 4) / (4 * codes.size())) / 10.0,
                        lastTotal.doubleValue(), 0.001);
                assertTrue(text(b.find(By.id("fidelity:fidelityTable"))).contains("Godkänd"));
                assertAccessible(b, "the follow-up page with the fidelity chart");
                scrollTo(b, "fidelity:fidelityChart");
                b.screenshot("fidelity-chart");
                logout(b);
            });

            steps(b, "another-partner", () -> {
                b.login("verdandi", "bostadforst");
                b.open("followup/fidelity.xhtml?id=" + assessment[0]);
                assertTrue(b.driver().findElements(By.id("status")).isEmpty(), "another partner sees nothing of it");
                b.find(By.id("notFound"));
                // One self-assessment per agreement and year, whoever's: the years Stadsmission took are not offered.
                b.open("followup/agreement.xhtml?id=" + agreementId);
                List<String> offered = b.driver().findElements(By.cssSelector("select[id='fidelity:newYear_input'] option"))
                        .stream().map(o -> o.getAttribute("value")).filter(v -> !v.isEmpty()).toList();
                assertEquals(List.of("2024"), offered);
                logout(b);
            });
        }
    }

    /** A small text file of evidence, as a partner keeps one on disk. */
    private static Path evidenceFile() {
        try {
            Path file = Files.createTempDirectory("iop-evidence").resolve("Rutin val av bostad.txt");
            Files.writeString(file, "Hyresgästen väljer bostad bland de lägenheter som erbjuds.\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** No axe-core violation of any impact, as the accessibility scan of the main pages asks. */
    private static void assertAccessible(Browser b, String what) {
        Axe.assertNone(b.driver(), what);
    }

    private static void logout(Browser b) {
        b.find(By.id("userForm:logout")).click();
        b.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("login:username")));
    }
}
