package org.suishen.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.suishen.appeals.AppealsFixtures.auditor;
import static org.suishen.appeals.AppealsFixtures.citizen;
import static org.suishen.appeals.AppealsFixtures.count;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.suishen.support.RawHttp;
import org.suishen.support.TestStaffAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decided appeals have a history (issue 11): newest decision first, a page at a time by keyset
 * cursor, filtered by outcome and by "decided by me", each row the person masked and audited; a
 * decided appeal's page shows its decision with nothing left to act on; reviewers only.
 *
 * <p>The database is shared with every other IT, so each test decides as a reviewer of its own and
 * reads its own rows through {@code mine=true}; unfiltered lists are checked for their order only.
 */
@AppealsIntegrationTest
class AppealHistoryIT {

  private static final Pattern ROW =
      Pattern.compile("class=\"history-row\" data-appeal=\"([^\"]+)\"");

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @LocalServerPort int port;

  /** A reviewer no other test decides as. */
  record Reviewer(String name, RequestPostProcessor login) {
    String actor() {
      return "staff:" + name;
    }
  }

  static Reviewer newReviewer() {
    String name = "hist-" + UUID.randomUUID().toString().substring(0, 8);
    return new Reviewer(name, user(name).roles("APPEAL_REVIEWER"));
  }

  record Decided(UUID appeal, UUID person, String outcome, Instant decidedAt) {}

