package org.suishen.walkthrough;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suishen.accounts.StaffClient;
import org.suishen.healthcode.HealthCodeIntegrationTest;
import org.suishen.natcode.NatFixtures;
import org.suishen.support.BrowserTest;
import org.suishen.support.TestStaffAccounts;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each kind of user walks from their home through every item of their menu and every page those
 * pages link to, on a phone (390x844) and a desktop (1366x900), in Chinese and in English (issue
 * 11): every page is HTML with a heading and the shell (home, language, log-out), none is a 404 or
 * a JSON answer, none shows an untranslated message key, and on the phone none is wider than the
 * screen. A screenshot of each page is written to {@code target/walkthrough/<role>/} for a reviewer
 * to look at.
 */
@HealthCodeIntegrationTest
class RoleWalkthroughBrowserIT extends BrowserTest {

  private static final List<Dimension> VIEWPORTS =
      List.of(new Dimension(390, 844), new Dimension(1366, 900));
  private static final List<String> LANGUAGES = List.of("zh_CN", "en");
  private static final Path SCREENSHOTS = Path.of("target", "walkthrough");

  /** A message key that reached the page: three or more dotted lower-case words. */
  private static final Pattern KEY =
      Pattern.compile("\\b[a-z][a-z0-9]*(\\.[a-z][a-z0-9-]*){2,}\\b");

  /** Pages linked from pages that a walk does not open: downloads, the API, actions. */
  private static final Pattern NOT_A_PAGE =
      Pattern.compile(
          "^/(api|v3|swagger-ui|actuator|dev)/.*|.*/print.*|.*\\.(pdf|svg|png)$|^/logout$");

  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Autowired JsonMapper json;

  NatFixtures fixtures;

  @BeforeEach
  void setUp() {
    fixtures = new NatFixtures(jdbc, clock, null, json);
  }

  record Walker(String role, String home, Runnable logIn) {}

  @Test
  void everyRoleFindsOnlyReadablePagesOnPhoneAndDesktopInBothLanguages() throws Exception {
    String household = NatFixtures.household();
    var mother = fixtures.resident("刘美玲", 32, household);
    var child = fixtures.resident("刘子轩", 5, household);
    String phone = org.suishen.citizen.CitizenTestSupport.randomPhone();

    List<Walker> walkers = new ArrayList<>();
    // first: the citizen is logged in by the set-up below (a second code at once would be "too
    // soon")
    walkers.add(new Walker("citizen", "/me", () -> {}));
    walkers.add(staff("administrator", StaffClient.ADMIN, StaffClient.ADMIN_PASSWORD));
    walkers.add(staff("auditor", TestStaffAccounts.AUDITOR, TestStaffAccounts.PASSWORD));
    walkers.add(staff("authority", TestStaffAccounts.AUTHORITY, TestStaffAccounts.PASSWORD));
    walkers.add(staff("reviewer", TestStaffAccounts.REVIEWER, TestStaffAccounts.PASSWORD));
    walkers.add(staff("sampler", TestStaffAccounts.SAMPLER, TestStaffAccounts.PASSWORD));
    walkers.add(staff("venue-staff", TestStaffAccounts.VENUE_STAFF, TestStaffAccounts.PASSWORD));
    walkers.add(staff("lab", TestStaffAccounts.LAB, TestStaffAccounts.PASSWORD));
    walkers.add(staff("sentinel", TestStaffAccounts.SENTINEL, TestStaffAccounts.PASSWORD));

    // the citizen has registered and has a dependant, so that every page has something to show
    open("/login");
    logInAsCitizen(phone);
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlContains("/me/register"));
    type(By.id("document-number"), mother.documentNumber());
    type(By.id("name"), mother.name());
    click(By.id("register"));
    textOf(By.id("registered-message"));
    open("/me/dependants");
    type(By.id("documentNumber"), child.documentNumber());
    type(By.id("name"), child.name());
    new org.openqa.selenium.support.ui.Select(visible(By.id("relationship")))
        .selectByValue("CHILD");
    click(By.id("bind-submit"));
    textOf(By.id("done"));

