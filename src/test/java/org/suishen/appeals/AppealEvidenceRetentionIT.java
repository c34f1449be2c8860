package org.suishen.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.suishen.appeals.AppealsFixtures.citizen;
import static org.suishen.appeals.AppealsFixtures.reviewer;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.suishen.appeals.internal.EvidencePurge;
import org.suishen.healthcode.HealthCodeFixtures;
import org.suishen.healthcode.HealthCodeIntegrationTest;
import org.suishen.support.MutableClock;
import tools.jackson.databind.json.JsonMapper;

/**
 * The evidence files of an answered appeal are deleted 180 days after the answer; open and recent
 * appeals keep theirs. Bytes gone, hash and tombstone kept, one audit entry per appeal, a second
 * run changes nothing, downloads answer 410 and the pages say so. Uses the health code's test
 * context for its movable clock (and its cookie-to-header CSRF token).
 */
@HealthCodeIntegrationTest
class AppealEvidenceRetentionIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired JsonMapper json;
  @Autowired EvidencePurge purge;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  private UUID file(UUID person, byte[]... files) throws Exception {
    var request =
        multipart("/api/me/appeals")
            .param("kind", "WRONG_NAME")
            .param("text", "姓名应为王晓明，见户口本。")
            .param("correctedName", "王晓明");
    for (int i = 0; i < files.length; i++) {
      request.file(new MockMultipartFile("files", "户口本" + i + ".png", "image/png", files[i]));
    }
    var body =
        mvc.perform(request.with(citizen(person)).with(HealthCodeFixtures.xsrf()))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return UUID.fromString(json.readTree(body).get("id").asString());
  }

  private void reject(UUID appeal) throws Exception {
    mvc.perform(post("/api/review/appeals/{id}/claim", appeal).with(reviewer()))
        .andExpect(status().isOk());
    mvc.perform(
            post("/api/review/appeals/{id}/notes", appeal)
                .with(reviewer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"department\":\"派出所\",\"question\":\"登记姓名？\",\"answer\":\"王小明\"}"))
        .andExpect(status().isCreated());
    mvc.perform(
            post("/api/review/appeals/{id}/decision", appeal)
                .with(reviewer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\":\"REJECTED\",\"reason\":\"户籍登记姓名为王小明。\"}"))
        .andExpect(status().isOk());
  }

  private record Stored(UUID id, boolean held, String sha256, int size, OffsetDateTime purgedAt) {}

  private List<Stored> stored(UUID appeal) {
    return jdbc.sql(
            "SELECT id, content IS NOT NULL AS held, encode(sha256, 'hex') AS sha, size_bytes,"
                + " purged_at FROM appeal_evidence WHERE appeal_id = ? ORDER BY position")
        .param(appeal)
        .query(
            (rs, n) ->
                new Stored(
                    rs.getObject("id", UUID.class),
                    rs.getBoolean("held"),
                    rs.getString("sha"),
                    rs.getInt("size_bytes"),
                    rs.getObject("purged_at", OffsetDateTime.class)))
        .list();
  }

  private List<String> purgeAudits(UUID person) {
    return jdbc.sql(
            "SELECT actor || ' ' || reason || ' ' || coalesce(detail, '') FROM audit_event"
                + " WHERE subject = ? AND action = 'appeals.evidence.purged' ORDER BY id")
        .param(person)
        .query(String.class)
        .list();
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void filesOfAnAppealAnswered180DaysAgoAreDeletedOthersStay() throws Exception {
    UUID oldPerson = AppealsFixtures.person(jdbc, "王小明", null);
    UUID openPerson = AppealsFixtures.person(jdbc, "王小明", null);
    UUID recentPerson = AppealsFixtures.person(jdbc, "王小明", null);
    UUID old = file(oldPerson, AppealsFixtures.PNG, AppealsFixtures.JPEG);
    UUID open = file(openPerson, AppealsFixtures.PNG);
    reject(old);

    // 100 days later another appeal is answered
    clock.advance(Duration.ofDays(100));
    UUID recent = file(recentPerson, AppealsFixtures.PDF);
    reject(recent);

    // 179 days after the first answer: nothing of ours goes
    clock.advance(Duration.ofDays(79));
    purge.run();
    assertThat(stored(old)).allMatch(Stored::held);

    // 181 days: the first appeal's files go, the open and the recent appeal keep theirs
    clock.advance(Duration.ofDays(2));
    purge.run();
    List<Stored> tombstones = stored(old);
    assertThat(tombstones).hasSize(2).noneMatch(Stored::held).allMatch(s -> s.purgedAt() != null);
    assertThat(tombstones.get(0).sha256()).isEqualTo(sha256(AppealsFixtures.PNG));
    assertThat(tombstones.get(1).sha256()).isEqualTo(sha256(AppealsFixtures.JPEG));
    assertThat(tombstones.get(0).size()).isEqualTo(AppealsFixtures.PNG.length);
    assertThat(purgeAudits(oldPerson))
        .containsExactly("system:appeals-retention retention appeal=" + old + " files=2");
    assertThat(stored(open)).singleElement().matches(Stored::held);
    assertThat(stored(recent)).singleElement().matches(Stored::held);
    assertThat(purgeAudits(openPerson)).isEmpty();
    assertThat(purgeAudits(recentPerson)).isEmpty();

    // a second run changes nothing
    purge.run();
    assertThat(stored(old)).isEqualTo(tombstones);
    assertThat(purgeAudits(oldPerson)).hasSize(1);
    assertThat(
            jdbc.sql("SELECT state FROM appeal WHERE id = ?")
                .param(old)
                .query(String.class)
                .single())
        .isEqualTo("REJECTED");

    String day =
        LocalDate.ofInstant(tombstones.get(0).purgedAt().toInstant(), ZoneId.of("Asia/Shanghai"))
            .toString();
    UUID fileId = tombstones.get(0).id();
    // downloads: 410 with a stable code, for the reviewer and for the appellant
    mvc.perform(get("/api/review/appeals/{id}/evidence/{file}", old, fileId).with(reviewer()))
        .andExpect(status().isGone())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("appeals.evidence.purged"))
        .andExpect(jsonPath("$.messageZh", containsString(day)))
        .andExpect(jsonPath("$.messageEn", containsString("deleted on " + day)));
    mvc.perform(get("/api/me/appeals/{id}/evidence/{file}", old, fileId).with(citizen(oldPerson)))
        .andExpect(status().isGone())
        .andExpect(jsonPath("$.code").value("appeals.evidence.purged"));
    UUID openFile = stored(open).getFirst().id();
    mvc.perform(get("/api/review/appeals/{id}/evidence/{file}", open, openFile).with(reviewer()))
        .andExpect(status().isOk())
        .andExpect(content().bytes(AppealsFixtures.PNG));
    mvc.perform(get("/api/me/appeals/{id}", old).with(citizen(oldPerson)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.evidence[0].sha256").value(sha256(AppealsFixtures.PNG)))
        .andExpect(jsonPath("$.evidence[0].purgedAt").isNotEmpty())
        .andExpect(jsonPath("$.evidence[1].purgedAt").isNotEmpty());

    // the reviewer's page: a notice in both languages, the hash, no link to the file
    mvc.perform(get("/review/appeals/{id}", old).with(reviewer()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("证明材料已于 " + day + " 按保存期限规则删除")))
        .andExpect(content().string(containsString(sha256(AppealsFixtures.JPEG))))
        .andExpect(content().string(not(containsString("/evidence/" + fileId))));
    mvc.perform(get("/review/appeals/{id}", old).param("lang", "en").with(reviewer()))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    containsString("Evidence deleted on " + day + " under the retention rule")));
    mvc.perform(get("/review/appeals/{id}", open).with(reviewer()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("/evidence/" + openFile)))
        .andExpect(content().string(not(containsString("按保存期限规则删除"))));
    // the appellant's page says so too
    mvc.perform(get("/me/appeals").with(citizen(oldPerson)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("证明材料已于 " + day + " 按保存期限规则删除")));
  }
}
