package org.suishen.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.suishen.citizen.CitizenTestSupport.from;
import static org.suishen.citizen.CitizenTestSupport.postJson;
import static org.suishen.citizen.CitizenTestSupport.randomAddress;
import static org.suishen.citizen.CitizenTestSupport.randomPhone;

import java.time.Clock;
import java.util.UUID;
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
import org.suishen.citizen.internal.DevSmsOutbox;
import org.suishen.shared.masking.Masking;
import org.suishen.support.IntegrationTest;

/** Binding a new mobile number to a registered account (MISSION H8). */
@IntegrationTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class PhoneRebindingIT {

  @Autowired MockMvc mvc;
  @Autowired DevSmsOutbox outbox;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Autowired ApplicationEvents events;
  CitizenTestSupport citizens;

  @BeforeEach
  void setUp() {
    citizens = new CitizenTestSupport(mvc, outbox, jdbc, clock);
  }

  private ResultActions sendCode(MockHttpSession session, String phone) throws Exception {
    return mvc.perform(
        postJson("/api/me/phone/otp", "{\"phone\":\"" + phone + "\"}")
            .session(session)
            .with(from(randomAddress())));
  }

  private ResultActions confirm(MockHttpSession session, String phone, String code)
      throws Exception {
    return mvc.perform(
        postJson("/api/me/phone", "{\"phone\":\"" + phone + "\",\"code\":\"" + code + "\"}")
            .session(session));
  }

  private String accountPhone(UUID personId) {
    return jdbc.sql("SELECT phone FROM citizen_account WHERE person_id = ?")
        .param(personId)
        .query(String.class)
        .single();
  }

  @Test
  void aRegisteredCitizenMovesToANewNumberAndTheOldOneNoLongerReachesTheAccount() throws Exception {
    var citizen = citizens.registeredCitizen(randomPhone(), "孙丽");
    String newPhone = randomPhone();
    events.clear();

    sendCode(citizen.session(), newPhone)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.phone").value(Masking.phone(newPhone)));
    String code = citizens.lastCodeSentTo(newPhone);
    confirm(citizen.session(), newPhone, code)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.phone").value(Masking.phone(newPhone)))
        .andExpect(jsonPath("$.registered").value(true));

    assertThat(accountPhone(citizen.person().id())).isEqualTo(newPhone);
    mvc.perform(get("/api/me").session(citizen.session()))
        .andExpect(jsonPath("$.phone").value(Masking.phone(newPhone)));
    var audit =
        jdbc.sql(
                "SELECT reason || coalesce(detail, '') FROM audit_event"
                    + " WHERE action = 'citizen.phone.rebound' AND subject = ?")
            .param(citizen.person().id())
            .query(String.class)
            .single();
    assertThat(audit).doesNotContain(newPhone, citizen.phone());
    assertThat(events.stream(PhoneRebound.class))
        .singleElement()
        .satisfies(e -> assertThat(e.personId()).isEqualTo(citizen.person().id()));

    // the new number logs in to the registered account
    citizens.ageCodesSentTo(newPhone);
    var viaNew = citizens.logIn(newPhone);
    mvc.perform(get("/api/me").session(viaNew)).andExpect(jsonPath("$.registered").value(true));
    // the old number starts a new, unregistered account
    citizens.ageCodesSentTo(citizen.phone());
    var viaOld = citizens.logIn(citizen.phone());
    mvc.perform(get("/api/me").session(viaOld)).andExpect(jsonPath("$.registered").value(false));
  }

  @Test
  void onlyRegisteredCitizensRebind() throws Exception {
    var session = citizens.logIn(randomPhone());
    sendCode(session, randomPhone())
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("citizen.registration.required"));
    confirm(session, randomPhone(), "123456")
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("citizen.registration.required"));
  }

  @Test
  void theNewNumberMustBeValidNewAndFree() throws Exception {
    var citizen = citizens.registeredCitizen(randomPhone(), "周杰");
    String taken = randomPhone();
    citizens.logIn(taken);

    sendCode(citizen.session(), "1234")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("citizen.phone.format"));
    sendCode(citizen.session(), citizen.phone())
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("citizen.phone.unchanged"));
    sendCode(citizen.session(), taken)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("citizen.phone.taken"));
    confirm(citizen.session(), taken, "123456")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("citizen.phone.taken"));
    assertThat(accountPhone(citizen.person().id())).isEqualTo(citizen.phone());
  }

  @Test
  void aWrongOrForeignCodeDoesNotRebind() throws Exception {
    var citizen = citizens.registeredCitizen(randomPhone(), "吴磊");
    String newPhone = randomPhone();
    sendCode(citizen.session(), newPhone).andExpect(status().isOk());
    String code = citizens.lastCodeSentTo(newPhone);
    confirm(citizen.session(), newPhone, code.equals("000000") ? "111111" : "000000")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("citizen.otp.wrong"));
    // a log-in code for the new number is no rebinding code
    var other = citizens.registeredCitizen(randomPhone(), "郑爽");
    confirm(other.session(), newPhone, code)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("citizen.otp.not-requested"));
    assertThat(accountPhone(citizen.person().id())).isEqualTo(citizen.phone());
    assertThat(events.stream(PhoneRebound.class)).isEmpty();
  }
}
