package org.suishen.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suishen.accounts.StaffClient.ADMIN;
import static org.suishen.accounts.StaffClient.ADMIN_PASSWORD;
import static org.suishen.accounts.StaffClient.uniqueLogin;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suishen.support.BrowserTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The administrators' account pages in the browser: the searchable table ({@code /admin/accounts})
 * and one account's page with its actions ({@code /admin/accounts/{id}}).
 */
class AdminAccountsPageIT extends BrowserTest {

  private static final By ROWS = By.cssSelector("#accounts-table tbody tr");

  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;

  private void logIn(String username, String password) {
    open("/staff/login");
    type(By.id("username"), username);
    type(By.id("password"), password);
    click(By.id("login-submit"));
    // wait until the log-in has been answered before going anywhere else
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(b -> !b.getCurrentUrl().endsWith("/staff/login"));
  }

  private List<String> listedLogins() {
    return browser.findElements(ROWS).stream()
        .map(row -> row.findElement(By.className("account-open")).getText())
        .toList();
  }

  private String idOf(String login) {
    return jdbc.sql("SELECT id::text FROM account WHERE login = ?")
        .param(login)
        .query(String.class)
        .single();
  }

  private long scrollHeight() {
    return ((Number)
            ((JavascriptExecutor) browser).executeScript("return document.body.scrollHeight"))
        .longValue();
  }

  /** Device accounts {@code prefix-001 ... prefix-<count>}, written directly: no secret needed. */
  private void insertDevices(String prefix, int count) {
    jdbc.sql(
            "INSERT INTO account (id, kind, login, description, roles, password_hash, enabled,"
                + " created_at, updated_at)"
                + " SELECT gen_random_uuid(), 'DEVICE', ? || '-' || lpad(n::text, 3, '0'),"
                + " '分页测试大厅', ARRAY['VENUE_SENTINEL'], 'no-login', TRUE, now(), now()"
                + " FROM generate_series(1, ?) n")
        .param(prefix)
        .param(count)
        .update();
  }

  private static String encoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void anAdministratorCreatesAStaffAccountAndTheNewStaffMemberLogsIn() {
    logIn(ADMIN, ADMIN_PASSWORD);
    assertThat(textOf(By.id("staff-welcome"))).contains(ADMIN);
    click(By.id("menu-accounts"));

    // the form is folded until asked for
    assertThat(browser.findElement(By.id("staff-username")).isDisplayed()).isFalse();
    click(By.id("create-staff-open"));
    String username = uniqueLogin("browser");
    type(By.id("staff-username"), username);
    type(By.id("staff-description"), "徐汇区疾控中心 王丽");
    type(By.id("staff-password"), "Browser-Pass-2026");
    click(By.id("staff-role-AUDITOR"));
    click(By.id("staff-role-VENUE_STAFF"));
    click(By.id("create-staff-submit"));

    // the new account's page
    assertThat(textOf(By.id("accounts-notice"))).contains("已创建工作人员账号", username);
    assertThat(browser.getCurrentUrl()).endsWith("/admin/accounts/" + idOf(username));
    assertThat(textOf(By.id("account-login"))).isEqualTo(username);
    assertThat(textOf(By.id("account-facts")))
        .contains("工作人员", "已启用", "审计员", "场所工作人员", "徐汇区疾控中心 王丽", "未锁定");

    click(By.id("account-back"));
    type(By.id("filter-q"), username);
    click(By.id("account-filter-submit"));
    waitForText(By.id("accounts-showing"), "共 1 条");
    assertThat(listedLogins()).containsExactly(username);
    assertThat(textOf(By.id("account-" + username)))
        .contains(username, "工作人员", "已启用", "审计员", "场所工作人员", "徐汇区疾控中心");

    open("/staff");
    click(By.id("logout"));
    new WebDriverWait(browser, Duration.ofSeconds(10))
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
    click(By.id("create-device-open"));
    String deviceId = uniqueLogin("kiosk");
    type(By.id("device-id"), deviceId);
    new Select(visible(By.id("device-role"))).selectByValue("BANK_KIOSK");
    type(By.id("device-description"), "工商银行徐家汇支行大厅");
    click(By.id("create-device-submit"));
    assertThat(textOf(By.id("issued-secret"))).contains(deviceId, "只显示这一次");
    assertThat(textOf(By.id("issued-secret-value"))).hasSize(32);
    assertThat(textOf(By.id("account-facts"))).contains("设备", "银行自助终端", "工商银行徐家汇支行大厅");

    browser.navigate().refresh();
    assertThat(textOf(By.id("account-login"))).isEqualTo(deviceId);
    assertThat(browser.findElements(By.id("issued-secret"))).isEmpty();

    open("/admin/accounts");
    click(By.id("create-staff-open"));
    type(By.id("staff-username"), "9 not valid");
    type(By.id("staff-password"), "Browser-Pass-2026");
    click(By.id("staff-role-LAB"));
    click(By.id("create-staff-submit"));
    assertThat(textOf(By.id("accounts-error"))).contains("用户名格式不正确", "accounts.username.invalid");
    // the refused form is open again, as it was filled in (but the password)
    assertThat(visible(By.id("staff-username")).getDomProperty("value")).isEqualTo("9 not valid");
    assertThat(browser.findElement(By.id("staff-role-LAB")).isSelected()).isTrue();
    assertThat(visible(By.id("staff-password")).getDomProperty("value")).isEmpty();
  }

