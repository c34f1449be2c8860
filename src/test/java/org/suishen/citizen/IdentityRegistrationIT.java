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
import org.suishen.citizen.internal.DevelopmentCarrierRealNames;
import org.suishen.citizen.internal.IdentityRegistration;
import org.suishen.identity.DocumentType;
import org.suishen.identity.IdentityDocument;
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
  @Autowired DevelopmentCarrierRealNames carrier;
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

  private String refusal(ResultActions attempt) throws Exception {
    String body =
        attempt
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.code").value("citizen.identity.not-verified"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    return body.replaceAll("\"instance\":\"[^\"]*\"", "").replaceAll("\"traceId\":\"[^\"]*\"", "");
  }

  @Test
  void everyFailedCheckGetsTheSameRefusalSoNobodyLearnsWhichNumbersExist() throws Exception {
    var person = citizens.registerPerson("李建国");
    var claimed = citizens.registeredCitizen(randomPhone(), "张伟");
    String phone = randomPhone();
    var session = citizens.logIn(phone);
    events.clear();

    String unknown = refusal(claim(session, "RESIDENT_ID", TestResidentIds.random(), "王小明"));
    String wrongName = refusal(claim(session, "RESIDENT_ID", person.documentNumber(), "李建华"));
    String takenByAnother =
        refusal(claim(session, "RESIDENT_ID", claimed.person().documentNumber(), "张伟"));

    assertThat(wrongName).isEqualTo(unknown).isEqualTo(takenByAnother);
    assertThat(wrongName).doesNotContain("李建国").doesNotContain("李*国");
    assertThat(failuresOf(accountOf(phone))).isEqualTo(3);
    assertNothingChanged(phone);
  }

  @Test
  void aStrangerClaimingSomeoneElsesDocumentFromTheirOwnPhoneIsRefusedByTheCarrierCheck()
      throws Exception {
    var victim = citizens.registerPerson("周芳");
    var stranger = citizens.registerPerson("吴强");
    String phone = randomPhone();
    carrier.register(
        phone,
        IdentityDocument.of(
            DocumentType.RESIDENT_ID, stranger.documentNumber())); // the stranger's own number
    var session = citizens.logIn(phone);

    refusal(claim(session, "RESIDENT_ID", victim.documentNumber(), "周芳"));
    assertNothingChanged(phone);
    // their own identity from their own number passes
    claim(session, "RESIDENT_ID", stranger.documentNumber(), "吴强").andExpect(status().isOk());
  }

  @Test
  void manyAccountsTogetherCannotTryNamesAgainstOneDocumentWithoutEnd() throws Exception {
    var person = citizens.registerPerson("郑洁");
    // one failure on this number from one account, nineteen more from others within the window
    String first = randomPhone();
    var firstSession = citizens.logIn(first);
    refusal(claim(firstSession, "RESIDENT_ID", person.documentNumber(), "郑杰"));
    byte[] documentKey =
        jdbc.sql(
                "SELECT document_key FROM citizen_identity_document_failure ORDER BY failed_at"
                    + " DESC, ctid DESC LIMIT 1")
            .query(byte[].class)
            .single();
    for (int i = 0; i < 19; i++) {
      jdbc.sql(
              "INSERT INTO citizen_identity_document_failure (document_key, failed_at)"
                  + " VALUES (?, ?)")
          .param(documentKey)
          .param(OffsetDateTime.now(clock).minusHours(1))
          .update();
    }
    // a fresh account, with no failure of its own, waits too; even with the right name
    String phone = randomPhone();
    var session = citizens.logIn(phone);
    claim(session, "RESIDENT_ID", person.documentNumber(), "郑洁")
        .andExpect(status().isTooManyRequests())
        .andExpect(jsonPath("$.code").value("citizen.identity.too-many-attempts"));
    assertNothingChanged(phone);
  }

  private int failuresOf(UUID account) {
    return jdbc.sql("SELECT count(*) FROM citizen_identity_failure WHERE account_id = ?")
        .param(account)
        .query(Integer.class)
        .single();
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
        .andExpect(jsonPath("$.code").value("citizen.identity.not-verified"));
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
    assertThat(codes).containsOnlyOnce("citizen.identity.not-verified");
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
