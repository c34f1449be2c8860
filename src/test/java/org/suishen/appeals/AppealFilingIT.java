package org.suishen.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.suishen.appeals.AppealsFixtures.citizen;
import static org.suishen.appeals.AppealsFixtures.count;

import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.suishen.healthcode.HealthCodeFixtures;
import org.suishen.shared.security.CitizenPrincipal;
import tools.jackson.databind.json.JsonMapper;

/**
 * A registered citizen files an appeal (H7): the good case, and every bad input changes nothing.
 */
@AppealsIntegrationTest
class AppealFilingIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  UUID person;

  @BeforeEach
  void aRegisteredPersonWithAYellowCode() {
    person = AppealsFixtures.person(jdbc, "王小明", "YELLOW");
  }

  MockMultipartHttpServletRequestBuilder filing(String kind, String text) {
    var request = multipart("/api/me/appeals");
    if (kind != null) {
      request.param("kind", kind);
    }
    if (text != null) {
      request.param("text", text);
    }
    return request;
  }

  ResultActions send(MockMultipartHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.with(citizen(person)).with(HealthCodeFixtures.xsrf()));
  }

  ResultActions refused(MockMultipartHttpServletRequestBuilder request, int status, String code)
      throws Exception {
    var result =
        send(request)
            .andExpect(status().is(status))
            .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
            .andExpect(jsonPath("$.code").value(code))
            .andExpect(jsonPath("$.messageZh").isNotEmpty())
            .andExpect(jsonPath("$.messageEn").isNotEmpty());
    assertThat(appealsOfPerson()).as("nothing written").isZero();
    return result;
  }

  long appealsOfPerson() {
    return count(jdbc, "SELECT count(*) FROM appeal WHERE person_id = ?", person);
  }

  @Test
  void filesAColourAppealWithEvidence() throws Exception {
    var body =
        send(filing("WRONG_COLOUR", "疫情期间未离开上海，随申码却显示黄码。")
                .param("believedColour", "GREEN")
                .file(new MockMultipartFile("files", "行程卡.png", "image/png", AppealsFixtures.PNG))
                .file(
                    new MockMultipartFile(
                        "files", "出院小结.pdf", "application/octet-stream", AppealsFixtures.PDF)))
            .andExpect(status().isCreated())
            .andExpect(
                header().string("Location", org.hamcrest.Matchers.startsWith("/api/me/appeals/")))
            .andExpect(jsonPath("$.kind").value("WRONG_COLOUR"))
            .andExpect(jsonPath("$.state").value("SUBMITTED"))
            .andExpect(jsonPath("$.believedColour").value("GREEN"))
            .andExpect(jsonPath("$.text").value("疫情期间未离开上海，随申码却显示黄码。"))
            .andExpect(jsonPath("$.answer").doesNotExist())
            .andExpect(jsonPath("$.evidence.length()").value(2))
            .andExpect(jsonPath("$.evidence[0].fileName").value("行程卡.png"))
            .andExpect(jsonPath("$.evidence[0].contentType").value("image/png"))
            .andExpect(jsonPath("$.evidence[1].contentType").value("application/pdf"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    var filed = json.readTree(body);
    UUID id = UUID.fromString(filed.get("id").asString());

    assertThat(
            jdbc.sql("SELECT colour_at_filing FROM appeal WHERE id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo("YELLOW");
    assertThat(count(jdbc, "SELECT count(*) FROM appeal_evidence WHERE appeal_id = ?", id))
        .isEqualTo(2);
    assertThat(
            count(
                jdbc,
                "SELECT count(*) FROM audit_event WHERE subject = ? AND action = 'appeals.appeal.filed'"
                    + " AND actor LIKE 'citizen:%' AND detail LIKE ?",
                person,
                "appeal=" + id + "%"))
        .isEqualTo(1);

    // the appellant sees it in their list and can fetch their own file back
    mvc.perform(get("/api/me/appeals").with(citizen(person)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(1))
        .andExpect(jsonPath("$[0].id").value(id.toString()));
    String fileId = filed.get("evidence").get(0).get("id").asString();
    var file =
        mvc.perform(get("/api/me/appeals/{id}/evidence/{file}", id, fileId).with(citizen(person)))
            .andExpect(status().isOk())
            .andExpect(content().contentType("image/png"))
            .andExpect(
                header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
            .andExpect(
                header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("inline")))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(file).isEqualTo(AppealsFixtures.PNG);
    String pdfId = filed.get("evidence").get(1).get("id").asString();
    mvc.perform(get("/api/me/appeals/{id}/evidence/{file}", id, pdfId).with(citizen(person)))
        .andExpect(content().contentType("application/pdf"))
        .andExpect(
            header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")));

    // nobody else's citizen account sees the appeal or its files
    UUID stranger = AppealsFixtures.person(jdbc, "李四", null);
    mvc.perform(get("/api/me/appeals/{id}", id).with(citizen(stranger)))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("appeals.not-found"));
    mvc.perform(get("/api/me/appeals/{id}/evidence/{file}", id, fileId).with(citizen(stranger)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/me/appeals").with(citizen(stranger)))
        .andExpect(jsonPath("$.length()").value(0));
  }

  ResultActions sendJson(String body) throws Exception {
    return mvc.perform(
        post("/api/me/appeals")
            .contentType(MediaType.APPLICATION_JSON)
            .content(body)
            .with(citizen(person))
            .with(HealthCodeFixtures.xsrf()));
  }

  @Test
  void filesAnAppealWithoutEvidenceAsJsonWithTheNamesTheAppealShows() throws Exception {
    var body =
        sendJson(
                """
                {"kind": "WRONG_COLOUR", "text": "一直在上海，没有去过重点地区。", "believedColour": "GREEN"}
                """)
            .andExpect(status().isCreated())
            .andExpect(
                header().string("Location", org.hamcrest.Matchers.startsWith("/api/me/appeals/")))
            .andExpect(jsonPath("$.kind").value("WRONG_COLOUR"))
            .andExpect(jsonPath("$.text").value("一直在上海，没有去过重点地区。"))
            .andExpect(jsonPath("$.believedColour").value("GREEN"))
            .andExpect(jsonPath("$.state").value("SUBMITTED"))
            .andExpect(jsonPath("$.evidence.length()").value(0))
            .andReturn()
            .getResponse()
            .getContentAsString();
    UUID id = UUID.fromString(json.readTree(body).get("id").asString());
    mvc.perform(get("/api/me/appeals/{id}", id).with(citizen(person)))
        .andExpect(jsonPath("$.believedColour").value("GREEN"));

    sendJson(
            """
            {"kind": "WRONG_NAME", "text": "名字少了一个字。", "correctedName": " 王小明明 "}
            """)
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.kind").value("WRONG_NAME"))
        .andExpect(jsonPath("$.correctedName").value("王小明明"));
    assertThat(appealsOfPerson()).isEqualTo(2);
  }

  @Test
  void aJsonFilingIsCheckedByTheSameRulesAndARefusalChangesNothing() throws Exception {
    sendJson("{\"kind\": \"WRONG_COLOUR\", \"believedColour\": \"GREEN\"}")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.code").value("appeals.text.required"));
    sendJson("{\"kind\": \"WRONG_COLOUR\", \"text\": \"说明\", \"believedColour\": \"BLUE\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("appeals.colour.invalid"));
    sendJson("{\"kind\": \"WRONG_NAME\", \"text\": \"说明\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("appeals.name.required"));
    assertThat(appealsOfPerson()).as("nothing written").isZero();
  }

  @Test
  void filesANameAppealWithoutEvidence() throws Exception {
    send(filing("WRONG_NAME", "随申码上的名字少了一个字。").param("correctedName", " 王小明明 "))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.kind").value("WRONG_NAME"))
        .andExpect(jsonPath("$.correctedName").value("王小明明"))
        .andExpect(jsonPath("$.evidence.length()").value(0));
  }

  @Test
  void oneOpenAppealPerKind() throws Exception {
    send(filing("WRONG_COLOUR", "第一次申诉")).andExpect(status().isCreated());
    send(filing("WRONG_COLOUR", "第二次申诉"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("appeals.already-open"));
    assertThat(appealsOfPerson()).isEqualTo(1);
    // the other kind is still open to the person
    send(filing("WRONG_NAME", "名字也错了").param("correctedName", "王晓明"))
        .andExpect(status().isCreated());
    assertThat(appealsOfPerson()).isEqualTo(2);
  }

  @Test
  void refusesAMissingOrUnknownKind() throws Exception {
    refused(filing(null, "说明"), 400, "appeals.kind.invalid");
    refused(filing("WRONG_PHOTO", "说明"), 400, "appeals.kind.invalid");
  }

  @Test
  void refusesAMissingOrOverlongText() throws Exception {
    refused(filing("WRONG_COLOUR", null), 400, "appeals.text.required");
    refused(filing("WRONG_COLOUR", "   "), 400, "appeals.text.required");
    refused(filing("WRONG_COLOUR", "字".repeat(2001)), 400, "appeals.text.too-long")
        .andExpect(jsonPath("$.messageEn").value(org.hamcrest.Matchers.containsString("2000")));
  }

  @Test
  void refusesAWrongColour() throws Exception {
    refused(
        filing("WRONG_COLOUR", "说明").param("believedColour", "BLUE"),
        400,
        "appeals.colour.invalid");
    refused(
        filing("WRONG_COLOUR", "说明").param("believedColour", "YELLOW"),
        400,
        "appeals.colour.unchanged");
  }

  @Test
  void refusesAWrongName() throws Exception {
    refused(filing("WRONG_NAME", "说明"), 400, "appeals.name.required");
    refused(filing("WRONG_NAME", "说明").param("correctedName", "王小明2"), 400, "appeals.name.invalid");
    refused(
        filing("WRONG_NAME", "说明").param("correctedName", "王".repeat(51)),
        400,
        "appeals.name.too-long");
    refused(
        filing("WRONG_NAME", "说明").param("correctedName", "王小明"), 400, "appeals.name.unchanged");
  }

  @Test
  void refusesBadEvidenceAndKeepsNoneOfIt() throws Exception {
    long filesBefore = count(jdbc, "SELECT count(*) FROM appeal_evidence");
    var six = filing("WRONG_COLOUR", "说明");
    for (int i = 0; i < 6; i++) {
      six.file(new MockMultipartFile("files", "p" + i + ".png", "image/png", AppealsFixtures.PNG));
    }
    refused(six, 400, "appeals.evidence.too-many");

    byte[] big = AppealsFixtures.withMagic(AppealsFixtures.PNG, 5 * 1024 * 1024 + 1);
    refused(
            filing("WRONG_COLOUR", "说明")
                .file(new MockMultipartFile("files", "ok.png", "image/png", AppealsFixtures.PNG))
                .file(new MockMultipartFile("files", "big.png", "image/png", big)),
            400,
            "appeals.evidence.too-large")
        .andExpect(jsonPath("$.messageZh").value(org.hamcrest.Matchers.containsString("big.png")));

    refused(
        filing("WRONG_COLOUR", "说明")
            .file(
                new MockMultipartFile(
                    "files", "photo.png", "image/png", "<html>not an image".getBytes())),
        400,
        "appeals.evidence.type");
    refused(
        filing("WRONG_COLOUR", "说明")
            .file(new MockMultipartFile("files", "empty.pdf", "application/pdf", new byte[0])),
        400,
        "appeals.evidence.empty");
    assertThat(count(jdbc, "SELECT count(*) FROM appeal_evidence")).isEqualTo(filesBefore);
  }

  @Test
  void acceptsExactlyFiveFilesOfFiveMegabytes() throws Exception {
    byte[] max = AppealsFixtures.withMagic(AppealsFixtures.JPEG, 5 * 1024 * 1024);
    var five = filing("WRONG_COLOUR", "说明");
    for (int i = 0; i < 5; i++) {
      five.file(new MockMultipartFile("files", "p" + i + ".jpg", "image/jpeg", max));
    }
    send(five).andExpect(status().isCreated()).andExpect(jsonPath("$.evidence.length()").value(5));
    assertThat(
            jdbc.sql(
                    "SELECT e.content FROM appeal_evidence e JOIN appeal a ON a.id = e.appeal_id"
                        + " WHERE a.person_id = ? AND e.position = 5")
                .param(person)
                .query(byte[].class)
                .single())
        .satisfies(b -> assertThat(Arrays.equals(b, max)).isTrue());
  }

  @Test
  void anEmptyFileInputIsNoFile() throws Exception {
    send(filing("WRONG_COLOUR", "说明")
            .file(new MockMultipartFile("files", "", "application/octet-stream", new byte[0])))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.evidence.length()").value(0));
  }

  @Test
  void aCitizenWithoutRealNameRegistrationCannotAppealAgainstAColourOrAName() throws Exception {
    var unregistered = new CitizenPrincipal(UUID.randomUUID(), "13900139000", null);
    mvc.perform(
            filing("WRONG_COLOUR", "说明")
                .with(citizen(unregistered))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("appeals.not-registered"));
    // the list holds only the identity appeals the account filed: none here
    mvc.perform(get("/api/me/appeals").with(citizen(unregistered)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(0));
  }

  @Test
  void answersInEnglishWhenAskedTo() throws Exception {
    send(filing("WRONG_COLOUR", null).param("lang", "en"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("Please explain your appeal."))
        .andExpect(jsonPath("$.messageZh").value("请填写申诉说明。"));
  }
}
