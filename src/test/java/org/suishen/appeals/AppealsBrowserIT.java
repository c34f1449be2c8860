package org.suishen.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suishen.support.BrowserTest;
import org.suishen.support.TestSignInConfiguration;

/**
 * A citizen files an appeal on {@code /me/appeals} in a real browser; a reviewer upholds it through
 * the API; the citizen's page then shows the answer.
 */
@AutoConfigureMockMvc
@Import(AppealsTestConfiguration.class)
class AppealsBrowserIT extends BrowserTest {

  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  void signInAs(UUID person) {
    open(TestSignInConfiguration.PATH + "?personId=" + person + "&next=/me/appeals");
  }

  UUID appealOf(UUID person) {
    return jdbc.sql("SELECT id FROM appeal WHERE person_id = ?")
        .param(person)
        .query(UUID.class)
        .single();
  }

  int asReviewer(String path, String json) throws Exception {
    String credentials =
        AppealsTestConfiguration.REVIEWER + ":" + AppealsTestConfiguration.PASSWORD;
    var request =
        HttpRequest.newBuilder(URI.create(url(path)))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    try (var http = HttpClient.newHttpClient()) {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
  }

  @Test
  void aCitizenFilesAnAppealAndSeesTheAnswerOnceUpheld() throws Exception {
    UUID person = AppealsFixtures.person(jdbc, "郑小红", "YELLOW");
    Path evidence = Files.createTempDirectory("appeal").resolve("解除隔离证明.png");
    Files.write(evidence, AppealsFixtures.PNG);

    signInAs(person);
    assertThat(textOf(By.tagName("h1"))).isEqualTo("我要申诉");
    assertThat(textOf(By.id("no-appeals"))).contains("还没有");

    click(By.id("kind-WRONG_COLOUR"));
    assertThat(browser.findElement(By.id("name-field")).isDisplayed()).isFalse();
    new Select(visible(By.id("believedColour"))).selectByValue("GREEN");
    type(By.id("text"), "我三月以来一直在上海，没有去过重点地区。");
    browser.findElement(By.id("files")).sendKeys(evidence.toString());
    click(By.id("submit-appeal"));

    assertThat(textOf(By.id("filed-message"))).contains("申诉已提交");
    UUID appeal = appealOf(person);
    By card = By.id("appeal-" + appeal);
    assertThat(textOf(card))
        .contains("随申码颜色有误", "已提交，等待受理", "解除隔离证明.png", "正在核实")
        .contains("我三月以来一直在上海");
    // the same kind cannot be filed twice
    assertThat(browser.findElement(By.id("kind-WRONG_COLOUR")).isEnabled()).isFalse();

    String base = "/api/review/appeals/" + appeal;
    assertThat(asReviewer(base + "/claim", "")).isEqualTo(200);
    assertThat(
            asReviewer(
                base + "/notes",
                "{\"department\":\"黄浦区疾控中心\",\"question\":\"是否到过重点地区？\","
                    + "\"answer\":\"行程数据有误，未到过\"}"))
        .isEqualTo(201);
    assertThat(
            asReviewer(
                base + "/decision",
                "{\"outcome\":\"UPHELD\",\"correctedColour\":\"GREEN\","
                    + "\"reason\":\"经核实，您未到过重点地区。\"}"))
        .isEqualTo(200);

    open("/me/appeals");
    assertThat(textOf(By.cssSelector("#appeal-" + appeal + " .answer")))
        .contains("申诉成立", "随申码已更正为", "绿码", "经核实，您未到过重点地区。");
    assertThat(textOf(card)).contains("申诉成立，已更正");

    click(By.id("lang-en"));
    assertThat(textOf(By.cssSelector("#appeal-" + appeal + " .answer")))
        .contains("Upheld", "Your code has been corrected to", "Green");
  }

  @Test
  void anUpheldNameAppealCorrectsTheNameOnThePersonsCode() throws Exception {
    UUID person = AppealsFixtures.person(jdbc, "王明", null);
    jdbc.sql(
            "INSERT INTO health_declaration (id, person_id, declared_at, symptoms, temperature,"
                + " region_visits, contact_with_cases, arriving_from_other_region)"
                + " VALUES (?, ?, ?, ARRAY[]::text[], 36.5, '[]'::jsonb, false, false)")
        .params(UUID.randomUUID(), person, OffsetDateTime.now(clock))
        .update();
    signInAs(person);
    click(By.id("kind-WRONG_NAME"));
    type(By.id("correctedName"), "汪明");
    type(By.id("text"), "身份证上是三点水的汪。");
    click(By.id("submit-appeal"));
    assertThat(textOf(By.id("filed-message"))).contains("申诉已提交");

    open("/me/code");
    assertThat(textOf(By.id("masked-name"))).isEqualTo("王*");

    String base = "/api/review/appeals/" + appealOf(person);
    assertThat(asReviewer(base + "/claim", "")).isEqualTo(200);
    assertThat(
            asReviewer(
                base + "/notes",
                "{\"department\":\"公安户籍\",\"question\":\"姓名？\",\"answer\":\"汪明\"}"))
        .isEqualTo(201);
    assertThat(asReviewer(base + "/decision", "{\"outcome\":\"UPHELD\",\"correctedName\":\"汪明\"}"))
        .isEqualTo(200);

    // the correction takes effect right after the decision: the code page shows the new name
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              open("/me/code");
              assertThat(textOf(By.id("masked-name"))).isEqualTo("汪*");
            });
    assertThat(
            jdbc.sql("SELECT name FROM person WHERE id = ?")
                .param(person)
                .query(String.class)
                .single())
        .isEqualTo("汪明");
  }

  /**
   * A stranger registered her identity: refused at registration, she follows the page's link to an
   * identity appeal, files it with a photo, and reads the answer once a reviewer upheld it.
   */
  @Test
  void aPersonWhoseIdentityWasTakenAppealsFromTheRegistrationPage() throws Exception {
    UUID person = UUID.randomUUID();
    String number =
        org.suishen.identity.document.TestResidentIds.bornOn(java.time.LocalDate.of(1985, 3, 2));
    jdbc.sql(
            "INSERT INTO person (id, document_type, document_number, name, name_normalised, sex,"
                + " birth_date, registered_at, updated_at) VALUES (?, 'RESIDENT_ID', ?, '黄丽',"
                + " '黄丽', 'F', DATE '1985-03-02', now(), now())")
        .params(person, number)
        .update();
    String strangersPhone = org.suishen.citizen.CitizenTestSupport.randomPhone();
    jdbc.sql(
            "INSERT INTO citizen_account (id, phone, person_id, created_at, updated_at)"
                + " VALUES (?, ?, ?, now(), now())")
        .params(UUID.randomUUID(), strangersPhone, person)
        .update();
    Path photo = Files.createTempDirectory("appeal").resolve("手持身份证.jpg");
    Files.write(photo, AppealsFixtures.JPEG);

    open("/login");
    logInAsCitizen(org.suishen.citizen.CitizenTestSupport.randomPhone());
    type(By.id("document-number"), number);
    type(By.id("name"), "黄丽");
    click(By.id("register"));
    assertThat(textOf(By.id("error-message"))).contains("实名核验未通过", "身份申诉");
    assertThat(textOf(By.id("identity-taken-help"))).contains("证件被他人冒用注册");
    click(By.id("identity-appeal-link"));

    // only an identity appeal is open to an account without an identity; its fields are shown
    assertThat(browser.findElement(By.id("kind-IDENTITY_TAKEN")).isSelected()).isTrue();
    assertThat(browser.findElement(By.id("kind-WRONG_COLOUR")).isEnabled()).isFalse();
    assertThat(textOf(By.cssSelector("label:has(#kind-WRONG_COLOUR) .kind-closed")))
        .contains("实名注册后可申诉");
    assertThat(browser.findElement(By.id("name-field")).isDisplayed()).isFalse();
    assertThat(textOf(By.id("identity-field"))).contains("手持证件的照片");
    type(By.id("documentNumber"), number);
    type(By.id("identityName"), "黄丽");
    type(By.id("text"), "我的身份证被别人抢先注册了。");
    click(By.id("submit-appeal"));
    // without a photo the server refuses and keeps what was typed
    assertThat(textOf(By.id("form-error-message"))).contains("须上传证明材料");
    assertThat(browser.findElement(By.id("documentNumber")).getAttribute("value"))
        .isEqualTo(number);
    browser.findElement(By.id("files")).sendKeys(photo.toString());
    click(By.id("submit-appeal"));

    assertThat(textOf(By.id("filed-message"))).contains("申诉已提交");
    UUID appeal =
        jdbc.sql("SELECT id FROM appeal WHERE person_id = ? AND kind = 'IDENTITY_TAKEN'")
            .param(person)
            .query(UUID.class)
            .single();
    By card = By.id("appeal-" + appeal);
    assertThat(textOf(card)).contains("我的身份被他人冒用注册", "黄*", "手持身份证.jpg").doesNotContain(number);

    String base = "/api/review/appeals/" + appeal;
    assertThat(asReviewer(base + "/claim", "")).isEqualTo(200);
    assertThat(
            asReviewer(
                base + "/notes",
                "{\"department\":\"公安户籍\",\"question\":\"照片是否本人？\",\"answer\":\"是\"}"))
        .isEqualTo(201);
    assertThat(asReviewer(base + "/decision", "{\"outcome\":\"UPHELD\"}")).isEqualTo(200);

    open("/me/appeals");
    assertThat(textOf(By.cssSelector("#appeal-" + appeal + " .answer")))
        .contains("申诉成立", "该身份已转入您现在的账户");
    assertThat(
            jdbc.sql("SELECT person_id FROM citizen_account WHERE phone = ?")
                .param(strangersPhone)
                .query(UUID.class)
                .optional())
        .isEmpty();
  }

  @Test
  void mistakesAreShownOnThePageAndNothingIsFiled() throws Exception {
    UUID person = AppealsFixtures.person(jdbc, "冯小刚", null);
    signInAs(person);

    // checked in the browser before uploading: too many files
    Path dir = Files.createTempDirectory("appeal");
    String six =
        IntStream.range(0, 6)
            .mapToObj(
                i -> {
                  try {
                    return Files.write(dir.resolve("p" + i + ".png"), AppealsFixtures.PNG)
                        .toString();
                  } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                })
            .collect(Collectors.joining("\n"));
    click(By.id("kind-WRONG_NAME"));
    assertThat(browser.findElement(By.id("colour-field")).isDisplayed()).isFalse();
    type(By.id("correctedName"), "冯晓刚");
    type(By.id("text"), "名字错了一个字。");
    browser.findElement(By.id("files")).sendKeys(six);
    click(By.id("submit-appeal"));
    assertThat(textOf(By.id("form-check"))).contains("最多上传 5 个证明材料");

    // checked by the server: the registered name again
    browser.findElement(By.id("files")).clear();
    type(By.id("correctedName"), "冯小刚");
    click(By.id("submit-appeal"));
    assertThat(textOf(By.id("form-error-message"))).contains("与登记的姓名相同");
    assertThat(browser.findElement(By.id("text")).getAttribute("value")).isEqualTo("名字错了一个字。");
    assertThat(
            jdbc.sql("SELECT count(*) FROM appeal WHERE person_id = ?")
                .param(person)
                .query(Long.class)
                .single())
        .isZero();
  }
}
