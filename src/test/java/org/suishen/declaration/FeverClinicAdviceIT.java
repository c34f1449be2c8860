package org.suishen.declaration;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.suishen.citizen.CitizenTestSupport;
import org.suishen.citizen.internal.DevSmsOutbox;
import org.suishen.support.IntegrationTest;

/**
 * Declaring a fever or another symptom sends the person to a fever clinic at once, in the answer,
 * on the declaration page and on the code page; the colour stays green (the status engine's
 * symptoms rule is off by default; {@code StatusEvaluatorTest.Symptoms} shows it on, and this test
 * that the engine's facts record the symptoms it would judge).
 */
@IntegrationTest
@AutoConfigureMockMvc
class FeverClinicAdviceIT {

  @Autowired MockMvc mvc;
  @Autowired DevSmsOutbox outbox;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  CitizenTestSupport citizens;

  @BeforeEach
  void setUp() {
    citizens = new CitizenTestSupport(mvc, outbox, jdbc, clock);
  }

  private boolean symptomsRecorded(java.util.UUID personId) {
    return jdbc.sql("SELECT symptoms FROM declaration_state WHERE person_id = ?")
        .param(personId)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  static ResultActions declare(MockMvc mvc, MockHttpSession session, String symptoms, String temp)
      throws Exception {
    return mvc.perform(
        postJson(
                "/api/me/declarations",
                "{\"symptoms\":%s,\"temperature\":%s,\"regionVisits\":[],\"contactWithCases\":false,\"arrivingFromOtherRegion\":false}"
                    .formatted(symptoms, temp))
            .session(session));
  }

  @Test
  void aFeverOrASymptomSendsThePersonToAFeverClinicAtOnceAndTheCodeStaysGreen() throws Exception {
    var citizen = citizens.registeredCitizen(randomPhone(), "韩梅");
    var session = citizen.session();

    declare(mvc, session, "[\"NONE\"]", "36.6")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.feverClinicAdvice").value(false))
        .andExpect(jsonPath("$.advice").doesNotExist());
    // a fever without ticking it: 37.3 °C is the threshold
    declare(mvc, session, "[\"NONE\"]", "37.3")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.feverClinicAdvice").value(true))
        .andExpect(jsonPath("$.advice").value(containsString("发热门诊")));
    declare(mvc, session, "[\"COUGH\"]", "36.8")
        .andExpect(jsonPath("$.feverClinicAdvice").value(true));

    mvc.perform(get("/me/declaration").session(session))
        .andExpect(content().string(containsString("id=\"fever-clinic\"")));
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                mvc.perform(get("/api/me/code").session(session))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.feverClinicAdvice").value(true))
                    .andExpect(jsonPath("$.colour").value("GREEN")));

    // the status engine's facts know, for a city that turns the symptoms rule on
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> symptomsRecorded(citizen.person().id()));

    declare(mvc, session, "[\"NONE\"]", "36.5").andExpect(status().isCreated());
    mvc.perform(get("/api/me/code").session(session))
        .andExpect(jsonPath("$.feverClinicAdvice").value(false));
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !symptomsRecorded(citizen.person().id()));
  }
}