  @Test
  void theSearchFindsByLoginOrNameInAnyCaseAndTheFiltersNarrowIt() {
    String token = UUID.randomUUID().toString().substring(0, 8);
    var client = new StaffClient(port, json);
    String staff = "search." + token;
    client.createStaff(staff, "Search-Pass-2026", "LAB", "AUDITOR");
    String device = "kiosk." + token;
    var kiosk = client.createDevice(device, "SELF_SERVICE_KIOSK");
    String other = uniqueLogin("search.other");
    client.createStaff(other, "Search-Pass-2026", "LAB");
    jdbc.sql("UPDATE account SET description = ? WHERE login = ?")
        .param("Minhang Lab " + token.toUpperCase(java.util.Locale.ROOT) + " 闵行检测所")
        .param(other)
        .update();
    logIn(ADMIN, ADMIN_PASSWORD);

    // by login: the one
    open("/admin/accounts?q=" + staff);
    assertThat(listedLogins()).containsExactly(staff);
    assertThat(textOf(By.id("accounts-showing"))).isEqualTo("第 1–1 条，共 1 条");
    open("/admin/accounts?q=" + staff + "&lang=en");
    assertThat(textOf(By.id("accounts-showing"))).isEqualTo("Showing 1–1 of 1");
    assertThat(textOf(By.id("account-" + staff))).contains("Staff", "enabled");
    open("/admin/accounts?lang=zh_CN");

    // a part of the login or of the name, in any case: the three, in login order
    open("/admin/accounts?q=" + token.toUpperCase(java.util.Locale.ROOT));
    assertThat(listedLogins()).containsExactly(device, staff, other);
    open("/admin/accounts?q=" + encoded("闵行检测所"));
    assertThat(listedLogins()).contains(other).doesNotContain(staff, device);

    // the kind, chosen in the form (the search stays)
    open("/admin/accounts?q=" + token);
    new Select(visible(By.id("filter-kind"))).selectByValue("DEVICE");
    click(By.id("account-filter-submit"));
    waitForText(By.id("accounts-showing"), "共 1 条");
    assertThat(listedLogins()).containsExactly(device);
    assertThat(textOf(By.id("account-" + device))).contains("设备", "政务自助终端");
    assertThat(new Select(visible(By.id("filter-kind"))).getFirstSelectedOption().getText())
        .isEqualTo("设备");
    assertThat(visible(By.id("filter-q")).getDomProperty("value")).isEqualTo(token);

    // the role, and the state
    open("/admin/accounts?q=" + token + "&role=AUDITOR");
    assertThat(listedLogins()).containsExactly(staff);
    client.postEmpty("/api/admin/accounts/" + kiosk.id() + "/disable", ADMIN, ADMIN_PASSWORD);
    open("/admin/accounts?q=" + token + "&state=DISABLED");
    assertThat(listedLogins()).containsExactly(device);
    assertThat(textOf(By.id("account-" + device))).contains("已停用");
    open("/admin/accounts?q=" + token + "&state=ENABLED");
    assertThat(listedLogins()).containsExactly(staff, other);

    // nothing found says so; clearing the conditions shows every account again
    open("/admin/accounts?q=" + token + "&kind=DEVICE&state=ENABLED");
    assertThat(textOf(By.id("accounts-none"))).isEqualTo("没有符合条件的账号。");
    assertThat(browser.findElements(By.id("accounts-table"))).isEmpty();
    click(By.id("account-filter-clear"));
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlToBe(url("/admin/accounts")));
    assertThat(browser.findElements(ROWS)).isNotEmpty();

