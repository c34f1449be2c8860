package org.suishen.offlinecode;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.suishen.healthcode.HealthCodeIntegrationTest;
import org.suishen.natcode.NatFixtures;
import org.suishen.natcode.NatFixtures.Resident;
import org.suishen.status.StatusFacts;
import org.suishen.status.TestOutcome;
import org.suishen.status.TestResultFact;
import org.suishen.support.BrowserTest;
import org.suishen.support.MutableClock;
import org.suishen.support.TestStaffAccounts;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a 75-year-old sees at the kiosk (seed 003) and what the venue staff see when they check the
 * printed code (O9): card on the reader, name and photo to confirm, apply, the sheet printed; the
 * sheet's QR checked on the staff page; a reissue the next day voids the first print; a kiosk left
 * alone clears its screen. The idle timeout is short here so that the test need not wait 90 s.
 */
@HealthCodeIntegrationTest
@TestPropertySource(properties = "suishen.offline-code.kiosk.idle-timeout=12s")
class KioskBrowserIT extends BrowserTest {

  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired JsonMapper json;
  @Autowired StatusFacts facts;

  NatFixtures people;

  @BeforeEach
  void setUp() {
    people = new NatFixtures(jdbc, clock, null, json);
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  void logInAs(String login) {
    browser.manage().deleteAllCookies();
    open("/staff/login");
    type(By.id("username"), login);
    type(By.id("password"), TestStaffAccounts.PASSWORD);
    click(By.id("login-submit"));
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlToBe(url("/staff")));
  }

