package org.suishen.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.suishen.sampling.SamplingFixtures.typed;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.suishen.healthcode.HealthCodeIntegrationTest;
import org.suishen.natcode.NatFixtures;
import org.suishen.support.MutableClock;
import org.suishen.support.TestStaffAccounts;
import tools.jackson.databind.json.JsonMapper;

/** A sampler signs on at the terminal: its registrations record who sampled, until sign-off. */
@HealthCodeIntegrationTest
class TerminalSignOnIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired MutableClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  String samplerOf(String tube) {
    return jdbc.sql(
            "SELECT coalesce(sampler, '-') FROM sampling_registration WHERE tube_barcode = ?")
        .param(tube)
        .query(String.class)
        .single();
  }

  void registerAtTerminal(SamplingFixtures sampling, String tube, NatFixtures.Resident person)
      throws Exception {
    var body = new HashMap<String, Object>(typed(person));
    body.put("idempotencyKey", "it-" + UUID.randomUUID());
    sampling
        .postJson(
            "/api/sampling/tubes/" + tube + "/registrations", NatFixtures.samplingTerminal(), body)
        .andExpect(status().isOk());
  }

  @Test
  void theTerminalsRegistrationsRecordTheSamplerSignedOnUntilSignOffOrTheShiftsEnd()
      throws Exception {
    var people = new NatFixtures(jdbc, clock, mvc, json);
    var sampling = new SamplingFixtures(mvc, json);
    sampling.site("签到居委会");
    String terminal = TestStaffAccounts.SAMPLING_TERMINAL;

    String before = sampling.openTube(1);
    registerAtTerminal(sampling, before, people.resident("签到前", 30, null));
    assertThat(samplerOf(before)).isEqualTo("-");

    sampling
        .postJson(
            "/api/sampling/terminals/" + terminal + "/sign-on", NatFixtures.sampler(), Map.of())
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.sampler").value(TestStaffAccounts.SAMPLER));
    String during = sampling.openTube(1);
    registerAtTerminal(sampling, during, people.resident("签到中", 30, null));
    assertThat(samplerOf(during)).isEqualTo(TestStaffAccounts.SAMPLER);

    // the shift ends by itself
    clock.advance(Duration.ofHours(13));
    String late = sampling.openTube(1);
    registerAtTerminal(sampling, late, people.resident("签到后", 30, null));
    assertThat(samplerOf(late)).isEqualTo("-");

    // sign-off ends only one's own sign-on; unknown terminals and devices of no site are refused
    sampling
        .postJson(
            "/api/sampling/terminals/" + terminal + "/sign-on", NatFixtures.sampler(), Map.of())
        .andExpect(status().isOk());
    sampling
        .postJson(
            "/api/sampling/terminals/" + terminal + "/sign-off", NatFixtures.sampler(), Map.of())
        .andExpect(status().isNoContent());
    sampling
        .postJson(
            "/api/sampling/terminals/" + terminal + "/sign-off", NatFixtures.sampler(), Map.of())
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("sampling.terminal.not-signed-on"));
    sampling
        .postJson("/api/sampling/terminals/no-such-device/sign-on", NatFixtures.sampler(), Map.of())
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("sampling.terminal.unknown"));
    sampling
        .postJson(
            "/api/sampling/terminals/" + terminal + "/sign-on",
            NatFixtures.samplingTerminal(),
            Map.of())
        .andExpect(status().isForbidden());
  }
}
