package org.suishen.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.suishen.shared.masking.Masking;

/**
 * Base of the browser tests: the real pages in Debian's headless Chromium, driven through
 * chromedriver. If Chromium or chromedriver is missing the test fails (run {@code
 * scripts/test-all}, which installs them); it never skips.
 */
@IntegrationTest
public abstract class BrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @LocalServerPort protected int port;
  protected WebDriver browser;

  @BeforeEach
  void startBrowser() throws Exception {
    browser = newBrowser(List.of());
  }

  /**
   * Quits the browser and starts a new one with these Chromium arguments added to the usual ones,
   * for a test that needs a browser set up differently (e.g. a fake camera playing a file made in
   * the test); the browser of every other test stays as it is.
   */
  protected void restartBrowser(String... extraArguments) throws Exception {
    if (browser != null) {
      browser.quit();
      browser = null;
    }
    browser = newBrowser(List.of(extraArguments));
  }

  private static WebDriver newBrowser(List<String> extraArguments) throws Exception {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException(
          "Browser tests need /usr/bin/chromium and /usr/bin/chromedriver: run scripts/test-all");
    }
    var options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=412,915",
        "--lang=zh-CN",
        "--user-data-dir=" + Files.createTempDirectory("suishen-chromium"));
    options.addArguments(extraArguments);
    var service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    var driver = new ChromeDriver(service, options);
    driver.manage().timeouts().implicitlyWait(Duration.ZERO);
    return driver;
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  protected String url(String path) {
    return "http://localhost:" + port + path;
  }

  /**
   * Opens the page and waits until it has loaded: Chromium 150's driver at times answers the
   * navigation while the document is still being parsed (a table without its rows yet).
   */
  protected void open(String path) {
    browser.get(url(path));
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(
            d ->
                "complete"
                    .equals(
                        ((org.openqa.selenium.JavascriptExecutor) d)
                            .executeScript("return document.readyState")));
  }

  /** Waits (up to 10 s) until the element is visible, as a person would. */
  protected WebElement visible(By by) {
    return new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  protected void type(By by, String text) {
    var field = visible(by);
    field.clear();
    field.sendKeys(text);
  }

  protected void click(By by) {
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.elementToBeClickable(by))
        .click();
  }

  /** The visible text of the element, read again if the page was replaced meanwhile. */
  protected String textOf(By by) {
    return new WebDriverWait(browser, Duration.ofSeconds(10))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            d -> {
              var element = d.findElement(by);
              try {
                return element.isDisplayed() ? element.getText() : null;
              } catch (org.openqa.selenium.WebDriverException e) {
                return readAgain(e);
              }
            });
  }

  /**
   * Null (the wait reads again) for Chromium's own words for a stale element while the page is
   * being replaced; any other failure goes on.
   */
  private static @org.jspecify.annotations.Nullable String readAgain(
      org.openqa.selenium.WebDriverException e) {
    if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
      return null;
    }
    throw e;
  }

  /**
   * Waits (up to 10 s) until the element shows the expected text, e.g. after a form was sent and
   * the next page is still on its way; returns the whole text.
   */
  protected String waitForText(By by, String expected) {
    return new WebDriverWait(browser, Duration.ofSeconds(10))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .ignoring(org.openqa.selenium.NoSuchElementException.class)
        .until(
            d -> {
              String text;
              try {
                text = d.findElement(by).getText();
              } catch (org.openqa.selenium.WebDriverException e) {
                return readAgain(e);
              }
              return text.contains(expected) ? text : null;
            });
  }

  /**
   * Logs a citizen in on the page already open at {@code /login}: the phone, the code read from the
   * developer SMS outbox, the log-in button.
   */
  protected void logInAsCitizen(String phone) {
    type(By.id("phone"), phone);
    click(By.id("send-code"));
    if (!textOf(By.id("notice")).contains(Masking.phone(phone))) {
      throw new AssertionError("the log-in page did not say where the code went");
    }
    type(By.id("code"), codeFromDeveloperOutbox(phone));
    click(By.id("log-in"));
  }

  /** Reads the newest code sent to the phone from the developer outbox page, in another tab. */
  protected String codeFromDeveloperOutbox(String phone) {
    String loginWindow = browser.getWindowHandle();
    browser.switchTo().newWindow(WindowType.TAB);
    open("/dev/sms");
    String masked = Masking.phone(phone);
    String text =
        browser.findElements(By.cssSelector("tr.dev-sms-message")).stream()
            .filter(row -> row.findElement(By.className("dev-sms-phone")).getText().equals(masked))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no message to " + masked))
            .findElement(By.className("dev-sms-text"))
            .getText();
    browser.close();
    browser.switchTo().window(loginWindow);
    Matcher code = Pattern.compile("(\\d{6})").matcher(text);
    if (!code.find()) {
      throw new AssertionError("no code in the message to " + masked);
    }
    return code.group(1);
  }
}
