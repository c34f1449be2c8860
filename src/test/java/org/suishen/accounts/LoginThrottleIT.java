package org.suishen.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suishen.accounts.StaffClient.ADMIN;
import static org.suishen.accounts.StaffClient.ADMIN_PASSWORD;
import static org.suishen.accounts.StaffClient.uniqueLogin;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suishen.support.IntegrationTest;
import org.suishen.support.MutableClock;
import org.suishen.support.TestClockConfiguration;
import org.suishen.support.TestSignInConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Failed staff and device logins are limited per login name and per client address
 * (docs/accounts.md, "Login throttling"); the test profile keeps the defaults: 5 per name and 50
 * per address in 15 minutes, 15 minutes' cool-down.
 */
@IntegrationTest
@AutoConfigureMockMvc
@Import({TestClockConfiguration.class, TestSignInConfiguration.class})
class LoginThrottleIT {

  private static final String PASSWORD = "Throttle-Test-Passw0rd";

  @LocalServerPort int port;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;

  StaffClient client;

  @BeforeEach
  void client() {
    client = new StaffClient(port, json);
    forgetAddressCounts();
  }

  @AfterEach
  void cleanUp() {
    clock.reset();
    // all tests log in from this machine: leave no address count behind for the other tests
    forgetAddressCounts();
  }

  private void forgetAddressCounts() {
    jdbc.sql("DELETE FROM login_throttle WHERE scope = 'ADDRESS'").update();
  }

  private StaffClient.Response api(String login, String password) {
    return client.get("/api/accounts/me", login, password);
  }

  private void failTimes(String login, int times) {
    for (int i = 0; i < times; i++) {
      var refused = api(login, "wrong-" + i);
      assertThat(refused.status()).as("failure %d", i + 1).isEqualTo(401);
      assertThat(refused.code()).isEqualTo("auth.required");
    }
  }

  private long audited(String action, String detailPart) {
    return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = ? AND detail LIKE ?")
        .param(action)
        .param("%" + detailPart + "%")
        .query(Long.class)
        .single();
  }

  private long throttleRows(String login) {
    return jdbc.sql("SELECT count(*) FROM login_throttle WHERE account_id = ?::uuid")
        .param(
            jdbc.sql("SELECT id::text FROM account WHERE login = ?")
                .param(login)
                .query(String.class)
                .single())
        .query(Long.class)
        .single();
  }

  @Test
  void theFifthFailureLocksTheNameAndEvenTheRightPasswordIsRefused() {
    String login = uniqueLogin("it.locked");
    String id = client.createStaff(login, PASSWORD, "AUDITOR");
    failTimes(login, 4);

    var fifth = api(login, "wrong-again");
    assertThat(fifth.status()).isEqualTo(429);
    assertThat(fifth.code()).isEqualTo("accounts.login.locked");
    assertThat(fifth.retryAfter()).isEqualTo("900");

    var right = api(login, PASSWORD);
    assertThat(right.status()).isEqualTo(429);
    assertThat(right.code()).isEqualTo("accounts.login.locked");
    assertThat(Long.parseLong(right.retryAfter())).isBetween(1L, 900L);
    JsonNode problem = right.json();
    assertThat(problem.get("messageZh").asString())
        .contains("登录失败次数过多")
        .containsPattern("\\d\\d:\\d\\d");
    assertThat(problem.get("messageEn").asString()).contains("Too many failed attempts");
    assertThat(audited("accounts.login.locked", "account=" + id)).isEqualTo(1);

    // the staff form shows the lock too, with the time it ends
    var form = client.formLogin(login, PASSWORD);
    assertThat(form.login().location()).endsWith("/staff/login?error");
    var page = form.get("/staff/login?error");
    assertThat(page.body()).contains("id=\"login-locked\"", "登录失败次数过多", "accounts.login.locked");
    assertThat(page.body()).doesNotContain("id=\"login-error\"");
  }

