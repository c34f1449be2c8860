package org.suishen.dependants;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suishen.dependants.RegisterFixtures.Registered;
import org.suishen.healthcode.HealthCodeFixtures;
import org.suishen.healthcode.HealthCodeIntegrationTest;
import org.suishen.status.Colour;
import org.suishen.status.HealthStatuses;
import org.suishen.support.BrowserTest;

/**
 * What a parent sees (H1, R1-R4): the proxy code page of a child who has not declared says so and
 * offers the declaration form; the parent fills it in for the child and then sees the child's code.
 * A re-declare notice on the proxy code links to the same form.
 */
@HealthCodeIntegrationTest
class GuardianDeclarationBrowserIT extends BrowserTest {

  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Autowired HealthStatuses statuses;

  RegisterFixtures register;

  @BeforeEach
  void setUp() {
    register = new RegisterFixtures(jdbc, clock);
  }

  @Test
  void aMotherIsToldHerChildMustDeclareFillsInTheFormForTheChildAndThenSeesTheChildsCode() {
    String household = RegisterFixtures.household();
    var mother = register.resident("刘美玲", 32, household);
    var child = register.resident("刘子轩", 3, household);
    binds(mother, child, "CHILD");

    click(By.id("proxy-code-" + child.id()));
    assertThat(textOf(By.id("declaration-needed-notice"))).contains("这位亲属尚未登记健康信息");
    // no code card waiting for a code that cannot come
    assertThat(browser.findElements(By.id("code-card"))).isEmpty();
    assertThat(browser.getPageSource()).doesNotContain("正在加载随申码");
    open("/me/dependants/" + child.id() + "/code?lang=en");
    assertThat(textOf(By.id("declaration-needed-notice")))
        .contains("has not declared their health yet");
    assertThat(textOf(By.id("declare-for-dependant"))).isEqualTo("Declare their health");
    open("/me/dependants/" + child.id() + "/code?lang=zh_CN");

    click(By.id("declare-for-dependant"));
    assertThat(textOf(By.id("declaration-title"))).isEqualTo("为 刘*轩（子女） 登记健康信息");
    assertThat(textOf(By.id("declaring-for"))).contains("由您（凭亲属绑定）代为登记");
    assertThat(textOf(By.id("no-declaration"))).contains("刘*轩（子女） 尚未登记健康信息");
    assertThat(browser.getPageSource()).doesNotContain("刘子轩");
    fillInHealthy();

    // back on the proxy code page, with the child's code
    assertThat(textOf(By.id("declared"))).contains("已为亲属登记健康信息");
    assertThat(shownToken()).startsWith("SSC:");
    assertThat(textOf(By.id("masked-name"))).isEqualTo("刘*轩");
    assertThat(textOf(By.id("colour-label"))).isEqualTo("绿码");
    assertThat(browser.findElements(By.id("declaration-needed"))).isEmpty();
    assertThat(browser.findElement(By.id("redeclare-notice")).isDisplayed()).isFalse();
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM health_declaration WHERE person_id = ?"
                        + " AND declared_by_holder_id = ?")
                .param(child.id())
                .param(mother.id())
                .query(Long.class)
                .single())
        .isEqualTo(1);

    // the dependants list leads to the form too, which now shows the declaration
    open("/me/dependants");
    click(By.id("declaration-" + child.id()));
    assertThat(textOf(By.id("latest-declared-by"))).isEqualTo("由亲属代为登记");
    assertThat(textOf(By.id("latest-temperature"))).isEqualTo("36.6 °C");
  }

  @Test
  void aReDeclareNoticeOnTheProxyCodeLinksToTheDependantsForm() {
    String household = RegisterFixtures.household();
    var son = register.resident("吴国平", 57, household);
    var father = register.resident("吴德福", 88, household);
    binds(son, father, "PARENT");
    // the father declared yesterday; today the authority asks him to declare again (H2)
    jdbc.sql(
            "INSERT INTO health_declaration (id, person_id, declared_at, symptoms, temperature,"
                + " region_visits, contact_with_cases, arriving_from_other_region)"
                + " VALUES (?, ?, ?, ARRAY[]::text[], 36.5, '[]'::jsonb, false, false)")
        .params(UUID.randomUUID(), father.id(), OffsetDateTime.now(clock).minusDays(1))
        .update();
    jdbc.sql(
            "INSERT INTO declaration_state (person_id, redeclare_requested_at, declared_at)"
                + " VALUES (?, ?, ?)")
        .params(
            father.id(),
            OffsetDateTime.now(clock).minusMinutes(5),
            OffsetDateTime.now(clock).minusDays(1))
        .update();
    new HealthCodeFixtures(jdbc, clock).colour(father.id(), Colour.GREEN, true);

    open("/me/dependants/" + father.id() + "/code");
    shownToken();
    assertThat(textOf(By.id("redeclare-notice"))).contains("请重新进行健康信息登记");
    assertThat(visible(By.id("redeclare-form")).getAttribute("href"))
        .endsWith("/me/dependants/" + father.id() + "/declaration");

    click(By.id("redeclare-form"));
    assertThat(textOf(By.id("declaration-title"))).isEqualTo("为 吴*福（父母） 登记健康信息");
    fillInHealthy();
    assertThat(textOf(By.id("declared"))).contains("已为亲属登记健康信息");
    shownToken();

    // the status engine takes the declaration in the background; the next code has no notice
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !statuses.current(father.id()).redeclareNotice());
    browser.navigate().refresh();
    shownToken();
    assertThat(textOf(By.id("colour-label"))).isEqualTo("绿码");
    assertThat(browser.findElement(By.id("redeclare-notice")).isDisplayed()).isFalse();
  }

  @Test
  void onOnesOwnCodeTheReDeclareNoticeLinksToOnesOwnForm() {
    var person = register.resident("郑丽", 35, RegisterFixtures.household());
    var fixtures = new HealthCodeFixtures(jdbc, clock);
    fixtures.declared(person.id());
    fixtures.colour(person.id(), Colour.GREEN, true);
    open("/login/test-support/citizen?person=" + person.id());
    open("/me/code");
    shownToken();
    assertThat(textOf(By.id("redeclare-notice"))).contains("请重新进行健康信息登记");
    click(By.id("redeclare-form"));
    assertThat(textOf(By.id("declaration-title"))).isEqualTo("健康信息登记");
    assertThat(browser.getCurrentUrl()).endsWith("/me/declaration");
  }

  /**
   * The holder binds the dependant on /me/dependants (same household: bound at once), stating who
   * the dependant is to them.
   */
  private void binds(Registered holder, Registered dependant, String relationship) {
    open("/login/test-support/citizen?person=" + holder.id());
    open("/me/dependants");
    type(By.id("documentNumber"), dependant.number());
    type(By.id("name"), dependant.name());
    new Select(visible(By.id("relationship"))).selectByValue(relationship);
    click(By.id("bind-submit"));
    assertThat(textOf(By.id("done"))).contains("已绑定");
  }

  /** No symptoms, 36.6 °C, no contact, not arriving from elsewhere; submitted. */
  private void fillInHealthy() {
    click(By.id("symptom-NONE"));
    type(By.id("temperature"), "36.6");
    click(By.id("contact-no"));
    click(By.id("arriving-no"));
    click(By.id("declare"));
  }

  private String shownToken() {
    var qr = visible(By.id("qr"));
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(
            d ->
                !qr.getAttribute("data-token").isEmpty()
                    && !qr.findElements(By.tagName("svg")).isEmpty());
    return qr.getAttribute("data-token");
  }
}
