package se.iop.it;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Debian's headless Chromium driven by Selenium, against the deployed application. Fails loudly when
 * the browser is missing: a browser test that silently does not run is worse than a red build. A browser
 * closed by a test is kept for the next one (a start costs seconds of the two cores), with no cookies
 * (so no session), one window of the first size and a blank page: as a person's browser after they
 * logged out and closed the site's tabs, its cache kept.
 */
public final class Browser implements AutoCloseable {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String DRIVER = "/usr/bin/chromedriver";

    private static final Dimension SIZE = new Dimension(1400, 1000);
    /** Browsers closed by their tests, ready for the next; quit when the JVM ends. */
    private static final Deque<Browser> IDLE = new ConcurrentLinkedDeque<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Browser b = IDLE.poll(); b != null; b = IDLE.poll()) {
                b.quit();
            }
        }, "browser-quit"));
    }

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public static Browser start() {
        Browser idle = IDLE.poll();
        if (idle != null) {
            return idle;
        }
        if (!new File(CHROMIUM).canExecute() || !new File(DRIVER).canExecute()) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver: "
                    + "apt-get install -y chromium chromium-driver (.ci/run does it)");
        }
        try {
            Path profile = Files.createTempDirectory("iop-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-quic", "--window-size=" + SIZE.getWidth() + "," + SIZE.getHeight(),
                    "--lang=sv-SE", "--user-data-dir=" + profile);
            // nothing typed is remembered for the next test that gets this browser
            options.setExperimentalOption("prefs", Map.of("credentials_enable_service", false,
                    "profile.password_manager_enabled", false, "autofill.profile_enabled", false,
                    "autofill.credit_card_enabled", false));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new Browser(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a path of the application, e.g. {@code agreements/list.xhtml}. */
    public Browser open(String path) {
        driver.get(Api.base().resolve(path.startsWith("/") ? path.substring(1) : path).toString());
        return this;
    }

    /** Logs in through the login form and waits for the start page (or the page asked for first). */
    public Browser login(String username, String password) {
        open("login.xhtml");
        driver.findElement(By.id("login:username")).sendKeys(username);
        driver.findElement(By.id("login:password")).sendKeys(password);
        driver.findElement(By.id("login:submit")).click();
        waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("userForm:logout")));
        return this;
    }

    public WebElement find(By by) {
        return waitUntil(ExpectedConditions.presenceOfElementLocated(by));
    }

    public <T> T waitUntil(java.util.function.Function<? super WebDriver, T> condition) {
        // A page being replaced makes elements found a moment ago stale: look again rather than fail. Looked at
        // every 50 ms, not Selenium's 500: most waits are for an Ajax answer or an animation of a few hundred ms.
        return new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(50))
                .ignoring(StaleElementReferenceException.class).until(condition);
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Saves a screenshot under target/screenshots, for looking at what the user saw. */
    public Path screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path target = dir.resolve(name + ".png");
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Back to the pool, as after a logout with the site's tabs closed; quit instead when that fails. */
    @Override
    public void close() {
        try {
            java.util.List<String> windows = new java.util.ArrayList<>(driver.getWindowHandles());
            for (String extra : windows.subList(1, windows.size())) {
                driver.switchTo().window(extra).close();
            }
            driver.switchTo().window(windows.get(0));
            driver.get("about:blank");
            driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            if (!driver.manage().window().getSize().equals(SIZE)) {
                driver.manage().window().setSize(SIZE);
            }
            IDLE.push(this);
        } catch (RuntimeException e) {
            quit();
        }
    }

    private void quit() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