  @Test
  void theLockEndsAfterTheCoolDownAndCountingStartsAfresh() {
    String login = uniqueLogin("it.cooldown");
    client.createStaff(login, PASSWORD, "AUDITOR");
    failTimes(login, 4);
    assertThat(api(login, "wrong").status()).isEqualTo(429);

    clock.advance(Duration.ofMinutes(14));
    assertThat(api(login, PASSWORD).status()).isEqualTo(429);
    clock.advance(Duration.ofMinutes(1).plusSeconds(1));
    assertThat(api(login, PASSWORD).status()).isEqualTo(200);
    assertThat(throttleRows(login)).as("a success forgets the count").isZero();
    failTimes(login, 4);
    assertThat(api(login, PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void aSuccessfulLoginResetsTheCount() {
    String login = uniqueLogin("it.reset");
    client.createStaff(login, PASSWORD, "AUDITOR");
    failTimes(login, 4);
    assertThat(api(login, PASSWORD).status()).isEqualTo(200);
    failTimes(login, 4);
    assertThat(api(login, PASSWORD).status()).isEqualTo(200);
    // successes without failures to forget (served from the credential cache) write nothing
    for (int i = 0; i < 3; i++) {
      assertThat(api(login, PASSWORD).status()).isEqualTo(200);
    }
    assertThat(throttleRows(login)).isZero();
  }

  @Test
  void anUnknownNameIsLockedLikeAKnownOne() {
    String login = uniqueLogin("it.nobody");
    failTimes(login, 4);
    var fifth = api(login, "wrong");
    assertThat(fifth.status()).isEqualTo(429);
    assertThat(fifth.code()).isEqualTo("accounts.login.locked");
    assertThat(api(login, "anything").code()).isEqualTo("accounts.login.locked");
    // the audit trail does not keep names without an account (they may be anything typed)
    assertThat(audited("accounts.login.locked", login)).isZero();
    assertThat(audited("accounts.login.locked", "account=none")).isPositive();
  }

  @Test
  void anAdministratorLiftsTheLock() {
    String login = uniqueLogin("it.lifted");
    String id = client.createStaff(login, PASSWORD, "AUDITOR");
    failTimes(login, 4);
    assertThat(api(login, "wrong").status()).isEqualTo(429);

    var locks = client.get("/api/admin/login-locks", ADMIN, ADMIN_PASSWORD);
    assertThat(locks.status()).isEqualTo(200);
    assertThat(locks.json().get("locks").valueStream())
        .anySatisfy(
            lock -> {
              assertThat(lock.get("scope").asString()).isEqualTo("LOGIN");
              assertThat(lock.get("login").asString()).isEqualTo(login);
              assertThat(lock.get("failures").asInt()).isEqualTo(5);
            });

    var lifted = client.postEmpty("/api/admin/accounts/" + id + "/unlock", ADMIN, ADMIN_PASSWORD);
    assertThat(lifted.status()).isEqualTo(200);
    assertThat(lifted.json().get("lifted").asBoolean()).isTrue();
    assertThat(audited("accounts.login.unlocked", "account=" + id)).isEqualTo(1);
    assertThat(api(login, PASSWORD).status()).isEqualTo(200);

    var again = client.postEmpty("/api/admin/accounts/" + id + "/unlock", ADMIN, ADMIN_PASSWORD);
    assertThat(again.json().get("lifted").asBoolean()).isFalse();
    assertThat(
            client
                .postEmpty(
                    "/api/admin/accounts/" + java.util.UUID.randomUUID() + "/unlock",
                    ADMIN,
                    ADMIN_PASSWORD)
                .code())
        .isEqualTo("accounts.account.not-found");
    // only administrators
    assertThat(client.get("/api/admin/login-locks", login, PASSWORD).status()).isEqualTo(403);
  }

  @Test
  void changingOnesOwnPasswordIsThrottledLikeALogIn() {
    String login = uniqueLogin("it.ownpw");
    String id = client.createStaff(login, PASSWORD, "AUDITOR");
    var session = client.formLogin(login, PASSWORD);
    Map<String, String> wrongCurrent =
        Map.of(
            "currentPassword", "a-guess-at-it-1",
            "newPassword", "Taken-Over-Passw0rd",
            "repeatPassword", "Taken-Over-Passw0rd");
    for (int i = 0; i < 4; i++) {
      var refused = session.submit("/staff/password", "/staff/password", wrongCurrent);
      assertThat(refused.status()).as("failure %d", i + 1).isEqualTo(400);
      assertThat(refused.body()).contains("当前密码不正确");
    }
    // the fifth wrong current password locks the name, as five failed log-ins would
    var fifth = session.submit("/staff/password", "/staff/password", wrongCurrent);
    assertThat(fifth.status()).isEqualTo(429);
    assertThat(fifth.body()).contains("登录失败次数过多").doesNotContain("当前密码不正确");
    assertThat(audited("accounts.login.locked", "account=" + id)).isEqualTo(1);

    // while locked, not even the right current password is checked, and guessed log-ins wait too
    // (the password this session logged in with was verified recently: no guess, it still works)
    var right =
        session.submit(
            "/staff/password",
            "/staff/password",
            Map.of(
                "currentPassword", PASSWORD,
                "newPassword", "Changed-Passw0rd-9",
                "repeatPassword", "Changed-Passw0rd-9"));
    assertThat(right.status()).isEqualTo(429);
    assertThat(api(login, "Changed-Passw0rd-9").code()).isEqualTo("accounts.login.locked");
    assertThat(audited("accounts.password.changed", "account=" + id)).isZero();

    assertThat(
            client
                .postEmpty("/api/admin/accounts/" + id + "/unlock", ADMIN, ADMIN_PASSWORD)
                .status())
        .isEqualTo(200);
    assertThat(api(login, PASSWORD).status()).as("the password is unchanged").isEqualTo(200);
    assertThat(api(login, "Changed-Passw0rd-9").status()).isEqualTo(401);
  }

  @Test
  void anUnlockWhoseAuditEntryCannotBeWrittenLeavesTheLock() {
    String login = uniqueLogin("it.unlockaudit");
    String id = client.createStaff(login, PASSWORD, "AUDITOR");
    failTimes(login, 4);
    assertThat(api(login, "wrong").status()).isEqualTo(429);
    jdbc.sql(
            "CREATE OR REPLACE FUNCTION login_throttle_it_refuses() RETURNS trigger"
                + " LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by LoginThrottleIT'; END $$")
        .update();
    jdbc.sql(
            "CREATE TRIGGER login_throttle_it_refuses BEFORE INSERT ON audit_event FOR EACH ROW"
                + " WHEN (NEW.action = 'accounts.login.unlocked' AND NEW.detail LIKE 'account="
                + id
                + "%') EXECUTE FUNCTION login_throttle_it_refuses()")
        .update();
    try {
      var unlock = client.postEmpty("/api/admin/accounts/" + id + "/unlock", ADMIN, ADMIN_PASSWORD);
      assertThat(unlock.status()).isEqualTo(500);
      assertThat(api(login, PASSWORD).code())
          .as("the lock stands: the unlock and its audit entry commit together")
          .isEqualTo("accounts.login.locked");
    } finally {
      jdbc.sql("DROP TRIGGER IF EXISTS login_throttle_it_refuses ON audit_event").update();
      jdbc.sql("DROP FUNCTION IF EXISTS login_throttle_it_refuses()").update();
    }
  }

  @Test
  void failuresOnAWorkingDevicesIdDoNotLockTheDeviceOut() {
    String deviceId = uniqueLogin("it-kiosk");
    var device = client.createDevice(deviceId, "SELF_SERVICE_KIOSK");
    assertThat(client.get("/api/accounts/me", deviceId, device.secret()).status()).isEqualTo(200);

    failTimes(deviceId, 4);
    var fifth = api(deviceId, "guessed-secret");
    assertThat(fifth.status()).isEqualTo(429);
    assertThat(fifth.code()).isEqualTo("accounts.login.locked");

    // the device's own secret was verified before the lock: it is no guess and still works
    assertThat(client.get("/api/accounts/me", deviceId, device.secret()).status()).isEqualTo(200);
    // further guesses are refused as locked, without a password check
    var guess = api(deviceId, "another-guess");
    assertThat(guess.status()).isEqualTo(429);
    assertThat(guess.code()).isEqualTo("accounts.login.locked");
  }

  @Test
  void manyNamesFromOneAddressLockTheAddressButNotRecentlyVerifiedDevices() {
    String staff = uniqueLogin("it.sprayed");
    client.createStaff(staff, PASSWORD, "AUDITOR");
    String deviceId = uniqueLogin("it-sentinel");
    var device = client.createDevice(deviceId, "VENUE_SENTINEL");
    assertThat(client.get("/api/accounts/me", deviceId, device.secret()).status()).isEqualTo(200);
    assertThat(client.get("/api/admin/login-locks", ADMIN, ADMIN_PASSWORD).status()).isEqualTo(200);

    for (int i = 1; i < 50; i++) {
      assertThat(api(uniqueLogin("it.spray"), "Password1").status())
          .as("failure %d", i)
          .isEqualTo(401);
    }
    var fiftieth = api(uniqueLogin("it.spray"), "Password1");
    assertThat(fiftieth.status()).isEqualTo(429);
    assertThat(fiftieth.code()).isEqualTo("accounts.login.address-locked");
    assertThat(fiftieth.retryAfter()).isEqualTo("900");

    // from this address even a right password is refused unless it was verified recently
    var right = api(staff, PASSWORD);
    assertThat(right.status()).isEqualTo(429);
    assertThat(right.code()).isEqualTo("accounts.login.address-locked");
    assertThat(client.get("/api/accounts/me", deviceId, device.secret()).status())
        .as("a sentinel behind the same address keeps working")
        .isEqualTo(200);
    assertThat(audited("accounts.address.locked", "failures=50")).isPositive();

    var locks = client.get("/api/admin/login-locks", ADMIN, ADMIN_PASSWORD);
    JsonNode addressLock =
        locks
            .json()
            .get("locks")
            .valueStream()
            .filter(lock -> lock.get("scope").asString().equals("ADDRESS"))
            .findFirst()
            .orElseThrow();
    String address = addressLock.get("address").asString();
    var lifted =
        client.post(
            "/api/admin/login-locks/address", ADMIN, ADMIN_PASSWORD, Map.of("address", address));
    assertThat(lifted.status()).isEqualTo(200);
    assertThat(lifted.json().get("lifted").asBoolean()).isTrue();
    assertThat(audited("accounts.address.unlocked", "address=")).isPositive();
    assertThat(api(staff, PASSWORD).status()).isEqualTo(200);

    var invalid =
        client.post(
            "/api/admin/login-locks/address", ADMIN, ADMIN_PASSWORD, Map.of("address", "nowhere"));
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.code()).isEqualTo("accounts.lock.address-invalid");
  }

  @Test
  void theAccountPagesShowALockedAccountAndItsPageLiftsTheLock() {
    String login = uniqueLogin("it.page");
    client.createStaff(login, PASSWORD, "AUDITOR");
    failTimes(login, 4);
    assertThat(api(login, "wrong").status()).isEqualTo(429);

    var admin = client.formLogin(ADMIN, ADMIN_PASSWORD);
    // the list finds it among the locked ones (the database derives the lock's key as the login)
    String list = "/admin/accounts?q=" + login + "&state=LOCKED";
    assertThat(admin.get(list).body()).contains("id=\"account-" + login + "\"", "锁定至");
    String id =
        jdbc.sql("SELECT id::text FROM account WHERE login = ?")
            .param(login)
            .query(String.class)
            .single();
    String account = "/admin/accounts/" + id;
    assertThat(admin.get(account).body()).contains("account-locked", "已锁定至", "account-unlock");
    var unlocked = admin.submit(account, account + "/unlock", Map.of("back", list));
    assertThat(unlocked.status()).isEqualTo(302);
    // back to the account's page, which keeps the list it came from
    String location = unlocked.location();
    assertThat(location).contains(account + "?back=");
    assertThat(
            java.net.URLDecoder.decode(
                location.substring(location.indexOf("?back=") + 6),
                java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(list);
    assertThat(admin.get(location.substring(location.indexOf(account))).body())
        .doesNotContain("account-unlock")
        .contains("已解除账号", "account-back");
    assertThat(admin.get(list).body()).contains("没有符合条件的账号。");
    assertThat(api(login, PASSWORD).status()).isEqualTo(200);
  }
}
