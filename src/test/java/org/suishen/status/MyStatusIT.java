package org.suishen.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.suishen.status.StatusTestSupport.citizen;
import static org.suishen.status.StatusTestSupport.officer;
import static org.suishen.status.StatusTestSupport.person;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.suishen.support.IntegrationTest;

/** A person's own status and history; the authority's audited look-up. */
@IntegrationTest
@AutoConfigureMockMvc
@Import(StatusTestSupport.class)
class MyStatusIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  @Test
  void thePersonsStatusPageShowsTheColourAndTheHistoryInTheirLanguage() throws Exception {
    UUID p = person(jdbc).id();
    mvc.perform(get("/me/status").with(citizen(p)))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("绿码")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("暂无变更记录")));
    mvc.perform(
            post("/api/authority/feeds/orders")
                .with(officer("officer-a"))
                .contentType("text/csv")
                .content(
                    "order_id,person_id,kind,starts_at\nP-%s,%s,QUARANTINE,%s\n"
                        .formatted(
                            p,
                            p,
                            StatusTestSupport.time(clock.instant().minus(Duration.ofHours(2))))))
        .andExpect(status().isOk());
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                mvc.perform(get("/me/status").param("lang", "en").with(citizen(p)))
                    .andExpect(status().isOk())
                    .andExpect(
                        content()
                            .string(
                                org.hamcrest.Matchers.allOf(
                                    org.hamcrest.Matchers.containsString("id=\"status-history\""),
                                    org.hamcrest.Matchers.containsString("Changes of status")))));
  }

  @Autowired StatusFacts facts;

  @Test
  void aGreenStatusWithoutAKnownStartHasNoSinceAlsoOnceTheEngineStoredIt() throws Exception {
    UUID p = person(jdbc).id();
    // an arrival from a region that is not a key region: the engine evaluates and stores green
    facts.recordArrival(
        p, "NK" + Long.toString(System.nanoTime(), 36).toUpperCase(), today(), "declaration");
    assertThat(
            jdbc.sql("SELECT count(*) FROM health_status WHERE person_id = ?")
                .param(p)
                .query(Long.class)
                .single())
        .isEqualTo(1);

    mvc.perform(get("/api/me/status").with(citizen(p)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.colour").value("GREEN"))
        .andExpect(jsonPath("$.since").value(Matchers.nullValue()));
  }

  private java.time.LocalDate today() {
    return java.time.LocalDate.now(clock);
  }

  @Test
  void aPersonSeesTheirStatusAndItsHistoryNewestFirst() throws Exception {
    UUID p = person(jdbc).id();
    mvc.perform(get("/api/me/status").with(citizen(p)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.colour").value("GREEN"))
        .andExpect(jsonPath("$.reason").value("no-anomaly"))
        .andExpect(jsonPath("$.reasonText.zh").value("未见异常"))
        .andExpect(jsonPath("$.since").value(Matchers.nullValue()))
        .andExpect(jsonPath("$.redeclareNotice").value(false));
    String orderId = "H-" + p;
    mvc.perform(
            post("/api/authority/feeds/orders")
                .with(officer("officer-a"))
                .contentType("text/csv")
                .content(
                    "order_id,person_id,kind,starts_at\n%s,%s,SUSPECTED,%s\n"
                        .formatted(
                            orderId,
                            p,
                            StatusTestSupport.time(clock.instant().minus(Duration.ofHours(3))))))
        .andExpect(status().isOk());
    mvc.perform(
            post("/api/authority/feeds/releases")
                .with(officer("officer-a"))
                .contentType("text/csv")
                .content(
                    "order_id,released_at\n%s,%s\n"
                        .formatted(
                            orderId,
                            StatusTestSupport.time(clock.instant().minus(Duration.ofHours(1))))))
        .andExpect(status().isOk());

    mvc.perform(get("/api/me/status").with(citizen(p)))
        .andExpect(jsonPath("$.colour").value("GREEN"))
        .andExpect(jsonPath("$.reason").value("medical-management.released"))
        .andExpect(jsonPath("$.reasonText.en").value("Released from medical management"));
    mvc.perform(get("/api/me/status/history").with(citizen(p)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.entries.length()").value(2))
        .andExpect(jsonPath("$.entries[0].colour").value("GREEN"))
        .andExpect(jsonPath("$.entries[0].previousColour").value("RED"))
        .andExpect(jsonPath("$.entries[0].cause").value("feed"))
        .andExpect(jsonPath("$.entries[0].causedBy").doesNotExist())
        .andExpect(jsonPath("$.entries[1].colour").value("RED"))
        .andExpect(jsonPath("$.entries[1].reason").value("medical-management.suspected"))
        .andExpect(jsonPath("$.next").doesNotExist());
    mvc.perform(get("/api/me/status/history?limit=1").with(citizen(p)))
        .andExpect(jsonPath("$.entries.length()").value(1))
        .andExpect(jsonPath("$.next").isNumber());
    mvc.perform(get("/api/me/status/history?limit=500").with(citizen(p)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("status.paging.limit"));
  }

  @Test
  void theAuthorityLooksUpAPersonAndTheReadIsAudited() throws Exception {
    UUID p = person(jdbc).id();

    mvc.perform(get("/api/authority/persons/" + p + "/status").with(officer("officer-a")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.colour").value("GREEN"));
    mvc.perform(get("/api/authority/persons/" + p + "/history").with(officer("officer-a")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.entries.length()").value(0));

    org.assertj.core.api.Assertions.assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE subject = ? AND action ="
                        + " 'status.person.read' AND actor = 'staff:officer-a'")
                .param(p)
                .query(Integer.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void onlyARegisteredCitizenSeesTheirStatus() throws Exception {
    mvc.perform(get("/api/me/status"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.code").value("auth.required"));
    mvc.perform(get("/api/me/status").with(officer("officer-a")))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("auth.forbidden"));
    mvc.perform(get("/api/me/status").with(citizen(null)))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("status.person.not-registered"))
        .andExpect(jsonPath("$.messageZh").value(Matchers.containsString("实名")));
    mvc.perform(
            get("/api/authority/persons/" + UUID.randomUUID() + "/status")
                .with(citizen(UUID.randomUUID())))
        .andExpect(status().isForbidden());
  }
}
