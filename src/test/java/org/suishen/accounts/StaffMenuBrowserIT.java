package org.suishen.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.suishen.shared.security.Role;
import org.suishen.support.BrowserTest;
import org.suishen.support.TestStaffAccounts;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every role's menu on the staff start page leads only to pages that exist: each link opens an HTML
 * page in the browser (no 404, no JSON), and answers 200 text/html to the same account.
 */
class StaffMenuBrowserIT extends BrowserTest {

  private static final String OPERATOR_PASSWORD = "Menu-Operator-Passw0rd";

  @Autowired JsonMapper json;

  /** One account per role, with its password. */
  private Map<Role, List<String>> accounts() {
    String operator = StaffClient.uniqueLogin("menu.operator");
    new StaffClient(port, json).createStaff(operator, OPERATOR_PASSWORD, "OPERATOR");
    String staff = TestStaffAccounts.PASSWORD;
    var accounts = new EnumMap<Role, List<String>>(Role.class);
    accounts.put(Role.ADMINISTRATOR, List.of(StaffClient.ADMIN, StaffClient.ADMIN_PASSWORD));
    accounts.put(Role.AUDITOR, List.of(TestStaffAccounts.AUDITOR, staff));
    accounts.put(Role.OPERATOR, List.of(operator, OPERATOR_PASSWORD));
    accounts.put(Role.HEALTH_AUTHORITY, List.of(TestStaffAccounts.AUTHORITY, staff));
    accounts.put(Role.APPEAL_REVIEWER, List.of(TestStaffAccounts.REVIEWER, staff));
    accounts.put(Role.SAMPLER, List.of(TestStaffAccounts.SAMPLER, staff));
    accounts.put(Role.VENUE_STAFF, List.of(TestStaffAccounts.VENUE_STAFF, staff));
    accounts.put(Role.LAB, List.of(TestStaffAccounts.LAB, staff));
    accounts.put(Role.SAMPLING_TERMINAL, List.of(TestStaffAccounts.SAMPLING_TERMINAL, staff));
    accounts.put(Role.VENUE_SENTINEL, List.of(TestStaffAccounts.SENTINEL, staff));
    accounts.put(Role.SELF_SERVICE_KIOSK, List.of(TestStaffAccounts.KIOSK, staff));
    accounts.put(Role.BANK_KIOSK, List.of(TestStaffAccounts.BANK_KIOSK, staff));
    return accounts;
  }

  @Test
  void everyLinkOfEveryRolesMenuOpensAnHtmlPage() {
    var accounts = accounts();
    // a new role must be added here, so that its menu is walked too
    assertThat(accounts.keySet()).isEqualTo(EnumSet.complementOf(EnumSet.of(Role.CITIZEN)));
    var client = new StaffClient(port, json);
    int walked = 0;
    for (var account : accounts.entrySet()) {
      String login = account.getValue().get(0);
      String password = account.getValue().get(1);
      browser.manage().deleteAllCookies();
      open("/staff/login");
      type(By.id("username"), login);
      type(By.id("password"), password);
      click(By.id("login-submit"));
      new WebDriverWait(browser, java.time.Duration.ofSeconds(10))
          .until(ExpectedConditions.urlToBe(url("/staff")));
      List<String> links =
          browser.findElements(By.cssSelector("#staff-menu a")).stream()
              .map(link -> link.getDomAttribute("href"))
              .toList();
      if (links.isEmpty()) {
        assertThat(textOf(By.cssSelector("main"))).contains("您的账号暂无可用的功能");
      }
      for (String path : links) {
        String what = account.getKey() + " " + login + " → " + path;
        StaffClient.Response answer = client.get(path, login, password);
        assertThat(answer.status()).as(what).isEqualTo(200);
        assertThat(answer.contentType()).as(what).startsWith("text/html");

        open(path);
        assertThat(((JavascriptExecutor) browser).executeScript("return document.contentType"))
            .as(what)
            .isEqualTo("text/html");
        assertThat(textOf(By.tagName("h1"))).as(what).isNotBlank();
        walked++;
      }
    }
    // administrator (3), auditor, authority (3: status, round, traces), reviewer, sampler (4:
    // sampling page, site, scan, paper code check), venue staff (3: desk, scan, paper code check),
    // terminal (2: sampling page, scan), sentinel (2: door screen, scan), lab, the two kiosks (1
    // each)
    assertThat(walked).isEqualTo(22);
  }
}
