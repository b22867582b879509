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
import se.iop.it.FollowUpFixtures.Ended;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.iop.it.Fixtures.created;
import static se.iop.it.FollowUpFixtures.endedLongAgo;

/**
 * A report's attachment and narrative whose content was disposed of (gallrad): the report page still lists the
 * attachment, says since which day it and the narrative are disposed of, and offers no download of what is gone.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DisposedAttachmentBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void theReportPageSaysTheAttachmentIsDisposedOfAndOffersNoDownload() {
        Ended ended = endedLongAgo();
        created(Api.admin().post("api/retention/disposals", Json.createObjectBuilder().add("items", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("documentType", "REPORT_ATTACHMENT").add("recordId", ended.attachmentId()))
                .add(Json.createObjectBuilder().add("documentType", "ACTIVITY_REPORT").add("recordId", ended.reportId())))
                .build().toString()));
        try (Browser b = Browser.start()) {
            b.login("handlaggare", "bostadforst");
            b.open("reports/view.xhtml?id=" + ended.reportId());
            String shown = b.find(By.cssSelector("#attachments [id$='disposed']")).getText();
            assertTrue(shown.contains("protokoll.pdf") && shown.contains("gallrad")
                    && shown.contains(LocalDate.now(java.time.ZoneId.of("Europe/Stockholm")).toString()), shown);
            assertTrue(b.driver().findElements(By.cssSelector("#attachments [id$='download']")).isEmpty(),
                    "no download of what is gone");
            assertEquals("Gallrad " + LocalDate.now(java.time.ZoneId.of("Europe/Stockholm")), b.find(By.id("narrative")).getText(),
                    "the narrative's place says since when it is gone");
            b.screenshot("report-attachment-disposed");
        }
    }
}
