package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for the page tests: headless Chromium from Debian's {@code chromium} package, driven through
 * {@code chromium-driver}'s ChromeDriver, nothing downloaded. Where they are not installed the tests are skipped
 * with a message naming the packages ({@code .ci/run} installs them, so CI always runs them).
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String AXE = "/axe/axe-4.11.0.min.js";
    /** WCAG 2.0, 2.1 and 2.2, levels A and AA: what axe-core checks of them. */
    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private final ChromeDriver driver;
    private final Path profile;
    private final String base;

    private Browser(ChromeDriver driver, Path profile, String base) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
    }

    /** Skips the calling test, saying what to install, when this machine has no Chromium. */
    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                   "Browser tests skipped: install Debian's chromium and chromium-driver packages "
                   + "(apt-get install chromium chromium-driver) to run them");
    }

    static Browser open(int port) {
        return open(port, true);
    }

    static Browser open(int port, boolean javascript) {
        assumeInstalled();
        try {
            Path profile = Files.createTempDirectory("casetrail-browser");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                                 "--disable-quic", "--no-first-run", "--disable-background-networking",
                                 "--disable-component-update", "--disable-sync", "--window-size=1280,1000",
                                 "--lang=en-GB", "--user-data-dir=" + profile);
            if (!javascript) {
                options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript",
                                                              2));
            }
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            return new Browser(driver, profile, "http://localhost:" + port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    Browser signIn(String user) {
        go("/sign-in");
        type("username", user);
        type("password", "casetrail");
        press("Sign in");
        return this;
    }

    String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    String url() {
        return driver.getCurrentUrl();
    }

    String heading() {
        try {
            List<WebElement> headings = driver.findElements(By.tagName("h1"));
            return headings.isEmpty() ? "(no heading)" : headings.get(0).getText();
        } catch (StaleElementReferenceException e) {
            return "(the page is changing)";
        }
    }

    /** The page's visible text. */
    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String title() {
        return driver.getTitle();
    }

    Browser type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Sets a field as a user pasting into it would, for text a driver cannot type (any alphabet, any length). */
    Browser paste(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        driver.executeScript("arguments[0].value = arguments[1];"
                             + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", field, text);
        return this;
    }

    String value(String id) {
        return driver.findElement(By.id(id)).getDomProperty("value");
    }

    /** Ticks a radio or checkbox by its label. */
    Browser choose(String label) {
        WebElement labelled = driver.findElement(By.xpath(
                "//label[normalize-space(.)=" + literal(label) + "]"));
        driver.findElement(By.id(labelled.getDomAttribute("for"))).click();
        return this;
    }

    /** Ticks the radio labelled {@code label} in the question (fieldset) whose legend is {@code question}. */
    Browser answer(String question, String label) {
        WebElement labelled = driver.findElement(By.xpath("//fieldset[legend[normalize-space(.)=" + literal(question)
                + "]]//label[normalize-space(.)=" + literal(label) + "]"));
        driver.findElement(By.id(labelled.getDomAttribute("for"))).click();
        return this;
    }

    Browser select(String id, String visibleText) {
        new Select(driver.findElement(By.id(id))).selectByVisibleText(visibleText);
        return this;
    }

    /** Presses the button (or a link styled as one) with this text, and waits for the page it leads to. */
    Browser press(String text) {
        return navigate(find(By.xpath("//button[normalize-space(.)=" + literal(text) + "]"
                                      + " | //a[contains(@class,'govuk-button') and normalize-space(.)="
                                      + literal(text) + "]"), "a button '" + text + "'"));
    }

    /** Follows the link whose text starts with this (hidden text for screen readers may follow it). */
    Browser follow(String text) {
        return navigate(find(By.xpath("//a[starts-with(normalize-space(.), " + literal(text) + ")]"),
                             "a link '" + text + "'"));
    }

    /** Opens one of the page's tabs (GOV.UK tabs: no new page with JavaScript on; a jump down the page without). */
    Browser tab(String label) {
        find(By.xpath("//a[contains(@class,'govuk-tabs__tab') and normalize-space(.)=" + literal(label) + "]"),
             "a tab '" + label + "'").click();
        return this;
    }

    /** Clicks and waits until the page it was on has gone, so the next step reads the page it led to. */
    private Browser navigate(WebElement target) {
        WebElement page = driver.findElement(By.tagName("html"));
        target.click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> gone(page));
        return this;
    }

    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (WebDriverException e) {
            // Stale, or (as Chromium sometimes says of a node from an unloaded document) no longer in the document.
            return true;
        }
    }

    /** An element, or a failure that says what the page showed instead. */
    private WebElement find(By by, String what) {
        List<WebElement> found = driver.findElements(by);
        if (found.isEmpty()) {
            throw new AssertionError("No " + what + " on " + path() + " (" + heading() + "); errors " + errors()
                                     + "; page:\n" + text());
        }
        return found.get(0);
    }

    String href(String text) {
        return driver.findElement(By.xpath("//a[starts-with(normalize-space(.), " + literal(text) + ")]"))
                     .getDomAttribute("href");
    }

    boolean has(String text) {
        return !driver.findElements(By.xpath("//*[starts-with(normalize-space(.), " + literal(text) + ")]"))
                      .isEmpty();
    }

    /** The error summary's messages, in order; empty when the page has none. */
    List<String> errors() {
        return driver.findElements(By.cssSelector(".govuk-error-summary__list a")).stream()
                     .map(WebElement::getText).toList();
    }

    /** Presses Tab until the element with this id has the focus; fails if it never does. */
    Browser tabTo(String id) {
        return tabUntil(e -> id.equals(e.getDomAttribute("id")), "#" + id);
    }

    /** Presses Tab until the button with this text has the focus. */
    Browser tabToButton(String text) {
        return tabUntil(e -> "button".equals(e.getTagName()) && text.equals(e.getText().trim()), "button " + text);
    }

    private Browser tabUntil(java.util.function.Predicate<WebElement> reached, String what) {
        for (int i = 0; i < 300; i++) {
            if (reached.test(driver.switchTo().activeElement())) {
                return this;
            }
            driver.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        throw new AssertionError("Tab never reached " + what + " on " + path());
    }

    /** Types into whatever has the focus. */
    Browser keys(CharSequence... keys) {
        driver.switchTo().activeElement().sendKeys(keys);
        return this;
    }

    String focusedClass() {
        return String.valueOf(driver.switchTo().activeElement().getDomAttribute("class"));
    }

    String focusedId() {
        return driver.switchTo().activeElement().getDomAttribute("id");
    }

    /**
     * Runs axe-core on the page for the WCAG 2.2 A and AA rules and returns each violation as "rule: nodes".
     */
    @SuppressWarnings("unchecked")
    List<String> accessibilityViolations() {
        driver.executeScript(axeSource());
        Object result = driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
                + "  .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' at '"
                + "    + v.nodes.map(n => n.target.join(' ')).join(', '))))"
                + "  .catch(e => done(['axe failed: ' + e]));", WCAG);
        return new ArrayList<>((List<String>) result);
    }

    /** Asserts axe-core finds nothing on this page, and that the page got every file it asked for. */
    Browser accessible() {
        assertThat(accessibilityViolations()).as("WCAG 2.2 AA violations on " + path()).isEmpty();
        assertThat(filesNotServed()).as("files the page asked for and did not get, on " + path()).isEmpty();
        return this;
    }

    /**
     * The stylesheets, scripts, images and fonts this page asked for that were not served (an error status), once
     * the fonts it renders with have loaded: a font is fetched only when some text uses it.
     */
    @SuppressWarnings("unchecked")
    List<String> filesNotServed() {
        Object result = driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "document.fonts.ready.then(() => done(performance.getEntriesByType('resource')"
                + "  .filter(e => e.responseStatus >= 400).map(e => e.responseStatus + ' ' + e.name)));");
        return new ArrayList<>((List<String>) result);
    }

    /** A screenshot of the whole page, for the README. */
    void screenshot(Path file) {
        try {
            long height = ((Number) ((JavascriptExecutor) driver)
                    .executeScript("return document.documentElement.scrollHeight")).longValue();
            Dimension before = driver.manage().window().getSize();
            driver.manage().window().setSize(new Dimension(1280, (int) Math.min(Math.max(height + 120, 800), 4000)));
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            driver.manage().window().setSize(before);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The session cookie, to fetch a download the way this browser would. */
    String sessionCookie() {
        return driver.manage().getCookieNamed("CASETRAIL_SESSION").getValue();
    }

    /** GETs a link as this signed-in browser would, for downloads (a PDF, a CSV) the test reads itself. */
    HttpResponse<byte[]> download(String href) {
        try {
            URI uri = URI.create(base).resolve(href);
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                    .header("Cookie", "CASETRAIL_SESSION=" + sessionCookie()).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Browser waitForHeading(String text) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> heading().equals(text));
        } catch (TimeoutException e) {
            throw new AssertionError("Waited for '" + text + "' on " + path() + " (" + heading() + "); errors "
                                     + errors() + "; page:\n" + text(), e);
        }
        return this;
    }

    Browser waitFor(String text) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> has(text));
        return this;
    }

    ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary profile left behind harms nothing.
        }
    }

    private static String axeSource() {
        try (InputStream in = Browser.class.getResourceAsStream(AXE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An XPath string literal for any text, quotes included. */
    private static String literal(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }
}
