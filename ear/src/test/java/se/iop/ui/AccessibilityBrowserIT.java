package se.iop.ui;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import se.iop.it.Axe;
import se.iop.it.Browser;
import se.iop.it.Deployments;
import se.iop.it.Rows;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The axe-core rules on the main pages of the demo, each seen by the role that uses it, and on the public
 * pages (register, accessibility statement, also with a refused form): any violation fails, whatever its
 * impact (critical, serious, moderate or minor), listed with its rule, impact, element and page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessibilityBrowserIT {

    private static final String PASSWORD = "bostadforst";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void theMainAndPublicPagesHaveNoViolations() {
        long agreement = id("select id from agreement where title = 'Bostad först Nyköping – fas 1'");
        long organisation = id("select min(organisation_id) from agreement_party where agreement_id = ?", agreement);
        long report = id("select min(id) from activity_report where agreement_id = ?", agreement);
        long landlord = id("select min(id) from landlord where kind = 'COMPANY'");
        long packet = id("select min(id) from information_packet");
        long number = id("select max(number) from packet_version where packet_id = ?", packet);

        List<String> violations = new ArrayList<>();
        try (Browser b = Browser.start()) {
            scan(b, "login.xhtml", "login", violations);
            // A page showing an error message: the messages' markup is the same on every page.
            b.find(By.id("login:submit")).click();
            b.find(By.className("ui-messages-error"));
            scanHere(b, "login.xhtml", "login-refused", violations);
            scan(b, "invitation.xhtml?refused=expired", "invitation-refused", violations);
            scan(b, "unknown-person.xhtml", "unknown-person", violations);
            scan(b, "public/diary.xhtml", "public-diary", violations);
            scan(b, "public/diary.xhtml?from=2024-13-01", "public-diary-refused", violations);
            scan(b, "public/register.xhtml", "public-register", violations);
            scan(b, "public/register.xhtml?status=ended", "public-register-ended", violations);
            scan(b, "public/accessibility.xhtml", "statement", violations);
            b.find(By.id("barrier:send")).click();
            b.find(By.className("ui-messages-error"));
            scanHere(b, "public/accessibility.xhtml", "statement-refused", violations);
            scan(b, "public/accessibility.xhtml?sent=true", "statement-sent", violations);

            b.login("handlaggare", PASSWORD);
            scan(b, "index.xhtml", "dashboard", violations);
            scan(b, "agreements/list.xhtml", "agreement-list", violations);
            scan(b, "agreements/view.xhtml?id=" + agreement, "agreement-page", violations);
            scan(b, "organisations/list.xhtml", "organisation-list", violations);
            scan(b, "organisations/view.xhtml?id=" + organisation, "organisation-page", violations);
            scan(b, "accounts/list.xhtml", "account-list", violations);
            scan(b, "privacy/requests.xhtml", "privacy-requests", violations);
            scan(b, "followup/agreement.xhtml?id=" + agreement, "followup-page", violations);
            scan(b, "landlords/list.xhtml", "landlord-list", violations);
            scan(b, "landlords/view.xhtml?id=" + landlord, "landlord-page", violations);
            scan(b, "packets/view.xhtml?id=" + packet + "&v=" + number, "packet-version", violations);
            scan(b, "diary/list.xhtml", "diary", violations);
            scan(b, "barriers/list.xhtml", "barrier-list", violations);
        }
        try (Browser b = Browser.start()) {
            b.login("ekonom", PASSWORD);
            scan(b, "budget/view.xhtml?agreement=" + agreement, "budget-page", violations);
            scan(b, "budget/io.xhtml?agreement=" + agreement, "budget-io", violations);
        }
        try (Browser b = Browser.start()) {
            b.login("stadsmissionen", PASSWORD);
            scan(b, "reports/list.xhtml", "report-list", violations);
            scan(b, "reports/view.xhtml?id=" + report, "report-page", violations);
        }
        try (Browser b = Browser.start()) {
            b.login("hyresvard", PASSWORD);
            scan(b, "portal/packets.xhtml", "portal-packets", violations);
        }
        assertTrue(violations.isEmpty(), violations.size() + " accessibility violations:\n"
                + String.join("\n", violations));
    }

    private static void scan(Browser b, String path, String name, List<String> violations) {
        b.open(path);
        scanHere(b, path, name, violations);
    }

    /** Scans the page the browser shows now (e.g. after sending a form), which is {@code path}. */
    private static void scanHere(Browser b, String path, String name, List<String> violations) {
        b.waitUntil(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && (!window.jQuery || jQuery.active === 0)")));
        String title = b.driver().getTitle();
        assertTrue(!title.isBlank() && b.driver().getCurrentUrl().contains(path.replaceAll("\\?.*", "")),
                "the page " + path + " opened, not an error or the login: " + b.driver().getCurrentUrl());
        b.screenshot("a11y-" + name);
        violations.addAll(Axe.violations(b.driver(), name));
    }

    private static long id(String sql, Object... params) {
        Object value = Rows.value(sql, params);
        assertTrue(value instanceof Number, "demo data has a row for " + sql);
        return ((Number) value).longValue();
    }
}
