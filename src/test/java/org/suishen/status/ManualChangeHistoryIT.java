package org.suishen.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.suishen.status.StatusTestSupport.citizen;
import static org.suishen.status.StatusTestSupport.person;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.suishen.shared.security.Actor;
import org.suishen.status.internal.manual.ManualChange;
import org.suishen.status.internal.manual.ManualChangeProposal;
import org.suishen.status.internal.manual.ManualChangeService;
import org.suishen.support.IntegrationTest;
import org.suishen.support.RawHttp;
import org.suishen.support.TestStaffAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decided manual changes have a history (issue 11): approved and rejected ones, newest decision
 * first, a page at a time by keyset cursor, each with the person masked (a read, audited), the
 * colour then and the colour proposed, the legal basis in words, who proposed and who decided;
 * health authority only.
 *
 * <p>The database is shared with every other IT, so each test decides as an officer of its own and
 * reads its own rows through {@code mine=true}; unfiltered lists are checked for their order only.
 */
@IntegrationTest
@AutoConfigureMockMvc
@Import(StatusTestSupport.class)
class ManualChangeHistoryIT {

  private static final Pattern ROW = Pattern.compile("id=\"decided-([0-9a-f-]{36})\"");
  private static final Actor PROPOSER = Actor.staff("officer-a");

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @LocalServerPort int port;
  @Autowired ManualChangeService changes;

  /** An officer no other test decides as. */
  record Officer(Actor actor, RequestPostProcessor login) {
    String name() {
      return actor.toString().substring("staff:".length());
    }
  }

  static Officer newOfficer() {
    String name = "hist-" + UUID.randomUUID().toString().substring(0, 8);
    return new Officer(Actor.staff(name), user(name).roles("HEALTH_AUTHORITY"));
  }

  ManualChange proposed(UUID person, Colour colour) {
    return changes.propose(
        new ManualChangeProposal(
            person, colour, "data-correction", "区疾控中心复核：数据录入有误，已更正。", null, null),
        PROPOSER);
  }

  ManualChange approved(UUID person, Colour colour, Officer by) {
    return changes.approve(proposed(person, colour).id(), by.actor(), "证据充分，同意。");
  }

  ManualChange rejected(UUID person, Colour colour, Officer by) {
    return changes.reject(proposed(person, colour).id(), by.actor(), "证据不足，驳回。");
  }

  ResultActions api(Officer as, String query) throws Exception {
    return mvc.perform(get("/api/authority/manual-changes/decided" + query).with(as.login()));
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

  @Test
  void decidedChangesAreListedNewestFirstWithTheColoursAndWhoDecided() throws Exception {
    Officer me = newOfficer();
    UUID p = person(jdbc).id();
    // green -> red, approved; then a yellow proposal on the red code, rejected
    ManualChange first = approved(p, Colour.RED, me);
    ManualChange second = rejected(p, Colour.YELLOW, me);
    // still pending: not in the history
    UUID other = person(jdbc).id();
    ManualChange pending = proposed(other, Colour.RED);

    JsonNode page = read(api(me, "?mine=true"));
    assertThat(ids(page)).containsExactly(second.id().toString(), first.id().toString());
    assertThat(page.get("next").isNull()).isTrue();
    JsonNode rejectedOne = page.get("entries").get(0);
    assertThat(rejectedOne.get("state").asString()).isEqualTo("REJECTED");
    assertThat(rejectedOne.get("colourBefore").asString()).isEqualTo("RED");
    assertThat(rejectedOne.get("colour").asString()).isEqualTo("YELLOW");
    assertThat(rejectedOne.get("decisionNote").asString()).isEqualTo("证据不足，驳回。");
    assertThat(rejectedOne.get("decidedBy").asString()).isEqualTo(me.actor().toString());
    assertThat(rejectedOne.get("proposedBy").asString()).isEqualTo("staff:officer-a");
    assertThat(rejectedOne.get("maskedName").asString()).isEqualTo("测*");
    assertThat(rejectedOne.get("reasonText").get("zh").asString()).isEqualTo("人工核实：数据更正");
    JsonNode approvedOne = page.get("entries").get(1);
    assertThat(approvedOne.get("state").asString()).isEqualTo("APPROVED");
    assertThat(approvedOne.get("colourBefore").asString()).isEqualTo("GREEN");
    assertThat(approvedOne.get("colour").asString()).isEqualTo("RED");
    assertThat(page.toString()).doesNotContain(pending.id().toString());

    String html =
        html(
            mvc.perform(get("/authority/manual-changes/decided?mine=true").with(me.login()))
                .andExpect(status().isOk()));
    assertThat(rows(html)).containsExactly(second.id().toString(), first.id().toString());
    String city =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .format(second.decidedAt().atZone(ZoneId.of("Asia/Shanghai")));
    assertThat(html)
        .contains("人工核实：数据更正", "工作人员 " + me.name(), "工作人员 officer-a")
        .contains("已批准", "已驳回", "证据不足，驳回。", "证据充分，同意。", city)
        .contains("红码</span> →", "id=\"nav-back\" href=\"/authority\"")
        .doesNotContain(">data-correction<", ">" + me.actor() + "<", "id=\"history-older\"");
    assertThat(html).containsPattern("history-from\">红码</span> →\\s*<span class=\"history-to\">黄码");
    assertThat(html).containsPattern("history-from\">绿码</span> →\\s*<span class=\"history-to\">红码");
    // the authority page leads here
    assertThat(html(mvc.perform(get("/authority").with(me.login()))))
        .contains("href=\"/authority/manual-changes/decided\"");

    // each row named its person: a read audited for the person, by the officer
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE subject = ? AND actor = ?"
                        + " AND action = 'status.person.read' AND detail LIKE '%list=decided'")
                .param(p)
                .param(me.actor().toString())
                .query(Long.class)
                .single())
        .isEqualTo(4);

