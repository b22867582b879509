package se.iop.it;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Working PrimeFaces widgets from a browser test: menus, dialogs, confirmations, ajax, escaped text. */
public final class Widgets {

    private Widgets() {
    }

    /** Runs a test's steps, keeping a screenshot of the page where one fails. */
    public static void steps(Browser b, String name, Runnable steps) {
        try {
            steps.run();
        } catch (RuntimeException | AssertionError e) {
            b.screenshot("failed-" + name);
            throw e;
        }
    }

    /** Replaces an input's text. */
    public static void type(Browser b, String id, String text) {
        WebElement input = b.find(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** Clicks a button and waits for its ajax request to finish. */
    public static void press(Browser b, String id) {
        b.find(By.id(id)).click();
        ajaxDone(b);
    }

    /** Picks an option of a PrimeFaces selectOneMenu by its label and waits until it shows as chosen. */
    public static void choose(Browser b, String menu, String label) {
        b.find(By.id(menu)).click();
        b.waitUntil(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[id='" + menu + "_panel'].ui-connected-overlay-enter-done")));
        b.waitUntil(ExpectedConditions.elementToBeClickable(
                By.xpath("//*[@id='" + menu + "_items']//li[@data-label=" + literal(label) + "]"))).click();
        b.waitUntil(ExpectedConditions.textToBe(By.id(menu + "_label"), label));
        b.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.id(menu + "_panel")));
    }

    /** Ticks (or unticks) a PrimeFaces checkbox by its visible box. */
    public static void tick(Browser b, String checkbox) {
        b.find(By.cssSelector("[id='" + checkbox + "'] .ui-chkbox-box")).click();
    }

    /** Ticks the option of a selectManyCheckbox whose label starts with the given text. */
    public static void tickOption(Browser b, String group, String labelStart) {
        WebElement label = b.find(By.xpath("//*[@id='" + group + "']//label[starts-with(normalize-space(.), " + literal(labelStart) + ")]"));
        b.find(By.id(label.getAttribute("for"))).findElement(By.xpath("./ancestor::div[contains(@class,'ui-chkbox')][1]"))
                .findElement(By.cssSelector(".ui-chkbox-box")).click();
    }

    public static void dialogOpen(Browser b, String dialog) {
        b.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id(dialog)));
        ajaxDone(b);
    }

    /** Presses a dialog's save button and waits until the dialog has closed after a successful save. */
    public static void saveDialog(Browser b, String form, String dialog) {
        press(b, form + ":save");
        b.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.id(dialog)));
    }

    /** Answers yes in the page's confirmation dialog. */
    public static void confirm(Browser b) {
        b.waitUntil(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirm-dialog .ui-confirmdialog-yes"))).click();
        ajaxDone(b);
    }

    public static void ajaxDone(Browser b) {
        b.waitUntil(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && (!window.jQuery || (jQuery.active === 0"
                        + " && (!window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty())));"));
    }

    public static void waitForText(Browser b, String text) {
        b.waitUntil(d -> text(d.findElement(By.tagName("body"))).contains(text));
    }

    /** The text of the page's messages (error and info), as the user reads them. */
    public static String messages(Browser b) {
        return b.driver().findElements(By.cssSelector(".ui-messages")).stream().map(Widgets::text)
                .reduce("", (x, y) -> x + "\n" + y);
    }

    /** The rows of a data table's body, as text. */
    @SuppressWarnings("unchecked")
    public static List<String> rows(Browser b, String table) {
        // Read in one script, so that an ajax update between two rows cannot leave a stale element.
        List<String> texts = (List<String>) ((JavascriptExecutor) b.driver()).executeScript(
                "return Array.from(document.querySelectorAll(arguments[0])).map(r => r.innerText);",
                "[id='" + table + "_data'] > tr");
        return texts.stream().map(t -> t.replace('\u00a0', ' ').replace('\u202f', ' ')).toList();
    }

    /** The markup carries the hostile text only escaped, no script ran, and the user reads it as typed. */
    public static void stayedText(Browser b, String hostile) {
        assertThrows(NoAlertPresentException.class, () -> b.driver().switchTo().alert());
        assertTrue(b.driver().findElements(By.xpath("//script[contains(., 'alert(1)')]")).isEmpty(),
                "no script element carries the text");
        assertTrue(b.pageText().contains(hostile), "visible as typed: " + hostile);
        assertTrue(b.driver().getPageSource().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "escaped in the markup");
    }

    public static void scrollTo(Browser b, String elementId) {
        ((JavascriptExecutor) b.driver()).executeScript("document.getElementById(arguments[0]).scrollIntoView()", elementId);
    }

    /** Visible text with non-breaking spaces as plain spaces. */
    public static String text(WebElement e) {
        return e.getText().replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    private static String literal(String s) {
        return "'" + s + "'";
    }
}
