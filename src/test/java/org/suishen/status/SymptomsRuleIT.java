package org.suishen.status;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.suishen.citizen.CitizenTestSupport.postJson;
import static org.suishen.citizen.CitizenTestSupport.randomPhone;

import java.time.Clock;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.suishen.citizen.CitizenTestSupport;
import org.suishen.citizen.internal.DevSmsOutbox;
import org.suishen.support.IntegrationTest;

/**
 * A city that turns the symptoms rule on ({@code suishen.status.symptoms.enabled}): a declared
 * fever makes the code yellow with its reason and the fever clinic as the next step, until a
 * declaration without symptoms.
 */
@IntegrationTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "suishen.status.symptoms.enabled=true")
class SymptomsRuleIT {

  @Autowired MockMvc mvc;
  @Autowired DevSmsOutbox outbox;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  CitizenTestSupport citizens;

  @BeforeEach
  void setUp() {
    citizens = new CitizenTestSupport(mvc, outbox, jdbc, clock);
  }

  private void declare(MockHttpSession session, String symptoms, String temperature)
      throws Exception {
    mvc.perform(
            postJson(
                    "/api/me/declarations",
                    "{\"symptoms\":%s,\"temperature\":%s,\"regionVisits\":[],\"contactWithCases\":false,\"arrivingFromOtherRegion\":false}"
                        .formatted(symptoms, temperature))
                .session(session))
        .andExpect(status().isCreated());
  }

  private void awaitColour(MockHttpSession session, String colour) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                mvc.perform(get("/api/me/status").session(session))
                    .andExpect(jsonPath("$.colour").value(colour)));
  }

  @Test
  void aDeclaredFeverMakesTheCodeYellowUntilADeclarationWithout() throws Exception {
    var citizen = citizens.registeredCitizen(randomPhone(), "冯雪");
    var session = citizen.session();
    declare(session, "[\"FEVER\"]", "38.4");
    awaitColour(session, "YELLOW");
    mvc.perform(get("/api/me/status").session(session))
        .andExpect(jsonPath("$.reason").value("symptoms.reported"))
        .andExpect(jsonPath("$.nextStepText.zh").value(containsString("发热门诊")));

    declare(session, "[\"NONE\"]", "36.5");
    awaitColour(session, "GREEN");
  }
}