    JsonNode all = read(api(me, "?limit=100"));
    List<Instant> times = new ArrayList<>();
    all.get("entries")
        .forEach(
            e -> {
              times.add(Instant.parse(e.get("decidedAt").asString()));
              assertThat(e.get("state").asString()).isIn("APPROVED", "REJECTED");
            });
    assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  @Test
  void theCursorPagesThroughOlderChangesAndTheFiltersKeepWhatIsAskedFor() throws Exception {
    Officer me = newOfficer();
    List<ManualChange> made = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      UUID p = person(jdbc).id();
      made.add(i % 2 == 0 ? approved(p, Colour.YELLOW, me) : rejected(p, Colour.RED, me));
    }
    List<String> newestFirst = made.reversed().stream().map(c -> c.id().toString()).toList();

    List<String> seen = new ArrayList<>();
    String before = null;
    int pages = 0;
    do {
      JsonNode page =
          read(api(me, "?mine=true&limit=2" + (before == null ? "" : "&before=" + before)));
      seen.addAll(ids(page));
      before = page.get("next").isNull() ? null : page.get("next").asString();
      pages++;
    } while (before != null && pages < 10);
    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyElementsOf(newestFirst);

    String html =
        html(
            mvc.perform(
                get("/authority/manual-changes/decided?mine=true&limit=2").with(me.login())));
    assertThat(rows(html)).containsExactlyElementsOf(newestFirst.subList(0, 2));
    Matcher older = Pattern.compile("id=\"history-older\"[^>]*href=\"([^\"]+)\"").matcher(html);
    assertThat(older.find()).as("older link").isTrue();
    String link = older.group(1).replace("&amp;", "&");
    assertThat(link).contains("mine=true", "limit=2", "before=");
    assertThat(rows(html(mvc.perform(get(link).with(me.login())).andExpect(status().isOk()))))
        .containsExactlyElementsOf(newestFirst.subList(2, 4));

    assertThat(ids(read(api(me, "?mine=true&state=REJECTED"))))
        .containsExactly(newestFirst.get(1), newestFirst.get(3));
    assertThat(ids(read(api(me, "?mine=true&state=APPROVED"))))
        .containsExactly(newestFirst.get(0), newestFirst.get(2), newestFirst.get(4));
    read(api(me, "?state=APPROVED&limit=100"))
        .get("entries")
        .forEach(e -> assertThat(e.get("state").asString()).isEqualTo("APPROVED"));
    String filtered =
        html(
            mvc.perform(
                get("/authority/manual-changes/decided?mine=true&state=REJECTED")
                    .with(me.login())));
    assertThat(rows(filtered)).containsExactly(newestFirst.get(1), newestFirst.get(3));
    assertThat(filtered).containsPattern("value=\"REJECTED\"[^>]*selected");
  }

  @Test
  void anEmptyHistorySaysSoInBothLanguages() throws Exception {
    Officer me = newOfficer();
    JsonNode page = read(api(me, "?mine=true"));
    assertThat(page.get("entries").size()).isZero();
    assertThat(page.get("next").isNull()).isTrue();
    assertThat(
            html(mvc.perform(get("/authority/manual-changes/decided?mine=true").with(me.login()))))
        .contains("id=\"history-empty\"", "没有符合条件的已审批人工变更。")
        .doesNotContain("id=\"history\"");
    assertThat(
            html(
                mvc.perform(
                    get("/authority/manual-changes/decided?mine=true&lang=en").with(me.login()))))
        .contains("No decided manual changes match.");
  }

  @Test
  void badParametersAreRefusedWithTheirCodeNeverAServerError() throws Exception {
    Officer me = newOfficer();
    for (String[] bad :
        new String[][] {
          {"?before=garbage", "status.manual.history.before-invalid"},
          {"?before=12.not-a-uuid", "status.manual.history.before-invalid"},
          {"?state=PROPOSED", "status.manual.history.state-invalid"},
          {"?state=maybe", "status.manual.history.state-invalid"},
          {"?limit=1000", "status.paging.limit"},
          {"?mine=perhaps", "request.parameter.invalid"}
        }) {
      api(me, bad[0])
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.code").value(bad[1]));
      String page =
          html(
              mvc.perform(get("/authority/manual-changes/decided" + bad[0]).with(me.login()))
                  .andExpect(status().isBadRequest())
                  .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML)));
      assertThat(page).as(bad[0]).contains(bad[1]);
    }
  }

  @Test
  void onlyTheHealthAuthoritySeesTheHistory() throws Exception {
    mvc.perform(get("/api/authority/manual-changes/decided").with(citizen(UUID.randomUUID())))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("auth.forbidden"));
    mvc.perform(
            get("/api/authority/manual-changes/decided")
                .with(user("reviewer-x").roles("APPEAL_REVIEWER")))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("auth.forbidden"));
    mvc.perform(get("/authority/manual-changes/decided").with(citizen(UUID.randomUUID())))
        .andExpect(status().isForbidden());

    // a browser of other staff gets the error page with the code (over HTTP: the error dispatch)
    for (String login : List.of(TestStaffAccounts.REVIEWER, TestStaffAccounts.AUDITOR)) {
      var answer =
          new RawHttp(port)
              .send(
                  "GET",
                  "/authority/manual-changes/decided",
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
