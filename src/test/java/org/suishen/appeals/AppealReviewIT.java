package org.suishen.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.suishen.appeals.AppealsFixtures.citizen;
import static org.suishen.appeals.AppealsFixtures.count;
import static org.suishen.appeals.AppealsFixtures.otherReviewer;
import static org.suishen.appeals.AppealsFixtures.reviewer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.suishen.healthcode.HealthCodeFixtures;
import org.suishen.shared.security.Actor;
import org.suishen.status.Colour;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reviewers work the queue (H7): open an appeal (audited read), claim it, record consultations,
 * decide; an upheld appeal publishes {@link AppealUpheld}; the person sees the answer.
 */
@AppealsIntegrationTest
class AppealReviewIT {

  static final String WANG = "staff:" + AppealsTestConfiguration.REVIEWER;

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Autowired JsonMapper json;
  @Autowired AppealsTestConfiguration.UpheldEvents upheld;
  @Autowired org.suishen.status.HealthStatuses statuses;

  record Filed(UUID appeal, UUID person) {}

  Filed fileColourAppeal() throws Exception {
    UUID person = AppealsFixtures.person(jdbc, "张三丰", "RED");
    var body =
        mvc.perform(
                multipart("/api/me/appeals")
                    .file(
                        new MockMultipartFile(
                            "files", "解除隔离通知.jpg", "image/jpeg", AppealsFixtures.JPEG))
                    .param("kind", "WRONG_COLOUR")
                    .param("text", "已于上周解除集中隔离，随申码仍为红码。")
                    .param("believedColour", "GREEN")
                    .with(citizen(person))
                    .with(HealthCodeFixtures.xsrf()))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return new Filed(UUID.fromString(json.readTree(body).get("id").asString()), person);
  }

  Filed fileNameAppeal() throws Exception {
    UUID person = AppealsFixtures.person(jdbc, "李晓", null);
    var body =
        mvc.perform(
                multipart("/api/me/appeals")
                    .param("kind", "WRONG_NAME")
                    .param("text", "姓名应为李晓晓。")
                    .param("correctedName", "李晓晓")
                    .with(citizen(person))
                    .with(HealthCodeFixtures.xsrf()))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return new Filed(UUID.fromString(json.readTree(body).get("id").asString()), person);
  }

  ResultActions claim(UUID appeal) throws Exception {
    return mvc.perform(post("/api/review/appeals/{id}/claim", appeal).with(reviewer()));
  }

