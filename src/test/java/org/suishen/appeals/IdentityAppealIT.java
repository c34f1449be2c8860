package org.suishen.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.suishen.appeals.AppealsFixtures.JPEG;
import static org.suishen.appeals.AppealsFixtures.count;
import static org.suishen.citizen.CitizenTestSupport.postJson;
import static org.suishen.citizen.CitizenTestSupport.randomPhone;

import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.suishen.citizen.CitizenTestSupport;
import org.suishen.citizen.internal.DevSmsOutbox;
import org.suishen.healthcode.HealthCodeFixtures;
import org.suishen.healthcode.HealthCodeIntegrationTest;
import org.suishen.support.MutableClock;
import org.suishen.support.TestStaffAccounts;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stranger registers a person's identity first; the person, refused at registration, files an
 * identity appeal with evidence from her own account; a reviewer upholds it and the identity moves
 * to her account: the stranger's claim is voided, its session ends, its phone is told, all audited.
 * Refused filings store nothing, and a refused recovery leaves the appeal undecided.
 */
@HealthCodeIntegrationTest
class IdentityAppealIT {

  @Autowired MockMvc mvc;
  @Autowired DevSmsOutbox outbox;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired JsonMapper json;
  CitizenTestSupport citizens;

  @BeforeEach
  void setUp() {
    citizens = new CitizenTestSupport(mvc, outbox, jdbc, clock);
  }

  private ResultActions fileIdentityAppeal(
      MockHttpSession session, String number, String name, boolean withEvidence) throws Exception {
    var request =
        multipart("/api/me/appeals")
            .param("kind", "IDENTITY_TAKEN")
            .param("text", "我的身份证被别人注册了，我本人的手机号无法实名注册。")
            .param("documentType", "RESIDENT_ID")
            .param("documentNumber", number)
            .param("name", name)
            .param("lang", "en");
    if (withEvidence) {
      request.file(new MockMultipartFile("files", "手持身份证.jpg", "image/jpeg", JPEG));
    }
    return mvc.perform(request.session(session).with(HealthCodeFixtures.xsrf()));
  }

  private UUID id(ResultActions result) throws Exception {
    return UUID.fromString(
        json.readTree(result.andReturn().getResponse().getContentAsString()).get("id").asString());
  }

  private void claimAndConsult(UUID appeal) throws Exception {
    mvc.perform(post("/api/review/appeals/{id}/claim", appeal).with(reviewer()))
        .andExpect(status().isOk());
    mvc.perform(
            post("/api/review/appeals/{id}/notes", appeal)
                .with(reviewer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"department\":\"公安户籍\",\"question\":\"证件照片与户籍照片是否一致\","
                        + "\"answer\":\"一致\"}"))
        .andExpect(status().isCreated());
  }

