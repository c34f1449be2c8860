package org.suishen.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
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
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.suishen.citizen.internal.DevSmsOutbox;
import org.suishen.healthcode.HealthCodeFixtures;
import org.suishen.healthcode.HealthCodeIntegrationTest;
import org.suishen.support.MutableClock;
import org.suishen.support.TestStaffAccounts;

/**
 * A stranger claims a person's identity first; the person takes it back at a service desk with the
 * ID card (card read + staff check): the stranger's claim is voided, its sessions end, its phone is
 * told, and every step is audited. Refused recoveries change nothing.
 */
@HealthCodeIntegrationTest
@RecordApplicationEvents
class IdentityRecoveryIT {

  @Autowired MockMvc mvc;
  @Autowired DevSmsOutbox outbox;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired ApplicationEvents events;
  CitizenTestSupport citizens;

  @BeforeEach
  void setUp() {
    citizens = new CitizenTestSupport(mvc, outbox, jdbc, clock);
  }

  private ResultActions recover(
      @Nullable String phone, String number, String name, boolean personChecked) throws Exception {
    return mvc.perform(
        post("/api/staff/identity-recoveries")
            .with(httpBasic(TestStaffAccounts.REVIEWER, TestStaffAccounts.PASSWORD))
            .with(HealthCodeFixtures.xsrf())
            .param("lang", "en")
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                "{\"phone\":"
                    + (phone == null ? "null" : "\"" + phone + "\"")
                    + ",\"cardRead\":{\"documentType\":\"RESIDENT_ID\",\"documentNumber\":\""
                    + number
                    + "\",\"name\":\""
                    + name
                    + "\"},\"personChecked\":"
                    + personChecked
                    + ",\"note\":\"窗口受理 42\"}"));
  }

  private @Nullable UUID personOf(String phone) {
    return jdbc.sql("SELECT person_id FROM citizen_account WHERE phone = ?")
        .param(phone)
        .query(UUID.class)
        .optional()
        .orElse(null);
  }

  private int audits(String action, UUID person) {
    return jdbc.sql(
            "SELECT count(*) FROM audit_event WHERE action = ? AND subject = ? AND actor = ?")
        .param(action)
        .param(person)
        .param("staff:" + TestStaffAccounts.REVIEWER)
        .query(Integer.class)
        .single();
  }

  @Test
  void aPersonTakesTheirIdentityBackAtADeskAndTheStrangersClaimIsVoided() throws Exception {
    // the stranger knew her name and document number and registered first
    String strangersPhone = randomPhone();
    var stranger = citizens.registeredCitizen(strangersPhone, "黄丽");
    var victim = stranger.person();
    // she cannot register herself: the uniform refusal sends her to a desk
    String herPhone = randomPhone();
    MockHttpSession her = citizens.logIn(herPhone);
    mvc.perform(
            postJson(
                    "/api/me/identity",
                    "{\"documentType\":\"RESIDENT_ID\",\"documentNumber\":\""
                        + victim.documentNumber()
                        + "\",\"name\":\"黄丽\"}")
                .session(her))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("citizen.identity.not-verified"));
    events.clear();

    recover(herPhone, victim.documentNumber(), "黄丽", true)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.maskedName").value("黄*"))
        .andExpect(jsonPath("$.earlierClaimVoided").value(true))
        .andExpect(
            jsonPath("$.maskedPhone")
                .value(herPhone.substring(0, 3) + "****" + herPhone.substring(7)))
        .andExpect(jsonPath("$.documentNumber").doesNotExist());

    assertThat(personOf(herPhone)).isEqualTo(victim.id());
    assertThat(personOf(strangersPhone)).isNull();
    assertThat(audits("citizen.identity.claim-voided", victim.id())).isEqualTo(1);
    assertThat(audits("citizen.identity.recovered", victim.id())).isEqualTo(1);
    assertThat(events.stream(IdentityRecovered.class))
        .singleElement()
        .satisfies(e -> assertThat(e.personId()).isEqualTo(victim.id()));
    // the stranger's phone is told; the text carries no name and no document number
    assertThat(outbox.messages())
        .anySatisfy(
            m -> {
              assertThat(m.maskedPhone()).endsWith(strangersPhone.substring(7));
              assertThat(m.text()).contains("收回").doesNotContain("黄丽", victim.documentNumber());
            });
    // the stranger's session ends and says why
    clock.advance(Duration.ofMinutes(1));
    mvc.perform(get("/api/me").session(stranger.session()))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.code").value("citizen.session.ended"))
        .andExpect(jsonPath("$.reason").value("identity-recovered"));
    // her account now stands for her
    mvc.perform(get("/api/me").session(citizens.logIn(herPhone)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.registered").value(true));
  }

  @Test
  void aRecoveryWithoutAClaimSimplyRegistersThePerson() throws Exception {
    var person = citizens.registerPerson("罗军");
    String phone = randomPhone(); // never logged in: the desk creates the account
    recover(phone, person.documentNumber(), "罗军", true)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.earlierClaimVoided").value(false));
    assertThat(personOf(phone)).isEqualTo(person.id());
    recover(phone, person.documentNumber(), "罗军", true)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("citizen.recovery.already-holds"));
  }

  @Test
  void refusedRecoveriesChangeNothing() throws Exception {
    String strangersPhone = randomPhone();
    var stranger = citizens.registeredCitizen(strangersPhone, "高峰");
    var person = stranger.person();
    var other = citizens.registeredCitizen(randomPhone(), "梁红");
    String phone = randomPhone();
    citizens.logIn(phone);

    recover(phone, person.documentNumber(), "高峰", false)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("citizen.recovery.confirmation-required"));
    recover(phone, person.documentNumber(), "高锋", true)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("citizen.recovery.card-mismatch"));
    recover("12345", person.documentNumber(), "高峰", true)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("citizen.phone.format"));
    recover(other.phone(), person.documentNumber(), "高峰", true)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("citizen.recovery.account-registered"));
    mvc.perform(
            post("/api/staff/identity-recoveries")
                .with(httpBasic(TestStaffAccounts.REVIEWER, TestStaffAccounts.PASSWORD))
                .with(HealthCodeFixtures.xsrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"phone\":"))
        .andExpect(status().isBadRequest());
    // a citizen may not recover anyone
    mvc.perform(
            postJson("/api/staff/identity-recoveries", "{}").session(citizens.logIn(randomPhone())))
        .andExpect(status().isForbidden());

    assertThat(personOf(strangersPhone)).isEqualTo(person.id());
    assertThat(personOf(phone)).isNull();
    assertThat(personOf(other.phone())).isEqualTo(other.person().id());
    assertThat(audits("citizen.identity.recovered", person.id())).isZero();
    assertThat(events.stream(IdentityRecovered.class)).isEmpty();
  }
}
