package org.suishen.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.suishen.status.StatusTestSupport.citizen;
import static org.suishen.status.StatusTestSupport.person;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.suishen.healthcode.HealthCodeFixtures;
import org.suishen.support.IntegrationTest;

/** The health authority's page: upload a feed, read its report; propose and approve changes. */
@IntegrationTest
@AutoConfigureMockMvc
@Import(StatusTestSupport.class)
class AuthorityPageIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired HealthStatuses statuses;

  @Test
  void anOfficerUploadsAFileAndReadsItsReport() throws Exception {
    UUID p = person(jdbc).id();
    mvc.perform(get("/authority").with(user("officer-a").roles("HEALTH_AUTHORITY")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("id=\"feed-form\"")))
        .andExpect(content().string(Matchers.containsString("医学管理措施")));

    var file =
        new MockMultipartFile(
            "file",
            "orders.csv",
            "text/csv",
            ("order_id,person_id,kind,starts_at\nP-%s,%s,QUARANTINE,2026-01-01\nbad-row\n"
                    .formatted(p, p))
                .getBytes(StandardCharsets.UTF_8));
    String location =
        mvc.perform(
                multipart("/authority/feeds")
                    .file(file)
                    .param("kind", "orders")
                    .with(user("officer-a").roles("HEALTH_AUTHORITY"))
                    .with(HealthCodeFixtures.xsrf()))
            .andExpect(status().is3xxRedirection())
            .andExpect(redirectedUrlPattern("/authority/feeds/*"))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();

    assertThat(statuses.current(p).colour()).isEqualTo(Colour.RED);
    mvc.perform(get(location + "?lang=en").with(user("officer-a").roles("HEALTH_AUTHORITY")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("id=\"rows-changed\">1<")))
        .andExpect(content().string(Matchers.containsString("id=\"rows-rejected\">1<")))
        .andExpect(content().string(Matchers.containsString("Malformed row")));
    // the time received in the city's time (Asia/Shanghai), not the server's UTC
    var received =
        jdbc.sql("SELECT received_at FROM status_feed WHERE id = ?::uuid")
            .param(location.substring(location.lastIndexOf('/') + 1))
            .query(java.time.OffsetDateTime.class)
            .single();
    mvc.perform(get(location).with(user("officer-a").roles("HEALTH_AUTHORITY")))
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                            .format(
                                received.atZoneSameInstant(
                                    java.time.ZoneId.of("Asia/Shanghai"))))));
  }

  @Test
  void aBadFileIsExplainedOnThePage() throws Exception {
    var file =
        new MockMultipartFile(
            "file", "x.csv", "text/csv", "who,what\n1,2\n".getBytes(StandardCharsets.UTF_8));

    mvc.perform(
            multipart("/authority/feeds")
                .file(file)
                .param("kind", "orders")
                .with(user("officer-a").roles("HEALTH_AUTHORITY"))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(Matchers.containsString("id=\"feed-error\"")))
        .andExpect(content().string(Matchers.containsString("status.feed.header-unknown-column")));
  }

  @Test
  void twoOfficersChangeAColourOnThePage() throws Exception {
    UUID p = person(jdbc).id();
    mvc.perform(
            post("/authority/manual-changes")
                .param("personId", p.toString())
                .param("colour", "YELLOW")
                .param("reasonCode", "data-correction")
                .param("evidence", "抵沪记录有误，经机场核实未曾乘机")
                .with(user("officer-a").roles("HEALTH_AUTHORITY"))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(status().is3xxRedirection());
    String id =
        jdbc.sql("SELECT id::text FROM manual_status_change WHERE person_id = ?")
            .param(p)
            .query(String.class)
            .single();

    mvc.perform(
            post("/authority/manual-changes/" + id + "/approve")
                .with(user("officer-a").roles("HEALTH_AUTHORITY"))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(status().isForbidden())
        .andExpect(content().string(Matchers.containsString("status.manual.same-approver")));
    mvc.perform(
            post("/authority/manual-changes/" + id + "/approve")
                .with(user("officer-b").roles("HEALTH_AUTHORITY"))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(status().is3xxRedirection());

    assertThat(statuses.current(p).colour()).isEqualTo(Colour.YELLOW);
  }

  @Test
  void thePageIsForTheHealthAuthorityOnly() throws Exception {
    mvc.perform(get("/authority"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/staff/login"));
    mvc.perform(get("/authority").with(citizen(UUID.randomUUID())))
        .andExpect(status().isForbidden());
  }
}