  /** A colour appeal of a new person, decided by the reviewer at the time given. */
  Decided decided(String name, String outcome, Reviewer by, Instant at) {
    UUID person = AppealsFixtures.person(jdbc, name, "YELLOW");
    UUID appeal = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO appeal (id, person_id, kind, state, text, believed_colour,"
                + " colour_at_filing, submitted_by, submitted_at, reviewer, claimed_at, outcome,"
                + " corrected_colour, answer, decided_by, decided_at)"
                + " VALUES (?, ?, 'WRONG_COLOUR', ?, '一直居家。', 'GREEN', 'YELLOW', 'citizen:x',"
                + " ?, ?, ?, ?, ?, ?, ?, ?)")
        .param(appeal)
        .param(person)
        .param(outcome)
        .param(at.minus(Duration.ofDays(2)).atOffset(ZoneOffset.UTC))
        .param(by.actor())
        .param(at.minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC))
        .param(outcome)
        .param(outcome.equals("UPHELD") ? "GREEN" : null)
        .param(outcome.equals("UPHELD") ? "经核实已解除管控。" : "经区疾控中心核实，仍在观察期内。")
        .param(by.actor())
        .param(at.atOffset(ZoneOffset.UTC))
        .update();
    return new Decided(appeal, person, outcome, at);
  }

  ResultActions api(Reviewer as, String query) throws Exception {
    return mvc.perform(get("/api/review/appeals/decided" + query).with(as.login()));
  }

  JsonNode read(ResultActions result) throws Exception {
    return json.readTree(
        result.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
  }

  String html(ResultActions result) throws Exception {
    return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("entries").forEach(e -> ids.add(e.get("id").asString()));
    return ids;
  }

  static List<String> rows(String html) {
    List<String> ids = new ArrayList<>();
    Matcher m = ROW.matcher(html);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  static String cityTime(Instant at) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
        .format(at.atZone(ZoneId.of("Asia/Shanghai")));
  }

  @Test
  void decidedAppealsAreListedNewestFirstWithTheirOutcomeAndWhoDecided() throws Exception {
    Reviewer me = newReviewer();
    Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    Decided oldest = decided("欧阳修文", "UPHELD", me, now.minus(Duration.ofHours(30)));
    Decided middle = decided("司马光明", "REJECTED", me, now.minus(Duration.ofHours(20)));
    Decided newest = decided("诸葛亮亮", "UPHELD", me, now.minus(Duration.ofHours(10)));

    JsonNode page = read(api(me, "?mine=true"));
    assertThat(ids(page))
        .containsExactly(
            newest.appeal().toString(), middle.appeal().toString(), oldest.appeal().toString());
    assertThat(page.get("next").isNull()).isTrue();
    JsonNode first = page.get("entries").get(0);
    assertThat(first.get("outcome").asString()).isEqualTo("UPHELD");
    assertThat(first.get("kind").asString()).isEqualTo("WRONG_COLOUR");
    assertThat(first.get("decidedBy").asString()).isEqualTo(me.actor());
    assertThat(Instant.parse(first.get("decidedAt").asString())).isEqualTo(newest.decidedAt());
    assertThat(first.get("maskedName").asString()).isEqualTo("诸**亮");
    assertThat(first.get("maskedDocumentNumber").asString()).matches("3101\\*{10}\\d{3}X");
    assertThat(page.get("entries").get(1).get("outcome").asString()).isEqualTo("REJECTED");
    assertThat(page.toString()).doesNotContain("诸葛亮亮", "personId");

    String html =
        html(
            mvc.perform(get("/review/appeals/decided?mine=true").with(me.login()))
                .andExpect(status().isOk()));
    assertThat(rows(html))
        .containsExactly(
            newest.appeal().toString(), middle.appeal().toString(), oldest.appeal().toString());
    // words, not keys; the person masked; the time in the city's time
    assertThat(html)
        .contains("诸**亮", "司**明", "申诉成立", "申诉不成立", "颜色有误", "工作人员 " + me.name())
        .contains(cityTime(newest.decidedAt()), "/review/appeals/" + middle.appeal())
        .contains("id=\"nav-back\" href=\"/review/appeals\"")
        .doesNotContain("诸葛亮亮", ">" + me.actor() + "<", "id=\"history-older\"");
    // the queue leads here
    assertThat(html(mvc.perform(get("/review/appeals").with(me.login()))))
        .contains("href=\"/review/appeals/decided\"");

    // each row shown named its person: a read audited for the person, by the reviewer
    assertThat(
            count(
                jdbc,
                "SELECT count(*) FROM audit_event WHERE subject = ? AND actor = ?"
                    + " AND action = 'appeals.appeal.listed'",
                newest.person(),
                me.actor()))
        .isEqualTo(2);

    // unfiltered, whoever decided: still newest decision first
    JsonNode all = read(api(me, "?limit=100"));
    List<Instant> times = new ArrayList<>();
    all.get("entries").forEach(e -> times.add(Instant.parse(e.get("decidedAt").asString())));
    assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  @Test
  void theCursorPagesThroughOlderDecisionsWithoutRepeatsOrGaps() throws Exception {
    Reviewer me = newReviewer();
    Instant t =
        Instant.now().minus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    List<Decided> made = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      made.add(decided("测试" + i, i % 2 == 0 ? "UPHELD" : "REJECTED", me, t.plusSeconds(i * 60)));
    }
    // two decided in the same microsecond: the id keeps them apart
    made.add(decided("测试同时", "REJECTED", me, t.plusSeconds(3 * 60)));

    List<String> seen = new ArrayList<>();
    String before = null;
    int pages = 0;
    do {
      JsonNode page =
          read(api(me, "?mine=true&limit=2" + (before == null ? "" : "&before=" + before)));
      assertThat(page.get("entries").size()).isBetween(1, 2);
      seen.addAll(ids(page));
      before = page.get("next").isNull() ? null : page.get("next").asString();
      pages++;
    } while (before != null && pages < 10);
    assertThat(pages).isEqualTo(3);
    assertThat(seen)
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(
            made.stream().map(d -> d.appeal().toString()).toList());
    assertThat(seen.subList(2, 5)).contains(made.get(0).appeal().toString());
    assertThat(seen.getLast()).isEqualTo(made.get(0).appeal().toString());

    // the page: an older link that keeps the filter and leads on
    String html =
        html(mvc.perform(get("/review/appeals/decided?mine=true&limit=2").with(me.login())));
    assertThat(rows(html)).hasSize(2).containsExactlyElementsOf(seen.subList(0, 2));
    Matcher older = Pattern.compile("id=\"history-older\"[^>]*href=\"([^\"]+)\"").matcher(html);
    assertThat(older.find()).as("older link").isTrue();
    String link = older.group(1).replace("&amp;", "&");
    assertThat(link).contains("mine=true", "limit=2", "before=");
    String second = html(mvc.perform(get(link).with(me.login())).andExpect(status().isOk()));
    assertThat(rows(second)).containsExactlyElementsOf(seen.subList(2, 4));
    assertThat(second).contains("id=\"history-newest\"");
  }

  @Test
  void theFiltersKeepOnlyTheOutcomeAndTheDecisionsAskedFor() throws Exception {
    Reviewer me = newReviewer();
    Reviewer colleague = newReviewer();
    Instant t = Instant.now().minus(Duration.ofHours(5));
    Decided upheld = decided("测试甲", "UPHELD", me, t);
    Decided rejected = decided("测试乙", "REJECTED", me, t.plusSeconds(60));
    Decided theirs = decided("测试丙", "REJECTED", colleague, t.plusSeconds(120));

    assertThat(ids(read(api(me, "?mine=true&outcome=REJECTED"))))
        .containsExactly(rejected.appeal().toString());
    assertThat(ids(read(api(me, "?mine=true&outcome=UPHELD"))))
        .containsExactly(upheld.appeal().toString());
    assertThat(ids(read(api(colleague, "?mine=true")))).containsExactly(theirs.appeal().toString());

    // by outcome alone: every decision of that outcome, anyone's
    JsonNode rejectedOnly = read(api(me, "?outcome=REJECTED&limit=100"));
    rejectedOnly
        .get("entries")
        .forEach(e -> assertThat(e.get("outcome").asString()).isEqualTo("REJECTED"));
    assertThat(ids(rejectedOnly)).contains(theirs.appeal().toString());
    assertThat(ids(rejectedOnly)).doesNotContain(upheld.appeal().toString());

    String html =
        html(mvc.perform(get("/review/appeals/decided?outcome=UPHELD&mine=true").with(me.login())));
    assertThat(rows(html)).containsExactly(upheld.appeal().toString());
    assertThat(html)
        .containsPattern("value=\"UPHELD\"[^>]*selected")
        .containsPattern("id=\"mine\"[^>]*checked");
  }

  @Test
  void anEmptyHistorySaysSoInBothLanguages() throws Exception {
    Reviewer me = newReviewer();
    JsonNode page = read(api(me, "?mine=true"));
    assertThat(page.get("entries").size()).isZero();
    assertThat(page.get("next").isNull()).isTrue();

    String html =
        html(
            mvc.perform(get("/review/appeals/decided?mine=true").with(me.login()))
                .andExpect(status().isOk()));
    assertThat(html)
        .contains("id=\"history-empty\"", "没有符合条件的已答复申诉。")
        .doesNotContain("id=\"history\"");
    assertThat(html(mvc.perform(get("/review/appeals/decided?mine=true&lang=en").with(me.login()))))
        .contains("No decided appeals match.", "Decided appeals");
  }

  @Test
  void badParametersAreRefusedWithTheirCodeNeverAServerError() throws Exception {
    Reviewer me = newReviewer();
    for (String[] bad :
        new String[][] {
          {"?before=not-a-cursor", "appeals.history.before-invalid"},
          {"?before=-5.3f2b8c1e-7a4d-4e2b-9c1f-5d6e7f8a9b0c", "appeals.history.before-invalid"},
          {
            "?before=99999999999999999999.3f2b8c1e-7a4d-4e2b-9c1f-5d6e7f8a9b0c",
            "appeals.history.before-invalid"
          },
          {"?before=1775721600000000.1-2-3-4-5", "appeals.history.before-invalid"},
          {"?outcome=MAYBE", "appeals.history.outcome-invalid"},
          {"?limit=0", "appeals.history.limit-invalid"},
          {"?limit=101", "appeals.history.limit-invalid"},
          {"?mine=perhaps", "request.parameter.invalid"}
        }) {
      api(me, bad[0])
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.code").value(bad[1]));
      String page =
          html(
              mvc.perform(get("/review/appeals/decided" + bad[0]).with(me.login()))
                  .andExpect(status().isBadRequest())
                  .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML)));
      assertThat(page).as(bad[0]).contains(bad[1]);
    }
    // the latest place a cursor may name is still one: everything decided lies before it
    read(api(me, "?before=253402300799000000.3f2b8c1e-7a4d-4e2b-9c1f-5d6e7f8a9b0c&mine=true"));
  }

  @Test
  void aDecidedAppealOpensReadOnlyWithItsDecisionAndTheReadIsAudited() throws Exception {
    Reviewer decider = newReviewer();
    Reviewer reader = newReviewer();
    Decided d = decided("上官婉儿", "REJECTED", decider, Instant.now().minus(Duration.ofHours(2)));
    jdbc.sql(
            "INSERT INTO appeal_consultation (id, appeal_id, department, question, answer,"
                + " consulted_at, recorded_by, recorded_at) VALUES (?, ?, '区疾控中心', '是否仍在观察期？',"
                + " '是', ?, ?, ?)")
        .param(UUID.randomUUID())
        .param(d.appeal())
        .param(OffsetDateTime.now(ZoneOffset.UTC).minusHours(3))
        .param(decider.actor())
        .param(OffsetDateTime.now(ZoneOffset.UTC).minusHours(3))
        .update();

    for (Reviewer who : List.of(decider, reader)) {
      String html =
          html(
              mvc.perform(get("/review/appeals/{id}", d.appeal()).with(who.login()))
                  .andExpect(status().isOk()));
      assertThat(html)
          .contains("id=\"read-only\"", "id=\"decision-outcome\"", "申诉不成立")
          .contains("经区疾控中心核实，仍在观察期内。", "工作人员 " + decider.name())
          .contains("是否仍在观察期？", cityTime(d.decidedAt()))
          .contains("href=\"/review/appeals/decided\"", "id=\"back-to-history\"")
          .doesNotContain(
              "id=\"claim-button\"",
              "id=\"decision-form\"",
              "id=\"note-form\"",
              "id=\"release\"",
              "id=\"held-by-other\"",
              ">" + decider.actor() + "<",
              "上官婉儿");
      assertThat(
              count(
                  jdbc,
                  "SELECT count(*) FROM audit_event WHERE subject = ? AND actor = ?"
                      + " AND action = 'appeals.appeal.read'",
                  d.person(),
                  who.actor()))
          .isEqualTo(1);
    }
    // the API case of a decided appeal: its decision, as before
    mvc.perform(get("/api/review/appeals/{id}", d.appeal()).with(reader.login()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.state").value("REJECTED"))
        .andExpect(jsonPath("$.decision.outcome").value("REJECTED"))
        .andExpect(jsonPath("$.decision.decidedBy").value(decider.actor()));
  }

  @Test
  void onlyReviewersSeeTheHistory() throws Exception {
    UUID person = AppealsFixtures.person(jdbc, "赵钱孙", null);
    mvc.perform(get("/api/review/appeals/decided").with(citizen(person)))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("auth.forbidden"));
    mvc.perform(get("/api/review/appeals/decided").with(auditor()))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("auth.forbidden"));
    mvc.perform(get("/api/review/appeals/decided"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.code").value("auth.required"));

    mvc.perform(get("/review/appeals/decided").with(citizen(person)))
        .andExpect(status().isForbidden());

    // a browser of other staff gets the error page with the code (over HTTP: the error dispatch)
    for (String login : List.of(AppealsTestConfiguration.AUDITOR, TestStaffAccounts.AUTHORITY)) {
      var answer =
          new RawHttp(port)
              .send(
                  "GET",
                  "/review/appeals/decided",
                  List.of("Accept: text/html", basic(login)),
                  new byte[0]);
      assertThat(answer.status()).as(login).isEqualTo(403);
      assertThat(answer.contentType()).startsWith("text/html");
      assertThat(answer.body()).contains("id=\"error-code\">auth.forbidden<");
    }
  }

  static String basic(String login) {
    return "Authorization: Basic "
        + java.util.Base64.getEncoder()
            .encodeToString(
                (login + ":" + TestStaffAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8));
  }
}
