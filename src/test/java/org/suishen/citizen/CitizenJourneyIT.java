package org.suishen.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suishen.citizen.CitizenTestSupport.randomPhone;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suishen.identity.document.TestResidentIds;
import org.suishen.shared.masking.Masking;
import org.suishen.support.BrowserTest;

/**
 * A new user, as a person would: logs in with a phone and the code from the developer SMS outbox,
 * registers with their real name, declares their health, and reads the page in English.
 */
class CitizenJourneyIT extends BrowserTest {

  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  private String insertPerson(String name) {
    String number = TestResidentIds.bornOn(LocalDate.of(1992, 3, 8));
    var now = OffsetDateTime.now(clock);
    jdbc.sql(
            "INSERT INTO person (id, document_type, document_number, name, name_normalised, sex,"
                + " birth_date, registered_at, updated_at) VALUES (?, 'RESIDENT_ID', ?, ?, ?, 'F',"
                + " DATE '1992-03-08', ?, ?)")
        .param(UUID.randomUUID())
        .param(number)
        .param(name)
        .param(name)
        .param(now)
        .param(now)
        .update();
    return number;
  }

  private void waitForPath(String path) {
    new WebDriverWait(browser, java.time.Duration.ofSeconds(10))
        .until(ExpectedConditions.urlContains(path));
  }

  @Test
  void aNewUserRegistersAndDeclaresTheirHealth() {
    String phone = randomPhone();
    String number = insertPerson("林小雨");

    // log in
    open("/login");
    type(By.id("phone"), phone);
    click(By.id("send-code"));
    assertThat(textOf(By.id("notice"))).contains(Masking.phone(phone));
    String code = codeFromDeveloperOutbox(phone);
    type(By.id("code"), code.equals("000000") ? "111111" : "000000");
    click(By.id("log-in"));
    assertThat(textOf(By.id("error-message"))).isEqualTo("验证码错误，还可尝试 4 次。");
    type(By.id("code"), code);
    click(By.id("log-in"));
    waitForPath("/me/register");

    // real-name registration: a typo in the name first
    type(By.id("document-number"), number);
    type(By.id("name"), "林小语");
    click(By.id("register"));
    assertThat(textOf(By.id("error-message")))
        .isEqualTo(
            "实名核验未通过。请核对证件类型、号码和姓名，并使用本人实名登记的手机号。如信息无误仍未通过（例如证件已被他人冒用注册），请携带身份证件到社区服务窗口办理身份找回，或在“我要申诉”中提交身份申诉。");
    // the person reads the message; the code stands apart, as a reference for the hotline
    assertThat(textOf(By.id("error-reference")))
        .isEqualTo("拨打 12345 咨询时可告知参考码 citizen.identity.not-verified");
    type(By.id("name"), "林小雨");
    click(By.id("register"));
    assertThat(textOf(By.id("registered-message"))).isEqualTo("实名注册成功。");
    assertThat(textOf(By.id("registered-name"))).isEqualTo("林*雨");
    // home says the one step still open, and shows no colour before there is a code
    open("/me");
    assertThat(textOf(By.id("me-hint"))).isEqualTo("登记健康信息后即可领取随申码。");
    assertThat(browser.findElements(By.id("me-colour"))).isEmpty();
    click(By.id("go-declaration"));
    waitForPath("/me/declaration");

    // health declaration: an implausible temperature first
    assertThat(textOf(By.id("no-declaration"))).contains("尚未登记");
    click(By.id("symptom-NONE"));
    type(By.id("temperature"), "43");
    click(By.id("contact-no"));
    click(By.id("arriving-no"));
    click(By.id("declare"));
    assertThat(textOf(By.id("error-message"))).contains("体温应在 34.0 至 42.5 °C 之间");
    type(By.id("temperature"), "36.5");
    click(By.id("declare"));
    assertThat(textOf(By.id("declared"))).isEqualTo("健康信息登记成功。");
    assertThat(textOf(By.id("latest-temperature"))).isEqualTo("36.5 °C");
    assertThat(textOf(By.id("latest-symptoms"))).isEqualTo("无以上症状");
    assertThat(browser.findElements(By.id("declaration-history"))).isEmpty();

    // a second declaration: the first one moves to the history
    click(By.id("symptom-NONE"));
    type(By.id("temperature"), "36.8");
    click(By.id("contact-no"));
    click(By.id("arriving-no"));
    click(By.id("declare"));
    new WebDriverWait(browser, java.time.Duration.ofSeconds(10))
        .until(ExpectedConditions.textToBe(By.id("latest-temperature"), "36.8 °C"));
    assertThat(browser.findElements(By.cssSelector("#declaration-history .history-row")))
        .singleElement()
        .satisfies(row -> assertThat(row.getText()).contains("36.5 °C", "无以上症状"));

    // the same page in English
    click(By.id("lang-en"));
    assertThat(textOf(By.tagName("h1"))).isEqualTo("Health declaration");
    assertThat(textOf(By.id("latest-symptoms"))).isEqualTo("None of these");
    assertThat(textOf(By.id("declare"))).isEqualTo("Submit declaration");

    // and the account page shows the current colour, no hint left, and the registration, masked
    open("/me");
    assertThat(textOf(By.id("me-colour-name"))).isEqualTo("Green");
    assertThat(textOf(By.id("me-colour-reason"))).isNotBlank();
    assertThat(browser.findElements(By.id("me-hint"))).isEmpty();
    assertThat(textOf(By.id("me-status"))).isEqualTo("Registered");
    assertThat(textOf(By.id("me-name"))).isEqualTo("林*雨");
    assertThat(textOf(By.id("me-phone"))).isEqualTo(Masking.phone(phone));
  }

  /**
   * The language switched in another tab does not change the language of the page already open: its
   * messages stay in the page's language; the next page follows the latest choice, across the
   * log-in.
   */
  @Test
  void messagesFollowThePagesLanguageWhileTheNextPageFollowsTheLatestChoice() {
    String phone = randomPhone();
    open("/login");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
    String loginTab = browser.getWindowHandle();
    browser.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
    open("/?lang=en");
    browser.close();
    browser.switchTo().window(loginTab);

    type(By.id("phone"), phone);
    click(By.id("send-code"));
    String code = codeFromDeveloperOutbox(phone);
    type(By.id("code"), code.equals("000000") ? "111111" : "000000");
    click(By.id("log-in"));
    assertThat(textOf(By.id("error-message"))).isEqualTo("验证码错误，还可尝试 4 次。");
    type(By.id("code"), code);
    click(By.id("log-in"));
    waitForPath("/me/register");
    assertThat(textOf(By.tagName("h1"))).isEqualTo("Real-name registration");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
  }
}
