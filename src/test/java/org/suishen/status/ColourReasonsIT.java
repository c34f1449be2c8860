package org.suishen.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
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
import java.time.OffsetDateTime;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.suishen.citizen.CitizenTestSupport;
import org.suishen.citizen.internal.DevSmsOutbox;
import org.suishen.support.IntegrationTest;

/**
 * A red code says why, since when, what to do next, the hotline and the way to appeal, on the code
 * page and the status page; and the person is told of the change on the status page and by text.
 */
@IntegrationTest
@AutoConfigureMockMvc
@Import(StatusTestSupport.class)
class ColourReasonsIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Autowired DevSmsOutbox outbox;

  @Test
  void aRedCodeSaysWhySinceWhenAndWhatToDoAndThePersonIsTold() throws Exception {
    UUID p = person(jdbc).id();
    String phone = CitizenTestSupport.randomPhone();
    jdbc.sql(
            "INSERT INTO citizen_account (id, phone, person_id, created_at, updated_at)"
                + " VALUES (?, ?, ?, now(), now())")
        .params(UUID.randomUUID(), phone, p)
        .update();
    jdbc.sql(
            "INSERT INTO health_declaration (id, person_id, declared_at, symptoms, temperature,"
                + " region_visits, contact_with_cases, arriving_from_other_region)"
                + " VALUES (?, ?, ?, ARRAY[]::text[], 36.5, '[]'::jsonb, false, false)")
        .params(UUID.randomUUID(), p, OffsetDateTime.now(clock))
        .update();
    // green: nothing to do, no explanation box
    mvc.perform(get("/api/me/status").with(citizen(p)))
        .andExpect(jsonPath("$.nextStepText").doesNotExist());

    mvc.perform(
            post("/api/authority/feeds/orders")
                .with(officer("officer-a"))
                .contentType("text/csv")
                .content(
                    "order_id,person_id,kind,starts_at\nQ-%s,%s,QUARANTINE,%s\n"
                        .formatted(
                            p,
                            p,
                            StatusTestSupport.time(clock.instant().minus(Duration.ofHours(2))))))
        .andExpect(status().isOk());

    mvc.perform(get("/api/me/status").with(citizen(p)))
        .andExpect(jsonPath("$.colour").value("RED"))
        .andExpect(jsonPath("$.periodText.zh").value(containsString("自 ")))
        .andExpect(jsonPath("$.nextStepText.zh").value(containsString("医学管理措施")))
        .andExpect(jsonPath("$.nextStepText.en").value(containsString("medical-management")))
        .andExpect(jsonPath("$.until").doesNotExist());
    mvc.perform(get("/me/status").with(citizen(p)))
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("id=\"status-next\""),
                        containsString("12345"),
                        containsString("id=\"status-appeal\""))));
    mvc.perform(get("/api/me/code").param("lang", "en").with(citizen(p)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.colour").value("RED"))
        .andExpect(jsonPath("$.reason").value("In quarantine"))
        .andExpect(jsonPath("$.period").value(containsString("Since ")))
        .andExpect(jsonPath("$.nextStep").value(containsString("medical-management")));

    // told: a notice on the status page, and a text to the phone (no name in it)
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                mvc.perform(get("/api/me/status/notices").with(citizen(p)))
                    .andExpect(jsonPath("$[0].kind").value("status.colour-change"))
                    .andExpect(jsonPath("$[0].message.zh").value(containsString("红码"))));
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(outbox.messages())
                    .anySatisfy(
                        m -> {
                          assertThat(m.maskedPhone()).endsWith(phone.substring(7));
                          assertThat(m.text()).startsWith("【随申码】").contains("红码", "12345");
                        }));
  }
}