  private ResultActions decide(UUID appeal, String outcome) throws Exception {
    return mvc.perform(
        post("/api/review/appeals/{id}/decision", appeal)
            .with(reviewer())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"outcome\":\"" + outcome + "\",\"reason\":\"经户籍部门核实，证件为申诉人本人所有。\"}"));
  }

  private @Nullable UUID personOf(String phone) {
    return jdbc.sql("SELECT person_id FROM citizen_account WHERE phone = ?")
        .param(phone)
        .query(UUID.class)
        .optional()
        .orElse(null);
  }

  private long audits(String action, UUID person) {
    return count(
        jdbc,
        "SELECT count(*) FROM audit_event WHERE action = ? AND subject = ? AND actor = ?",
        action,
        person,
        "staff:" + TestStaffAccounts.REVIEWER);
  }

  private static RequestPostProcessor reviewer() {
    return httpBasic(TestStaffAccounts.REVIEWER, TestStaffAccounts.PASSWORD);
  }

  private static String masked(String phone) {
    return phone.substring(0, 3) + "****" + phone.substring(7);
  }

  @Test
  void aPersonWhoseIdentityWasTakenGetsItBackThroughAnUpheldAppeal() throws Exception {
    String strangersPhone = randomPhone();
    var stranger = citizens.registeredCitizen(strangersPhone, "黄丽");
    var victim = stranger.person();
    String herPhone = randomPhone();
    MockHttpSession her = citizens.logIn(herPhone);

    var filed =
        fileIdentityAppeal(her, victim.documentNumber(), "黄丽", true)
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.kind").value("IDENTITY_TAKEN"))
            .andExpect(jsonPath("$.state").value("SUBMITTED"))
            .andExpect(jsonPath("$.documentType").value("RESIDENT_ID"))
            .andExpect(jsonPath("$.name").value("黄*"))
            .andExpect(jsonPath("$.evidence.length()").value(1));
    UUID appeal = id(filed);
    assertThat(filed.andReturn().getResponse().getContentAsString())
        .doesNotContain(victim.documentNumber());
    // she follows it from her account; the stranger, who stands for the person, never sees it
    mvc.perform(get("/api/me/appeals").session(her))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].id").value(appeal.toString()));
    mvc.perform(get("/api/me/appeals").session(stranger.session()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(0));
    mvc.perform(get("/api/me/appeals/{id}", appeal).session(stranger.session()))
        .andExpect(status().isNotFound());

    // the reviewer sees both accounts masked and the registered name to check the evidence with
    mvc.perform(get("/api/review/appeals/{id}", appeal).with(reviewer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.identity.appellantPhone").value(masked(herPhone)))
        .andExpect(jsonPath("$.identity.holderPhone").value(masked(strangersPhone)))
        .andExpect(jsonPath("$.person.registeredName").value("黄丽"));

    claimAndConsult(appeal);
    decide(appeal, "UPHELD")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.state").value("UPHELD"));

    assertThat(personOf(herPhone)).isEqualTo(victim.id());
    assertThat(personOf(strangersPhone)).isNull();
    assertThat(audits("citizen.identity.claim-voided", victim.id())).isEqualTo(1);
    assertThat(audits("citizen.identity.recovered", victim.id())).isEqualTo(1);
    assertThat(outbox.messages())
        .anySatisfy(
            m -> {
              assertThat(m.maskedPhone()).endsWith(strangersPhone.substring(7));
              assertThat(m.text()).contains("收回").doesNotContain("黄丽", victim.documentNumber());
            });
    // a session's epoch is checked at most once a minute
    clock.advance(Duration.ofMinutes(1));
    mvc.perform(get("/api/me").session(stranger.session()))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.reason").value("identity-recovered"));
    // her account now stands for her, and her appeal shows the answer
    MockHttpSession again = citizens.logIn(herPhone);
    mvc.perform(get("/api/me").session(again)).andExpect(jsonPath("$.registered").value(true));
    mvc.perform(get("/api/me/appeals/{id}", appeal).session(again))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.answer.outcome").value("UPHELD"));
  }

  @Test
  void refusedIdentityAppealsStoreNothing() throws Exception {
    var stranger = citizens.registeredCitizen(randomPhone(), "高峰");
    var person = stranger.person();
    MockHttpSession her = citizens.logIn(randomPhone());
    long before = count(jdbc, "SELECT count(*) FROM appeal WHERE person_id = ?", person.id());

    // a wrong name and an unknown number get the one refusal registration gives
    String wrongName =
        fileIdentityAppeal(her, person.documentNumber(), "高锋", true)
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.code").value("citizen.identity.not-verified"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    var other = citizens.registerPerson("陈静"); // in the register, never claimed
    String unknown =
        fileIdentityAppeal(her, other.documentNumber(), "高峰", true)
            .andExpect(status().isUnprocessableContent())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(json.readTree(unknown).get("detail"))
        .isEqualTo(json.readTree(wrongName).get("detail"));
    fileIdentityAppeal(her, person.documentNumber(), "高峰", false)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("appeals.evidence.required"));
    fileIdentityAppeal(her, "310104198506150036", "高峰", true)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("identity.document.check-digit"));
    // an account that holds an identity cannot ask for another
    fileIdentityAppeal(stranger.session(), person.documentNumber(), "高峰", true)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("appeals.identity.registered"));
    assertThat(count(jdbc, "SELECT count(*) FROM appeal WHERE person_id = ?", person.id()))
        .isEqualTo(before);

    // one open identity appeal per account; a stranger's does not block the person's own appeals
    fileIdentityAppeal(her, person.documentNumber(), "高峰", true).andExpect(status().isCreated());
    fileIdentityAppeal(her, person.documentNumber(), "高峰", true)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("appeals.already-open"));
    MockHttpSession third = citizens.logIn(randomPhone());
    fileIdentityAppeal(third, person.documentNumber(), "高峰", true).andExpect(status().isCreated());
  }

  @Test
  void theFailuresOfIdentityAppealsCountAsFailedRegistrations() throws Exception {
    var stranger = citizens.registeredCitizen(randomPhone(), "梁红");
    MockHttpSession her = citizens.logIn(randomPhone());
    // suishen.citizen.registration.failure-limit is 10 a day
    for (int i = 0; i < 10; i++) {
      fileIdentityAppeal(her, stranger.person().documentNumber(), "梁洪", true)
          .andExpect(status().isUnprocessableContent());
    }
    fileIdentityAppeal(her, stranger.person().documentNumber(), "梁红", true)
        .andExpect(status().isTooManyRequests())
        .andExpect(jsonPath("$.code").value("citizen.identity.too-many-attempts"));
    mvc.perform(
            postJson(
                    "/api/me/identity",
                    "{\"documentType\":\"RESIDENT_ID\",\"documentNumber\":\""
                        + stranger.person().documentNumber()
                        + "\",\"name\":\"梁红\"}")
                .session(her))
        .andExpect(status().isTooManyRequests());
  }

  @Test
  void anUpholdIsRefusedWhenTheAppellantsAccountTookAnotherIdentityMeanwhile() throws Exception {
    String strangersPhone = randomPhone();
    var stranger = citizens.registeredCitizen(strangersPhone, "罗军");
    String herPhone = randomPhone();
    MockHttpSession her = citizens.logIn(herPhone);
    UUID appeal =
        id(
            fileIdentityAppeal(her, stranger.person().documentNumber(), "罗军", true)
                .andExpect(status().isCreated()));
    // meanwhile her account registers as someone else
    var someoneElse = citizens.registerPerson("罗敏");
    mvc.perform(
            postJson(
                    "/api/me/identity",
                    "{\"documentType\":\"RESIDENT_ID\",\"documentNumber\":\""
                        + someoneElse.documentNumber()
                        + "\",\"name\":\"罗敏\"}")
                .session(her))
        .andExpect(status().isOk());

    claimAndConsult(appeal);
    decide(appeal, "UPHELD")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("citizen.recovery.account-registered"));
    assertThat(
            jdbc.sql("SELECT state FROM appeal WHERE id = ?")
                .param(appeal)
                .query(String.class)
                .single())
        .isEqualTo("IN_REVIEW");
    assertThat(personOf(strangersPhone)).isEqualTo(stranger.person().id());
    assertThat(personOf(herPhone)).isEqualTo(someoneElse.id());

    // rejected, nothing moves
    decide(appeal, "REJECTED").andExpect(status().isOk());
    assertThat(personOf(strangersPhone)).isEqualTo(stranger.person().id());
  }
}
