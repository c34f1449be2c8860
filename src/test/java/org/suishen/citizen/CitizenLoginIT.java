package org.suishen.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.suishen.citizen.CitizenTestSupport.from;
import static org.suishen.citizen.CitizenTestSupport.postJson;
import static org.suishen.citizen.CitizenTestSupport.randomAddress;
import static org.suishen.citizen.CitizenTestSupport.randomPhone;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.suishen.citizen.internal.DevSmsOutbox;
import org.suishen.support.IntegrationTest;

/** Log-in with a one-time code, through the API, with every refusal. */
@IntegrationTest
@AutoConfigureMockMvc
class CitizenLoginIT {

  @Autowired MockMvc mvc;
  @Autowired DevSmsOutbox outbox;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  CitizenTestSupport citizens;

  @BeforeEach
  void setUp() {
    citizens = new CitizenTestSupport(mvc, outbox, jdbc, clock);
  }

  private ResultActions requestCode(String phone, String address) throws Exception {
    return mvc.perform(
        postJson("/api/login/otp", "{\"phone\":\"" + phone + "\"}").with(from(address)));
  }

  private ResultActions logIn(String phone, String code, MockHttpSession session) throws Exception {
    return mvc.perform(
        postJson("/api/login", "{\"phone\":\"" + phone + "\",\"code\":\"" + code + "\"}")
            .session(session));
  }

  private static String wrong(String code) {
    return code.equals("000000") ? "111111" : "000000";
  }