    // a search is text, not a pattern: % and _ match only themselves
    open("/admin/accounts?q=" + encoded("%") + "&kind=STAFF");
    assertThat(textOf(By.id("accounts-none"))).isEqualTo("没有符合条件的账号。");
  }

  @Test
  void theListComesInPagesOfFiftyAndABadPageOrFilterIsNoError() {
    String prefix = uniqueLogin("paging");
    insertDevices(prefix, 55);
    logIn(ADMIN, ADMIN_PASSWORD);

    open("/admin/accounts?q=" + prefix);
    assertThat(textOf(By.id("accounts-showing"))).isEqualTo("第 1–50 条，共 55 条");
    assertThat(textOf(By.id("accounts-page"))).isEqualTo("第 1 页，共 2 页");
    assertThat(listedLogins()).hasSize(50).startsWith(prefix + "-001").endsWith(prefix + "-050");
    assertThat(browser.findElements(By.id("accounts-previous"))).isEmpty();

    click(By.id("accounts-next"));
    waitForText(By.id("accounts-showing"), "第 51–55 条");
    assertThat(browser.getCurrentUrl()).contains("page=2", "q=" + prefix);
    assertThat(listedLogins())
        .containsExactly(
            prefix + "-051", prefix + "-052", prefix + "-053", prefix + "-054", prefix + "-055");
    assertThat(browser.findElements(By.id("accounts-next"))).isEmpty();
    click(By.id("accounts-previous"));
    waitForText(By.id("accounts-showing"), "第 1–50 条");

    // not a page number: the first page; after the last one: the last one
    for (String page : List.of("abc", "-3", "0", "99999999999999", "")) {
      open("/admin/accounts?q=" + prefix + "&page=" + encoded(page));
      assertThat(textOf(By.id("accounts-showing"))).as(page).isEqualTo("第 1–50 条，共 55 条");
    }
    open("/admin/accounts?q=" + prefix + "&page=7");
    assertThat(textOf(By.id("accounts-showing"))).isEqualTo("第 51–55 条，共 55 条");

    // a kind, role or state that does not exist: no condition (and the form says "all")
    open("/admin/accounts?q=" + prefix + "&kind=ROBOT&role=CITIZEN&state=" + encoded("<x>"));
    assertThat(textOf(By.id("accounts-showing"))).isEqualTo("第 1–50 条，共 55 条");
    assertThat(new Select(visible(By.id("filter-kind"))).getFirstSelectedOption().getText())
        .isEqualTo("全部");
    open("/admin/accounts?q=" + prefix + "&kind=device&role=venue_sentinel&state=enabled");
    assertThat(textOf(By.id("accounts-showing"))).isEqualTo("第 1–50 条，共 55 条");
  }

  @Test
  void aFullPageOfTheListFitsOnAFewScreensAndARowLeadsToItsAccount() {
    String prefix = uniqueLogin("height");
    insertDevices(prefix, 51);
    logIn(ADMIN, ADMIN_PASSWORD);
    browser.manage().window().setSize(new Dimension(1366, 900));

    // every account of the tests (the first page of them), and a page of 50 for certain
    open("/admin/accounts");
    assertThat(browser.findElements(ROWS)).isNotEmpty();
    assertThat(scrollHeight()).as("list of the tests' accounts").isLessThan(2000);
    open("/admin/accounts?q=" + prefix);
    assertThat(browser.findElements(ROWS)).hasSize(50);
    assertThat(scrollHeight()).as("a full page").isLessThan(2000);

    String login = prefix + "-007";
    click(By.xpath("//tr[@id='account-" + login + "']//a[contains(@class,'account-open')]"));
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlContains("/admin/accounts/" + idOf(login)));
    assertThat(textOf(By.id("account-login"))).isEqualTo(login);
    assertThat(textOf(By.id("account-facts"))).contains("设备", "数字哨兵", "分页测试大厅");
    // the way back is to the list as it was
    click(By.id("account-back"));
    waitForText(By.id("accounts-showing"), "共 51 条");
    assertThat(browser.getCurrentUrl()).isEqualTo(url("/admin/accounts?q=" + prefix));
  }

  @Test
  void anAdministratorDisablesEnablesResetsAndUnlocksAnAccountOnItsPage() {
    String username = uniqueLogin("browser.actions");
    var client = new StaffClient(port, json);
    String id = client.createStaff(username, "Actions-Pass-2026", "LAB");
    logIn(ADMIN, ADMIN_PASSWORD);
    open("/admin/accounts?q=" + username);
    click(By.cssSelector("#accounts-table a.account-open"));
    String page = url("/admin/accounts/" + id);
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains(page));
    assertThat(textOf(By.id("account-state"))).isEqualTo("已启用");
    // the list has no per-account controls any more; the page has them all
    assertThat(textOf(By.id("account-actions"))).contains("停用", "重置密码");

    click(By.id("account-disable"));
    assertThat(waitForText(By.id("accounts-notice"), "已停用账号")).contains(username);
    assertThat(browser.getCurrentUrl()).startsWith(page);
    assertThat(textOf(By.id("account-state"))).isEqualTo("已停用");
    assertThat(client.get("/api/accounts/me", username, "Actions-Pass-2026").status())
        .isEqualTo(401);

    click(By.id("account-enable"));
    waitForText(By.id("accounts-notice"), "已启用账号");
    assertThat(textOf(By.id("account-state"))).isEqualTo("已启用");

    // a chosen password: no secret to show
    type(By.id("account-password"), "Chosen-Pass-2026");
    click(By.id("account-reset"));
    assertThat(waitForText(By.id("accounts-notice"), "已重置")).contains(username);
    assertThat(browser.findElements(By.id("issued-secret"))).isEmpty();
    assertThat(client.get("/api/accounts/me", username, "Chosen-Pass-2026").status())
        .isEqualTo(200);

    // a generated one: shown once
    click(By.id("account-reset"));
    waitForText(By.id("accounts-notice"), "已重置");
    String generated = textOf(By.id("issued-secret-value"));
    assertThat(generated).hasSize(20);
    assertThat(client.get("/api/accounts/me", username, generated).status()).isEqualTo(200);

    // five wrong passwords lock the name: the list and the page say so, the page lifts it
    try {
      for (int i = 0; i < 5; i++) {
        assertThat(client.get("/api/accounts/me", username, "wrong-" + i).status()).isIn(401, 429);
      }
      // locked: no password is checked (a right one may still pass from the credential cache)
      assertThat(client.get("/api/accounts/me", username, "wrong-again").status()).isEqualTo(429);
      open("/admin/accounts?q=" + username + "&state=LOCKED");
      assertThat(listedLogins()).containsExactly(username);
      assertThat(textOf(By.id("account-" + username))).contains("锁定至");
      click(By.cssSelector("#accounts-table a.account-open"));
      assertThat(textOf(By.id("account-lock"))).contains("已锁定至");
      click(By.id("account-unlock"));
      assertThat(waitForText(By.id("accounts-notice"), "已解除账号")).contains(username);
      assertThat(textOf(By.id("account-lock"))).isEqualTo("未锁定");
      assertThat(browser.findElements(By.id("account-unlock"))).isEmpty();
      assertThat(client.get("/api/accounts/me", username, "wrong-again").status()).isEqualTo(401);
      open("/admin/accounts?q=" + username + "&state=LOCKED");
      assertThat(textOf(By.id("accounts-none"))).isEqualTo("没有符合条件的账号。");
    } finally {
      // all tests log in from this machine: leave no address count behind for the others
      jdbc.sql("DELETE FROM login_throttle WHERE scope = 'ADDRESS'").update();
    }

    // an action's refusal is explained on the account's page
    open("/admin/accounts/" + idOf(ADMIN));
    click(By.id("account-disable"));
    assertThat(textOf(By.id("accounts-error"))).contains("不能停用自己的账号", "accounts.account.self");
    assertThat(textOf(By.id("account-login"))).isEqualTo(ADMIN);
  }

  @Test
  void anUnknownAccountIsTheNotFoundPageOrProblem() throws Exception {
    logIn(ADMIN, ADMIN_PASSWORD);
    open("/admin/accounts/" + UUID.randomUUID());
    assertThat(textOf(By.id("error-message"))).isEqualTo("找不到该账号。");
    assertThat(textOf(By.id("error-code"))).isEqualTo("accounts.account.not-found");
    open("/admin/accounts/not-an-id");
    assertThat(textOf(By.id("error-code"))).isEqualTo("request.path.invalid");

    var http = HttpClient.newHttpClient();
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> html =
        http.send(
            HttpRequest.newBuilder(URI.create(url("/admin/accounts/" + UUID.randomUUID())))
                .header("Authorization", basic)
                .header("Accept", "text/html,application/xhtml+xml")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(html.statusCode()).isEqualTo(404);
    assertThat(html.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    HttpResponse<String> problem =
        http.send(
            HttpRequest.newBuilder(URI.create(url("/admin/accounts/" + UUID.randomUUID())))
                .header("Authorization", basic)
                .header("Accept", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(problem.statusCode()).isEqualTo(404);
    assertThat(problem.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(json.readTree(problem.body()).get("code").asString())
        .isEqualTo("accounts.account.not-found");

    // administrators only, as the list
    var auditor =
        new StaffClient(port, json)
            .get(
                "/admin/accounts/" + idOf(ADMIN),
                org.suishen.support.TestStaffAccounts.AUDITOR,
                org.suishen.support.TestStaffAccounts.PASSWORD);
    assertThat(auditor.status()).isEqualTo(403);

    // characters the database cannot hold as text (NUL) are no error: they are left out
    HttpResponse<String> nul =
        http.send(
            HttpRequest.newBuilder(URI.create(url("/admin/accounts?q=%00&page=%00&kind=%00")))
                .header("Authorization", basic)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(nul.statusCode()).isEqualTo(200);
    assertThat(nul.body()).contains("id=\"accounts-table\"");
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
