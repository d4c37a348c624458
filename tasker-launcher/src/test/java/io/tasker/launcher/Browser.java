package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven by ChromeDriver (Debian's chromium and chromium-driver, which .ci/run installs; other
 * paths go in the tasker.it.chromium and tasker.it.chromedriver properties), its viewport 1280×800 unless resized. Its
 * screenshots go to target/screenshots.
 */
final class Browser implements AutoCloseable {

    static final Duration WITHIN = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Starts the browser. Without Chromium and ChromeDriver the calling tests are skipped, saying what to install,
     * unless TASKER_IT_BROWSER_REQUIRED is true (as .ci/run sets it): then they fail.
     */
    static Browser start() throws IOException {
        Path chromium = Path.of(System.getProperty("tasker.it.chromium", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getProperty("tasker.it.chromedriver", "/usr/bin/chromedriver"));
        boolean present = Files.isExecutable(chromium) && Files.isExecutable(chromedriver);
        String missing = "no Chromium at " + chromium + " or no ChromeDriver at " + chromedriver
                + " (Debian: apt-get install chromium chromium-driver)";
        if (Boolean.parseBoolean(System.getenv("TASKER_IT_BROWSER_REQUIRED"))) {
            assertTrue(present, missing);
        }
        assumeTrue(present, missing);
        Path profile = Files.createTempDirectory("tasker-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toString());
        // Headless on a machine whose network reaches nothing but the test's servers: no sandbox (CI runs as
        // root), no GPU, and none of the browser's own connections.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,800", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        Browser browser = new Browser(new ChromeDriver(service, options), profile);
        browser.resize(1280, 800);
        return browser;
    }

    void open(String url) {
        driver.get(url);
    }

    /** The element, once it is on the page and visible. */
    WebElement await(By locator) {
        return new WebDriverWait(driver, WITHIN).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Waits until the page's main part shows the text. */
    void awaitText(String text) {
        new WebDriverWait(driver, WITHIN).until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"),
                text));
    }

    /**
     * Presses Tab until the focused element's text is {@code text}, as a keyboard's user reaches a control; fails if
     * sixty presses do not reach it.
     */
    void tabTo(String text) {
        for (int press = 0; press < 60; press++) {
            if (text.equals(driver.switchTo().activeElement().getText().strip())) {
                return;
            }
            type(Keys.TAB);
        }
        throw new AssertionError("Tab never reached '" + text + "'");
    }

    /** Presses keys as a keyboard would, on whatever has the focus (Keys.TAB, Keys.ENTER included). */
    void type(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    List<WebElement> all(By locator) {
        return driver.findElements(locator);
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Makes the page's viewport exactly this size (a phone's when narrow), as a screenshot then shows it. */
    void resize(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", width < 600));
    }

    /** Saves what the browser shows as target/screenshots/{name}.png. */
    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** The console's errors since the last call (a refused script or style, a failed request, a thrown error). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** The session's storage, as the page sees it. */
    @SuppressWarnings("unchecked")
    Map<String, String> sessionStorage() {
        return (Map<String, String>) script("return Object.assign({}, sessionStorage);");
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