  @Test
  void firstLogInCreatesTheAccountAndTheSessionCarriesIt() throws Exception {
    String phone = randomPhone();
    requestCode(phone, randomAddress())
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.phone").value(phone.substring(0, 3) + "****" + phone.substring(7)))
        .andExpect(jsonPath("$.expiresAt").exists())
        .andExpect(jsonPath("$.resendAt").exists());
    String code = citizens.lastCodeSentTo(phone);
    var session = new MockHttpSession();
    logIn(phone, code, session)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.registered").value(false))
        .andExpect(jsonPath("$.next").value("/me/register"));

    mvc.perform(get("/api/me").session(session))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.phone").value(phone.substring(0, 3) + "****" + phone.substring(7)))
        .andExpect(jsonPath("$.registered").value(false))
        .andExpect(jsonPath("$.name").doesNotExist());
    assertThat(
            jdbc.sql("SELECT count(*) FROM citizen_account WHERE phone = ?")
                .param(phone)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aSecondLogInFindsTheSameAccount() throws Exception {
    String phone = randomPhone();
    var first = citizens.logIn(phone);
    String firstId = me(first);
    // a second code only after the resend interval: let the first one look older
    citizens.ageCodesSentTo(phone);
    var second = citizens.logIn(phone);
    assertThat(me(second)).isEqualTo(firstId);
  }

  private String me(MockHttpSession session) throws Exception {
    var body =
        mvc.perform(get("/api/me").session(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    return body.replaceAll(".*\"accountId\":\"([^\"]+)\".*", "$1");
  }

  @Test
  void theApiNeedsALoggedInCitizen() throws Exception {
    mvc.perform(get("/api/me"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.code").value("auth.required"));
  }

  @Test
  void aWrongPhoneNumberIsRefusedAndNothingIsSent() throws Exception {
    var before = outbox.messages();
    for (String phone : new String[] {"12345", "23812345678", "1381234567x"}) {
      requestCode(phone, randomAddress())
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("citizen.phone.format"))
          .andExpect(jsonPath("$.messageZh").value("请输入正确的 11 位中国大陆手机号码。"))
          .andExpect(
              jsonPath("$.messageEn")
                  .value("Please enter a valid 11-digit mainland China mobile number."));
    }
    mvc.perform(postJson("/api/login/otp", "{}").with(from(randomAddress())))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("citizen.phone.format"));
    assertThat(outbox.messages()).isEqualTo(before);
    logIn("99", "123456", new MockHttpSession())
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("citizen.phone.format"));
  }

  @Test
  void codesAreStoredOnlyAsAKeyedHash() throws Exception {
    String phone = randomPhone();
    String code = citizens.requestLoginCode(phone);
    byte[] hash =
        jdbc.sql("SELECT code_hash FROM citizen_otp WHERE phone = ?")
            .param(phone)
            .query(byte[].class)
            .single();
    assertThat(hash).hasSize(32);
    assertThat(new String(hash, StandardCharsets.ISO_8859_1)).doesNotContain(code);
    var columns =
        jdbc.sql(
                "SELECT column_name FROM information_schema.columns WHERE table_name ="
                    + " 'citizen_otp'")
            .query(String.class)
            .list();
    assertThat(columns).doesNotContain("code");
  }

  @Test
  void aSecondCodeWithinAMinuteIsTooSoon() throws Exception {
    String phone = randomPhone();
    requestCode(phone, randomAddress()).andExpect(status().isOk());
    requestCode(phone, randomAddress())
        .andExpect(status().isTooManyRequests())
        .andExpect(jsonPath("$.code").value("citizen.otp.too-soon"))
        .andExpect(jsonPath("$.messageEn").value(org.hamcrest.Matchers.containsString("seconds")));
  }

  @Test
  void tenCodesWithin24HoursAreTheDailyLimit() throws Exception {
    String phone = randomPhone();
    for (int i = 0; i < 10; i++) {
      insertCode(phone, randomAddress(), OffsetDateTime.now(clock).minusMinutes(5 + 10L * i));
    }
    requestCode(phone, randomAddress())
        .andExpect(status().isTooManyRequests())
        .andExpect(jsonPath("$.code").value("citizen.otp.daily-limit"));
    // the eleventh is not stored: still ten
    assertThat(
            jdbc.sql("SELECT count(*) FROM citizen_otp WHERE phone = ?")
                .param(phone)
                .query(Integer.class)
                .single())
        .isEqualTo(10);
  }

  @Test
  void codesOlderThan24HoursNoLongerCount() throws Exception {
    String phone = randomPhone();
    for (int i = 0; i < 10; i++) {
      insertCode(phone, randomAddress(), OffsetDateTime.now(clock).minusHours(25).minusMinutes(i));
    }
    requestCode(phone, randomAddress()).andExpect(status().isOk());
  }

  @Test
  void tooManyCodesFromOneAddressAreRefused() throws Exception {
    String address = randomAddress();
    for (int i = 0; i < 300; i++) {
      insertCode(randomPhone(), address, OffsetDateTime.now(clock).minusMinutes(1));
    }
    requestCode(randomPhone(), address)
        .andExpect(status().isTooManyRequests())
        .andExpect(jsonPath("$.code").value("citizen.otp.ip-limit"));
    requestCode(randomPhone(), randomAddress()).andExpect(status().isOk());
  }

  private void insertCode(String phone, String address, OffsetDateTime createdAt) {
    jdbc.sql(
            "INSERT INTO citizen_otp (id, phone, purpose, code_hash, client_ip, created_at,"
                + " expires_at) VALUES (?, ?, 'LOGIN', ?, ?, ?, ?)")
        .param(UUID.randomUUID())
        .param(phone)
        .param(new byte[32])
        .param(address)
        .param(createdAt)
        .param(createdAt.plusMinutes(5))
        .update();
  }

  @Test
  void aWrongCodeSaysHowManyAttemptsAreLeftAndTheFifthKillsTheCode() throws Exception {
    String phone = randomPhone();
    String code = citizens.requestLoginCode(phone);
    for (int left = 4; left >= 1; left--) {
      logIn(phone, wrong(code), new MockHttpSession())
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("citizen.otp.wrong"))
          .andExpect(jsonPath("$.messageZh").value("验证码错误，还可尝试 " + left + " 次。"));
    }
    logIn(phone, wrong(code), new MockHttpSession())
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("citizen.otp.attempts"));
    // even the right code no longer works
    logIn(phone, code, new MockHttpSession())
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("citizen.otp.attempts"));
    assertThat(
            jdbc.sql("SELECT count(*) FROM citizen_account WHERE phone = ?")
                .param(phone)
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void theRightCodeAfterFourWrongOnesStillWorks() throws Exception {
    String phone = randomPhone();
    String code = citizens.requestLoginCode(phone);
    for (int i = 0; i < 4; i++) {
      logIn(phone, wrong(code), new MockHttpSession()).andExpect(status().isBadRequest());
    }
    logIn(phone, code, new MockHttpSession()).andExpect(status().isOk());
  }

  @Test
  void aCodeWorksOnlyOnce() throws Exception {
    String phone = randomPhone();
    String code = citizens.requestLoginCode(phone);
    logIn(phone, code, new MockHttpSession()).andExpect(status().isOk());
    logIn(phone, code, new MockHttpSession())
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("citizen.otp.used"));
  }

  @Test
  void anExpiredCodeIsRefused() throws Exception {
    String phone = randomPhone();
    String code = citizens.requestLoginCode(phone);
    jdbc.sql("UPDATE citizen_otp SET expires_at = ? WHERE phone = ?")
        .param(OffsetDateTime.now(clock).minusSeconds(1))
        .param(phone)
        .update();
    logIn(phone, code, new MockHttpSession())
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("citizen.otp.expired"))
        .andExpect(
            jsonPath("$.messageEn").value("The code has expired. Please request a new one."));
  }

  @Test
  void aCodeThatWasNeverRequestedOrIsNotSixDigits() throws Exception {
    logIn(randomPhone(), "123456", new MockHttpSession())
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("citizen.otp.not-requested"));
    logIn(randomPhone(), "12345", new MockHttpSession())
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("citizen.otp.format"));
  }

  @Test
  void theTextMessageCarriesTheCodeAndTheOutboxOnlyAMaskedNumber() throws Exception {
    String phone = randomPhone();
    String code = citizens.requestLoginCode(phone);
    var message = outbox.messages().getFirst();
    assertThat(message.maskedPhone())
        .isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
    assertThat(message.text()).contains(code).contains("5 分钟").contains("随申码");
  }
}
