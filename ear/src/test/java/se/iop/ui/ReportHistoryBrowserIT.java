package se.iop.ui;

import jakarta.json.JsonObject;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.FollowUpFixtures.activeWith;
import static se.iop.it.FollowUpFixtures.createReport;
import static se.iop.it.FollowUpFixtures.report;

/**
 * An activity report's history (issue 13 §6): an administrator sees on the report's page who changed what —
 * handed in, returned with a comment, corrected, approved — with the counts exactly; an auditor sees the same
 * history with counts under three as "&lt; 3", as on the report itself; the partner sees no history.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReportHistoryBrowserIT {

    private static final Api STADSMISSIONEN = Api.demo("stadsmissionen");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void anAdministratorAndAnAuditorSeeWhoChangedWhatInAReport() {
        long agreement = Fixtures.id(activeWith(Fixtures.STADSMISSION));
        JsonObject draft = createReport(STADSMISSIONEN, report(agreement, "2024-Q2", 5).add("evictions", 1));
        long id = Fixtures.id(draft);
        JsonObject submitted = Fixtures.ok(STADSMISSIONEN.post("api/reports/" + id + "/submit", "{}"));
        JsonObject returned = Fixtures.ok(Api.admin().post("api/reports/" + id + "/return",
                "{\"comment\": \"Förklara vräkningen\", \"version\": %d}".formatted(Fixtures.version(submitted))));
        JsonObject corrected = Fixtures.ok(STADSMISSIONEN.put("api/reports/" + id, report(agreement, "2024-Q2", 5)
                .add("evictions", 2).add("version", Fixtures.version(returned)).build().toString()));
        Fixtures.ok(STADSMISSIONEN.post("api/reports/" + id + "/submit", "{\"version\": %d}".formatted(Fixtures.version(corrected))));

        try (Browser b = Browser.start()) {
            b.login("handlaggare", "bostadforst");
            b.open("reports/view.xhtml?id=" + id);
            // one line per change, the screen reader's "changed to" in it: "Vräkningar: 1 → ändrat till 2"
            String history = b.find(By.id("report:history")).getText().replaceAll("\\s+", " ");
            b.screenshot("report-history-admin");
            assertTrue(history.contains("Förklara vräkningen"), "the return's comment: " + history);
            assertTrue(history.contains("Tillbakaskickad"), history);
            assertTrue(history.contains("Vräkningar"), "a count by its measure's name: " + history);
            assertTrue(history.contains("Vräkningar: 1 → ändrat till 2"), "the administrator sees the counts exactly: " + history);
            assertTrue(history.contains("stadsmissionen") && history.contains("admin"), "who: " + history);
            b.find(By.id("userForm:logout")).click();

            b.login("revisor", "bostadforst");
            b.open("reports/view.xhtml?id=" + id);
            String seen = b.find(By.id("report:history")).getText().replaceAll("\\s+", " ");
            assertTrue(seen.contains("Förklara vräkningen"), seen);
            assertTrue(seen.contains("Vräkningar: < 3"), "a small count hidden from an auditor: " + seen);
            assertFalse(seen.contains("Vräkningar: 1"), "no exact small count for an auditor: " + seen);
            assertFalse(seen.contains("ändrat till 2"), "nor the change from one small count to another: " + seen);
            b.find(By.id("userForm:logout")).click();

            b.login("stadsmissionen", "bostadforst");
            b.open("reports/view.xhtml?id=" + id);
            b.find(By.id("reportStatus"));
            assertEquals(0, b.driver().findElements(By.id("report:history")).size(), "no history for the partner");
        }
    }
}
