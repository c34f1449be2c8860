package org.suishen.offlinecode;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suishen.healthcode.HealthCodeIntegrationTest;
import org.suishen.natcode.NatFixtures;
import org.suishen.support.BrowserTest;
import org.suishen.support.MutableClock;
import tools.jackson.databind.json.JsonMapper;

/**
 * The portal's offline code page (O3-O7): a daughter applies for her bound father, downloads the
 * sheet, reports it lost, and re-applies after it expired; a 40-year-old applying for herself is
 * told why not.
 */
@HealthCodeIntegrationTest
class OfflineCodePortalBrowserIT extends BrowserTest {

  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired JsonMapper json;
  @Autowired org.springframework.test.web.servlet.MockMvc mvc;

  final HttpClient http = HttpClient.newHttpClient();
  NatFixtures people;

  @BeforeEach
  void setUp() {
    people = new NatFixtures(jdbc, clock, mvc, json);
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  void waitForState(String state) {
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> state.equals(d.findElement(By.id("mine-state")).getDomAttribute("data-state")));
  }

  byte[] download(String url) throws Exception {
    String cookies =
        browser.manage().getCookies().stream()
            .map(c -> c.getName() + "=" + c.getValue())
            .collect(Collectors.joining("; "));
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  @Test
  void aDaughterAppliesForHerFatherReportsItLostAndReappliesAfterExpiry() throws Exception {
    String household = NatFixtures.household();
    var daughter = people.resident("刘美玲", 40, household);
    var father = people.resident("刘德福", 82, household);
    open("/login/test-support/citizen?person=" + daughter.id());
    open("/me/dependants");
    type(By.id("documentNumber"), father.documentNumber());
    type(By.id("name"), father.name());
    new Select(visible(By.id("relationship"))).selectByValue("PARENT");
    click(By.id("bind-submit"));
    assertThat(textOf(By.id("done"))).contains("已绑定");

    open("/me/offline-code");
    assertThat(textOf(By.tagName("h1"))).isEqualTo("离线随申码（打印版）");
    // for herself: 40 and no certificate, refused with the reason
    waitForState("NONE");
    click(By.id("mine-apply"));
    assertThat(textOf(By.id("mine-message"))).contains("未满 18 周岁").contains("60 周岁及以上");
    assertThat(browser.findElement(By.id("mine-message")).getDomAttribute("data-code"))
        .isEqualTo("offlinecode.not-eligible");

    // for her father
    new Select(visible(By.id("mine-for"))).selectByValue(father.id().toString());
    waitForState("NONE");
    click(By.id("mine-apply"));
    waitForState("VALID");
    assertThat(textOf(By.id("mine-notice"))).isEqualTo("已申领，请下载打印。");
    assertThat(textOf(By.id("mine-state"))).startsWith("离线随申码有效");
    String href = visible(By.id("mine-download")).getDomProperty("href");
    assertThat(href).contains("/dependants/" + father.id() + "/offline-code.pdf");
    String token = NatFixtures.qrOf(download(href));
    assertThat(people.scanReason(token, NatFixtures.venueStaff())).isEqualTo("ok");

    // lost: the print is void at once
    click(By.id("mine-loss"));
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.alertIsPresent())
        .accept();
    waitForState("LOST");
    assertThat(textOf(By.id("mine-notice"))).contains("已挂失");
    assertThat(browser.findElement(By.id("mine-download")).isDisplayed()).isFalse();

    // half a year on: re-applied, a new 180 days
    clock.advance(Duration.ofDays(200));
    browser.navigate().refresh();
    new Select(visible(By.id("mine-for"))).selectByValue(father.id().toString());
    waitForState("LOST");
    click(By.id("mine-reapply"));
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.alertIsPresent())
        .accept();
    waitForState("VALID");
    String renewed =
        NatFixtures.qrOf(download(visible(By.id("mine-download")).getDomProperty("href")));
    assertThat(renewed).isNotEqualTo(token);
    assertThat(people.scanReason(renewed, NatFixtures.venueStaff())).isEqualTo("ok");
    assertThat(people.scanReason(token, NatFixtures.venueStaff())).isNotEqualTo("ok");
    assertThat(browser.getPageSource()).doesNotContain(father.documentNumber());
  }
}
