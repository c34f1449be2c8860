package org.suishen.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.suishen.status.StatusTestSupport.officer;
import static org.suishen.status.StatusTestSupport.time;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.suishen.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A city-sized feed: 100 000 orders turn 100 000 people red, and a replay changes nothing. Checks
 * correctness only; the time it takes is measured by {@code bench/status-feed}.
 */
@IntegrationTest
@AutoConfigureMockMvc
@Import(StatusTestSupport.class)
class StatusFeedBatchIT {

  static final int PEOPLE = 100_000;

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired HealthStatuses statuses;
  @Autowired Clock clock;

  @Test
  void oneHundredThousandOrdersTurnOneHundredThousandPeopleRed() throws Exception {
    String tag = "B" + Long.toString(System.nanoTime(), 36).toUpperCase();
    jdbc.sql(
            "INSERT INTO person (id, document_type, document_number, name, name_normalised, sex,"
                + " birth_date, registered_at, updated_at)"
                + " SELECT gen_random_uuid(), 'FOREIGN_PASSPORT', ? || lpad(g::text, 7, '0'),"
                + " '测试', '测试', 'M', DATE '1980-01-01', now(), now()"
                + " FROM generate_series(1, ?) AS g")
        .param(tag)
        .param(PEOPLE)
        .update();
    List<UUID> people =
        jdbc.sql("SELECT id FROM person WHERE document_number LIKE ? ORDER BY document_number")
            .param(tag + "%")
            .query(UUID.class)
            .list();
    assertThat(people).hasSize(PEOPLE);

    String start = time(clock.instant().minus(Duration.ofHours(1)));
    var csv = new StringBuilder(PEOPLE * 90).append("order_id,person_id,kind,starts_at\n");
    for (int i = 0; i < PEOPLE; i++) {
      csv.append(tag).append('-').append(i).append(',').append(people.get(i));
      csv.append(i % 2 == 0 ? ",QUARANTINE," : ",ISOLATION,").append(start).append('\n');
    }
    String body = csv.toString();

    JsonNode report = send(body);

    assertThat(report.get("rowsTotal").asInt()).isEqualTo(PEOPLE);
    assertThat(report.get("rowsChanged").asInt()).isEqualTo(PEOPLE);
    assertThat(report.get("rowsRejected").asInt()).isZero();
    assertThat(report.get("peopleTouched").asInt()).isEqualTo(PEOPLE);
    assertThat(report.get("statusesChanged").asInt()).isEqualTo(PEOPLE);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM health_status h JOIN person p ON p.id = h.person_id"
                        + " WHERE p.document_number LIKE ? AND h.colour = 'RED'"
                        + " AND h.rule = 'medical-management' AND h.due_at IS NULL")
                .param(tag + "%")
                .query(Integer.class)
                .single())
        .isEqualTo(PEOPLE);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM health_status_history WHERE cause = ? AND colour = 'RED'"
                        + " AND previous_colour = 'GREEN'")
                .param("feed:" + report.get("feedId").asString())
                .query(Integer.class)
                .single())
        .isEqualTo(PEOPLE);
    for (UUID person : List.of(people.getFirst(), people.get(PEOPLE / 2), people.getLast())) {
      assertThat(statuses.current(person).colour()).isEqualTo(Colour.RED);
    }

    JsonNode replay = send(body);

    assertThat(replay.get("rowsChanged").asInt()).isZero();
    assertThat(replay.get("rowsUnchanged").asInt()).isEqualTo(PEOPLE);
    assertThat(replay.get("statusesChanged").asInt()).isZero();
  }

  private JsonNode send(String body) throws Exception {
    return json.readTree(
        mvc.perform(
                post("/api/authority/feeds/orders")
                    .with(officer("officer-a"))
                    .contentType("text/csv")
                    .content(body))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
  }
}
