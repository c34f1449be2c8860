package org.suishen.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.suishen.status.StatusTestSupport.citizen;
import static org.suishen.status.StatusTestSupport.officer;
import static org.suishen.status.StatusTestSupport.person;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.suishen.shared.security.Actor;
import org.suishen.support.IntegrationTest;
import tools.jackson.databind.json.JsonMapper;

/** No quiet red codes: a manual change needs a legal basis, evidence and a second officer. */
@IntegrationTest
@AutoConfigureMockMvc
@RecordApplicationEvents
@Import(StatusTestSupport.class)
class ManualStatusChangeIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired HealthStatuses statuses;
  @Autowired ManualStatusChanges manualChanges;
  @Autowired ApplicationEvents events;

  ResultActions propose(UUID personId, String colour, String reason, String evidence, String as)
      throws Exception {
    return mvc.perform(
        post("/api/authority/manual-changes")
            .with(officer(as))
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                json.writeValueAsString(
                    java.util.Map.of(
                        "personId", personId.toString(),
                        "colour", colour,
                        "reasonCode", reason,
                        "evidence", evidence))));
  }

  String proposedId(UUID personId, String colour, String as) throws Exception {
    String body =
        propose(personId, colour, "close-contact", "流调报告 2026-118 号：与确诊病例同乘航班", as)
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.state").value("PROPOSED"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.readTree(body).get("id").asString();
  }

  ResultActions decide(String id, String decision, String as, String note) throws Exception {
    return mvc.perform(
        post("/api/authority/manual-changes/" + id + "/" + decision)
            .with(officer(as))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"decisionNote\": \"" + note + "\"}"));
  }

  List<String> auditActions(UUID personId) {
    return jdbc.sql("SELECT action FROM audit_event WHERE subject = ? ORDER BY id")
        .param(personId)
        .query(String.class)
        .list();
  }

  @Test
  void aChangeTakesEffectOnlyWhenASecondOfficerApprovesIt() throws Exception {
    UUID p = person(jdbc).id();
    String id = proposedId(p, "RED", "officer-a");
    assertThat(statuses.current(p).colour()).isEqualTo(Colour.GREEN);

    decide(id, "approve", "officer-a", "")
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("status.manual.same-approver"));
    assertThat(statuses.current(p).colour()).isEqualTo(Colour.GREEN);

    decide(id, "approve", "officer-b", "核实无误")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.state").value("APPROVED"))
        .andExpect(jsonPath("$.decidedBy").value("staff:officer-b"))
        .andExpect(jsonPath("$.proposedBy").value("staff:officer-a"));

    HealthStatus red = statuses.current(p);
    assertThat(red.colour()).isEqualTo(Colour.RED);
    assertThat(red.rule()).isEqualTo("manual");
    assertThat(red.reason()).isEqualTo("manual.close-contact");
    assertThat(red.source()).isEqualTo("manual");
    assertThat(events.stream(HealthStatusChanged.class).filter(e -> e.personId().equals(p)))
        .singleElement()
        .satisfies(e -> assertThat(e.to()).isEqualTo(Colour.RED));
    assertThat(events.stream(PersonNotified.class).filter(e -> e.personId().equals(p)))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo("status.manual-change");
              assertThat(e.messageCode()).isEqualTo("status.notice.manual-change.red");
            });
    assertThat(
            jdbc.sql(
                    "SELECT caused_by || ' ' || cause FROM health_status_history"
                        + " WHERE person_id = ?")
                .param(p)
                .query(String.class)
                .single())
        .isEqualTo("staff:officer-b manual:" + id);
    assertThat(auditActions(p)).containsExactly("status.manual.proposed", "status.manual.approved");

    mvc.perform(get("/api/me/status/notices").with(citizen(p)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].messageCode").value("status.notice.manual-change.red"))
        .andExpect(jsonPath("$[0].message.zh").value("卫生健康部门经核实，已将您的随申码调整为红码。"))
        .andExpect(
            jsonPath("$[0].message.en")
                .value("After checking, the health authority changed your health code to red."));
    mvc.perform(get("/api/me/status").with(citizen(p)))
        .andExpect(jsonPath("$.colour").value("RED"))
        .andExpect(jsonPath("$.reasonText.en").value("Checked by the authority: close contact"));

    decide(id, "approve", "officer-b", "")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("status.manual.not-pending"));
  }

  @Test
  void aRejectedProposalIsKeptAndChangesNothing() throws Exception {
    UUID p = person(jdbc).id();
    String id = proposedId(p, "YELLOW", "officer-a");

    decide(id, "reject", "officer-b", "")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("status.manual.note-required"));
    decide(id, "reject", "officer-b", "证据不足")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.state").value("REJECTED"))
        .andExpect(jsonPath("$.decisionNote").value("证据不足"));

    assertThat(statuses.current(p).colour()).isEqualTo(Colour.GREEN);
    assertThat(events.stream(PersonNotified.class).filter(e -> e.personId().equals(p))).isEmpty();
    assertThat(auditActions(p)).containsExactly("status.manual.proposed", "status.manual.rejected");
    decide(id, "approve", "officer-b", "")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("status.manual.not-pending"));
    mvc.perform(get("/api/authority/persons/" + p + "/manual-changes").with(officer("officer-a")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].state").value("REJECTED"));
  }

  @Test
  void badProposalsAreRefusedAndNothingIsWritten() throws Exception {
    UUID p = person(jdbc).id();

    propose(p, "RED", "because-i-say-so", "流调报告 2026-118 号：密接", "officer-a")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("status.manual.reason-unknown"));
    propose(p, "RED", "close-contact", "密接", "officer-a")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("status.manual.evidence-required"))
        .andExpect(
            jsonPath("$.messageEn")
                .value("Please describe the evidence (at least 10 characters)."));
    propose(UUID.randomUUID(), "RED", "close-contact", "流调报告 2026-118 号：密接人员", "officer-a")
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("status.person.unknown"));
    propose(p, "PURPLE", "close-contact", "流调报告 2026-118 号：密接人员", "officer-a")
        .andExpect(status().isBadRequest());
    mvc.perform(
            post("/api/authority/manual-changes/" + UUID.randomUUID() + "/approve")
                .with(officer("officer-b")))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("status.manual.not-found"));

    assertThat(
            jdbc.sql("SELECT count(*) FROM manual_status_change WHERE person_id = ?")
                .param(p)
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(auditActions(p)).isEmpty();
  }

  @Test
  void aSecondProposalWaitsForTheFirstToBeDecided() throws Exception {
    UUID p = person(jdbc).id();
    proposedId(p, "RED", "officer-a");

    propose(p, "YELLOW", "close-contact", "流调报告 2026-119 号：密接人员", "officer-b")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("status.manual.pending-exists"));
  }

  @Test
  void aManualGreenGivesWayToANewMedicalOrder() throws Exception {
    UUID p = person(jdbc).id();
    String id = proposedId(p, "GREEN", "officer-a");
    decide(id, "approve", "officer-b", "").andExpect(status().isOk());
    assertThat(statuses.current(p).rule()).isEqualTo("manual");

    mvc.perform(
            post("/api/authority/feeds/orders")
                .with(officer("officer-a"))
                .contentType("text/csv")
                .content(
                    "order_id,person_id,kind,starts_at\nM-%s,%s,CONFIRMED,2026-01-01\n"
                        .formatted(p, p)))
        .andExpect(status().isOk());

    assertThat(statuses.current(p).colour()).isEqualTo(Colour.RED);
    assertThat(statuses.current(p).rule()).isEqualTo("medical-management");
  }

  @Test
  void anUpheldAppealCorrectsTheColourThroughTheAuditedPathOnce() throws Exception {
    UUID p = person(jdbc).id();
    mvc.perform(
            post("/api/authority/feeds/orders")
                .with(officer("officer-a"))
                .contentType("text/csv")
                .content(
                    "order_id,person_id,kind,starts_at\nA-%s,%s,QUARANTINE,2026-01-01\n"
                        .formatted(p, p)))
        .andExpect(status().isOk());
    assertThat(statuses.current(p).colour()).isEqualTo(Colour.RED);
    UUID appeal = UUID.randomUUID();
    events.clear();

    HealthStatus corrected =
        manualChanges.applyUpheldAppeal(p, Colour.GREEN, appeal, Actor.staff("reviewer-1"));
    HealthStatus again =
        manualChanges.applyUpheldAppeal(p, Colour.GREEN, appeal, Actor.staff("reviewer-1"));

    assertThat(corrected.colour()).isEqualTo(Colour.GREEN);
    assertThat(corrected.reason()).isEqualTo("appeal.upheld");
    assertThat(corrected.source()).isEqualTo("appeal");
    assertThat(again).isEqualTo(corrected);
    assertThat(statuses.current(p).colour()).isEqualTo(Colour.GREEN);
    // once, as an appeal correction (the red before it was told as a colour change)
    assertThat(
            events.stream(PersonNotified.class)
                .filter(e -> !e.kind().equals("status.colour-change")))
        .singleElement()
        .satisfies(e -> assertThat(e.kind()).isEqualTo("status.appeal-correction"));
    assertThat(events.stream(HealthStatusChanged.class)).hasSize(1);
    assertThat(auditActions(p)).containsExactly("status.appeal.applied");
    assertThat(
            jdbc.sql(
                    "SELECT cause FROM health_status_history WHERE person_id = ? ORDER BY id DESC LIMIT 1")
                .param(p)
                .query(String.class)
                .single())
        .isEqualTo("appeal:" + appeal);
  }

  @Test
  void onlyTheHealthAuthorityMayProposeOrDecide() throws Exception {
    UUID p = person(jdbc).id();
    propose(p, "RED", "close-contact", "流调报告 2026-118 号：密接人员", "auditor")
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/authority/manual-changes")).andExpect(status().isUnauthorized());
    mvc.perform(get("/api/authority/manual-changes").with(citizen(p)))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/authority/manual-changes/reasons").with(officer("officer-a")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].code").value("data-correction"));
  }
}
