package org.suishen.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.suishen.sampling.SamplingFixtures.code;
import static org.suishen.sampling.SamplingFixtures.typed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.suishen.citizen.CitizenTestSupport;
import org.suishen.citizen.internal.DevSmsOutbox;
import org.suishen.healthcode.HealthCodeIntegrationTest;
import org.suishen.natcode.NatFixtures;
import org.suishen.natcode.NatFixtures.Resident;
import org.suishen.support.BrowserTest;
import org.suishen.support.MutableClock;
import org.suishen.support.TestStaffAccounts;
import tools.jackson.databind.json.JsonMapper;

/**
 * A 10-in-1 tube at a site (issue 12): ten people registered by a printed NAT code, a live code, a
 * proxy code, an ID card, a typed number, a passport and an infant by hand; sealed, boxed, received
 * by the lab on its page; the lab uploads positive; all ten are pending retest with a recall
 * notice; the authority's dashboard lists them for the site's community; single-tube retests come
 * back negative for nine and positive for one, who turns red; the guardian sees the child's and the
 * infant's results on her result page.
 */
@HealthCodeIntegrationTest
class TestingRoundBrowserIT extends BrowserTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired MutableClock clock;
  @Autowired DevSmsOutbox outbox;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  void logInAsStaff(String login) {
    open("/staff/login");
    type(By.id("username"), login);
    type(By.id("password"), TestStaffAccounts.PASSWORD);
    click(By.id("login-submit"));
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlToBe(url("/staff")));
  }

  Resident foreigner(String name, String passport) {
    var id = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO person (id, document_type, document_number, name, name_normalised, sex,"
                + " birth_date, district, registered_at, updated_at)"
                + " VALUES (?, 'FOREIGN_PASSPORT', ?, ?, ?, 'M', '1985-05-05', '310104', ?, ?)")
        .params(
            id,
            passport,
            name,
            name.toUpperCase(),
            OffsetDateTime.now(clock),
            OffsetDateTime.now(clock))
        .update();
    return new Resident(id, passport, name);
  }

  String colour(UUID person) {
    return jdbc.sql("SELECT colour FROM health_status WHERE person_id = ?")
        .param(person)
        .query(String.class)
        .optional()
        .orElse("GREEN");
  }

  @Test
  void aTenInOneTubeFromTheTableToTheFamilysResultPage() throws Exception {
    var people = new NatFixtures(jdbc, clock, mvc, json);
    var sampling = new SamplingFixtures(mvc, json);
    String community = "天平居委会-" + UUID.randomUUID().toString().substring(0, 4);
    sampling.site(community);
    sampling.lab("徐汇区疾控中心实验室");
    String household = NatFixtures.household();
    var mother = people.resident("刘美玲", 32, household);
    var child = people.resident("刘子轩", 5, household);
    people.bind(mother, child);
    // the mother has an account with a phone: she is texted for herself and for the children
    String phone = CitizenTestSupport.randomPhone();
    jdbc.sql(
            "INSERT INTO citizen_account (id, phone, person_id, created_at, updated_at)"
                + " VALUES (?, ?, ?, now(), now())")
        .params(UUID.randomUUID(), phone, mother.id())
        .update();
    var natPerson = people.resident("陈志强", 45, null);
    var livePerson = people.resident("王小明", 30, null);
    var cardPerson = people.resident("赵丽华", 70, null);
    var typedPerson = people.resident("孙建国", 52, null);
    var visitor = foreigner("JOHN SMITH", "E12345678");
    var neighbour = people.resident("周晓燕", 28, null);
    var grandfather = people.resident("刘国庆", 66, household);

    // the NAT code as printed: the QR read back from the PDF
    people.generate(natPerson);
    byte[] pdf =
        mvc.perform(get("/api/me/natcode.pdf").with(NatFixtures.citizen(natPerson)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    String printed = NatFixtures.qrOf(pdf);

    String pool = sampling.openTube(10);
    sampling.register(pool, code(printed)).andExpect(jsonPath("$.credential").value("NAT"));
    sampling
        .register(pool, code(people.liveCode(livePerson)))
        .andExpect(jsonPath("$.credential").value("LIVE"));
    sampling
        .register(pool, code(people.proxyCode(mother, child)))
        .andExpect(jsonPath("$.credential").value("PROXY"));
    sampling
        .register(
            pool,
            Map.of(
                "credentialKind",
                "ID_CARD",
                "documentType",
                "RESIDENT_ID",
                "documentNumber",
                cardPerson.documentNumber(),
                "name",
                cardPerson.name()))
        .andExpect(jsonPath("$.credential").value("ID_CARD"));
    sampling
        .register(pool, typed(typedPerson))
        .andExpect(jsonPath("$.credential").value("TYPED_NUMBER"));
    sampling
        .register(
            pool,
            Map.of(
                "credentialKind", "TYPED_NUMBER",
                "documentType", "FOREIGN_PASSPORT",
                "documentNumber", visitor.documentNumber(),
                "name", "john smith"))
        .andExpect(jsonPath("$.documentType").value("FOREIGN_PASSPORT"));
    sampling
        .infant(pool, mother, "刘小宝", "2026-01-15")
        .andExpect(jsonPath("$.credential").value("INFANT"));
    sampling.register(pool, typed(mother)).andExpect(status().isOk());
    sampling.register(pool, typed(neighbour)).andExpect(status().isOk());
    sampling.register(pool, typed(grandfather)).andExpect(jsonPath("$.sealed").value(true));
    UUID infant =
        jdbc.sql("SELECT id FROM provisional_person WHERE parent_person_id = ?")
            .param(mother.id())
            .query(UUID.class)
            .single();
    List<UUID> ten =
        new ArrayList<>(
            List.of(
                natPerson.id(),
                livePerson.id(),
                child.id(),
                cardPerson.id(),
                typedPerson.id(),
                visitor.id(),
                infant,
                mother.id(),
                neighbour.id(),
                grandfather.id()));

    // boxed at the site and handed over on the site lead's page; the lab receives it on its page
    String box = "B" + SamplingFixtures.newBarcode();
    logInAsStaff(TestStaffAccounts.SAMPLER);
    click(By.id("menu-site"));
    assertThat(textOf(By.id("pack-form"))).contains(pool).contains("10 / 10");
    type(By.id("box-barcode"), box);
    click(By.id("pack"));
    assertThat(textOf(By.id("site-done"))).contains(box).contains("1 支试管");
    type(By.id("courier-" + box), "冷链 张师傅");
    click(By.cssSelector("#box-" + box + " .handover"));
    // the page is replaced by the handover's answer: wait for it, not for the packing notice
    assertThat(waitForText(By.id("site-done"), "冷链 张师傅")).contains("冷链 张师傅");
    restartBrowser();
    logInAsStaff(TestStaffAccounts.LAB);
    click(By.id("menu-lab"));
    type(By.id("box-barcode"), box);
    type(By.id("tube-barcodes"), pool);
    click(By.id("receive"));
    assertThat(textOf(By.id("receipt"))).contains(box).contains("收到 1 支试管");

    // the lab reports the pool positive
    clock.advance(Duration.ofHours(6));
    type(By.id("results-rows"), pool + ",POSITIVE");
    click(By.id("upload"));
    assertThat(textOf(By.id("results-report"))).contains("新记录 1 支试管").contains("涉及 10 人");
    for (UUID person : ten) {
      assertThat(colour(person)).as("pending retest").isEqualTo("YELLOW");
      assertThat(
              jdbc.sql(
                      "SELECT count(*) FROM status_notice WHERE person_id = ?"
                          + " AND message_code = 'status.notice.retest-recall'")
                  .param(person)
                  .query(Long.class)
                  .single())
          .isEqualTo(1);
    }

    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                assertThat(
                        outbox.messages().stream()
                            .filter(m -> m.maskedPhone().endsWith(phone.substring(7)))
                            .map(DevSmsOutbox.Message::text))
                    .anySatisfy(t -> assertThat(t).startsWith("【随申码】").contains("单管复核"))
                    .anySatisfy(t -> assertThat(t).contains("您代为登记采样的家人")));

    // the authority sees the community's ten on the round dashboard
    restartBrowser();
    logInAsStaff(TestStaffAccounts.AUTHORITY);
    click(By.id("menu-round"));
    assertThat(textOf(By.id("fig-positive"))).isNotEqualTo("0");
    click(By.xpath("//a[@class='community-link' and text()='" + community + "']"));
    assertThat(browser.findElements(By.cssSelector("#recall-list tr.recalled"))).hasSize(10);
    assertThat(textOf(By.id("recall-list"))).contains("刘*宝").contains("刘*玲");

    // single-tube retests: nine negative, the neighbour positive
    clock.advance(Duration.ofHours(2));
    var singles = new ArrayList<String>();
    for (int i = 0; i < 10; i++) {
      singles.add(sampling.openTube(1));
    }
    sampling.register(singles.get(0), code(printed)).andExpect(status().isOk());
    sampling.register(singles.get(1), typed(livePerson)).andExpect(status().isOk());
    sampling
        .register(singles.get(2), code(people.proxyCode(mother, child)))
        .andExpect(status().isOk());
    sampling.register(singles.get(3), typed(cardPerson)).andExpect(status().isOk());
    sampling.register(singles.get(4), typed(typedPerson)).andExpect(status().isOk());
    sampling
        .register(
            singles.get(5),
            Map.of(
                "credentialKind",
                "TYPED_NUMBER",
                "documentType",
                "FOREIGN_PASSPORT",
                "documentNumber",
                visitor.documentNumber(),
                "name",
                visitor.name()))
        .andExpect(status().isOk());
    sampling.infant(singles.get(6), mother, "刘小宝", "2026-01-15").andExpect(status().isOk());
    sampling.register(singles.get(7), typed(mother)).andExpect(status().isOk());
    sampling.register(singles.get(8), typed(neighbour)).andExpect(status().isOk());
    sampling.register(singles.get(9), typed(grandfather)).andExpect(status().isOk());
    sampling.deliver(singles);
    clock.advance(Duration.ofHours(5));
    var csv = new StringBuilder("tubeBarcode,result\n");
    for (int i = 0; i < 10; i++) {
      csv.append(singles.get(i)).append(i == 8 ? ",POSITIVE\n" : ",NEGATIVE\n");
    }
    Path file = Files.createTempFile("results", ".csv");
    Files.writeString(file, csv);
    restartBrowser();
    logInAsStaff(TestStaffAccounts.LAB);
    open("/lab");
    browser.findElement(By.id("results-file")).sendKeys(file.toString());
    click(By.id("upload"));
    assertThat(textOf(By.id("results-report"))).contains("新记录 10 支试管");
    for (UUID person : ten) {
      assertThat(colour(person)).isEqualTo(person.equals(neighbour.id()) ? "RED" : "GREEN");
    }

    // the mother sees her own, her child's and the infant's results
    restartBrowser();
    open("/login/test-support/citizen?person=" + mother.id());
    open("/me/results");
    assertThat(textOf(By.id("results-self"))).contains("刘美玲").contains("阴性").contains("混管异常");
    String page = textOf(By.id("results-page"));
    assertThat(page).contains("刘*轩").contains("子女").contains("刘小宝").contains("婴幼儿");
    assertThat(browser.findElements(By.cssSelector(".result-negative"))).hasSize(3);
    assertThat(browser.findElements(By.cssSelector(".result-retest"))).hasSize(3);
  }
}
