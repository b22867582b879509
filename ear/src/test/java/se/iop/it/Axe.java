package se.iop.it;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.WebDriver;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The axe-core scan of the page a browser shows, the one way the browser tests ask whether a page is accessible: every
 * violation counts, whatever its impact (critical, serious, moderate or minor).
 */
public final class Axe {

    private Axe() {
    }

    /**
     * The violations on the page, each as "rule (impact) element: what fails"; fails when axe could not run or checked
     * nothing. axe runs in the page itself (its legacy mode): the pages have no frames from elsewhere to reach, and the
     * default mode's second window for the results cost a third of a scan. Only the violations come back in full.
     */
    public static List<String> violations(WebDriver driver, String page) {
        AxeRunOptions options = new AxeRunOptions();
        options.setResultTypes(List.of("violations"));
        Results results = new AxeBuilder().withOptions(options).setLegacyMode(true).analyze(driver);
        assertNull(results.getErrorMessage(), "axe ran on " + page);
        assertTrue(!results.getPasses().isEmpty(), "axe checked something on " + page);
        List<String> violations = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            for (CheckedNode node : rule.getNodes()) {
                violations.add(rule.getId() + " (" + rule.getImpact() + ") " + node.getTarget() + " on " + page + ": "
                        + String.valueOf(node.getFailureSummary()).replace('\n', ' '));
            }
        }
        return violations;
    }

    /** No violation on the page. */
    public static void assertNone(WebDriver driver, String page) {
        List<String> violations = violations(driver, page);
        assertTrue(violations.isEmpty(), violations.size() + " accessibility violations:\n" + String.join("\n", violations));
    }
}
