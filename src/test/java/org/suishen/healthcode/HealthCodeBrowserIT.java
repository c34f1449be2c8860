package org.suishen.healthcode;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suishen.support.BrowserTest;
import org.suishen.support.MutableClock;

/** What a citizen and a venue's staff see: the live code, and its scan. */
@HealthCodeIntegrationTest
class HealthCodeBrowserIT extends BrowserTest {

  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  /** Signs in as the person, opens the code page and returns the token its QR code carries. */
  String showCode(UUID personId) {
    browser.manage().deleteAllCookies();
    open("/login/test-support/citizen?person=" + personId);
    open("/me/code");
    var qr = visible(By.id("qr"));
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> !qr.getAttribute("data-token").isEmpty());
    assertThat(qr.findElements(By.tagName("svg"))).hasSize(1);
    return qr.getAttribute("data-token");
  }

  void scanAsVenueStaff(String payload) {
    browser.manage().deleteAllCookies();
    open("/login/test-support/staff?user=venue-gate-3&role=VENUE_STAFF");
    open("/scan");
    type(By.id("scan-location"), "徐汇区图书馆 东门");
    visible(By.id("scan-input")).sendKeys(payload + Keys.ENTER);
  }

  void waitForVerdict(String verdict) {
    try {
      new WebDriverWait(browser, Duration.ofSeconds(10))
          .until(ExpectedConditions.textToBe(By.id("decision-verdict"), verdict));
    } catch (RuntimeException e) {
      var reason = browser.findElement(By.id("decision-reason"));
      System.out.println(
          "DEBUG reason="
              + reason.getText()
              + " status="
              + reason.getAttribute("data-status")
              + " url="
              + browser.getCurrentUrl());
      throw e;
    }
  }

  @Test
  void theCodePageShowsAQrCodeThatStaffScanAndAccept() {
    var person = new HealthCodeFixtures(jdbc, clock).person();
    String token = showCode(person.id());
    assertThat(token).startsWith("SSC:");
    assertThat(textOf(By.id("colour-label"))).isEqualTo("绿码");
    assertThat(textOf(By.id("masked-name"))).isEqualTo("王*明");
    // no photo of this person on file: no empty frame to compare with, the ID card instead
    assertThat(textOf(By.id("no-photo"))).contains("照片库中没有本人照片", "身份证件");
    assertThat(browser.findElement(By.id("photo")).isDisplayed()).isFalse();
    assertThat(textOf(By.id("countdown"))).contains("秒后自动刷新");

    assertThat(visible(By.id("colour-band")).getCssValue("background-color"))
        .isEqualTo("rgba(26, 158, 75, 1)");
    // the watermark: the trace of this person's code reference and the time, tiled over the card
    var reference =
        jdbc.sql("SELECT person_ref FROM code_subject WHERE person_id = ? AND revoked_at IS NULL")
            .param(person.id())
            .query(java.util.UUID.class)
            .single();
    String trace = org.suishen.healthcode.internal.code.WatermarkTrace.of(reference);
    var watermark = browser.findElement(By.id("watermark"));
    assertThat(watermark.getAttribute("data-watermark")).startsWith(trace + " · ");
    assertThat(watermark.getCssValue("background-image"))
        .startsWith("url(\"data:image/svg+xml")
        .contains(trace);
    var card = visible(By.id("code-card"));
    // the whole card inside its 1px border
    assertThat(watermark.getSize().getWidth()).isEqualTo(card.getSize().getWidth() - 2);
    assertThat(watermark.getSize().getHeight()).isEqualTo(card.getSize().getHeight() - 2);
    assertThat(Integer.parseInt(visible(By.id("qr")).getCssValue("z-index")))
        .isGreaterThan(Integer.parseInt(watermark.getCssValue("z-index")));
    scanAsVenueStaff(token);

    waitForVerdict("有效");
    assertThat(textOf(By.id("decision-colour"))).isEqualTo("绿码");
    assertThat(textOf(By.id("decision-name"))).isEqualTo("王*明");
    assertThat(textOf(By.id("decision-document"))).isEqualTo(person.maskedDocument());
    // no photo of this person on file: the staff member checks the ID card, not an empty frame
    assertThat(textOf(By.id("decision-photo"))).isEqualTo("照片库中无此人照片：请核验其身份证件。");
    assertThat(visible(By.id("decision")).getCssValue("background-color"))
        .isEqualTo("rgba(26, 158, 75, 1)");
    assertThat(browser.findElement(By.id("camera-stop")).isDisplayed()).isFalse();
    assertThat(visible(By.id("scan-input")).getAttribute("value")).isEmpty();
  }

  /**
   * At peak the server answers 503 with Retry-After: the page says so in words, keeps the code it
   * has, and tries again by itself after a growing, randomised wait, never sooner than asked; once
   * served it shows the new code and the message goes.
   */
  @Test
  void aBusyServerIsToldPolitelyAndTriedAgainWithBackOff() {
    var person = new HealthCodeFixtures(jdbc, clock).person();
    String token = showCode(person.id());
    var js = (org.openqa.selenium.JavascriptExecutor) browser;
    // the next two answers are the overloaded server's; the page's own code makes the calls
    js.executeScript(
        "var real = window.fetch; window.__calls = []; var refusals = 2;"
            + "window.fetch = function (url, options) {"
            + "  window.__calls.push(Date.now());"
            + "  if (refusals-- > 0) {"
            + "    return Promise.resolve(new Response('{\"code\":\"server.busy\"}',"
            + "      {status: 503, headers: {'Retry-After': '1',"
            + "       'Content-Type': 'application/problem+json'}}));"
            + "  }"
            + "  return real(url, options);"
            + "};"
            + "window.dispatchEvent(new Event('online'));");
    var card = By.id("code-card");
    new WebDriverWait(browser, Duration.ofSeconds(5))
        .until(ExpectedConditions.attributeToBe(card, "data-failures", "1"));
    assertThat(textOf(By.id("code-error"))).contains("系统繁忙", "不是您的码有问题", "秒后自动重试");
    assertThat(browser.findElement(card).getAttribute("data-state")).isEqualTo("busy");
    long firstWait = Long.parseLong(browser.findElement(card).getAttribute("data-retry-in"));
    assertThat(firstWait).isBetween(1000L, 2000L);
    // the code already shown stays, as it was: never a blank card
    assertThat(browser.findElement(By.id("qr")).getAttribute("data-token")).isEqualTo(token);
    assertThat(browser.findElements(By.cssSelector("#qr svg"))).hasSize(1);

    new WebDriverWait(browser, Duration.ofSeconds(5))
        .until(ExpectedConditions.attributeToBe(card, "data-failures", "2"));
    long secondWait = Long.parseLong(browser.findElement(card).getAttribute("data-retry-in"));
    assertThat(secondWait).isBetween(1000L, 4000L);

    // served again: a fresh code, the message gone, the count of failures back to none
    new WebDriverWait(browser, Duration.ofSeconds(8))
        .until(ExpectedConditions.attributeToBe(card, "data-state", "shown"));
    assertThat(browser.findElement(card).getAttribute("data-failures")).isEqualTo("0");
    assertThat(browser.findElement(By.id("code-error")).isDisplayed()).isFalse();
    @SuppressWarnings("unchecked")
    var calls = (java.util.List<Number>) js.executeScript("return window.__calls");
    assertThat(calls).hasSizeGreaterThanOrEqualTo(3);
    // no storm: every retry waited at least what the server asked for
    for (int i = 1; i < 3; i++) {
      assertThat(calls.get(i).longValue() - calls.get(i - 1).longValue())
          .as("wait before try %d", i + 1)
          .isGreaterThanOrEqualTo(1000L);
    }
  }

  @Test
  void aScreenshotScannedTwoMinutesLaterIsRefusedAsExpired() {
    var person = new HealthCodeFixtures(jdbc, clock).person();
    String screenshot = showCode(person.id());
    clock.advance(Duration.ofMinutes(2));

    scanAsVenueStaff(screenshot);

    waitForVerdict("无效");
    assertThat(visible(By.id("decision-reason")).getAttribute("data-reason")).isEqualTo("expired");
    assertThat(textOf(By.id("decision-reason"))).contains("过期");
    assertThat(browser.findElement(By.id("decision-name")).getText()).isEmpty();
    assertThat(browser.findElement(By.id("decision-photo")).isDisplayed()).isFalse();
  }

  @Test
  void anAuthorityFeedTurnsAPersonRedAndTheNextScanShowsRed() throws Exception {
    var person = new HealthCodeFixtures(jdbc, clock).person();
    String token = showCode(person.id());
    // the health authority's feed: a quarantine order for the person, started yesterday
    String feed =
        "order_id,person_id,kind,starts_at\nQ-%s,%s,QUARANTINE,%s\n"
            .formatted(person.id(), person.id(), java.time.LocalDate.now(clock).minusDays(1));
    String officer =
        org.suishen.support.TestStaffAccounts.AUTHORITY
            + ":"
            + org.suishen.support.TestStaffAccounts.PASSWORD;
    try (var http = java.net.http.HttpClient.newHttpClient()) {
      var response =
          http.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create(url("/api/authority/feeds/orders")))
                  .header(
                      "Authorization",
                      "Basic "
                          + java.util.Base64.getEncoder()
                              .encodeToString(
                                  officer.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                  .header("Content-Type", "text/csv")
                  .POST(java.net.http.HttpRequest.BodyPublishers.ofString(feed))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    scanAsVenueStaff(token);

    waitForVerdict("有效");
    assertThat(textOf(By.id("decision-colour"))).isEqualTo("红码");
    assertThat(visible(By.id("decision")).getCssValue("background-color"))
        .isEqualTo("rgba(211, 47, 47, 1)");

    showCode(person.id());
    assertThat(textOf(By.id("colour-label"))).isEqualTo("红码");
    // the red code says why, since when, what to do next, the hotline and the way to appeal
    assertThat(textOf(By.id("status-explanation")))
        .contains("隔离观察中", "自 ", "医学管理措施", "12345", "我要申诉");
    assertThat(visible(By.id("code-appeal")).getAttribute("href")).contains("/me/appeals");
  }

  @Test
  void theScanPageSpeaksEnglishOnRequest() {
    scanAsVenueStaff("not a code");
    open("/scan?lang=en");
    visible(By.id("scan-input")).sendKeys("not a code" + Keys.ENTER);
    waitForVerdict("Not valid");
    assertThat(textOf(By.id("decision-reason"))).contains("Not recognised");
  }
}
