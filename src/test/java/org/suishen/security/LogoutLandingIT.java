package org.suishen.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.suishen.healthcode.HealthCodeFixtures;
import org.suishen.healthcode.HealthCodeIntegrationTest;

/** Staff log out to the staff log-in, where they come back; citizens to the public home page. */
@HealthCodeIntegrationTest
class LogoutLandingIT {

  @Autowired MockMvc mvc;

  @Test
  void aStaffMemberLandsOnTheStaffLogIn() throws Exception {
    mvc.perform(
            post("/logout")
                .with(user("reviewer").roles("APPEAL_REVIEWER"))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(redirectedUrl("/staff/login?logout"));
  }

  @Test
  void aCitizenLandsOnTheHomePage() throws Exception {
    mvc.perform(
            post("/logout")
                .with(authentication(HealthCodeFixtures.citizen(UUID.randomUUID())))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(redirectedUrl("/"));
  }
}
