package org.suishen.dependants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.suishen.dependants.DependantsApiIT.citizen;
import static org.suishen.dependants.DependantsApiIT.reviewer;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.suishen.dependants.RegisterFixtures.Registered;
import org.suishen.dependants.internal.EvidencePurge;
import org.suishen.healthcode.HealthCodeFixtures;
import org.suishen.healthcode.HealthCodeIntegrationTest;
import org.suishen.support.MutableClock;
import tools.jackson.databind.json.JsonMapper;

/**
 * Uploaded household-register pages are deleted by the retention rule (90 days after an approval,
 * 30 after a rejection, at the next run after a withdrawal; pending pages stay): bytes gone, hash
 * and tombstone kept, each deletion audited, a second run changes nothing, the download answers 410
 * and the reviewer's page says so. Uses the health code's test context for its movable clock.
 */
@HealthCodeIntegrationTest
class EvidenceRetentionIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired JsonMapper json;
  @Autowired EvidencePurge purge;

  RegisterFixtures register;

  @BeforeEach
  void setUp() {
    register = new RegisterFixtures(jdbc, clock);
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  private String apply(Registered holder, Registered dependant) throws Exception {
    var result =
        mvc.perform(
                multipart("/api/me/dependants")
                    .file(DependantsApiIT.png())
                    .param("documentType", dependant.type().name())
                    .param("documentNumber", dependant.number())
                    .param("name", dependant.name())
                    .param("relationship", "GRANDPARENT")
                    .with(citizen(holder))
                    .with(HealthCodeFixtures.xsrf()))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.state").value("PENDING"))
            .andReturn();
    return json.readTree(result.getResponse().getContentAsString()).get("bindingId").asString();
  }

  private void decide(String id, String state) throws Exception {
    mvc.perform(
            post("/api/review/dependants/" + id + "/decision")
                .with(reviewer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    json.writeValueAsString(
                        Map.of("state", state, "reason", "household page unreadable"))))
        .andExpect(status().isOk());
  }

  /** Whether the bytes are held, the stored hash in hex, the size, the time of deletion. */
  private record Stored(boolean held, String sha256, int size, OffsetDateTime purgedAt) {}

  private Stored stored(String id) {
    return jdbc.sql(
            "SELECT content IS NOT NULL AS held, encode(sha256, 'hex') AS sha, size_bytes,"
                + " purged_at FROM dependant_evidence WHERE binding_id = ?::uuid")
        .param(id)
        .query(
            (rs, n) ->
                new Stored(
                    rs.getBoolean("held"),
                    rs.getString("sha"),
                    rs.getInt("size_bytes"),
                    rs.getObject("purged_at", OffsetDateTime.class)))
        .single();
  }

  private List<String> purgeAudits(UUID dependant) {
    return jdbc.sql(
            "SELECT actor || ' ' || reason || ' ' || coalesce(detail, '') FROM audit_event"
                + " WHERE subject = ? AND action = 'dependants.evidence.purged' ORDER BY id")
        .param(dependant)
        .query(String.class)
        .list();
  }

  private static String sha256Hex(byte[] bytes) throws Exception {
    return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void decidedPagesAreDeletedWhenTheirTimeComesPendingOnesStay() throws Exception {
    var holder = register.resident("钱文", 35, RegisterFixtures.household());
    var pendingOne = register.resident("钱老一", 75, RegisterFixtures.household());
    var approvedOne = register.resident("钱老二", 76, RegisterFixtures.household());
    var rejectedOne = register.resident("钱老三", 77, RegisterFixtures.household());
    var withdrawnOne = register.resident("钱老四", 78, RegisterFixtures.household());
    String pending = apply(holder, pendingOne);
    String approved = apply(holder, approvedOne);
    String rejected = apply(holder, rejectedOne);
    String withdrawn = apply(holder, withdrawnOne);
    decide(approved, "APPROVED");
    decide(rejected, "REJECTED");
    mvc.perform(
            delete("/api/me/dependants/" + withdrawnOne.id())
                .with(citizen(holder))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(status().isNoContent());
    String hash = sha256Hex(DependantsApiIT.PNG);

    // today: only the withdrawn application's page goes (0 days)
    purge.run();
    assertThat(stored(withdrawn).held()).isFalse();
    assertThat(stored(withdrawn).sha256()).isEqualTo(hash);
    assertThat(stored(withdrawn).size()).isEqualTo(DependantsApiIT.PNG.length);
    assertThat(stored(withdrawn).purgedAt()).isNotNull();
    assertThat(purgeAudits(withdrawnOne.id()))
        .containsExactly("system:dependants-retention retention " + holder.id());
    for (String kept : List.of(pending, approved, rejected)) {
      assertThat(stored(kept).held()).isTrue();
      assertThat(stored(kept).purgedAt()).isNull();
    }

    // 29 days later: still within the rejection's 30 days
    clock.advance(Duration.ofDays(29));
    purge.run();
    assertThat(stored(rejected).held()).isTrue();

    // 31 days: the rejected page goes; approved and pending stay
    clock.advance(Duration.ofDays(2));
    purge.run();
    assertThat(stored(rejected).held()).isFalse();
    assertThat(stored(rejected).sha256()).isEqualTo(hash);
    assertThat(purgeAudits(rejectedOne.id()))
        .containsExactly("system:dependants-retention retention " + holder.id());
    assertThat(stored(approved).held()).isTrue();
    assertThat(stored(pending).held()).isTrue();

    // 89 days: the approved page is still needed for re-checks
    clock.advance(Duration.ofDays(58));
    purge.run();
    assertThat(stored(approved).held()).isTrue();

    // 91 days: the approved page goes; the pending application keeps its page
    clock.advance(Duration.ofDays(2));
    purge.run();
    Stored approvedPage = stored(approved);
    assertThat(approvedPage.held()).isFalse();
    assertThat(approvedPage.sha256()).isEqualTo(hash);
    assertThat(approvedPage.purgedAt()).isNotNull();
    assertThat(purgeAudits(approvedOne.id()))
        .containsExactly("system:dependants-retention retention " + holder.id());
    assertThat(stored(pending).held()).isTrue();
    assertThat(purgeAudits(pendingOne.id())).isEmpty();

    // a second run changes nothing
    purge.run();
    assertThat(stored(approved)).isEqualTo(approvedPage);
    assertThat(purgeAudits(approvedOne.id())).hasSize(1);
    assertThat(purgeAudits(rejectedOne.id())).hasSize(1);
    assertThat(purgeAudits(withdrawnOne.id())).hasSize(1);
    // the binding itself is untouched
    assertThat(
            jdbc.sql("SELECT state FROM dependant_binding WHERE id = ?::uuid")
                .param(approved)
                .query(String.class)
                .single())
        .isEqualTo("APPROVED");

    // the download: 410 with a stable code and the day; the pending page is still served
    String day =
        LocalDate.ofInstant(approvedPage.purgedAt().toInstant(), ZoneId.of("Asia/Shanghai"))
            .toString();
    mvc.perform(get("/api/review/dependants/" + approved + "/evidence").with(reviewer()))
        .andExpect(status().isGone())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("dependants.evidence.purged"))
        .andExpect(jsonPath("$.messageZh", containsString(day)))
        .andExpect(jsonPath("$.messageEn", containsString("deleted on " + day)));
    mvc.perform(get("/api/review/dependants/" + pending + "/evidence").with(reviewer()))
        .andExpect(status().isOk())
        .andExpect(content().bytes(DependantsApiIT.PNG));
    mvc.perform(get("/api/review/dependants/" + approved).with(reviewer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.evidenceSha256").value(hash))
        .andExpect(jsonPath("$.evidencePurgedAt").isNotEmpty());

    // the reviewer's page: a notice in both languages instead of the page, and the hash
    mvc.perform(get("/review/dependants/" + approved).with(reviewer()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("户口本页已于 " + day + " 按保存期限规则删除")))
        .andExpect(content().string(containsString(hash)))
        .andExpect(content().string(not(containsString("/evidence\""))));
    mvc.perform(get("/review/dependants/" + approved).param("lang", "en").with(reviewer()))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(containsString("was deleted on " + day + " under the retention rule")));
    mvc.perform(get("/review/dependants/" + pending).with(reviewer()))
        .andExpect(status().isOk())
        .andExpect(
            content().string(containsString("/api/review/dependants/" + pending + "/evidence")))
        .andExpect(content().string(not(containsString("按保存期限规则删除"))));
  }
}
