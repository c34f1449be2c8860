package org.suishen.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.suishen.appeals.AppealsFixtures.citizen;
import static org.suishen.appeals.AppealsFixtures.count;
import static org.suishen.appeals.AppealsFixtures.reviewer;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.suishen.healthcode.HealthCodeFixtures;

/** The citizen page and the reviewer pages, server-rendered, with their inline errors. */
@AppealsIntegrationTest
class AppealPagesIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired AppealsTestConfiguration.UpheldEvents upheld;

  String html(org.springframework.test.web.servlet.ResultActions result) throws Exception {
    return result
        .andReturn()
        .getResponse()
        .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
  }

  UUID appealOf(UUID person) {
    return jdbc.sql("SELECT id FROM appeal WHERE person_id = ?")
        .param(person)
        .query(UUID.class)
        .single();
  }

  @Test
  void theCitizenPageShowsTheFormAndFilesAnAppeal() throws Exception {
    UUID person = AppealsFixtures.person(jdbc, "孙八", "YELLOW");
    String page =
        html(mvc.perform(get("/me/appeals").with(citizen(person))).andExpect(status().isOk()));
    assertThat(page).contains("我要申诉", "id=\"appeal-form\"", "name=\"_csrf\"", "id=\"no-appeals\"");

    mvc.perform(
            multipart("/me/appeals")
                .file(new MockMultipartFile("files", "证明.png", "image/png", AppealsFixtures.PNG))
                .param("kind", "WRONG_COLOUR")
                .param("text", "一直居家，未去过重点地区。")
                .param("believedColour", "GREEN")
                .with(citizen(person))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrlPattern("/me/appeals?filed=*"));
    UUID appeal = appealOf(person);

    page =
        html(
            mvc.perform(
                get("/me/appeals").param("filed", appeal.toString()).with(citizen(person))));
    assertThat(page)
        .contains("id=\"filed-message\"", "id=\"appeal-" + appeal + "\"", "一直居家，未去过重点地区。", "证明.png")
        .contains("已提交，等待受理")
        .doesNotContain("id=\"no-appeals\"");
    // the kind already open is not offered again
    assertThat(page).containsPattern("id=\"kind-WRONG_COLOUR\"[^>]*disabled");
  }

  @Test
  void aRefusedFilingShowsTheReasonInlineAndKeepsWhatWasTyped() throws Exception {
    UUID person = AppealsFixtures.person(jdbc, "周九", "YELLOW");
    String page =
        html(
            mvc.perform(
                    multipart("/me/appeals")
                        .param("kind", "WRONG_NAME")
                        .param("text", "名字写错了")
                        .param("correctedName", "周九9")
                        .with(citizen(person))
                        .with(HealthCodeFixtures.xsrf()))
                .andExpect(status().isBadRequest()));
    assertThat(page)
        .contains("id=\"form-error\"", "姓名只能包含文字", "appeals.name.invalid")
        .contains(">名字写错了</textarea>", "value=\"周九9\"");
    assertThat(count(jdbc, "SELECT count(*) FROM appeal WHERE person_id = ?", person)).isZero();

    page =
        html(
            mvc.perform(
                    multipart("/me/appeals")
                        .param("kind", "WRONG_COLOUR")
                        .param("lang", "en")
                        .with(citizen(person))
                        .with(HealthCodeFixtures.xsrf()))
                .andExpect(status().isBadRequest()));
    assertThat(page).contains("Please explain your appeal.");
  }

  @Test
  void theReviewerWorksAnAppealThroughThePages() throws Exception {
    UUID person = AppealsFixtures.person(jdbc, "吴十一", "RED");
    mvc.perform(
            multipart("/api/me/appeals")
                .param("kind", "WRONG_COLOUR")
                .param("text", "已解除医学观察")
                .with(citizen(person))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(status().isCreated());
    UUID appeal = appealOf(person);

    String queue =
        html(mvc.perform(get("/review/appeals").with(reviewer())).andExpect(status().isOk()));
    assertThat(queue).contains("data-appeal=\"" + appeal + "\"", "/review/appeals/" + appeal);
    assertThat(queue).doesNotContain("吴十一");

    String detail =
        html(
            mvc.perform(get("/review/appeals/{id}", appeal).with(reviewer()))
                .andExpect(status().isOk()));
    assertThat(detail)
        .contains("吴*一", "已解除医学观察", "id=\"claim-button\"", "红码", "居民身份证")
        .doesNotContain("吴十一");

    mvc.perform(post("/review/appeals/{id}/claim", appeal).with(reviewer()))
        .andExpect(redirectedUrl("/review/appeals/" + appeal));
    detail = html(mvc.perform(get("/review/appeals/{id}", appeal).with(reviewer())));
    assertThat(detail)
        .contains("id=\"note-form\"", "id=\"decision-form\"")
        .doesNotContain("id=\"claim-button\"");
    // words, not keys: the rule, its reason and source, the reviewer who holds it
    assertThat(detail)
        .contains("重点地区来沪", "卫生健康部门数据推送", "工作人员 ")
        .doesNotContain(">key-region-arrival<", ">authority-feed<", ">staff:");

    // deciding before consulting: refused, shown above the decision form with what was chosen
    mvc.perform(
            post("/review/appeals/{id}/decision", appeal)
                .param("outcome", "UPHELD")
                .param("correctedColour", "GREEN")
                .with(reviewer()))
        .andExpect(redirectedUrl("/review/appeals/" + appeal + "#decision-form"))
        .andExpect(flash().attribute("decisionErrorCode", "appeals.decision.consult-first"));

    mvc.perform(
            post("/review/appeals/{id}/notes", appeal)
                .param("department", "区疾控中心")
                .param("question", "是否已解除医学观察？")
                .param("answer", "已解除")
                .param("consultedAt", "not-a-time")
                .with(reviewer()))
        .andExpect(flash().attribute("noteErrorCode", "appeals.note.time.invalid"));
    mvc.perform(
            post("/review/appeals/{id}/notes", appeal)
                .param("department", "区疾控中心")
                .param("question", "是否已解除医学观察？")
                .param("answer", "已解除")
                .param("consultedAt", "")
                .with(reviewer()))
        .andExpect(redirectedUrl("/review/appeals/" + appeal + "#notes"));
    detail = html(mvc.perform(get("/review/appeals/{id}", appeal).with(reviewer())));
    assertThat(detail).contains("区疾控中心", "是否已解除医学观察？");

    mvc.perform(
            post("/review/appeals/{id}/decision", appeal)
                .param("outcome", "UPHELD")
                .param("correctedColour", "GREEN")
                .param("reason", "已核实")
                .with(reviewer()))
        .andExpect(redirectedUrl("/review/appeals/" + appeal))
        .andExpect(flash().attribute("decided", true));
    assertThat(upheld.of(appeal)).hasSize(1);
    detail = html(mvc.perform(get("/review/appeals/{id}", appeal).with(reviewer())));
    assertThat(detail)
        .contains("id=\"decision-outcome\"", "申诉成立")
        .doesNotContain("id=\"decision-form\"");

    String mine = html(mvc.perform(get("/me/appeals").with(citizen(person))));
    assertThat(mine).contains("申诉成立", "随申码已更正为", "绿码", "已核实");
  }

  @Test
  void theRefusedPageForAnUnknownAppeal() throws Exception {
    String page =
        html(
            mvc.perform(get("/review/appeals/{id}", UUID.randomUUID()).with(reviewer()))
                .andExpect(status().isNotFound()));
    assertThat(page).contains("appeals.not-found", "找不到该申诉");
  }
}
