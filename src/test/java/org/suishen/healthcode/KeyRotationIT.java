package org.suishen.healthcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.suishen.healthcode.internal.keys.KeyRotation;
import org.suishen.status.Colour;
import org.suishen.support.MutableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@HealthCodeIntegrationTest
class KeyRotationIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired CodeTokens tokens;
  @Autowired KeyRotation rotation;
  @Autowired MutableClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  JsonNode read(String path) throws Exception {
    return json.readTree(
        mvc.perform(get(path))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  List<Integer> publishedKeyIds() throws Exception {
    var ids = new ArrayList<Integer>();
    read("/api/keys").get("keys").forEach(k -> ids.add(k.get("kid").asInt()));
    return ids;
  }

  JsonNode rotate() throws Exception {
    return json.readTree(
        mvc.perform(
                post("/api/admin/keys/rotate")
                    .with(user("admin").roles("ADMINISTRATOR"))
                    .with(HealthCodeFixtures.xsrf())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"reason\":\"quarterly rotation\"}"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  String scanReason(String token) {
    return tokens.check(token, java.util.Set.of(CodeType.LIVE)).reason().code();
  }

  @Test
  void anOldKeyVerifiesDuringItsGracePeriodAndIsUnknownOnceRetired() throws Exception {
    var person = new HealthCodeFixtures(jdbc, clock).person();
    IssuedCode before =
        tokens.issue(CodeType.LIVE, person.id(), null, Duration.ofDays(3), Colour.GREEN);

    JsonNode rotated = rotate();
    int next = rotated.get("activated").asInt();
    assertThat(rotated.get("verifyOnly").asInt()).isEqualTo(before.keyId());
    assertThat(next).isNotEqualTo(before.keyId());

    IssuedCode after =
        tokens.issue(CodeType.LIVE, person.id(), null, Duration.ofDays(3), Colour.GREEN);
    assertThat(after.keyId()).isEqualTo(next);
    assertThat(publishedKeyIds()).contains(before.keyId(), next);
    assertThat(scanReason(before.token())).isEqualTo("ok");

    clock.advance(Duration.ofDays(1).plusMinutes(1));
    assertThat(rotation.retireExpired()).isGreaterThanOrEqualTo(1);

    assertThat(scanReason(before.token())).isEqualTo("unknown-key");
    assertThat(scanReason(after.token())).isEqualTo("ok");
    assertThat(publishedKeyIds()).contains(next).doesNotContain(before.keyId());
    assertThat(
            jdbc.sql("SELECT status FROM signing_key WHERE key_id = ?")
                .param(before.keyId())
                .query(String.class)
                .single())
        .isEqualTo("RETIRED");
    assertThat(
            jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'healthcode.key.rotated'")
                .query(Long.class)
                .single())
        .isPositive();
  }

  @Test
  void secretsAreEncryptedAtRestAndExactlyOneKeySigns() {
    assertThat(
            jdbc.sql("SELECT count(*) FROM signing_key WHERE status = 'ACTIVE'")
                .query(Long.class)
                .single())
        .isEqualTo(1);
    var row =
        jdbc.sql("SELECT private_key_enc, hmac_secret_enc FROM signing_key LIMIT 1")
            .query()
            .singleRow();
    // format byte + 12-byte nonce + 32-byte secret + 16-byte GCM tag
    assertThat((byte[]) row.get("private_key_enc")).hasSize(61);
    assertThat((byte[]) row.get("hmac_secret_enc")).hasSize(61);
  }

  @Test
  void theSigningKeyCannotBeRetiredAndOnlyAdministratorsRotate() throws Exception {
    int active =
        jdbc.sql("SELECT key_id FROM signing_key WHERE status = 'ACTIVE'")
            .query(Integer.class)
            .single();
    mvc.perform(
            post("/api/admin/keys/" + active + "/retire")
                .with(user("admin").roles("ADMINISTRATOR"))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("healthcode.key.active"));
    mvc.perform(
            post("/api/admin/keys/rotate")
                .with(user("staff").roles("VENUE_STAFF"))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/api/admin/keys/999999/retire")
                .with(user("admin").roles("ADMINISTRATOR"))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("healthcode.key.unknown"));
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                    "/api/admin/keys")
                .with(user("admin").roles("ADMINISTRATOR")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].kid").exists())
        .andExpect(jsonPath("$[0].privateKey").doesNotExist());
  }

  @Test
  void aVerifyOnlyKeyCanBeRetiredAtOnceAfterASuspectedCompromise() throws Exception {
    var person = new HealthCodeFixtures(jdbc, clock).person();
    IssuedCode before =
        tokens.issue(CodeType.LIVE, person.id(), null, Duration.ofMinutes(5), Colour.GREEN);
    rotate();
    mvc.perform(
            post("/api/admin/keys/" + before.keyId() + "/retire")
                .with(user("admin").roles("ADMINISTRATOR"))
                .with(HealthCodeFixtures.xsrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"suspected leak\"}"))
        .andExpect(status().isOk());
    assertThat(scanReason(before.token())).isEqualTo("unknown-key");
  }

  @Test
  void withdrawnReferencesArePublishedForOfflineVerifiers() throws Exception {
    var person = new HealthCodeFixtures(jdbc, clock).person();
    IssuedCode code =
        tokens.issue(CodeType.LIVE, person.id(), null, Duration.ofMinutes(1), Colour.GREEN);
    mvc.perform(
            post("/api/admin/code-subjects/" + person.id() + "/renew")
                .with(user("admin").roles("ADMINISTRATOR"))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(status().isOk());
    var ref =
        org.suishen.healthcode.internal.token.TokenCodec.read(code.token()).payload().personRef();
    var bytes =
        java.nio.ByteBuffer.allocate(16)
            .putLong(ref.getMostSignificantBits())
            .putLong(ref.getLeastSignificantBits())
            .array();
    String encoded = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    var revoked = new ArrayList<String>();
    long since = 0;
    JsonNode page;
    do {
      page = read("/api/revocations/subjects?since=" + since);
      page.get("revoked").forEach(r -> revoked.add(r.get("ref").asString()));
      since = page.get("next").asLong();
    } while (page.get("more").asBoolean());
    assertThat(revoked).contains(encoded);
    assertThat(scanReason(code.token())).isEqualTo("revoked");
  }
}
