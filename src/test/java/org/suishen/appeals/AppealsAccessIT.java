package org.suishen.appeals;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.suishen.appeals.AppealsFixtures.auditor;
import static org.suishen.appeals.AppealsFixtures.citizen;
import static org.suishen.appeals.AppealsFixtures.reviewer;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.suishen.healthcode.HealthCodeFixtures;

/** Only citizens reach their own appeals and only appeal reviewers the review (401/403). */
@AppealsIntegrationTest
class AppealsAccessIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  @Test
  void anonymousCallersMustLogIn() throws Exception {
    mvc.perform(get("/api/me/appeals"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.code").value("auth.required"));
    mvc.perform(get("/api/review/appeals"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.code").value("auth.required"));
    mvc.perform(get("/me/appeals")).andExpect(redirectedUrl("/login"));
    mvc.perform(get("/review/appeals")).andExpect(redirectedUrl("/staff/login"));
  }

  @Test
  void wrongStaffCredentialsAreRefused() throws Exception {
    mvc.perform(
            get("/api/review/appeals")
                .with(httpBasic(AppealsTestConfiguration.REVIEWER, "not-the-password")))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void aCitizenCannotReview() throws Exception {
    UUID person = AppealsFixtures.person(jdbc, "赵六", null);
    mvc.perform(get("/api/review/appeals").with(citizen(person)))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("auth.forbidden"));
    mvc.perform(
            post("/api/review/appeals/{id}/claim", UUID.randomUUID())
                .with(citizen(person))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(status().isForbidden());
    mvc.perform(get("/review/appeals").with(citizen(person))).andExpect(status().isForbidden());
  }

  @Test
  void otherStaffCannotReview() throws Exception {
    mvc.perform(get("/api/review/appeals").with(auditor()))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("auth.forbidden"));
    mvc.perform(get("/api/review/appeals/{id}", UUID.randomUUID()).with(auditor()))
        .andExpect(status().isForbidden());
  }

  @Test
  void aReviewerCannotActAsACitizen() throws Exception {
    mvc.perform(get("/api/me/appeals").with(reviewer()))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("auth.forbidden"));
    mvc.perform(
            multipart("/api/me/appeals")
                .param("kind", "WRONG_COLOUR")
                .param("text", "x")
                .with(reviewer()))
        .andExpect(status().isForbidden());
  }

  @Test
  void aCitizenPageFormNeedsItsCsrfToken() throws Exception {
    UUID person = AppealsFixtures.person(jdbc, "钱七", null);
    mvc.perform(
            multipart("/api/me/appeals")
                .param("kind", "WRONG_COLOUR")
                .param("text", "x")
                .with(citizen(person)))
        .andExpect(status().isForbidden());
  }
}
