package org.suishen.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.suishen.status.StatusTestSupport.citizen;
import static org.suishen.status.StatusTestSupport.officer;
import static org.suishen.status.StatusTestSupport.person;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.suishen.healthcode.HealthCodeFixtures;
import org.suishen.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A declaration's answer links to the status that follows from it (the engine evaluates a
 * declaration asynchronously, just after it is stored): the link answers 202 until the engine has
 * taken the declaration in, then the new colour, never the colour from before.
 */
@IntegrationTest
@AutoConfigureMockMvc
@Import(StatusTestSupport.class)
class DeclarationStatusIT {

  /** A region of a known province (the declaration form checks it), listed as a key region. */
  static final String KEY_REGION = "652301";

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired Clock clock;

  @Test
  void theAnswerToADeclarationLinksToTheStatusThatFollowsFromIt() throws Exception {
    LocalDate today = LocalDate.now(clock);
    mvc.perform(
            post("/api/authority/feeds/key-regions")
                .with(officer("officer-a"))
                .contentType("text/csv")
                .content(
                    "region_code,name,valid_from,valid_to\n%s,声明测试地区,%s,\n"
                        .formatted(KEY_REGION, today.minusDays(30))))
        .andExpect(status().isOk());
    UUID p = person(jdbc).id();

    MvcResult declared =
        mvc.perform(
                post("/api/me/declarations")
                    .with(citizen(p))
                    .with(HealthCodeFixtures.xsrf())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"symptoms": ["NONE"], "temperature": 36.5,
                         "regionVisits": [{"regionCode": "%s", "arrivedOn": "%s"}],
                         "contactWithCases": false, "arrivingFromOtherRegion": true}
                        """
                            .formatted(KEY_REGION, today.minusDays(2))))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.temperature").value(36.5))
            .andExpect(jsonPath("$.regionVisits[0].regionCode").value(KEY_REGION))
            .andReturn();
    JsonNode answer = json.readTree(declared.getResponse().getContentAsString());
    String declaredAt = answer.get("declaredAt").asString();
    String statusUrl = answer.get("statusUrl").asString();
    assertThat(statusUrl).startsWith("/api/me/status?declaredAt=");
    assertThat(Instant.parse(java.net.URLDecoder.decode(statusUrl.substring(26), "UTF-8")))
        .isEqualTo(Instant.parse(declaredAt));

    // polled as the page does: 202 while the engine evaluates, then the new colour, never green
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              var response = mvc.perform(get(statusUrl).with(citizen(p))).andReturn().getResponse();
              if (response.getStatus() == 202) {
                assertThat(response.getContentAsString()).isEmpty();
                return false;
              }
              assertThat(response.getStatus()).isEqualTo(200);
              assertThat(json.readTree(response.getContentAsString()).get("colour").asString())
                  .isEqualTo("YELLOW");
              return true;
            });
  }

  @Test
  void aDeclarationTheEngineHasNotTakenInYetAnswers202WithRetryAfter() throws Exception {
    UUID p = person(jdbc).id();
    mvc.perform(
            get("/api/me/status")
                .param("declaredAt", clock.instant().plusSeconds(3600).toString())
                .with(citizen(p)))
        .andExpect(status().isAccepted())
        .andExpect(header().string("Retry-After", "1"))
        .andExpect(content().string(""));
  }

  @Test
  void aMalformedDeclarationTimeIsRefusedWithItsCode() throws Exception {
    mvc.perform(
            get("/api/me/status").param("declaredAt", "yesterday").with(citizen(person(jdbc).id())))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("status.declared-at.invalid"));
  }
}
