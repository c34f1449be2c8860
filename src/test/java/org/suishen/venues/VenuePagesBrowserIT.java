package org.suishen.venues;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.suishen.healthcode.HealthCodeIntegrationTest;
import org.suishen.natcode.NatFixtures;
import org.suishen.natcode.NatFixtures.Resident;
import org.suishen.status.StatusFacts;
import org.suishen.support.BrowserTest;
import org.suishen.support.MutableClock;
import org.suishen.support.TestStaffAccounts;
import tools.jackson.databind.json.JsonMapper;

/**
 * The venue side's pages in Chromium (issue 14): the sentinel's screen at a mall asking green and a
 * 48 h negative decides every credential and the authority's trace page finds the passages with a
 * case; with the network cut the sentinel keeps deciding what it can prove, queues, survives a
 * reload and uploads each passage once; a citizen scans the poster and the venue staff's desk
 * checks a code and counts, never naming anyone.
 */
@HealthCodeIntegrationTest
class VenuePagesBrowserIT extends BrowserTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired MutableClock clock;
  @Autowired StatusFacts facts;

  NatFixtures people;
  DoorFacts door;
  VenueFixtures venues;
  String mall;

  @BeforeEach
  void aMallAskingGreenAndA48HourNegative() throws Exception {
    people = new NatFixtures(jdbc, clock, mvc, json);
    door = new DoorFacts(facts, jdbc, clock, mvc, people);
    venues = new VenueFixtures(mvc, json);
    mall = venues.mallAskingGreenAndA48HourNegative();
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  // ---------------------------------------------------------------- people and their facts

  long passages(String where) {
    return jdbc.sql("SELECT count(*) FROM passage WHERE venue_id = ?::uuid" + where)
        .param(mall)
        .query(Long.class)
        .single();
  }

  // ---------------------------------------------------------------- the browser

  WebDriverWait waiting() {
    return new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  void waitForAttribute(By by, String attribute, String value) {
    waiting()
        .ignoring(StaleElementReferenceException.class)
        .until(ExpectedConditions.attributeToBe(by, attribute, value));
  }

  void logInAs(String login) {
    open("/staff/login");
    type(By.id("username"), login);
    type(By.id("password"), TestStaffAccounts.PASSWORD);
    click(By.id("login-submit"));
    waiting().until(ExpectedConditions.urlToBe(url("/staff")));
  }

  void logOut() {
    open("/staff");
    click(By.id("logout"));
    // the next log-in must not start before the session has ended (else /staff/login, still
    // signed in, goes on to /staff): the log-out lands on another page
    waiting().until(d -> !url("/staff").equals(d.getCurrentUrl()));
  }

  void atTheDoor() {
    logInAs(TestStaffAccounts.SENTINEL);
    assertThat(textOf(By.id("menu-sentinel"))).isEqualTo("数字哨兵");
    click(By.id("menu-sentinel"));
    waitForAttribute(By.id("sentinel"), "data-ready", "true");
    waitForAttribute(By.id("sentinel"), "data-feeds", "cached");
    assertThat(textOf(By.id("venue-name"))).isEqualTo("正大广场");
    assertThat(textOf(By.id("venue-rule"))).contains("绿码").contains("48");
  }

  /** The scanner types the code into the focused field and presses Enter; the answer comes. */
  void present(String token) {
    int before = answers();
    visible(By.id("code-input")).sendKeys(token + Keys.ENTER);
    waiting().until(d -> answers() > before);
  }

  int answers() {
    Object n =
        ((JavascriptExecutor) browser)
            .executeScript(
                "var el = document.getElementById('decision');"
                    + " return el.getAttribute('data-outcome') === 'checking' ? -1"
                    + " : Number(el.getAttribute('data-count') || 0);");
    return n == null ? 0 : ((Number) n).intValue();
  }

  void cardRead(Resident who) {
    int before = answers();
    ((JavascriptExecutor) browser)
        .executeScript(
            "window.SuishenSentinel.cardRead({documentType: 'RESIDENT_ID', documentNumber:"
                + " arguments[0], name: arguments[1]});",
            who.documentNumber(),
            who.name());
    waiting().until(d -> answers() > before);
  }

  String decision(String attribute) {
    return browser.findElement(By.id("decision")).getDomAttribute(attribute);
  }

  void cutTheNetwork() {
    var conditions = new ChromiumNetworkConditions();
    conditions.setOffline(true);
    ((ChromiumDriver) browser).setNetworkConditions(conditions);
  }

  // ---------------------------------------------------------------- the tests

  @Test
  void theMallsSentinelDecidesEveryCredentialAndTheAuthorityTracesThePassages() throws Exception {
    var recent = people.resident("王建国", 40, null);
    door.negative(recent, Duration.ofHours(24));
    var stale = people.resident("李秀梅", 35, null);
    door.negative(stale, Duration.ofHours(72));
    var exposed = people.resident("赵志强", 30, null);
    door.negative(exposed, Duration.ofHours(20));
    door.yellow(exposed);
    String household = NatFixtures.household();
    var mother = people.resident("陈丽华", 36, household);
    var child = people.resident("陈小宝", 6, household);
    door.negative(child, Duration.ofHours(30));
    people.bind(mother, child);
    var carded = people.resident("周伟", 50, null);
    door.negative(carded, Duration.ofHours(10));
    var elder = people.resident("张秀英", 75, null);
    String paper = door.paperCode(elder);

    atTheDoor();

    present(people.liveCode(recent));
    assertThat(decision("data-outcome")).isEqualTo("admitted");
    assertThat(decision("data-gate")).isEqualTo("OPEN");
    assertThat(textOf(By.id("decision-verdict"))).isEqualTo("请通行");
    assertThat(textOf(By.id("decision-name"))).startsWith("王*国");
    assertThat(textOf(By.id("decision-colour"))).isEqualTo("绿码");
    assertThat(textOf(By.id("decision-test"))).startsWith("最近阴性采样：");

    present(people.liveCode(stale));
    assertThat(decision("data-outcome")).isEqualTo("refused");
    assertThat(decision("data-gate")).isEqualTo("CLOSED");
    assertThat(textOf(By.id("decision-verdict"))).isEqualTo("禁止通行");
    assertThat(textOf(By.id("decision-reason"))).contains("核酸检测记录");
    assertThat(decision("data-reason")).isEqualTo("no-recent-test");

    present(people.liveCode(exposed));
    assertThat(decision("data-reason")).isEqualTo("colour-not-admitted");
    assertThat(textOf(By.id("decision-colour"))).isEqualTo("黄码");
    assertThat(textOf(By.id("decision-reason"))).contains("码色不符合");

    present(people.proxyCode(mother, child));
    assertThat(decision("data-outcome")).isEqualTo("admitted");
    assertThat(textOf(By.id("decision-name"))).startsWith("陈*宝").contains("陈*华 出示");

    cardRead(carded);
    assertThat(decision("data-outcome")).isEqualTo("admitted");
    assertThat(textOf(By.id("decision-name"))).startsWith("周*");

    present(paper);
    assertThat(decision("data-reason")).isEqualTo("offline-needs-staff-check");
    assertThat(textOf(By.id("decision-reason"))).contains("工作人员核对身份证");

    // a forged code: refused on the screen, nothing in the log
    String forged = people.liveCode(recent);
    present(
        forged.substring(0, 40) + (forged.charAt(40) == '0' ? '1' : '0') + forged.substring(41));
    assertThat(decision("data-outcome")).isEqualTo("refused");
    assertThat(decision("data-reason")).isEqualTo("invalid");

    // every decision about a person is in the log; the paper code at a sentinel names nobody for
    // sure (whoever holds the paper can show it): its passage is the staff's check with the card
    assertThat(
            jdbc.sql("SELECT credential || ':' || reason FROM passage WHERE venue_id = ?::uuid")
                .param(mall)
                .query(String.class)
                .list())
        .containsExactlyInAnyOrder(
            "LIVE:admitted",
            "LIVE:no-recent-test",
            "LIVE:colour-not-admitted",
            "PROXY:admitted",
            "ID_CARD:admitted");
    assertThat(passages(" AND admitted")).isEqualTo(3);
    assertThat(textOf(By.id("queue-length"))).isEqualTo("0");
    logOut();

    // the authority: where the admitted man went, then who else passed the mall, with the case
    logInAs(TestStaffAccounts.AUTHORITY);
    click(By.id("menu-traces"));
    assertThat(textOf(By.tagName("h1"))).isEqualTo("通行记录查询");
    type(By.id("document-number"), recent.documentNumber());
    String caseRef = "PD-BR-" + Long.toString(System.nanoTime(), 36).toUpperCase();
    type(By.id("case-ref"), caseRef);
    click(By.id("trace-submit"));
    // no legal basis: refused with its reason, nothing shown
    assertThat(textOf(By.id("trace-error"))).contains("法律依据");
    assertThat(browser.findElement(By.id("trace-error")).getDomAttribute("data-code"))
        .isEqualTo("venues.trace.legal-basis-required");
    type(By.id("legal-basis"), "《传染病防治法》第十二条 流行病学调查");
    click(By.id("trace-submit"));
    waitForText(By.id("trace-count"), "1");
    assertThat(textOf(By.id("trace-rows"))).contains("正大广场").contains("王建国");
    click(By.cssSelector("#trace-rows button.venue-trace"));
    waitForText(By.id("trace-count"), "5");
    String rows = textOf(By.id("trace-rows"));
    assertThat(rows).contains("王建国", "李秀梅", "赵志强", "陈小宝", "周伟", "数字哨兵");

    // a busy venue's month comes a thousand at a time, the next ones appended on request
    jdbc.sql(
            "INSERT INTO passage (passed_at, id, venue_id, provenance, recorded_by, credential,"
                + " admitted, reason) SELECT (SELECT max(passed_at) FROM passage WHERE venue_id ="
                + " ?::uuid) - i * interval '1 millisecond', gen_random_uuid(), ?::uuid,"
                + " 'SENTINEL', 'device:test-sentinel', 'ID_CARD', false, 'unknown'"
                + " FROM generate_series(1, 1000) i")
        .params(mall, mall)
        .update();
    click(By.id("trace-submit"));
    waitForText(By.id("trace-count"), "1000");
    assertThat(visible(By.id("trace-more-follow")).getText()).contains("导出 CSV");
    click(By.id("trace-more"));
    waitForText(By.id("trace-count"), "1005");
    assertThat(browser.findElement(By.id("trace-more")).isDisplayed()).isFalse();
    assertThat(textOf(By.id("trace-rows"))).contains("王建国", "周伟");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action IN"
                        + " ('venues.trace.person', 'venues.trace.venue') AND reason LIKE ?")
                .param("%" + caseRef + "%")
                .query(Long.class)
                .single())
        .isEqualTo(4);
  }

  @Test
  void withTheNetworkCutTheSentinelKeepsDecidingAndUploadsEachPassageOnce() throws Exception {
    var green = people.resident("吴晓东", 33, null);
    var exposed = people.resident("郑海燕", 29, null);
    door.yellow(exposed);
    var carded = people.resident("冯志明", 45, null);
    atTheDoor();
    waitForAttribute(By.id("sentinel"), "data-offline-ready", "true");
    long pageLoaded = System.nanoTime();
    String greenCode = people.liveCode(green);
    String yellowCode = people.liveCode(exposed);

    cutTheNetwork();
    present(greenCode);
    waitForAttribute(By.id("net-state"), "data-state", "offline");
    assertThat(textOf(By.id("net-state"))).contains("离线");
    // proved alone: signature and colour at issue; the test window is checked nowhere offline
    assertThat(decision("data-outcome")).isEqualTo("admitted");
    assertThat(decision("data-offline")).isEqualTo("true");
    assertThat(textOf(By.id("decision-offline"))).isEqualTo("离线判定");
    assertThat(textOf(By.id("decision-colour"))).isEqualTo("绿码");
    assertThat(textOf(By.id("queue-length"))).isEqualTo("1");

    present(yellowCode);
    assertThat(decision("data-reason")).isEqualTo("colour-not-admitted");
    assertThat(textOf(By.id("queue-length"))).isEqualTo("2");

    // forged: the signature does not verify with the cached key; not queued (it names nobody)
    present(
        greenCode.substring(0, 40)
            + (greenCode.charAt(40) == '0' ? '1' : '0')
            + greenCode.substring(41));
    assertThat(decision("data-reason")).isEqualTo("invalid");
    assertThat(textOf(By.id("queue-length"))).isEqualTo("2");

    // an ID card offline: this mall refuses it (its setting), recorded as refused
    cardRead(carded);
    assertThat(decision("data-reason")).isEqualTo("id-card-offline");
    assertThat(textOf(By.id("decision-reason"))).contains("不接受身份证");
    assertThat(textOf(By.id("queue-length"))).isEqualTo("3");
    assertThat(passages("")).isZero();

    // reloaded while offline: the service worker serves the kept page, the queue is still there
    browser.navigate().refresh();
    waitForAttribute(By.id("sentinel"), "data-ready", "true");
    assertThat(browser.findElement(By.id("sentinel")).getDomAttribute("data-page-fresh"))
        .isEqualTo("false");
    assertThat(textOf(By.id("queue-length"))).isEqualTo("3");
    assertThat(textOf(By.id("venue-name"))).isEqualTo("正大广场");

    // the network is back: uploaded, each passage once, as the device decided it
    clock.advance(Duration.ofNanos(System.nanoTime() - pageLoaded));
    ((ChromiumDriver) browser).deleteNetworkConditions();
    waitForText(By.id("queue-length"), "0");
    waitForAttribute(By.id("net-state"), "data-state", "online");
    assertThat(passages("")).isEqualTo(3);
    assertThat(passages(" AND offline")).isEqualTo(3);
    assertThat(passages(" AND admitted AND person_id = '" + green.id() + "'")).isEqualTo(1);
    assertThat(
            passages(" AND reason = 'colour-not-admitted' AND person_id = '" + exposed.id() + "'"))
        .isEqualTo(1);
    assertThat(passages(" AND reason = 'id-card-offline' AND person_id = '" + carded.id() + "'"))
        .isEqualTo(1);

    // reloaded online: nothing is sent twice
    browser.navigate().refresh();
    waitForAttribute(By.id("sentinel"), "data-ready", "true");
    waitForAttribute(By.id("sentinel"), "data-feeds", "cached");
    assertThat(textOf(By.id("queue-length"))).isEqualTo("0");
    assertThat(passages("")).isEqualTo(3);
  }

  @Test
  void aCitizenScansThePosterAndTheStaffDeskChecksAndCountsWithoutNames() throws Exception {
    var visitor = people.resident("孙丽娟", 31, null);
    door.negative(visitor, Duration.ofHours(12));
    var late = people.resident("钱伟", 44, null);
    String venueCode =
        jdbc.sql("SELECT venue_code FROM venue WHERE id = ?::uuid")
            .param(mall)
            .query(String.class)
            .single();

    // the poster opens this page on her phone: the venue first, the passage on one tap
    open("/login/test-support/citizen?person=" + visitor.id());
    open("/me/venue/" + venueCode);
    assertThat(textOf(By.id("venue-name"))).isEqualTo("正大广场");
    assertThat(passages("")).isZero();
    click(By.id("self-confirm"));
    assertThat(textOf(By.id("self-colour"))).isEqualTo("绿码");
    assertThat(textOf(By.id("self-verdict"))).isEqualTo("符合本场所通行要求");
    assertThat(textOf(By.id("self-test"))).startsWith("最近阴性采样：");
    assertThat(textOf(By.id("self-recorded"))).startsWith("已登记：");
    assertThat(passages(" AND provenance = 'SELF_SCAN'")).isEqualTo(1);
    // an unknown or rotated code says so
    open("/me/venue/NOSUCHCODE");
    assertThat(textOf(By.id("self-unknown"))).contains("场所码无效");

    // the venue's staff: a code checked with the phone, the day's counts, the poster
    String lateCode = people.liveCode(late);
    browser.manage().deleteAllCookies();
    logInAs(TestStaffAccounts.VENUE_STAFF);
    click(By.id("menu-venue"));
    assertThat(textOf(By.tagName("h1"))).isEqualTo("正大广场");
    visible(By.id("check-input")).sendKeys(lateCode + Keys.ENTER);
    assertThat(textOf(By.id("decision-reason"))).contains("核酸检测记录");
    assertThat(browser.findElement(By.id("decision")).getDomAttribute("data-outcome"))
        .isEqualTo("refused");
    assertThat(textOf(By.id("count-admitted"))).isEqualTo("1");
    assertThat(textOf(By.id("count-refused"))).isEqualTo("1");
    assertThat(textOf(By.id("count-self"))).isEqualTo("1");
    assertThat(textOf(By.id("count-staff"))).isEqualTo("1");
    assertThat(textOf(By.id("counts"))).doesNotContain("孙").doesNotContain("钱");
    assertThat(visible(By.id("poster-pdf")).getDomProperty("href")).endsWith("/poster.pdf");
    assertThat(textOf(By.id("venue-code"))).isEqualTo(venueCode);

    // the code rotated: the old poster stops working
    click(By.id("rotate"));
    browser.switchTo().alert().accept();
    assertThat(textOf(By.id("rotated"))).contains("已更换");
    assertThat(textOf(By.id("venue-code"))).isNotEqualTo(venueCode);
  }
}
