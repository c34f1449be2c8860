package org.suishen.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.suishen.accounts.StaffClient;
import org.suishen.shared.security.CitizenPrincipal;
import org.suishen.support.IntegrationTest;
import org.suishen.support.TestStaffAccounts;
import tools.jackson.databind.json.JsonMapper;

/**
 * Metrics tell load, error rates and internals: only an operator reads {@code /actuator/**}; the
 * health check stays public (load balancers); everyone else is refused with problem+json.
 */
@IntegrationTest
@AutoConfigureMockMvc
class MetricsAccessIT {

  private static final String PASSWORD = "Operator-Passw0rd-1";
  private static final List<String> METRICS =
      List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/jvm.threads.live");

  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;
  @LocalServerPort int port;

  String operator;

  @BeforeEach
  void operatorAccount() {
    // a real staff account with the role, created by the administrator as a deployment would
    operator = StaffClient.uniqueLogin("it.operator");
    new StaffClient(port, json).createStaff(operator, PASSWORD, "OPERATOR");
  }

  private static RequestPostProcessor citizen() {
    return authentication(
        UsernamePasswordAuthenticationToken.authenticated(
            new CitizenPrincipal(UUID.randomUUID(), "13800138000", UUID.randomUUID()),
            null,
            List.of(new SimpleGrantedAuthority("ROLE_CITIZEN"))));
  }

  @Test
  void anOperatorReadsTheMetrics() throws Exception {
    mvc.perform(get("/actuator/prometheus").with(httpBasic(operator, PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("jvm_threads_live_threads")));
    mvc.perform(get("/actuator/metrics").with(httpBasic(operator, PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.names").isArray());
  }

  @Test
  void aCitizenADeviceAndOtherStaffAreRefused() throws Exception {
    for (String path : METRICS) {
      mvc.perform(get(path).with(citizen()))
          .andExpect(status().isForbidden())
          .andExpect(jsonPath("$.code").value("auth.forbidden"));
      mvc.perform(get(path).with(httpBasic(TestStaffAccounts.SENTINEL, TestStaffAccounts.PASSWORD)))
          .andExpect(status().isForbidden())
          .andExpect(jsonPath("$.code").value("auth.forbidden"));
      mvc.perform(get(path).with(httpBasic(TestStaffAccounts.AUDITOR, TestStaffAccounts.PASSWORD)))
          .andExpect(status().isForbidden());
      mvc.perform(get(path).with(httpBasic(StaffClient.ADMIN, StaffClient.ADMIN_PASSWORD)))
          .andExpect(status().isForbidden());
    }
  }

  @Test
  void anonymousCallersAreAskedToLogInButTheHealthCheckIsPublic() throws Exception {
    for (String path : METRICS) {
      mvc.perform(get(path))
          .andExpect(status().isUnauthorized())
          .andExpect(jsonPath("$.code").value("auth.required"));
    }
    // UP or DOWN (another test may have broken the audit chain on purpose), never a log-in
    mvc.perform(get("/actuator/health"))
        .andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(200, 503));
  }
}
