package org.suishen.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.suishen.citizen.CitizenTestSupport.randomPhone;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.suishen.citizen.internal.DevSmsOutbox;
import org.suishen.shared.masking.Masking;
import org.suishen.support.IntegrationTest;

/** The citizen pages render for the right people and only show masked data. */
@IntegrationTest
@AutoConfigureMockMvc
class CitizenPagesIT {

  @Autowired MockMvc mvc;
  @Autowired DevSmsOutbox outbox;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  CitizenTestSupport citizens;

  @BeforeEach
  void setUp() {
    citizens = new CitizenTestSupport(mvc, outbox, jdbc, clock);
  }

  private String page(String path, MockHttpSession session) throws Exception {
    return mvc.perform(get(path).session(session))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  @Test
  void citizenPagesSendStrangersToTheLogInPage() throws Exception {
    for (String path : new String[] {"/me", "/me/register", "/me/phone", "/me/declaration"}) {
      mvc.perform(get(path))
          .andExpect(status().is3xxRedirection())
          .andExpect(redirectedUrl("/login"));
    }
  }

  @Test
  void theLogInPageIsBilingualAndPointsDevelopersToTheOutbox() throws Exception {
    String zh = page("/login", new MockHttpSession());
    assertThat(zh).contains("登录 / 注册").contains("获取验证码").contains("dev-sms-link");
    String en = page("/login?lang=en", new MockHttpSession());
    assertThat(en).contains("Log in / sign up").contains("Send code");
  }

  @Test
  void aLoggedInCitizenIsSentFromTheLogInPageToTheirAccount() throws Exception {
    var session = citizens.logIn(randomPhone());
    mvc.perform(get("/login").session(session))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/me"));
  }

  @Test
  void anUnregisteredCitizenIsAskedToRegister() throws Exception {
    String phone = randomPhone();
    var session = citizens.logIn(phone);
    assertThat(page("/me", session))
        .contains(Masking.phone(phone))
        .doesNotContain(phone)
        .contains("未实名注册")
        .contains("go-register");
    assertThat(page("/me/register", session)).contains("id=\"register-form\"").contains("居民身份证");
    assertThat(page("/me/phone", session)).contains("请先完成实名注册，再更换手机号。");
    assertThat(page("/me/declaration", session))
        .contains("declaration-unregistered")
        .doesNotContain("id=\"declaration-form\"");
  }

  @Test
  void aRegisteredCitizenSeesOnlyMaskedIdentity() throws Exception {
    var citizen = citizens.registeredCitizen(randomPhone(), "欧阳娜娜");
    String number = citizen.person().documentNumber();
    String home = page("/me", citizen.session());
    assertThat(home)
        .contains("已实名注册")
        .contains("欧**娜")
        .doesNotContain("欧阳娜娜")
        .contains(Masking.documentNumber(number))
        .doesNotContain(number);
    assertThat(page("/me/register", citizen.session()))
        .contains("already-registered")
        .doesNotContain("id=\"register-form\"");
    assertThat(page("/me/phone", citizen.session())).contains("id=\"phone-form\"");
    assertThat(page("/me/declaration", citizen.session()))
        .contains("id=\"declaration-form\"")
        .contains("no-declaration");
  }

  @Test
  void theDeveloperOutboxIsClearlyLabelledAndShowsMaskedNumbers() throws Exception {
    String phone = randomPhone();
    String code = citizens.requestLoginCode(phone);
    String page = page("/dev/sms", new MockHttpSession());
    assertThat(page)
        .contains("开发者短信收件箱 / Developer SMS outbox — not for production")
        .contains(Masking.phone(phone))
        .doesNotContain(phone)
        .contains(code);
  }
}
