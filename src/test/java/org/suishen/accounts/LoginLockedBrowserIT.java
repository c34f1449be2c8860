package org.suishen.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suishen.support.BrowserTest;
import tools.jackson.databind.json.JsonMapper;

/** A staff member who mistyped the password too often sees why and until when on the login page. */
class LoginLockedBrowserIT extends BrowserTest {

  private static final String PASSWORD = "Browser-Lock-Passw0rd";

  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void forgetAddressCounts() {
    jdbc.sql("DELETE FROM login_throttle WHERE scope = 'ADDRESS'").update();
  }

  private void logIn(String username, String password) {
    type(By.id("username"), username);
    type(By.id("password"), password);
    click(By.id("login-submit"));
  }

  @Test
  void theLoginPageShowsTheLockAndTheTimeItEnds() {
    String login = StaffClient.uniqueLogin("browser.locked");
    new StaffClient(port, json).createStaff(login, PASSWORD, "AUDITOR");

    open("/staff/login");
    for (int i = 0; i < 4; i++) {
      logIn(login, "not-the-password-" + i);
      assertThat(textOf(By.id("login-error"))).contains("用户名或密码不正确");
    }
    logIn(login, "not-the-password");
    assertThat(textOf(By.id("login-locked")))
        .contains("登录失败次数过多")
        .containsPattern("请于 \\d\\d:\\d\\d 后再试");

    // the right password does not help while the lock lasts
    logIn(login, PASSWORD);
    assertThat(textOf(By.id("login-locked"))).contains("登录失败次数过多");
    assertThat(browser.getCurrentUrl()).contains("/staff/login");

    open("/staff/login?error&lang=en");
    assertThat(textOf(By.id("login-locked")))
        .contains("Too many failed attempts")
        .containsPattern("after \\d\\d:\\d\\d");
  }
}
