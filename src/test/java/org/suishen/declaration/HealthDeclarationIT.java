package org.suishen.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.suishen.citizen.CitizenTestSupport.postJson;
import static org.suishen.citizen.CitizenTestSupport.randomPhone;

import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.suishen.citizen.CitizenTestSupport;
import org.suishen.citizen.internal.DevSmsOutbox;
import org.suishen.support.IntegrationTest;

/** Health declarations through the API (MISSION H1, 004 §07). */
@IntegrationTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class HealthDeclarationIT {

  @Autowired MockMvc mvc;
  @Autowired DevSmsOutbox outbox;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Autowired ApplicationEvents events;
  @Autowired HealthDeclarations declarations;
  @Autowired HealthCodeEligibility eligibility;
  CitizenTestSupport citizens;

  @BeforeEach
  void setUp() {
    citizens = new CitizenTestSupport(mvc, outbox, jdbc, clock);
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  private ResultActions declare(MockHttpSession session, String json) throws Exception {
    return mvc.perform(postJson("/api/me/declarations", json).session(session));
  }

  private static String declaration(
      String symptoms, String temperature, String visits, String contact, String arriving) {
    return "{\"symptoms\":%s,\"temperature\":%s,\"regionVisits\":%s,\"contactWithCases\":%s,\"arrivingFromOtherRegion\":%s}"
        .formatted(symptoms, temperature, visits, contact, arriving);
  }

  private static String healthy() {
    return declaration("[\"NONE\"]", "36.6", "[]", "false", "false");
  }

  @Test
  void aRegisteredCitizenDeclaresAndTheLatestDeclarationCounts() throws Exception {
    var citizen = citizens.registeredCitizen(randomPhone(), "黄蕾");
    var personId = citizen.person().id();
    assertThat(eligibility.mayReceiveHealthCode(personId)).isFalse();
    mvc.perform(get("/api/me/declarations/latest").session(citizen.session()))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("declaration.not-found"));

    declare(citizen.session(), healthy())
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.hasSymptoms").value(false))
        .andExpect(jsonPath("$.temperature").value(36.6));
    String arrival = today().minusDays(3).toString();
    declare(
            citizen.session(),
            declaration(
                "[\"COUGH\",\"FEVER\"]",
                "38.2",
                "[{\"regionCode\":\"420100\",\"arrivedOn\":\"" + arrival + "\"}]",
                "true",
                "true"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.symptoms[0]").value("COUGH"))
        .andExpect(jsonPath("$.symptoms[1]").value("FEVER"))
        .andExpect(jsonPath("$.regionVisits[0].regionCode").value("420100"))
        .andExpect(jsonPath("$.regionVisits[0].province").value("420000"))
        .andExpect(jsonPath("$.regionVisits[0].arrivedOn").value(arrival));

    mvc.perform(get("/api/me/declarations/latest").session(citizen.session()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.temperature").value(38.2))
        .andExpect(jsonPath("$.contactWithCases").value(true))
        .andExpect(jsonPath("$.arrivingFromOtherRegion").value(true));
    mvc.perform(get("/api/me/declarations").session(citizen.session()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(2))
        .andExpect(jsonPath("$[0].temperature").value(38.2))
        .andExpect(jsonPath("$[1].temperature").value(36.6));

    assertThat(declarations.hasDeclared(personId)).isTrue();
    assertThat(declarations.latest(personId).orElseThrow().symptoms())
        .containsExactlyInAnyOrder(Symptom.FEVER, Symptom.COUGH);
    assertThat(eligibility.mayReceiveHealthCode(personId)).isTrue();
    assertThat(events.stream(HealthDeclared.class))
        .hasSize(2)
        .last()
        .satisfies(
            e -> {
              assertThat(e.personId()).isEqualTo(personId);
              assertThat(e.symptoms()).isTrue();
              assertThat(e.contactWithCases()).isTrue();
              assertThat(e.visits())
                  .containsExactly(new RegionVisit("420100", today().minusDays(3)));
            });
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action = 'declaration.submitted' AND"
                        + " subject = ?")
                .param(personId)
                .query(Integer.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void declarationsCannotBeChangedOrDeleted() throws Exception {
    var citizen = citizens.registeredCitizen(randomPhone(), "林峰");
    declare(citizen.session(), healthy()).andExpect(status().isCreated());
    var personId = citizen.person().id();
    assertThatThrownBy(
            () ->
                jdbc.sql("UPDATE health_declaration SET temperature = 36.0 WHERE person_id = ?")
                    .param(personId)
                    .update())
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () ->
                jdbc.sql("DELETE FROM health_declaration WHERE person_id = ?")
                    .param(personId)
                    .update())
        .hasMessageContaining("append-only");
  }

  @Test
  void onlyRegisteredCitizensDeclare() throws Exception {
    var session = citizens.logIn(randomPhone());
    declare(session, healthy())
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("citizen.registration.required"))
        .andExpect(jsonPath("$.messageEn").value("Please complete real-name registration first."));
    mvc.perform(get("/api/me/declarations/latest").session(session))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("citizen.registration.required"));
    mvc.perform(postJson("/api/me/declarations", healthy())).andExpect(status().isUnauthorized());
  }

  @Test
  void everyRefusalHasItsCodeAndStoresNothing() throws Exception {
    var citizen = citizens.registeredCitizen(randomPhone(), "何平");
    String future = today().plusDays(1).toString();
    String old = today().minusDays(15).toString();
    String[][] cases = {
      {declaration("[\"NONE\"]", "34.0", "[]", "false", "false"), "created"},
      {declaration("[\"NONE\"]", "33.9", "[]", "false", "false"), "declaration.temperature.range"},
      {declaration("[\"NONE\"]", "42.6", "[]", "false", "false"), "declaration.temperature.range"},
      {
        declaration("[\"NONE\"]", "null", "[]", "false", "false"),
        "declaration.temperature.required"
      },
      {declaration("[]", "36.5", "[]", "false", "false"), "declaration.symptoms.required"},
      {
        declaration("[\"NONE\",\"FEVER\"]", "36.5", "[]", "false", "false"),
        "declaration.symptoms.conflict"
      },
      {
        declaration("[\"HICCUPS\"]", "36.5", "[]", "false", "false"), "declaration.symptoms.unknown"
      },
      {declaration("[\"NONE\"]", "36.5", "[]", "null", "false"), "declaration.contact.required"},
      {declaration("[\"NONE\"]", "36.5", "[]", "false", "null"), "declaration.arrival.required"},
      {declaration("[\"NONE\"]", "36.5", "[]", "false", "true"), "declaration.region.required"},
      {
        declaration(
            "[\"NONE\"]",
            "36.5",
            "[{\"regionCode\":\"420100\",\"arrivedOn\":\"" + future + "\"}]",
            "false",
            "true"),
        "declaration.region.date"
      },
      {
        declaration(
            "[\"NONE\"]",
            "36.5",
            "[{\"regionCode\":\"420100\",\"arrivedOn\":\"" + old + "\"}]",
            "false",
            "true"),
        "declaration.region.date"
      },
      {
        declaration(
            "[\"NONE\"]",
            "36.5",
            "[{\"regionCode\":\"4201\",\"arrivedOn\":\"" + today() + "\"}]",
            "false",
            "true"),
        "declaration.region.code"
      }
    };
    for (String[] c : cases) {
      var result = declare(citizen.session(), c[0]);
      if (c[1].equals("created")) {
        result.andExpect(status().isCreated());
      } else {
        result
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.code").value(c[1]))
            .andExpect(jsonPath("$.messageZh").isNotEmpty())
            .andExpect(jsonPath("$.messageEn").isNotEmpty());
      }
    }
    assertThat(declarations.history(citizen.person().id(), 50)).hasSize(1);
    assertThat(events.stream(HealthDeclared.class)).hasSize(1);
  }

  @Test
  void aMalformedRequestIsBadInputNotAnError() throws Exception {
    var citizen = citizens.registeredCitizen(randomPhone(), "马超");
    declare(citizen.session(), "{\"temperature\": \"hot\"")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("request.malformed"));
  }
}