  ResultActions note(UUID appeal, String body) throws Exception {
    return mvc.perform(
        post("/api/review/appeals/{id}/notes", appeal)
            .with(reviewer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  ResultActions decide(UUID appeal, String body) throws Exception {
    return mvc.perform(
        post("/api/review/appeals/{id}/decision", appeal)
            .with(reviewer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  void consulted(UUID appeal) throws Exception {
    note(appeal, "{\"department\":\"区疾控中心\",\"question\":\"是否已解除隔离？\",\"answer\":\"已解除\"}")
        .andExpect(status().isCreated());
  }

  long audited(UUID person, String action) {
    return count(
        jdbc,
        "SELECT count(*) FROM audit_event WHERE subject = ? AND action = ? AND actor = ?"
            + " AND reason = 'appeal review'",
        person,
        action,
        WANG);
  }

  String state(UUID appeal) {
    return jdbc.sql("SELECT state FROM appeal WHERE id = ?")
        .param(appeal)
        .query(String.class)
        .single();
  }

  @Test
  void theQueueListsOpenAppealsOldestFirstWithTheirWaitingTime() throws Exception {
    Filed first = fileColourAppeal();
    Filed second = fileNameAppeal();
    Filed decided = fileNameAppeal();
    claim(decided.appeal());
    consulted(decided.appeal());
    decide(decided.appeal(), "{\"outcome\":\"REJECTED\",\"reason\":\"登记姓名与证件一致\"}")
        .andExpect(status().isOk());
    // one that has waited three days
    jdbc.sql("UPDATE appeal SET submitted_at = ? WHERE id = ?")
        .param(OffsetDateTime.now(clock).minusDays(3).minusHours(2))
        .param(second.appeal())
        .update();

    JsonNode queue =
        json.readTree(
            mvc.perform(get("/api/review/appeals").with(reviewer()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    List<String> ids = new ArrayList<>();
    List<Instant> submitted = new ArrayList<>();
    for (JsonNode entry : queue.get("entries")) {
      ids.add(entry.get("id").asString());
      submitted.add(Instant.parse(entry.get("submittedAt").asString()));
      assertThat(entry.get("state").asString()).isIn("SUBMITTED", "IN_REVIEW");
      assertThat(entry.has("name") || entry.has("personId")).as("no personal data").isFalse();
    }
    assertThat(submitted).isSorted();
    assertThat(ids).doesNotContain(decided.appeal().toString());
    assertThat(ids.indexOf(second.appeal().toString()))
        .isLessThan(ids.indexOf(first.appeal().toString()));
    assertThat(queue.get("open").asLong()).isGreaterThanOrEqualTo(2);

    JsonNode waited = null;
    for (JsonNode entry : queue.get("entries")) {
      if (entry.get("id").asString().equals(second.appeal().toString())) {
        waited = entry;
      }
    }
    assertThat(waited.get("waitingSeconds").asLong())
        .isGreaterThanOrEqualTo(Duration.ofHours(74).toSeconds())
        .isLessThan(Duration.ofHours(75).toSeconds());
    assertThat(waited.get("kind").asString()).isEqualTo("WRONG_NAME");
  }

  @Test
  void openingAnAppealShowsTheMaskedPersonAndStatusAndIsAudited() throws Exception {
    Filed filed = fileColourAppeal();
    var body =
        mvc.perform(get("/api/review/appeals/{id}", filed.appeal()).with(reviewer()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.state").value("SUBMITTED"))
            .andExpect(jsonPath("$.text").value("已于上周解除集中隔离，随申码仍为红码。"))
            .andExpect(jsonPath("$.believedColour").value("GREEN"))
            .andExpect(jsonPath("$.colourAtFiling").value("RED"))
            .andExpect(jsonPath("$.person.maskedName").value("张*丰"))
            .andExpect(jsonPath("$.person.registeredName").doesNotExist())
            .andExpect(
                jsonPath("$.person.maskedDocumentNumber")
                    .value(org.hamcrest.Matchers.matchesPattern("3101\\*{10}\\d{3}X")))
            .andExpect(jsonPath("$.person.district").value("黄浦区"))
            .andExpect(jsonPath("$.status.colour").value("RED"))
            .andExpect(jsonPath("$.status.rule").value("key-region-arrival"))
            .andExpect(jsonPath("$.evidence.length()").value(1))
            .andExpect(jsonPath("$.consultations.length()").value(0))
            .andExpect(jsonPath("$.minimumConsultations").value(1))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(body).doesNotContain("张三丰");
    assertThat(audited(filed.person(), "appeals.appeal.read")).isEqualTo(1);

    // the evidence, also an audited read
    String file = json.readTree(body).get("evidence").get(0).get("id").asString();
    byte[] bytes =
        mvc.perform(
                get("/api/review/appeals/{id}/evidence/{file}", filed.appeal(), file)
                    .with(reviewer()))
            .andExpect(status().isOk())
            .andExpect(content().contentType("image/jpeg"))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(bytes).isEqualTo(AppealsFixtures.JPEG);
    assertThat(audited(filed.person(), "appeals.evidence.read")).isEqualTo(1);
    mvc.perform(
            get("/api/review/appeals/{id}/evidence/{file}", filed.appeal(), UUID.randomUUID())
                .with(reviewer()))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("appeals.evidence.not-found"));
  }

  @Test
  void aNameAppealShowsTheRegisteredNameInFull() throws Exception {
    Filed filed = fileNameAppeal();
    mvc.perform(get("/api/review/appeals/{id}", filed.appeal()).with(reviewer()))
        .andExpect(jsonPath("$.person.maskedName").value("李*"))
        .andExpect(jsonPath("$.person.registeredName").value("李晓"))
        .andExpect(jsonPath("$.correctedName").value("李晓晓"))
        .andExpect(jsonPath("$.status.colour").value("GREEN"));
  }

  @Test
  void anUnknownAppealIsNotFound() throws Exception {
    mvc.perform(get("/api/review/appeals/{id}", UUID.randomUUID()).with(reviewer()))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("appeals.not-found"));
    claim(UUID.randomUUID()).andExpect(status().isNotFound());
  }

  @Test
  void oneReviewerClaimsAnAppealAndOnlyThatReviewerWorksOnIt() throws Exception {
    Filed filed = fileColourAppeal();
    // notes and decisions need a claim first
    note(filed.appeal(), "{\"department\":\"疾控\",\"question\":\"问\",\"answer\":\"答\"}")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("appeals.not-claimed"));

    claim(filed.appeal())
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.state").value("IN_REVIEW"))
        .andExpect(jsonPath("$.reviewer").value(WANG));
    claim(filed.appeal()).andExpect(status().isOk());
    assertThat(audited(filed.person(), "appeals.appeal.claimed")).isEqualTo(1);

    mvc.perform(post("/api/review/appeals/{id}/claim", filed.appeal()).with(otherReviewer()))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("appeals.claimed-by-other"));
    mvc.perform(
            post("/api/review/appeals/{id}/notes", filed.appeal())
                .with(otherReviewer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"department\":\"疾控\",\"question\":\"问\",\"answer\":\"答\"}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("appeals.claimed-by-other"));

    // handing it back lets a colleague take it
    mvc.perform(post("/api/review/appeals/{id}/release", filed.appeal()).with(reviewer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.state").value("SUBMITTED"));
    assertThat(audited(filed.person(), "appeals.appeal.released")).isEqualTo(1);
    mvc.perform(post("/api/review/appeals/{id}/claim", filed.appeal()).with(otherReviewer()))
        .andExpect(status().isOk())
        .andExpect(
            jsonPath("$.reviewer").value("staff:" + AppealsTestConfiguration.OTHER_REVIEWER));
  }

  @Test
  void recordsConsultationsWithTheDepartmentsConcerned() throws Exception {
    Filed filed = fileColourAppeal();
    claim(filed.appeal());
    note(
            filed.appeal(),
            "{\"department\":\"黄浦区疾控中心\",\"question\":\"该人员是否已解除隔离？\","
                + "\"answer\":\"已于4月1日解除隔离\"}")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.department").value("黄浦区疾控中心"))
        .andExpect(jsonPath("$.recordedBy").value(WANG))
        .andExpect(jsonPath("$.consultedAt").isNotEmpty());
    assertThat(audited(filed.person(), "appeals.consultation.recorded")).isEqualTo(1);

    long notesBefore =
        count(jdbc, "SELECT count(*) FROM appeal_consultation WHERE appeal_id = ?", filed.appeal());
    note(filed.appeal(), "{\"question\":\"问\",\"answer\":\"答\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("appeals.note.department.required"));
    note(filed.appeal(), "{\"department\":\"疾控\",\"answer\":\"答\"}")
        .andExpect(jsonPath("$.code").value("appeals.note.question.required"));
    note(filed.appeal(), "{\"department\":\"疾控\",\"question\":\"问\"}")
        .andExpect(jsonPath("$.code").value("appeals.note.answer.required"));
    note(
            filed.appeal(),
            "{\"department\":\"疾控\",\"question\":\"问\",\"answer\":\"答\",\"consultedAt\":\""
                + clock.instant().plus(Duration.ofDays(1))
                + "\"}")
        .andExpect(jsonPath("$.code").value("appeals.note.time.future"));
    note(
            filed.appeal(),
            "{\"department\":\"疾控\",\"question\":\"问\",\"answer\":\"答\",\"consultedAt\":\"2020-01-01T00:00:00Z\"}")
        .andExpect(jsonPath("$.code").value("appeals.note.time.before-appeal"));
    note(filed.appeal(), "{not json")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("request.malformed"));
    assertThat(
            count(
                jdbc,
                "SELECT count(*) FROM appeal_consultation WHERE appeal_id = ?",
                filed.appeal()))
        .isEqualTo(notesBefore);

    mvc.perform(get("/api/review/appeals/{id}", filed.appeal()).with(reviewer()))
        .andExpect(jsonPath("$.consultations.length()").value(1))
        .andExpect(jsonPath("$.consultations[0].answer").value("已于4月1日解除隔离"));
  }

  @Test
  void upholdingAColourAppealPublishesTheCorrectionAndThePersonSeesTheAnswer() throws Exception {
    Filed filed = fileColourAppeal();
    claim(filed.appeal());
    decide(filed.appeal(), "{\"outcome\":\"UPHELD\",\"correctedColour\":\"GREEN\"}")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("appeals.decision.consult-first"));
    consulted(filed.appeal());
    decide(filed.appeal(), "{\"outcome\":\"UPHELD\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("appeals.decision.colour.required"));
    decide(filed.appeal(), "{\"outcome\":\"PERHAPS\"}")
        .andExpect(jsonPath("$.code").value("appeals.decision.outcome.invalid"));
    assertThat(state(filed.appeal())).isEqualTo("IN_REVIEW");
    assertThat(upheld.of(filed.appeal())).isEmpty();

    Instant before = clock.instant();
    decide(
            filed.appeal(),
            "{\"outcome\":\"UPHELD\",\"correctedColour\":\"GREEN\",\"reason\":\"经核实已解除隔离\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.state").value("UPHELD"))
        .andExpect(jsonPath("$.decision.correctedColour").value("GREEN"))
        // the decision shows the names it was sent with
        .andExpect(jsonPath("$.decision.reason").value("经核实已解除隔离"))
        .andExpect(jsonPath("$.decision.answer").doesNotExist());

    assertThat(upheld.of(filed.appeal()))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.personId()).isEqualTo(filed.person());
              assertThat(e.kind()).isEqualTo(AppealKind.WRONG_COLOUR);
              assertThat(e.correctedColour()).isEqualTo(Colour.GREEN);
              assertThat(e.correctedName()).isNull();
              assertThat(e.reviewer()).isEqualTo(Actor.staff(AppealsTestConfiguration.REVIEWER));
              assertThat(e.at()).isAfterOrEqualTo(before.minusSeconds(1));
            });
    assertThat(audited(filed.person(), "appeals.appeal.upheld")).isEqualTo(1);
    // the correction takes effect right after the decision commits, through the status engine
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              var now = statuses.current(filed.person());
              assertThat(now.colour()).isEqualTo(Colour.GREEN);
              assertThat(now.source()).isEqualTo("appeal");
            });

    mvc.perform(get("/api/me/appeals/{id}", filed.appeal()).with(citizen(filed.person())))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.state").value("UPHELD"))
        .andExpect(jsonPath("$.answer.outcome").value("UPHELD"))
        .andExpect(jsonPath("$.answer.correctedColour").value("GREEN"))
        .andExpect(jsonPath("$.answer.reason").value("经核实已解除隔离"))
        .andExpect(jsonPath("$.answer.decidedAt").isNotEmpty())
        .andExpect(jsonPath("$.consultations").doesNotExist());

    // answered is final
    decide(filed.appeal(), "{\"outcome\":\"REJECTED\",\"reason\":\"改主意了\"}")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("appeals.already-decided"));
    claim(filed.appeal()).andExpect(jsonPath("$.code").value("appeals.already-decided"));
    assertThat(upheld.of(filed.appeal())).hasSize(1);
    // and the person may appeal again
    mvc.perform(
            multipart("/api/me/appeals")
                .param("kind", "WRONG_COLOUR")
                .param("text", "又变红了")
                .with(citizen(filed.person()))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(status().isCreated());
  }

  @Test
  void upholdingANameAppealPublishesTheCorrectedName() throws Exception {
    Filed filed = fileNameAppeal();
    claim(filed.appeal());
    consulted(filed.appeal());
    decide(filed.appeal(), "{\"outcome\":\"UPHELD\",\"correctedName\":\"李晓1\"}")
        .andExpect(jsonPath("$.code").value("appeals.decision.name.invalid"));
    decide(filed.appeal(), "{\"outcome\":\"UPHELD\",\"correctedName\":\" 李晓晓 \"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.state").value("UPHELD"));
    assertThat(upheld.of(filed.appeal()))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(AppealKind.WRONG_NAME);
              assertThat(e.correctedName()).isEqualTo("李晓晓");
              assertThat(e.correctedColour()).isNull();
            });
    String detail =
        jdbc.sql(
                "SELECT detail FROM audit_event WHERE subject = ? AND action = 'appeals.appeal.upheld'")
            .param(filed.person())
            .query(String.class)
            .single();
    assertThat(detail).doesNotContain("李晓");
    mvc.perform(get("/api/me/appeals").with(citizen(filed.person())))
        .andExpect(jsonPath("$[0].answer.correctedName").value("李晓晓"));
  }

  @Test
  void rejectingGivesThePersonTheReasonAndPublishesNothing() throws Exception {
    Filed filed = fileColourAppeal();
    claim(filed.appeal());
    consulted(filed.appeal());
    decide(filed.appeal(), "{\"outcome\":\"REJECTED\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("appeals.decision.reason.required"));
    decide(filed.appeal(), "{\"outcome\":\"REJECTED\",\"reason\":\"经区疾控中心核实，您仍在隔离观察期内。\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.state").value("REJECTED"));
    assertThat(upheld.of(filed.appeal())).isEmpty();
    assertThat(audited(filed.person(), "appeals.appeal.rejected")).isEqualTo(1);
    mvc.perform(get("/api/me/appeals/{id}", filed.appeal()).with(citizen(filed.person())))
        .andExpect(jsonPath("$.state").value("REJECTED"))
        .andExpect(jsonPath("$.answer.outcome").value("REJECTED"))
        .andExpect(jsonPath("$.answer.reason").value("经区疾控中心核实，您仍在隔离观察期内。"))
        .andExpect(jsonPath("$.answer.correctedColour").doesNotExist());
  }

  @Test
  void everyStateChangeIsAudited() throws Exception {
    Filed filed = fileColourAppeal();
    claim(filed.appeal());
    consulted(filed.appeal());
    decide(filed.appeal(), "{\"outcome\":\"UPHELD\",\"correctedColour\":\"GREEN\"}");
    List<String> actions =
        // the appeals context's own entries (the status engine's correction follows on its own)
        jdbc.sql(
                "SELECT action FROM audit_event WHERE subject = ? AND action LIKE 'appeals.%'"
                    + " ORDER BY id")
            .param(filed.person())
            .query(String.class)
            .list();
    assertThat(actions)
        .containsExactly(
            "appeals.appeal.filed",
            "appeals.appeal.claimed",
            "appeals.consultation.recorded",
            "appeals.appeal.upheld");
  }
}