    // this run's screenshots only
    if (Files.isDirectory(SCREENSHOTS)) {
      try (var old = Files.walk(SCREENSHOTS)) {
        old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    var softly = new SoftAssertions();
    int pages = 0;
    for (Walker walker : walkers) {
      if (walker != walkers.getFirst()) {
        browser.manage().deleteAllCookies();
      }
      walker.logIn().run();
      for (Dimension viewport : VIEWPORTS) {
        for (String language : LANGUAGES) {
          browser.manage().window().setSize(viewport);
          open(walker.home() + "?lang=" + language);
          pages += walk(walker, viewport, language, softly);
        }
      }
    }
    // eight kinds of user, two viewports, two languages: at least home and one page each
    assertThat(pages).isGreaterThanOrEqualTo(8 * 4 * 2);
    softly.assertAll();
  }

  private Walker staff(String role, String login, String password) {
    return new Walker(
        role,
        "/staff",
        () -> {
          open("/staff/login");
          type(By.id("username"), login);
          type(By.id("password"), password);
          click(By.id("login-submit"));
          new WebDriverWait(browser, Duration.ofSeconds(10))
              .until(ExpectedConditions.urlToBe(url("/staff")));
        });
  }

  /** Home, its menu, and what those pages link to (once each); returns how many pages it saw. */
  private int walk(Walker walker, Dimension viewport, String language, SoftAssertions softly)
      throws Exception {
    Set<String> seen = new LinkedHashSet<>();
    List<String> queue = new ArrayList<>(List.of(walker.home()));
    for (int depth = 0; depth < 3 && !queue.isEmpty(); depth++) {
      List<String> next = new ArrayList<>();
      for (String path : queue) {
        if (!seen.add(path)) {
          continue;
        }
        open(path);
        check(walker, viewport, language, path, softly);
        for (String link : linksInMain()) {
          if (!seen.contains(link) && !next.contains(link)) {
            next.add(link);
          }
        }
      }
      queue = next;
    }
    return seen.size();
  }

  /** Same-site page links in the page's main part (the header's own links are checked apart). */
  private List<String> linksInMain() {
    List<String> links = new ArrayList<>();
    for (var a : browser.findElements(By.cssSelector("main a[href]"))) {
      String href = a.getDomAttribute("href");
      if (href == null || !href.startsWith("/") || href.startsWith("//")) {
        continue;
      }
      String path = href.replaceFirst("#.*$", "");
      if (path.isEmpty() || NOT_A_PAGE.matcher(path.replaceFirst("\\?.*$", "")).matches()) {
        continue;
      }
      // a language switch or a paging cursor is the same page
      if (path.contains("lang=") || path.contains("before=") || path.contains("page=")) {
        continue;
      }
      links.add(path);
    }
    return links;
  }

  private void check(
      Walker walker, Dimension viewport, String language, String path, SoftAssertions softly)
      throws Exception {
    String what =
        walker.role() + " " + viewport.width + "x" + viewport.height + " " + language + " " + path;
    var js = (JavascriptExecutor) browser;
    softly
        .assertThat(js.executeScript("return document.contentType"))
        .as(what)
        .isEqualTo("text/html");
    softly
        .assertThat(browser.findElements(By.id("refused")))
        .as(what + ": an error page (" + errorCode() + ")")
        .isEmpty();
    softly.assertThat(browser.findElements(By.tagName("h1"))).as(what + ": h1").isNotEmpty();
    softly.assertThat(browser.findElements(By.id("nav-home"))).as(what + ": home").hasSize(1);
    softly.assertThat(browser.findElements(By.id("nav-logout"))).as(what + ": log-out").hasSize(1);
    softly.assertThat(browser.findElements(By.id("lang-en"))).as(what + ": language").hasSize(1);
    String lang = (String) js.executeScript("return document.documentElement.lang");
    softly
        .assertThat(lang)
        .as(what + ": html lang")
        .isEqualTo(language.equals("en") ? "en" : "zh-CN");
    // the words a person reads, without the ids and keys kept for auditors in <code> and the names
    // marked translate="no" (logins such as browser.locked.f8054370 are data, not keys)
    String text =
        (String)
            js.executeScript(
                "var b = document.body.cloneNode(true);"
                    + "b.querySelectorAll('code, script, style, [hidden], [translate=no]').forEach(function (e) { e.remove(); });"
                    + "return b.innerText;");
    softly.assertThat(text).as(what + ": untranslated message").doesNotContain("??");
    Matcher key = KEY.matcher(text);
    List<String> keys = new ArrayList<>();
    while (key.find()) {
      keys.add(key.group());
    }
    softly.assertThat(keys).as(what + ": message keys shown as text").isEmpty();
    if (viewport.width < 500) {
      Number overflow =
          (Number)
              js.executeScript(
                  "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
      softly
          .assertThat(overflow.intValue())
          .as(what + ": wider than the phone")
          .isLessThanOrEqualTo(1);
    }
    screenshot(walker.role(), viewport, language, path);
  }

  private String errorCode() {
    var codes = browser.findElements(By.id("error-code"));
    return codes.isEmpty() ? "" : codes.getFirst().getText();
  }

  private void screenshot(String role, Dimension viewport, String language, String path)
      throws Exception {
    String slug = path.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "");
    Path file =
        SCREENSHOTS
            .resolve(role)
            .resolve(
                String.format(
                    Locale.ROOT,
                    "%dx%d-%s-%s.png",
                    viewport.width,
                    viewport.height,
                    language,
                    slug.isEmpty() ? "home" : slug));
    Files.createDirectories(file.getParent());
    Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }
}