  void waitForScreen(String screen) {
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> screen.equals(d.findElement(By.id("kiosk")).getDomAttribute("data-screen")));
  }

  /** At the kiosk: the card on the reader (the reader's demo adapter), then name and photo. */
  void cardOnTheReader(Resident who) {
    click(By.id("login-card"));
    type(By.id("card-number"), who.documentNumber());
    type(By.id("card-name"), who.name());
    click(By.id("card-read"));
    waitForScreen("confirm");
  }

  /** The PDF the print frame loaded, fetched again by the page with the kiosk's session. */
  byte[] printed() {
    var frame = visible(By.id("print-frame"));
    String src = frame.getDomProperty("src");
    assertThat(src).contains("/offline-code.pdf");
    Object base64 =
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0], {credentials: 'same-origin'})"
                    + ".then(function (r) { return r.arrayBuffer(); })"
                    + ".then(function (b) { var s = ''; var a = new Uint8Array(b);"
                    + " for (var i = 0; i < a.length; i++) { s += String.fromCharCode(a[i]); }"
                    + " done(btoa(s)); })",
                src);
    return Base64.getDecoder().decode((String) base64);
  }

  /** On the venue staff's phone page: scan (a keyboard-wedge scanner types and presses Enter). */
  void staffCheck(String token) {
    logInAs(TestStaffAccounts.VENUE_STAFF);
    open("/scan/offline-code");
    type(By.id("check-input"), token + Keys.ENTER);
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> !d.findElement(By.id("check-result")).getDomAttribute("data-state").isEmpty());
  }

  String checkState() {
    return browser.findElement(By.id("check-result")).getDomAttribute("data-state");
  }

  @Test
  void anElderAppliesAtTheKioskAndVenueStaffCheckThePrintedCode() throws Exception {
    var elder = people.resident("张秀英", 75, null);
    // the elder had a negative test yesterday afternoon
    facts.recordResults(
        java.util.List.of(
            new TestResultFact(
                elder.id(),
                clock.instant().minus(Duration.ofHours(20)),
                true,
                TestOutcome.NEGATIVE,
                clock.instant().minus(Duration.ofHours(12)))));

    logInAs(TestStaffAccounts.KIOSK);
    open("/kiosk");
    assertThat(textOf(By.tagName("h1"))).isEqualTo("离线随申码自助办理");
    cardOnTheReader(elder);
    assertThat(textOf(By.id("confirm-name"))).isEqualTo("张*英");
    assertThat(textOf(By.id("confirm-document"))).doesNotContain(elder.documentNumber());
    assertThat(browser.getPageSource())
        .doesNotContain("张秀英的")
        .doesNotContain(elder.documentNumber());
    assertThat(visible(By.id("confirm-wrong")).getText()).isEqualTo("信息有误");
    click(By.id("confirm-ok"));
    waitForScreen("menu");
    assertThat(textOf(By.id("menu-state"))).isEqualTo("尚未申领离线随申码");
    click(By.id("op-apply"));
    assertThat(textOf(By.id("printing"))).contains("请取走您的离线随申码");
    assertThat(textOf(By.id("menu-state"))).startsWith("离线随申码有效");
    String token = NatFixtures.qrOf(printed());
    assertThat(token).startsWith("SSC:");

    // the venue staff's phone: valid, green, the negative within 48 h, check the ID card
    staffCheck(token);
    assertThat(checkState()).isEqualTo("VALID");
    assertThat(textOf(By.id("check-verdict"))).isEqualTo("离线随申码有效");
    assertThat(textOf(By.id("check-colour"))).isEqualTo("绿码");
    assertThat(textOf(By.id("check-name"))).isEqualTo("张*英");
    assertThat(textOf(By.id("check-negative"))).contains("最近一次阴性结果").contains("48 小时内有阴性结果");
    assertThat(textOf(By.id("check-reminder"))).contains("身份证");
    assertThat(visible(By.id("check-watermark")).getDomAttribute("data-watermark"))
        .contains("·")
        .doesNotContain(TestStaffAccounts.VENUE_STAFF);

    // the same day, no reissue; the next day it works, and the first print is void
    logInAs(TestStaffAccounts.KIOSK);
    open("/kiosk");
    cardOnTheReader(elder);
    click(By.id("confirm-ok"));
    waitForScreen("menu");
    click(By.id("op-reissue"));
    assertThat(textOf(By.id("kiosk-message"))).contains("每人每天只能申领或补领一次");
    clock.advance(Duration.ofDays(1));
    click(By.id("op-reissue"));
    // a day without a touch: the session is over, and the screen says so
    assertThat(textOf(By.id("kiosk-message"))).contains("本次办理已结束");
    waitForScreen("start");
    cardOnTheReader(elder);
    click(By.id("confirm-ok"));
    waitForScreen("menu");
    click(By.id("op-reissue"));
    assertThat(textOf(By.id("printing"))).contains("请取走您的离线随申码");
    String reissued = NatFixtures.qrOf(printed());
    assertThat(reissued).isNotEqualTo(token);

    staffCheck(token);
    assertThat(checkState()).isEqualTo("VOID");
    assertThat(textOf(By.id("check-verdict"))).contains("已作废");
    assertThat(browser.findElement(By.id("check-name")).isDisplayed()).isFalse();
    staffCheck(reissued);
    assertThat(checkState()).isEqualTo("VALID");
  }

  @Test
  void theStaffWindowAndTheIdleTimeoutClearTheScreen() {
    var child = people.resident("陈小宝", 9, null);
    logInAs(TestStaffAccounts.BANK_KIOSK);
    open("/kiosk");
    assertThat(textOf(By.cssSelector(".kiosk-head .muted"))).isEqualTo("银行自助终端");
    cardOnTheReader(child);
    // the name is wrong to them: to the staff window, and signed out
    click(By.id("confirm-wrong"));
    waitForScreen("staff");
    assertThat(textOf(By.cssSelector("#screen-staff h2"))).isEqualTo("请到人工服务窗口办理");
    click(By.id("staff-done"));
    waitForScreen("start");
    assertThat(ended("SIGNED_OUT")).isEqualTo(1);

    // signed in, then left alone: the countdown shows, the screen clears, the server ends it
    cardOnTheReader(child);
    click(By.id("confirm-ok"));
    waitForScreen("menu");
    assertThat(textOf(By.id("kiosk-idle"))).contains("秒后无操作将自动退出");
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(d -> "start".equals(d.findElement(By.id("kiosk")).getDomAttribute("data-screen")));
    assertThat(textOf(By.id("kiosk-message"))).isEqualTo("长时间未操作，已自动退出。");
    assertThat(browser.findElement(By.id("confirm-name")).getText()).isEmpty();
    assertThat(browser.findElement(By.id("menu-person")).getDomProperty("textContent")).isEmpty();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> ended("SIGNED_OUT") == 2);
  }

  long ended(String endReason) {
    return jdbc.sql("SELECT count(*) FROM kiosk_session WHERE device = ? AND end_reason = ?")
        .param(TestStaffAccounts.BANK_KIOSK)
        .param(endReason)
        .query(Long.class)
        .single();
  }
}
