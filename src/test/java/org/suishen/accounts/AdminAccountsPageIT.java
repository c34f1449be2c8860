package org.suishen.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suishen.accounts.StaffClient.ADMIN;
import static org.suishen.accounts.StaffClient.ADMIN_PASSWORD;
import static org.suishen.accounts.StaffClient.uniqueLogin;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.suishen.support.BrowserTest;

class AdminAccountsPageIT extends BrowserTest {

  @org.springframework.beans.factory.annotation.Autowired
  tools.jackson.databind.json.JsonMapper json;

  private void logIn(String username, String password) {
    open("/staff/login");
    type(By.id("username"), username);
    type(By.id("password"), password);
    click(By.id("login-submit"));
    // wait until the log-in has been answered before going anywhere else
    new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
        .until(b -> !b.getCurrentUrl().endsWith("/staff/login"));
  }

  @Test
  void anAdministratorCreatesAStaffAccountAndTheNewStaffMemberLogsIn() {
    logIn(ADMIN, ADMIN_PASSWORD);
    assertThat(textOf(By.id("staff-welcome"))).contains(ADMIN);
    click(By.id("menu-accounts"));

    String username = uniqueLogin("browser");
    type(By.id("staff-username"), username);
    type(By.id("staff-description"), "徐汇区疾控中心 王丽");
    type(By.id("staff-password"), "Browser-Pass-2026");
    click(By.id("staff-role-AUDITOR"));
    click(By.id("staff-role-VENUE_STAFF"));
    click(By.id("create-staff-submit"));
    assertThat(textOf(By.id("accounts-notice"))).contains("已创建工作人员账号", username);

    type(By.id("filter-q"), username);
    click(By.id("account-filter-submit"));
    String card = textOf(By.id("account-" + username));
    assertThat(card).contains(username, "工作人员", "已启用", "审计员", "场所工作人员", "徐汇区疾控中心");

    open("/staff");
    click(By.id("logout"));
    new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
        .until(b -> !b.getCurrentUrl().endsWith("/staff"));
    logIn(username, "Browser-Pass-2026");
    assertThat(textOf(By.id("staff-welcome"))).contains(username);
    assertThat(textOf(By.id("staff-roles"))).contains("审计员", "场所工作人员");
    assertThat(textOf(By.id("menu-audit"))).isEqualTo("审计日志");
    assertThat(textOf(By.id("menu-scan"))).isEqualTo("扫码核验");
    assertThat(browser.findElements(By.id("menu-accounts"))).isEmpty();
  }

  @Test
  void aDeviceSecretIsShownOnceAndABadFormIsExplained() {
    logIn(ADMIN, ADMIN_PASSWORD);
    open("/admin/accounts");
    String deviceId = uniqueLogin("kiosk");
    type(By.id("device-id"), deviceId);
    new Select(visible(By.id("device-role"))).selectByValue("BANK_KIOSK");
    type(By.id("device-description"), "工商银行徐家汇支行大厅");
    click(By.id("create-device-submit"));
    assertThat(textOf(By.id("issued-secret"))).contains(deviceId, "只显示这一次");
    assertThat(textOf(By.id("issued-secret-value"))).hasSize(32);

    browser.navigate().refresh();
    assertThat(textOf(By.id("account-list"))).isNotEmpty();
    assertThat(browser.findElements(By.id("issued-secret"))).isEmpty();

    type(By.id("staff-username"), "9 not valid");
    type(By.id("staff-password"), "Browser-Pass-2026");
    click(By.id("staff-role-LAB"));
    click(By.id("create-staff-submit"));
    assertThat(textOf(By.id("accounts-error"))).contains("用户名格式不正确", "accounts.username.invalid");
  }

  @Test
  void anAdministratorDisablesEnablesAndResetsAnAccountOnThePage() {
    String username = uniqueLogin("browser.actions");
    new StaffClient(port, json).createStaff(username, "Actions-Pass-2026", "LAB");
    logIn(ADMIN, ADMIN_PASSWORD);
    open("/admin/accounts?q=" + username);
    By card = By.id("account-" + username);
    assertThat(textOf(card)).contains("已启用");

    click(button(username, "account-disable"));
    assertThat(waitForText(By.id("accounts-notice"), "已停用账号")).contains(username);
    assertThat(textOf(card)).contains("已停用");
    assertThat(
            new StaffClient(port, json)
                .get("/api/accounts/me", username, "Actions-Pass-2026")
                .status())
        .isEqualTo(401);

    click(button(username, "account-enable"));
    waitForText(By.id("accounts-notice"), "已启用账号");
    assertThat(textOf(card)).contains("已启用");

    click(button(username, "account-reset"));
    assertThat(waitForText(By.id("accounts-notice"), "已重置")).contains(username);
    String generated = textOf(By.id("issued-secret-value"));
    assertThat(generated).hasSize(20);
    assertThat(new StaffClient(port, json).get("/api/accounts/me", username, generated).status())
        .isEqualTo(200);
  }

  private static By button(String login, String cssClass) {
    return By.xpath(
        "//div[@id='account-" + login + "']//button[contains(@class,'" + cssClass + "')]");
  }

  @Test
  void aWrongPasswordIsRefusedInTheChosenLanguage() {
    open("/staff/login?lang=en");
    type(By.id("username"), ADMIN);
    type(By.id("password"), "not-the-password");
    click(By.id("login-submit"));
    assertThat(textOf(By.id("login-error"))).contains("Wrong username or password");
    open("/staff/login?lang=zh_CN");
    assertThat(textOf(By.tagName("h1"))).isEqualTo("工作人员登录");
  }
}
