package org.suishen.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suishen.accounts.StaffClient.ADMIN;
import static org.suishen.accounts.StaffClient.ADMIN_PASSWORD;
import static org.suishen.accounts.StaffClient.uniqueLogin;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suishen.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class AccountsApiIT {

  @LocalServerPort int port;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;

  StaffClient client;

  @BeforeEach
  void client() {
    client = new StaffClient(port, json);
  }

  private long accountsNamed(String login) {
    return jdbc.sql("SELECT count(*) FROM account WHERE login = ?")
        .param(login)
        .query(Long.class)
        .single();
  }

  private long auditEntries(String action, String detailPart) {
    return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = ? AND detail LIKE ?")
        .param(action)
        .param("%" + detailPart + "%")
        .query(Long.class)
        .single();
  }

  private static List<String> texts(JsonNode array) {
    return array.valueStream().map(JsonNode::asString).toList();
  }

  @Test
  void anAdministratorCreatesStaffWhoLogsInByFormAndByBasic() {
    String username = uniqueLogin("it.staff");
    var created =
        client.post(
            "/api/admin/accounts/staff",
            ADMIN,
            ADMIN_PASSWORD,
            Map.of(
                "login",
                username.toUpperCase(),
                "password",
                "Correct-Horse-42",
                "description",
                "Xuhui CDC",
                "roles",
                List.of("auditor", "VENUE_STAFF")));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode account = created.json();
    String id = account.get("id").asString();
    assertThat(account.get("login").asString()).isEqualTo(username);
    assertThat(account.get("kind").asString()).isEqualTo("STAFF");
    assertThat(texts(account.get("roles"))).containsExactly("VENUE_STAFF", "AUDITOR");
    assertThat(account.get("enabled").asBoolean()).isTrue();
    assertThat(created.body()).doesNotContain("Correct-Horse-42").doesNotContain("password");
    assertThat(created.location()).isEqualTo("/api/admin/accounts/" + id);

    var me = client.get("/api/accounts/me", username, "Correct-Horse-42");
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("kind").asString()).isEqualTo("STAFF");
    assertThat(texts(me.json().get("roles"))).containsExactly("VENUE_STAFF", "AUDITOR");

    var session = client.formLogin(username, "Correct-Horse-42");
    assertThat(session.login().status()).isEqualTo(302);
    assertThat(session.login().location()).endsWith("/staff");
    var landing = session.get("/staff");
    assertThat(landing.status()).isEqualTo(200);
    assertThat(landing.body()).contains(username, "href=\"/audit\"", "href=\"/scan\"");
    assertThat(landing.body()).doesNotContain("href=\"/admin/accounts\"");

    String hash =
        jdbc.sql("SELECT password_hash FROM account WHERE id = ?::uuid")
            .param(id)
            .query(String.class)
            .single();
    assertThat(hash).startsWith("{bcrypt}").doesNotContain("Correct-Horse-42");
    assertThat(auditEntries("accounts.staff.created", "account=" + id)).isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT actor FROM audit_event WHERE detail LIKE ? AND subject IS NULL")
                .param("account=" + id + "%")
                .query(String.class)
                .list())
        .containsExactly("staff:" + ADMIN);
  }

  @Test
  void aDeviceAuthenticatesWithItsSecretAndGetsItsDeviceRole() {
    String deviceId = uniqueLogin("sentinel");
    var created =
        client.post(
            "/api/admin/accounts/devices",
            ADMIN,
            ADMIN_PASSWORD,
            Map.of(
                "login",
                deviceId,
                "roles",
                List.of("VENUE_SENTINEL"),
                "description",
                "Mall gate 3"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String secret = created.json().get("secret").asString();
    String id = created.json().get("account").get("id").asString();
    assertThat(secret).hasSize(32);
    assertThat(created.json().get("account").get("description").asString())
        .isEqualTo("Mall gate 3");

    var me = client.get("/api/accounts/me", deviceId, secret);
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("kind").asString()).isEqualTo("DEVICE");
    assertThat(texts(me.json().get("roles"))).containsExactly("VENUE_SENTINEL");
    // a second request is served from the verified-credentials cache and still works
    assertThat(client.get("/api/accounts/me", deviceId, secret).status()).isEqualTo(200);

    var wrong = client.get("/api/accounts/me", deviceId, secret + "x");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.code()).isEqualTo("auth.required");

    var forbidden = client.get("/api/admin/accounts", deviceId, secret);
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.code()).isEqualTo("auth.forbidden");

    // the secret is never shown again
    var listed = client.get("/api/admin/accounts?kind=DEVICE&q=" + deviceId, ADMIN, ADMIN_PASSWORD);
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.body()).contains(deviceId).doesNotContain(secret);
    assertThat(auditEntries("accounts.device.created", "account=" + id)).isEqualTo(1);
  }

  @Test
  void aDisabledAccountIsRefusedEverywhereAndItsSessionEnds() {
    String username = uniqueLogin("it.disabled");
    String id = client.createStaff(username, "Disable-Me-2026", "APPEAL_REVIEWER");
    var session = client.formLogin(username, "Disable-Me-2026");
    assertThat(session.get("/staff").status()).isEqualTo(200);

    var disabled =
        client.postEmpty("/api/admin/accounts/" + id + "/disable", ADMIN, ADMIN_PASSWORD);
    assertThat(disabled.status()).isEqualTo(200);
    assertThat(disabled.json().get("enabled").asBoolean()).isFalse();

    var basic = client.get("/api/accounts/me", username, "Disable-Me-2026");
    assertThat(basic.status()).isEqualTo(401);
    assertThat(basic.code()).isEqualTo("auth.required");
    var form = client.formLogin(username, "Disable-Me-2026");
    assertThat(form.login().location()).endsWith("/staff/login?error");
    var ended = session.get("/staff");
    assertThat(ended.status()).isEqualTo(302);
    assertThat(ended.location()).endsWith("/staff/login?ended");
    assertThat(auditEntries("accounts.account.disabled", "account=" + id)).isEqualTo(1);

    var enabled = client.postEmpty("/api/admin/accounts/" + id + "/enable", ADMIN, ADMIN_PASSWORD);
    assertThat(enabled.json().get("enabled").asBoolean()).isTrue();
    assertThat(client.get("/api/accounts/me", username, "Disable-Me-2026").status()).isEqualTo(200);
    assertThat(auditEntries("accounts.account.enabled", "account=" + id)).isEqualTo(1);
  }

  @Test
  void badInputIsRefusedWithStableCodesAndNothingIsWritten() {
    String username = uniqueLogin("it.weak");
    long created = auditEntries("accounts.staff.created", "");

    var weak = staff(username, "short", List.of("AUDITOR"));
    assertThat(weak.status()).isEqualTo(400);
    assertThat(weak.code()).isEqualTo("accounts.password.weak");
    assertThat(weak.json().get("messageZh").asString()).contains("10");
    assertThat(weak.json().get("messageEn").asString()).contains("at least 10 characters");

    var same = staff(username, username.toUpperCase() + "-1", List.of("AUDITOR"));
    assertThat(same.code()).isEqualTo("accounts.password.same-as-username");
    assertThat(staff("1-bad name", "Good-Password-1", List.of("AUDITOR")).code())
        .isEqualTo("accounts.username.invalid");
    assertThat(staff(username, "Good-Password-1", List.of()).code())
        .isEqualTo("accounts.roles.missing");
    assertThat(staff(username, "Good-Password-1", List.of("VENUE_SENTINEL")).code())
        .isEqualTo("accounts.roles.not-staff");
    assertThat(staff(username, "Good-Password-1", List.of("JANITOR")).code())
        .isEqualTo("accounts.role.unknown");
    assertThat(accountsNamed(username)).isZero();

    assertThat(staff(username, "Good-Password-1", List.of("AUDITOR")).status()).isEqualTo(201);
    var taken = staff(username, "Other-Password-2", List.of("LAB"));
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.code()).isEqualTo("accounts.username.taken");
    assertThat(accountsNamed(username)).isEqualTo(1);
    assertThat(auditEntries("accounts.staff.created", "")).isEqualTo(created + 1);

    var device =
        client.post(
            "/api/admin/accounts/devices",
            ADMIN,
            ADMIN_PASSWORD,
            Map.of("login", uniqueLogin("kiosk"), "roles", List.of("AUDITOR")));
    assertThat(device.code()).isEqualTo("accounts.device.role-invalid");
    var takenDevice =
        client.post(
            "/api/admin/accounts/devices",
            ADMIN,
            ADMIN_PASSWORD,
            Map.of("login", username, "roles", List.of("BANK_KIOSK")));
    assertThat(takenDevice.code()).isEqualTo("accounts.device.id-taken");

    var malformed =
        client.post("/api/admin/accounts/staff", ADMIN, ADMIN_PASSWORD, "not an object");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(
            client
                .postEmpty("/api/admin/accounts/not-a-uuid/disable", ADMIN, ADMIN_PASSWORD)
                .status())
        .isEqualTo(400);
    var unknown =
        client.postEmpty(
            "/api/admin/accounts/" + java.util.UUID.randomUUID() + "/disable",
            ADMIN,
            ADMIN_PASSWORD);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.code()).isEqualTo("accounts.account.not-found");
  }

  @Test
  void onlyAdministratorsMayAdministerAccounts() {
    String auditor = uniqueLogin("it.auditor");
    client.createStaff(auditor, "Auditor-Pass-99", "AUDITOR");

    var forbidden = client.get("/api/admin/accounts", auditor, "Auditor-Pass-99");
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.code()).isEqualTo("auth.forbidden");
    assertThat(forbidden.json().get("messageEn").asString()).isNotBlank();
    var create =
        staff(
            "x" + auditor, "Good-Password-1", List.of("ADMINISTRATOR"), auditor, "Auditor-Pass-99");
    assertThat(create.status()).isEqualTo(403);
    assertThat(accountsNamed("x" + auditor)).isZero();

    var anonymous = client.getAnonymous("/api/admin/accounts");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.code()).isEqualTo("auth.required");
  }

  @Test
  void passwordsAreResetByChoiceOrGeneratedAndDeviceSecretsOnlyGenerated() {
    String username = uniqueLogin("it.reset");
    String id = client.createStaff(username, "First-Password-1", "LAB");

    var chosen =
        client.post(
            "/api/admin/accounts/" + id + "/password",
            ADMIN,
            ADMIN_PASSWORD,
            Map.of("password", "Second-Password-2"));
    assertThat(chosen.status()).isEqualTo(200);
    assertThat(chosen.json().get("secret").isNull()).isTrue();
    assertThat(client.get("/api/accounts/me", username, "First-Password-1").status())
        .isEqualTo(401);
    assertThat(client.get("/api/accounts/me", username, "Second-Password-2").status())
        .isEqualTo(200);

    var generated =
        client.postEmpty("/api/admin/accounts/" + id + "/password", ADMIN, ADMIN_PASSWORD);
    String password = generated.json().get("secret").asString();
    assertThat(password).hasSize(20);
    assertThat(client.get("/api/accounts/me", username, "Second-Password-2").status())
        .isEqualTo(401);
    assertThat(client.get("/api/accounts/me", username, password).status()).isEqualTo(200);
    assertThat(auditEntries("accounts.password.reset", "account=" + id)).isEqualTo(2);

    var weak =
        client.post(
            "/api/admin/accounts/" + id + "/password",
            ADMIN,
            ADMIN_PASSWORD,
            Map.of("password", "x"));
    assertThat(weak.code()).isEqualTo("accounts.password.weak");

    var device = client.createDevice(uniqueLogin("terminal"), "SAMPLING_TERMINAL");
    var refused =
        client.post(
            "/api/admin/accounts/" + device.id() + "/password",
            ADMIN,
            ADMIN_PASSWORD,
            Map.of("password", "Chosen-Secret-1"));
    assertThat(refused.code()).isEqualTo("accounts.device.secret-generated");
    var renewed =
        client.postEmpty("/api/admin/accounts/" + device.id() + "/password", ADMIN, ADMIN_PASSWORD);
    assertThat(renewed.json().get("secret").asString()).hasSize(32).isNotEqualTo(device.secret());
  }

  @Test
  void anAdministratorCannotDisableTheirOwnAccount() {
    String id =
        jdbc.sql("SELECT id::text FROM account WHERE login = ?")
            .param(ADMIN)
            .query(String.class)
            .single();
    var refused = client.postEmpty("/api/admin/accounts/" + id + "/disable", ADMIN, ADMIN_PASSWORD);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.code()).isEqualTo("accounts.account.self");
  }

  @Test
  void theListIsPagedByLogin() {
    String prefix = uniqueLogin("it.page");
    for (int i = 0; i < 3; i++) {
      client.createStaff(prefix + ".u" + i, "Paged-Password-" + i, "LAB");
    }
    var first = client.get("/api/admin/accounts?q=" + prefix + "&limit=2", ADMIN, ADMIN_PASSWORD);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().get("accounts").valueStream().map(a -> a.get("login").asString()))
        .containsExactly(prefix + ".u0", prefix + ".u1");
    String next = first.json().get("next").asString();
    var second =
        client.get(
            "/api/admin/accounts?q=" + prefix + "&limit=2&after=" + next, ADMIN, ADMIN_PASSWORD);
    assertThat(second.json().get("accounts").valueStream().map(a -> a.get("login").asString()))
        .containsExactly(prefix + ".u2");
    assertThat(second.json().get("next").isNull()).isTrue();
    assertThat(client.get("/api/admin/accounts?kind=ROBOT", ADMIN, ADMIN_PASSWORD).code())
        .isEqualTo("accounts.kind.invalid");
  }

  private StaffClient.Response staff(String username, String password, List<String> roles) {
    return staff(username, password, roles, ADMIN, ADMIN_PASSWORD);
  }

  private StaffClient.Response staff(
      String username, String password, List<String> roles, String as, String asPassword) {
    return client.post(
        "/api/admin/accounts/staff",
        as,
        asPassword,
        Map.of("login", username, "password", password, "roles", roles));
  }
}
