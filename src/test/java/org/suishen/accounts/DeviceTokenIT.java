package org.suishen.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suishen.accounts.StaffClient.ADMIN;
import static org.suishen.accounts.StaffClient.ADMIN_PASSWORD;
import static org.suishen.accounts.StaffClient.uniqueLogin;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suishen.healthcode.HealthCodeIntegrationTest;
import org.suishen.support.MutableClock;
import tools.jackson.databind.json.JsonMapper;

/**
 * A terminal exchanges its secret for a device token once and sends the token on every request: it
 * authenticates as the device with its role, without a session or a CSRF token; a forged, expired
 * or revoked token is a 401 with its code, and a disabled device's tokens end at once on the node
 * that disabled it and within the revocation check on every other.
 */
@HealthCodeIntegrationTest
class DeviceTokenIT {

  @LocalServerPort int port;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;

  StaffClient client;
  String login;
  StaffClient.Device device;

  @BeforeEach
  void aSentinel() {
    clock.reset();
    client = new StaffClient(port, json);
    login = uniqueLogin("it-sentinel");
    device = client.createDevice(login, "VENUE_SENTINEL");
  }

  @AfterEach
  void clockBack() {
    clock.reset();
  }

  String token() {
    var answer = client.postEmpty("/api/device/token", login, device.secret());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().get("tokenType").asString()).isEqualTo("Bearer");
    assertThat(answer.json().get("expiresInSeconds").asLong()).isEqualTo(600);
    assertThat(answer.json().get("expiresAt").asString())
        .isEqualTo(clock.instant().plus(Duration.ofMinutes(10)).toString());
    return answer.json().get("token").asString();
  }

  @Test
  void theTokenAuthenticatesTheDeviceWithItsRole() {
    String token = token();
    assertThat(token).startsWith("dt1.").doesNotContain(device.secret());

    var me = client.getBearer("/api/accounts/me", token);
    assertThat(me.status()).as(me.body()).isEqualTo(200);
    assertThat(me.json().get("login").asString()).isEqualTo(login);
    assertThat(me.json().get("kind").asString()).isEqualTo("DEVICE");
    assertThat(me.json().get("roles").get(0).asString()).isEqualTo("VENUE_SENTINEL");
    // the role's limits hold: a sentinel is no administrator
    assertThat(client.getBearer("/api/admin/accounts", token).code()).isEqualTo("auth.forbidden");
  }

  @Test
  void aTokenIsNotExchangedForAnotherAndStaffGetNone() {
    String token = token();
    // a POST with the token needs no CSRF token (a terminal is no browser): the refusal is the
    // endpoint's own
    var again = client.postBearer("/api/device/token", token);
    assertThat(again.status()).isEqualTo(403);
    assertThat(again.code()).isEqualTo("accounts.device-token.secret-required");

    var staff = client.postEmpty("/api/device/token", ADMIN, ADMIN_PASSWORD);
    assertThat(staff.status()).isEqualTo(403);
    assertThat(staff.code()).isEqualTo("auth.forbidden");
  }

  @Test
  void aForgedOrGarbledTokenIsInvalidAndAnExpiredOneExpired() {
    String token = token();
    String forged = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
    var refused = client.getBearer("/api/accounts/me", forged);
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.code()).isEqualTo("accounts.device-token.invalid");
    assertThat(refused.json().get("messageEn").asString()).contains("fetch a new one");
    assertThat(refused.json().get("messageZh").asString()).contains("重新获取");
    assertThat(client.getBearer("/api/accounts/me", "not-a-token").code())
        .isEqualTo("accounts.device-token.invalid");

    clock.advance(Duration.ofMinutes(10));
    var expired = client.getBearer("/api/accounts/me", token);
    assertThat(expired.status()).isEqualTo(401);
    assertThat(expired.code()).isEqualTo("accounts.device-token.expired");
  }

  @Test
  void disablingTheDeviceEndsItsTokensAtOnceOnThisNode() {
    String token = token();
    var disabled =
        client.postEmpty("/api/admin/accounts/" + device.id() + "/disable", ADMIN, ADMIN_PASSWORD);
    assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);

    var refused = client.getBearer("/api/accounts/me", token);
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.code()).isEqualTo("accounts.device-token.revoked");
  }

  @Test
  void aNewSecretSetOnAnotherNodeEndsTheTokensWithinTheRevocationCheck() {
    String token = token();
    // another node gives the device a new secret: only the database knows
    jdbc.sql(
            "UPDATE account SET credentials_version = credentials_version + 1, updated_at = ?"
                + " WHERE login = ?")
        .params(java.sql.Timestamp.from(clock.instant()), login)
        .update();
    // this node read the changes a moment ago (the token's issue): the token still counts ...
    clock.advance(Duration.ofSeconds(5));
    assertThat(client.getBearer("/api/accounts/me", token).status()).isEqualTo(200);
    // ... until its next check, 15 s after the last
    clock.advance(Duration.ofSeconds(11));
    var refused = client.getBearer("/api/accounts/me", token);
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.code()).isEqualTo("accounts.device-token.revoked");
    // the device with its secret gets a token that counts again (the new secret is the admin's
    // to hand over; here the version moved without a new hash, so the old secret still matches)
    assertThat(client.getBearer("/api/accounts/me", token()).status()).isEqualTo(200);
  }
}
