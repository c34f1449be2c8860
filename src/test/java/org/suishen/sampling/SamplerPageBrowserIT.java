package org.suishen.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.suishen.healthcode.HealthCodeIntegrationTest;
import org.suishen.natcode.NatFixtures;
import org.suishen.natcode.NatFixtures.Resident;
import org.suishen.sampling.internal.TubeBarcode;
import org.suishen.support.BrowserTest;
import org.suishen.support.MutableClock;
import org.suishen.support.TestStaffAccounts;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sampler's page at a table whose network goes away (issue 12): the sampler logs in, opens a
 * 5-person tube online, then Chromium's network is cut (DevTools network emulation); five people
 * are registered by NAT code and by typed number, checked on the device and queued in IndexedDB,
 * the offline state and the growing queue on screen; the next tube is opened offline and a typed
 * number with the wrong name is queued into it; the page is reloaded while still offline (the
 * service worker serves it, the queue survives); the network comes back, the queue uploads, the
 * server has every registration exactly once, and the wrong name is on the list to fix.
 */
@HealthCodeIntegrationTest
class SamplerPageBrowserIT extends BrowserTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired MutableClock clock;

  NatFixtures fixtures;
  String site;

  @BeforeEach
  void theSamplerWorksAtASite() throws Exception {
    fixtures = new NatFixtures(jdbc, clock, mvc, json);
    site = "BR-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    postJson(
        "/api/sampling/sites",
        Map.of(
            "code", site,
            "name", "田林街道采样点",
            "address", "徐汇区田林路 100 号",
            "district", "徐汇区",
            "street", "田林街道",
            "community", "田林十二村居委会"));
    postJson(
        "/api/sampling/sites/" + site + "/assignments", Map.of("login", TestStaffAccounts.SAMPLER));
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  void postJson(String path, Object body) throws Exception {
    mvc.perform(
            post(path)
                .with(httpBasic(TestStaffAccounts.AUTHORITY, TestStaffAccounts.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)))
        .andExpect(status().is2xxSuccessful());
  }

  WebDriverWait waiting() {
    return new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  void waitForAttribute(By by, String attribute, String value) {
    waiting()
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(ExpectedConditions.attributeToBe(by, attribute, value));
  }

  void waitForQueue(int length) {
    waiting()
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(ExpectedConditions.textToBe(By.id("queue-length"), String.valueOf(length)));
  }

  /** DevTools network emulation: Chromium behaves as if the network were gone. */
  void cutTheNetwork() {
    var conditions = new ChromiumNetworkConditions();
    conditions.setOffline(true);
    ((ChromiumDriver) browser).setNetworkConditions(conditions);
  }

  void scan(String payload) {
    var input = visible(By.id("code-input"));
    input.sendKeys(payload + Keys.ENTER);
  }

  void typeNumber(Resident person, String name) {
    type(By.id("document-number"), person.documentNumber());
    type(By.id("document-name"), name);
    click(By.id("document-submit"));
  }

  long registrationsOf(Resident person) {
    return jdbc.sql("SELECT count(*) FROM sampling_registration WHERE person_id = ?")
        .param(person.id())
        .query(Long.class)
        .single();
  }

  @Test
  void aFullTubeRegisteredOfflineReachesTheServerExactlyOnce() throws Exception {
    List<Resident> byCode =
        List.of(
            fixtures.resident("陈志强", 45, null),
            fixtures.resident("王小明", 30, null),
            fixtures.resident("刘美玲", 32, null));
    List<Resident> byNumber =
        List.of(fixtures.resident("赵丽华", 70, null), fixtures.resident("孙建国", 52, null));
    Resident misnamed = fixtures.resident("钱文静", 26, null);
    List<String> codes = new java.util.ArrayList<>();
    for (Resident person : byCode) {
      codes.add(fixtures.generate(person));
    }
    String tube = TubeBarcode.of(70_000_000_000L + System.nanoTime() % 1_000_000_000L).value();
    String next = TubeBarcode.of(80_000_000_000L + System.nanoTime() % 1_000_000_000L).value();

    // the sampler logs in with the staff form and finds the page on the home page
    open("/staff/login");
    type(By.id("username"), TestStaffAccounts.SAMPLER);
    type(By.id("password"), TestStaffAccounts.PASSWORD);
    click(By.id("login-submit"));
    waiting().until(ExpectedConditions.urlToBe(url("/staff")));
    assertThat(textOf(By.id("menu-sampling"))).isEqualTo("采样登记");
    click(By.id("menu-sampling"));
    long pageLoaded = System.nanoTime();
    waitForAttribute(By.id("sampling-table"), "data-ready", "true");
    assertThat(textOf(By.tagName("h1"))).isEqualTo("采样登记");
    assertThat(textOf(By.id("site-name"))).isEqualTo("田林街道采样点");
    assertThat(textOf(By.id("net-state"))).isEqualTo("在线");
    // keys and revocation lists cached, the page kept by the service worker: ready for offline
    waitForAttribute(By.id("sampling-table"), "data-feeds", "cached");
    waitForAttribute(By.id("sampling-table"), "data-offline-ready", "true");

    // online: the tube is opened on the server
    openTubeOnThePage(tube, 5);
    assertThat(textOf(By.id("tube-fill"))).isEqualTo("0 / 5");
    assertThat(
            jdbc.sql("SELECT capacity FROM tube WHERE barcode = ?")
                .param(tube)
                .query(Integer.class)
                .single())
        .isEqualTo(5);

    // the network goes: the page says so and keeps registering
    cutTheNetwork();
    waitForAttribute(By.id("net-state"), "data-state", "offline");
    assertThat(textOf(By.id("net-state"))).contains("离线");
    int queued = 0;
    for (String code : codes) {
      scan(code);
      waitForQueue(++queued);
      waitForAttribute(By.id("result"), "data-outcome", "queued");
      assertThat(textOf(By.id("tube-fill"))).isEqualTo(queued + " / 5");
    }
    // a code whose signature does not verify is refused on the device, and not queued
    String genuine = codes.getFirst();
    scan(
        genuine.substring(0, 40) + (genuine.charAt(40) == '0' ? '1' : '0') + genuine.substring(41));
    waitForAttribute(By.id("result"), "data-outcome", "refused");
    assertThat(textOf(By.id("queue-length"))).isEqualTo("3");
    typeNumber(byNumber.get(0), byNumber.get(0).name());
    waitForQueue(++queued);
    // a typed number with the wrong name: offline nobody can tell, so it fills the tube
    typeNumber(misnamed, "钱文斌");
    waitForQueue(++queued);
    assertThat(textOf(By.id("result-name"))).isEqualTo("钱*斌 " + maskedNumber(misnamed));
    assertThat(textOf(By.id("tube-fill"))).isEqualTo("5 / 5");
    assertThat(textOf(By.id("tube-state"))).contains("已满");
    // nothing reached the server meanwhile
    assertThat(tubeRegistrations(tube)).isZero();

    // the next tube, opened offline, and the next person typed into it
    type(By.id("tube-barcode"), next);
    click(By.id("capacity-5"));
    click(By.id("tube-open"));
    waitForQueue(++queued);
    typeNumber(byNumber.get(1), byNumber.get(1).name());
    waitForQueue(++queued);
    assertThat(textOf(By.id("result-name"))).isEqualTo("孙*国 " + maskedNumber(byNumber.get(1)));
    assertThat(textOf(By.id("tube-fill"))).isEqualTo("1 / 5");

    // reloaded while offline: the service worker serves the kept page, the queue is still there
    browser.navigate().refresh();
    waitForAttribute(By.id("sampling-table"), "data-ready", "true");
    assertThat(browser.findElement(By.id("sampling-table")).getDomAttribute("data-page-fresh"))
        .isEqualTo("false");
    assertThat(textOf(By.id("page-copy"))).isEqualTo("离线副本");
    assertThat(textOf(By.id("net-state"))).contains("离线");
    assertThat(textOf(By.id("queue-length"))).isEqualTo(String.valueOf(queued));
    assertThat(textOf(By.id("tube-fill"))).isEqualTo("1 / 5");
    assertThat(tubeRegistrations(tube)).isZero();

    // the server's clock moves as the device's did (the test clock stands still otherwise)
    clock.advance(Duration.ofNanos(System.nanoTime() - pageLoaded));
    ((ChromiumDriver) browser).deleteNetworkConditions();
    waitForQueue(0);
    waitForAttribute(By.id("net-state"), "data-state", "online");

    // every registration on the server, exactly once
    for (Resident person : byCode) {
      assertThat(registrationsOf(person)).as(person.name()).isEqualTo(1);
    }
    for (Resident person : byNumber) {
      assertThat(registrationsOf(person)).as(person.name()).isEqualTo(1);
    }
    assertThat(registrationsOf(misnamed)).isZero();
    // the wrong name left the first tube one short: open on the server, not full
    assertThat(tubeRegistrations(tube)).isEqualTo(4);
    assertThat(tubeSealed(tube)).isFalse();
    assertThat(
            jdbc.sql("SELECT DISTINCT sampler FROM sampling_registration WHERE tube_barcode = ?")
                .param(tube)
                .query(String.class)
                .list())
        .containsExactly(TestStaffAccounts.SAMPLER);
    // the tube opened offline exists with its one; the wrong name is on the list to fix, with why
    assertThat(tubeRegistrations(next)).isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT site_code FROM tube WHERE barcode = ?")
                .param(next)
                .query(String.class)
                .single())
        .isEqualTo(site);
    waitForText(By.id("fix-count"), "1");
    String fix = textOf(By.id("fix-list"));
    assertThat(fix).contains("钱*斌", tube, "证件号码与姓名不匹配");
    assertThat(browser.findElement(By.cssSelector("#fix-list li")).getDomAttribute("data-code"))
        .isEqualTo("sampling.document.not-matched");
    assertThat(textOf(By.id("tube-fill"))).isEqualTo("1 / 5");

    // the list to fix survives a reload too; it offers to seal the short tube as it is
    browser.navigate().refresh();
    waitForAttribute(By.id("sampling-table"), "data-ready", "true");
    assertThat(textOf(By.id("fix-count"))).isEqualTo("1");
    assertThat(textOf(By.cssSelector("#fix-list .fix-seal"))).isEqualTo("封上 " + tube + "（少此一人）");
    click(By.cssSelector("#fix-list .fix-seal"));
    waiting().until(d -> tubeSealed(tube));
    assertThat(tubeRegistrations(tube)).isEqualTo(4);
    assertThat(browser.findElements(By.cssSelector("#fix-list .fix-seal"))).isEmpty();
    // the current tube is untouched; the sampler marks the entry done
    assertThat(tubeSealed(next)).isFalse();
    click(By.cssSelector("#fix-list .fix-dismiss"));
    waitForText(By.id("fix-count"), "0");
    assertThat(
            ((JavascriptExecutor) browser)
                .executeScript("return document.getElementById('queue-length').textContent"))
        .isEqualTo("0");
  }

  @Test
  void onlineARefusalIsShownAtOnceInTheChosenLanguage() throws Exception {
    Resident person = fixtures.resident("周晓燕", 28, null);
    String tube = TubeBarcode.of(90_000_000_000L + System.nanoTime() % 1_000_000_000L).value();
    atTheTable("/sampling?lang=en");
    assertThat(textOf(By.tagName("h1"))).isEqualTo("Sampling registration");

    // a code before any tube: the page says to open one first
    scan("SSC:whatever");
    waitForAttribute(By.id("result"), "data-outcome", "refused");
    assertThat(textOf(By.id("result-reason"))).contains("open the tube first");

    openTubeOnThePage(tube, 1);
    typeNumber(person, "周晓艳");
    waitForAttribute(By.id("result"), "data-outcome", "refused");
    assertThat(textOf(By.id("result-reason"))).contains("do not match");
    // refused while the person is at the table: not queued and nothing to fix later
    assertThat(textOf(By.id("queue-length"))).isEqualTo("0");
    assertThat(textOf(By.id("fix-count"))).isEqualTo("0");

    typeNumber(person, "周晓燕");
    waitForAttribute(By.id("result"), "data-outcome", "ok");
    assertThat(textOf(By.id("result-name"))).isEqualTo("周*燕");
    // a single tube is full with one person, and sealed by it
    assertThat(textOf(By.id("tube-fill"))).isEqualTo("1 / 1");
    assertThat(textOf(By.id("tube-state"))).contains("Full");
    assertThat(registrationsOf(person)).isEqualTo(1);
    assertThat(tubeRegistrations(tube)).isEqualTo(1);
  }

  /**
   * A mistake at the table: an uploaded registration is withdrawn with one tap and a confirmation
   * (the person may then be registered again), and one still queued offline is removed from the
   * queue before it is ever sent.
   */
  @Test
  void aMistakeIsWithdrawnOnlineOrTakenOutOfTheQueueOffline() throws Exception {
    Resident first = fixtures.resident("邓丽君", 41, null);
    Resident second = fixtures.resident("彭志远", 29, null);
    Resident third = fixtures.resident("曾晓红", 35, null);
    String tube = TubeBarcode.of(90_000_000_000L + System.nanoTime() % 1_000_000_000L).value();
    atTheTable("/sampling");
    waitForAttribute(By.id("sampling-table"), "data-offline-ready", "true");
    openTubeOnThePage(tube, 5);
    typeNumber(first, "邓丽君");
    waitForAttribute(By.id("result"), "data-outcome", "ok");
    typeNumber(second, "彭志远");
    waitForAttribute(By.id("result"), "data-outcome", "ok");
    waiting().until(d -> d.findElements(By.cssSelector("#tube-people li")).size() == 2);
    assertThat(textOf(By.id("tube-people"))).contains("邓*君").contains("彭*远");

    UUID registration =
        jdbc.sql("SELECT id FROM sampling_registration WHERE person_id = ?")
            .param(first.id())
            .query(UUID.class)
            .single();
    click(By.id("withdraw-" + registration));
    browser.switchTo().alert().accept();
    waitForAttribute(By.id("tube-fill"), "data-members", "1");
    assertThat(textOf(By.id("result-verdict"))).isEqualTo("已撤销");
    assertThat(
            jdbc.sql("SELECT withdrawn_at IS NOT NULL FROM sampling_registration WHERE id = ?")
                .param(registration)
                .query(Boolean.class)
                .single())
        .isTrue();
    // withdrawn by mistake? registered again, not refused as already in the tube
    typeNumber(first, "邓丽君");
    waitForAttribute(By.id("result"), "data-outcome", "ok");
    waitForAttribute(By.id("tube-fill"), "data-members", "2");

    // offline: queued on the device, then taken out before it is sent
    cutTheNetwork();
    waitForAttribute(By.id("net-state"), "data-state", "offline");
    typeNumber(third, "曾晓红");
    waitForAttribute(By.id("result"), "data-outcome", "queued");
    waitForQueue(1);
    var remove = visible(By.cssSelector("#tube-people button[id^='unqueue-']"));
    // out from under the status bar that stays at the top of the screen
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", remove);
    remove.click();
    waitForQueue(0);
    waitForAttribute(By.id("tube-fill"), "data-members", "2");
    ((ChromiumDriver) browser).deleteNetworkConditions();
    waitForAttribute(By.id("net-state"), "data-state", "online");
    assertThat(registrationsOf(third)).isZero();
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM sampling_registration WHERE tube_barcode = ?"
                        + " AND withdrawn_at IS NULL")
                .param(tube)
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  /** A parent registers their infant by hand: the child lands in the tube, linked to the parent. */
  @Test
  void anInfantWithoutADocumentIsRegisteredByTheParent() throws Exception {
    Resident parent = fixtures.resident("唐雪梅", 31, null);
    String tube = TubeBarcode.of(90_000_000_000L + System.nanoTime() % 1_000_000_000L).value();
    atTheTable("/sampling");
    openTubeOnThePage(tube, 5);

    click(By.cssSelector("#infant-panel summary"));
    type(By.id("infant-parent-number"), parent.documentNumber());
    type(By.id("infant-parent-name"), "唐雪梅");
    type(By.id("infant-name"), "唐小豆");
    click(By.id("infant-sex-female"));
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("document.getElementById('infant-birth').value = '2025-06-01'");
    click(By.id("infant-submit"));
    waitForAttribute(By.id("result"), "data-outcome", "ok");
    assertThat(textOf(By.id("result-name"))).isEqualTo("唐*豆");
    assertThat(textOf(By.id("result-detail"))).contains("婴幼儿手工登记");
    waitForAttribute(By.id("tube-fill"), "data-members", "1");
    assertThat(
            jdbc.sql(
                    "SELECT credential || ' ' || guardian_person_id FROM sampling_registration"
                        + " WHERE tube_barcode = ?")
                .param(tube)
                .query(String.class)
                .single())
        .isEqualTo("INFANT " + parent.id());

    // without the network: a child too old for this form is refused on the device, a second
    // infant is queued and reaches the server once the network is back
    long pageLoaded = System.nanoTime();
    cutTheNetwork();
    waitForAttribute(By.id("net-state"), "data-state", "offline");
    fillInfant(parent, "唐大宝", "2016-01-01");
    waitForAttribute(By.id("result"), "data-outcome", "refused");
    assertThat(textOf(By.id("result-reason"))).contains("周岁");
    assertThat(textOf(By.id("queue-length"))).isEqualTo("0");
    fillInfant(parent, "唐小米", "2026-01-15");
    waitForQueue(1);
    waitForAttribute(By.id("result"), "data-outcome", "queued");
    assertThat(textOf(By.id("result-name"))).startsWith("唐*米");
    waitForAttribute(By.id("tube-fill"), "data-members", "2");
    clock.advance(Duration.ofNanos(System.nanoTime() - pageLoaded));
    ((ChromiumDriver) browser).deleteNetworkConditions();
    waitForQueue(0);
    assertThat(
            jdbc.sql(
                    "SELECT count(DISTINCT person_id) FROM sampling_registration"
                        + " WHERE tube_barcode = ? AND credential = 'INFANT' AND guardian_person_id"
                        + " = ?")
                .params(tube, parent.id())
                .query(Long.class)
                .single())
        .isEqualTo(2);
    assertThat(tubeRegistrations(tube)).isEqualTo(2);
  }

  void fillInfant(Resident parent, String child, String birthDate) {
    type(By.id("infant-parent-number"), parent.documentNumber());
    type(By.id("infant-parent-name"), parent.name());
    type(By.id("infant-name"), child);
    click(By.id("infant-sex-male"));
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("document.getElementById('infant-birth').value = arguments[0]", birthDate);
    click(By.id("infant-submit"));
  }

  /** The terminal's card reader hands the chip's data to the page: registered as ID_CARD. */
  @Test
  void aCardOnTheReaderRegistersThePerson() throws Exception {
    Resident person = fixtures.resident("韩卫东", 52, null);
    String tube = TubeBarcode.of(90_000_000_000L + System.nanoTime() % 1_000_000_000L).value();
    atTheTable("/sampling");
    openTubeOnThePage(tube, 5);

    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript(
            "window.SuishenSampling.cardRead({documentType: 'RESIDENT_ID',"
                + " documentNumber: arguments[0], name: arguments[1]})",
            person.documentNumber(),
            "韩卫东");
    waitForAttribute(By.id("result"), "data-outcome", "ok");
    assertThat(textOf(By.id("result-name"))).isEqualTo("韩*东");
    assertThat(textOf(By.id("tube-fill"))).isEqualTo("1 / 5");
    assertThat(
            jdbc.sql("SELECT credential FROM sampling_registration WHERE person_id = ?")
                .param(person.id())
                .query(String.class)
                .single())
        .isEqualTo("ID_CARD");
  }

  /** Opens a tube from the page, online: the server answers at once. */
  boolean tubeSealed(String barcode) {
    return jdbc.sql("SELECT sealed_at IS NOT NULL FROM tube WHERE barcode = ?")
        .param(barcode)
        .query(Boolean.class)
        .single();
  }

  void openTubeOnThePage(String tube, int capacity) {
    type(By.id("tube-barcode"), tube);
    click(By.id("capacity-" + capacity));
    click(By.id("tube-open"));
    waitForAttribute(By.id("result"), "data-outcome", "ok");
  }

  /** The demo sampler signs in and opens the sampler's page, ready. */
  void atTheTable(String page) {
    open("/staff/login");
    type(By.id("username"), TestStaffAccounts.SAMPLER);
    type(By.id("password"), TestStaffAccounts.PASSWORD);
    click(By.id("login-submit"));
    waiting().until(ExpectedConditions.urlToBe(url("/staff")));
    open(page);
    waitForAttribute(By.id("sampling-table"), "data-ready", "true");
  }

  long tubeRegistrations(String tube) {
    return jdbc.sql("SELECT count(*) FROM sampling_registration WHERE tube_barcode = ?")
        .param(tube)
        .query(Long.class)
        .single();
  }

  static String maskedNumber(Resident person) {
    return org.suishen.shared.masking.Masking.documentNumber(person.documentNumber());
  }
}
