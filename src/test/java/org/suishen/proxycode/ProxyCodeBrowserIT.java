package org.suishen.proxycode;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suishen.healthcode.HealthCodeIntegrationTest;
import org.suishen.natcode.NatFixtures;
import org.suishen.support.BrowserTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a mother sees (R4): she binds her five-year-old, opens the child's proxy code from the
 * dependants list, and the venue's scan page shows it is presented by a relative.
 */
@HealthCodeIntegrationTest
class ProxyCodeBrowserIT extends BrowserTest {

  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Autowired JsonMapper json;

  NatFixtures fixtures;

  @BeforeEach
  void setUp() {
    fixtures = new NatFixtures(jdbc, clock, null, json);
  }

  @Test
  void theMotherShowsTheChildsProxyCodeAndAVenueSeesItIsPresentedByARelative() {
    String household = NatFixtures.household();
    var mother = fixtures.resident("刘美玲", 32, household);
    var child = fixtures.resident("刘子轩", 5, household);
    // the mother binds the child on /me/dependants (same household: bound at once)
    open("/login/test-support/citizen?person=" + mother.id());
    open("/me/dependants");
    type(By.id("documentNumber"), child.documentNumber());
    type(By.id("name"), child.name());
    new Select(visible(By.id("relationship"))).selectByValue("CHILD");
    click(By.id("bind-submit"));
    assertThat(textOf(By.id("done"))).contains("刘*轩").contains("已绑定");

    click(By.id("proxy-code-" + child.id()));
    // the banner says who the code is shown for: the mother's child
    assertThat(textOf(By.id("proxy-banner"))).contains("亲属随申码", "子女");
    var qr = visible(By.id("qr"));
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(
            d ->
                !qr.getAttribute("data-token").isEmpty()
                    && !qr.findElements(By.tagName("svg")).isEmpty());
    String token = qr.getAttribute("data-token");
    assertThat(textOf(By.id("masked-name"))).isEqualTo("刘*轩");
    assertThat(textOf(By.id("colour-label"))).isEqualTo("绿码");
    // the child's photo (a placeholder here: no photo in the library), loaded for the mother
    var photo = visible(By.id("photo"));
    assertThat(photo.getAttribute("src")).endsWith("/api/me/dependants/" + child.id() + "/photo");
    assertThat(
            ((JavascriptExecutor) browser)
                .executeScript(
                    "return arguments[0].complete && arguments[0].naturalWidth > 0", photo))
        .isEqualTo(true);
    // and the watermark traces the mother's screen
    assertThat(browser.findElement(By.id("watermark")).getAttribute("data-watermark"))
        .contains(" · ");
    assertThat(browser.getPageSource()).doesNotContain("刘子轩");

    browser.manage().deleteAllCookies();
    open("/login/test-support/staff?user=venue-gate-5&role=VENUE_STAFF");
    open("/scan");
    visible(By.id("scan-input")).sendKeys(token + Keys.ENTER);
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.textToBe(By.id("decision-verdict"), "有效"));
    assertThat(textOf(By.id("decision-name"))).isEqualTo("刘*轩");
    assertThat(textOf(By.id("decision-presenter"))).isEqualTo("亲属代为出示： 刘*玲");
  }
}
