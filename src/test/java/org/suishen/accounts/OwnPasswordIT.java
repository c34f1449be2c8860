package org.suishen.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suishen.accounts.StaffClient.uniqueLogin;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suishen.support.IntegrationTest;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class OwnPasswordIT {

  @LocalServerPort int port;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;

  @Test
  void aStaffMemberChangesTheirOwnPasswordAndLogsInAnew() {
    var client = new StaffClient(port, json);
    String username = uniqueLogin("it.own");
    String id = client.createStaff(username, "Given-By-Admin-1", "SAMPLER");
    var session = client.formLogin(username, "Given-By-Admin-1");

    var wrongCurrent =
        session.submit(
            "/staff/password",
            "/staff/password",
            Map.of(
                "currentPassword", "guess-guess-1",
                "newPassword", "My-Own-Password-7",
                "repeatPassword", "My-Own-Password-7"));
    assertThat(wrongCurrent.status()).isEqualTo(400);
    assertThat(wrongCurrent.body()).contains("当前密码不正确");
    var mismatch =
        session.submit(
            "/staff/password",
            "/staff/password",
            Map.of(
                "currentPassword", "Given-By-Admin-1",
                "newPassword", "My-Own-Password-7",
                "repeatPassword", "My-Own-Password-8"));
    assertThat(mismatch.body()).contains("两次输入的新密码不一致");
    var weak =
        session.submit(
            "/staff/password",
            "/staff/password",
            Map.of(
                "currentPassword", "Given-By-Admin-1",
                "newPassword", "short",
                "repeatPassword", "short"));
    assertThat(weak.body()).contains("密码过于简单");
    assertThat(client.get("/api/accounts/me", username, "Given-By-Admin-1").status())
        .isEqualTo(200);

    var changed =
        session.submit(
            "/staff/password",
            "/staff/password",
            Map.of(
                "currentPassword", "Given-By-Admin-1",
                "newPassword", "My-Own-Password-7",
                "repeatPassword", "My-Own-Password-7"));
    assertThat(changed.status()).isEqualTo(302);
    assertThat(changed.location()).endsWith("/staff/login?changed");
    assertThat(session.get("/staff").status()).as("logged out").isEqualTo(302);
    assertThat(client.get("/api/accounts/me", username, "Given-By-Admin-1").status())
        .isEqualTo(401);
    assertThat(client.get("/api/accounts/me", username, "My-Own-Password-7").status())
        .isEqualTo(200);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action = 'accounts.password.changed'"
                        + " AND detail = ?")
                .param("account=" + id)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }
}
