package org.suishen.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.suishen.citizen.CitizenTestSupport.postJson;
import static org.suishen.citizen.CitizenTestSupport.randomPhone;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
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
import org.suishen.citizen.internal.CitizenAccount;
import org.suishen.citizen.internal.DevSmsOutbox;
import org.suishen.citizen.internal.IdentityRegistration;
import org.suishen.identity.DocumentType;
import org.suishen.identity.document.TestResidentIds;
import org.suishen.shared.problem.SuishenException;
import org.suishen.support.Concurrently;
import org.suishen.support.IntegrationTest;

/** Real-name registration through the API (MISSION H1): every refusal changes nothing. */
@IntegrationTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class IdentityRegistrationIT {

  @Autowired MockMvc mvc;
  @Autowired DevSmsOutbox outbox;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Autowired ApplicationEvents events;
  @Autowired IdentityRegistration registration;
  CitizenTestSupport citizens;

  @BeforeEach
  void setUp() {
    citizens = new CitizenTestSupport(mvc, outbox, jdbc, clock);
  }

  private ResultActions claim(MockHttpSession session, String type, String number, String name)
      throws Exception {
    return mvc.perform(
        postJson(
                "/api/me/identity",
                "{\"documentType\":\""
                    + type
                    + "\",\"documentNumber\":\""
                    + number
                    + "\",\"name\":\""
                    + name
                    + "\"}")
            .session(session));
  }

  private UUID accountOf(String phone) {
    return jdbc.sql("SELECT id FROM citizen_account WHERE phone = ?")
        .param(phone)
        .query(UUID.class)
        .single();
  }

  private void assertNothingChanged(String phone) {
    UUID account = accountOf(phone);
    assertThat(
            jdbc.sql("SELECT person_id IS NULL FROM citizen_account WHERE id = ?")
                .param(account)
                .query(Boolean.class)
                .single())
        .isTrue();
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE actor = ? AND action ="
                        + " 'citizen.identity.claimed'")
                .param("citizen:" + account)
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(events.stream(IdentityClaimed.class)).isEmpty();
  }

  @Test
  void aCitizenClaimsTheirIdentityAndTheSessionKnowsTheirPerson() throws Exception {
    var person = citizens.registerPerson("王小明");
    String phone = randomPhone();
    var session = citizens.logIn(phone);

    claim(session, "RESIDENT_ID", person.documentNumber().toLowerCase(), " 王 小明 ")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.registered").value(true))
        .andExpect(jsonPath("$.name").value("王*明"))
        .andExpect(jsonPath("$.documentType").value("RESIDENT_ID"))
        .andExpect(
            jsonPath("$.documentNumber")
                .value(
                    person.documentNumber().substring(0, 4)
                        + "**********"
                        + person.documentNumber().substring(14)));

    UUID account = accountOf(phone);
    assertThat(
            jdbc.sql("SELECT person_id FROM citizen_account WHERE id = ?")
                .param(account)
                .query(UUID.class)
                .single())
        .isEqualTo(person.id());
    var audit =
        jdbc.sql(
                "SELECT actor, subject, reason, coalesce(detail, '') AS detail FROM audit_event"
                    + " WHERE action = 'citizen.identity.claimed' AND subject = ?")
            .param(person.id())
            .query(
                (rs, row) ->
                    rs.getString("actor")
                        + "|"
                        + rs.getString("reason")
                        + "|"
                        + rs.getString("detail"))
            .single();
    assertThat(audit)
        .startsWith("citizen:" + account)
        .doesNotContain("王小明", person.documentNumber(), phone);
    assertThat(events.stream(IdentityClaimed.class))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.accountId()).isEqualTo(account);
              assertThat(e.personId()).isEqualTo(person.id());
            });
    // the refreshed session carries the person: the declaration API accepts it
    mvc.perform(get("/api/me/declarations").session(session)).andExpect(status().isOk());
  }

  @Test
  void anUnknownDocumentIsNotFound() throws Exception {
    String phone = randomPhone();
    var session = citizens.logIn(phone);
    claim(session, "RESIDENT_ID", TestResidentIds.random(), "王小明")
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("citizen.identity.not-found"));
    assertNothingChanged(phone);
  }

  @Test
  void aWrongNameIsRefusedWithoutRevealingTheRegisteredName() throws Exception {
    var person = citizens.registerPerson("李建国");
    String phone = randomPhone();
    var session = citizens.logIn(phone);
    String body =
        claim(session, "RESIDENT_ID", person.documentNumber(), "李建华")
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.code").value("citizen.identity.name-mismatch"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(body).doesNotContain("李建国").doesNotContain("李*国");
    assertNothingChanged(phone);
  }

  @Test
  void aMalformedDocumentIsRefusedWithTheIdentityModulesCode() throws Exception {
    String phone = randomPhone();
    var session = citizens.logIn(phone);
    claim(
            session,
            "RESIDENT_ID",
            TestResidentIds.withWrongCheckCharacter(TestResidentIds.random()),
            "王小明")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("identity.document.check-digit"));
    claim(session, "RESIDENT_ID", "12345", "王小明")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("identity.document.format"));
    claim(session, "DRIVING_LICENCE", "12345", "王小明")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("citizen.identity.document-type"));
    claim(session, "RESIDENT_ID", "", "王小明")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("citizen.identity.document-number-required"));
    claim(session, "RESIDENT_ID", TestResidentIds.random(), " ")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("citizen.identity.name-required"));
    assertNothingChanged(phone);
  }

  @Test
  void anIdentityClaimedByAnotherAccountIsRefused() throws Exception {
    var first = citizens.registeredCitizen(randomPhone(), "张伟");
    String phone = randomPhone();
    var session = citizens.logIn(phone);
    events.clear();
    claim(session, "RESIDENT_ID", first.person().documentNumber(), "张伟")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("citizen.identity.already-claimed"));
    assertNothingChanged(phone);
  }

  @Test
  void anAccountClaimsOnlyOneIdentity() throws Exception {
    var citizen = citizens.registeredCitizen(randomPhone(), "陈静");
    var other = citizens.registerPerson("陈静");
    claim(citizen.session(), "RESIDENT_ID", other.documentNumber(), "陈静")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("citizen.identity.already-registered"));
    assertThat(
            jdbc.sql("SELECT person_id FROM citizen_account WHERE phone = ?")
                .param(citizen.phone())
                .query(UUID.class)
                .single())
        .isEqualTo(citizen.person().id());
  }

  @Test
  void tooManyFailedAttemptsAreRefusedForADay() throws Exception {
    var person = citizens.registerPerson("刘洋");
    String phone = randomPhone();
    var session = citizens.logIn(phone);
    UUID account = accountOf(phone);
    for (int i = 0; i < 9; i++) {
      jdbc.sql("INSERT INTO citizen_identity_failure (account_id, failed_at) VALUES (?, ?)")
          .param(account)
          .param(OffsetDateTime.now(clock).minusHours(1))
          .update();
    }
    claim(session, "RESIDENT_ID", person.documentNumber(), "刘阳")
        .andExpect(jsonPath("$.code").value("citizen.identity.name-mismatch"));
    // the tenth failure reached the limit: even the right name waits now
    claim(session, "RESIDENT_ID", person.documentNumber(), "刘洋")
        .andExpect(status().isTooManyRequests())
        .andExpect(jsonPath("$.code").value("citizen.identity.too-many-attempts"));
    assertNothingChanged(phone);
  }

  @Test
  void parallelAttemptsCannotPassTheFailureLimit() throws Exception {
    var person = citizens.registerPerson("孙悦");
    String phone = randomPhone();
    citizens.logIn(phone);
    UUID account = accountOf(phone);
    for (int i = 0; i < 9; i++) {
      jdbc.sql("INSERT INTO citizen_identity_failure (account_id, failed_at) VALUES (?, ?)")
          .param(account)
          .param(OffsetDateTime.now(clock).minusHours(1))
          .update();
    }
    // eight wrong names at the same moment, one failure left: attempts of one account run one
    // after the other, so exactly one is checked (and counted), the others are refused unchecked
    List<Callable<CitizenAccount>> attempts = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String wrongName = "孙月" + i;
      attempts.add(
          () ->
              registration.claim(
                  account, DocumentType.RESIDENT_ID, person.documentNumber(), wrongName));
    }
    var codes =
        Concurrently.run(attempts).stream()
            .map(outcome -> ((SuishenException) outcome.failure()).code())
            .toList();
    assertThat(codes).containsOnlyOnce("citizen.identity.name-mismatch");
    assertThat(codes).filteredOn("citizen.identity.too-many-attempts"::equals).hasSize(7);
    assertThat(
            jdbc.sql("SELECT count(*) FROM citizen_identity_failure WHERE account_id = ?")
                .param(account)
                .query(Integer.class)
                .single())
        .isEqualTo(10);
    assertNothingChanged(phone);
  }

  @Test
  void failuresOlderThanTheWindowNoLongerCount() throws Exception {
    var person = citizens.registerPerson("赵敏");
    String phone = randomPhone();
    var session = citizens.logIn(phone);
    UUID account = accountOf(phone);
    for (int i = 0; i < 10; i++) {
      jdbc.sql("INSERT INTO citizen_identity_failure (account_id, failed_at) VALUES (?, ?)")
          .param(account)
          .param(OffsetDateTime.now(clock).minusHours(25))
          .update();
    }
    claim(session, "RESIDENT_ID", person.documentNumber(), "赵敏").andExpect(status().isOk());
  }
}
