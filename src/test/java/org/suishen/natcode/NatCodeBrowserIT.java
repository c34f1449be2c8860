package org.suishen.natcode;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suishen.healthcode.HealthCodeIntegrationTest;
import org.suishen.natcode.NatFixtures.Resident;
import org.suishen.support.BrowserTest;
import org.suishen.support.TestStaffAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a mother sees (N3): she binds her five-year-old, generates and prints the child's NAT code;
 * the printed code scans at a sampling site as the child; a new code voids the print. The proxy
 * code page is tested in {@code proxycode.ProxyCodeBrowserIT}.
 */
@HealthCodeIntegrationTest
class NatCodeBrowserIT extends BrowserTest {

  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Autowired JsonMapper json;

  final HttpClient http = HttpClient.newHttpClient();
  NatFixtures fixtures;

  @BeforeEach
  void setUp() {
    fixtures = new NatFixtures(jdbc, clock, null, json);
  }

  /** The mother binds the child on /me/dependants (same household: bound at once). */
  void motherBinds(Resident mother, Resident child) {
    open("/login/test-support/citizen?person=" + mother.id());
    open("/me/dependants");
    type(By.id("documentNumber"), child.documentNumber());
    type(By.id("name"), child.name());
    new Select(visible(By.id("relationship"))).selectByValue("CHILD");
    click(By.id("bind-submit"));
    assertThat(textOf(By.id("done"))).contains("刘*轩").contains("已绑定");
  }

  String shownToken() {
    var qr = visible(By.id("qr"));
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(
            d ->
                !qr.getAttribute("data-token").isEmpty()
                    && !qr.findElements(By.tagName("svg")).isEmpty());
    return qr.getAttribute("data-token");
  }

  @Test
  void aMotherPrintsHerChildsNatCodeWhichScansAsTheChildUntilSheGeneratesANewOne()
      throws Exception {
    String household = NatFixtures.household();
    var mother = fixtures.resident("刘美玲", 32, household);
    var child = fixtures.resident("刘子轩", 5, household);
    motherBinds(mother, child);

    click(By.id("natcode-" + child.id()));
    assertThat(textOf(By.id("natcode-title"))).isEqualTo("刘*轩（子女）的核酸码");
    assertThat(textOf(By.id("no-code"))).contains("尚未为这位亲属生成核酸码");
    click(By.id("generate"));

    String token = shownToken();
    assertThat(token).startsWith("SSC:");
    // the first code voids nothing, and says nothing about earlier ones
    assertThat(textOf(By.id("done"))).isEqualTo("核酸码已生成，可截图保存或打印。");
    assertThat(textOf(By.id("masked-name"))).isEqualTo("刘*轩");
    assertThat(textOf(By.id("days-left"))).isEqualTo("还剩 30 天");
    assertThat(textOf(By.id("expires-at"))).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
    assertThat(browser.getPageSource())
        .doesNotContain("刘子轩")
        .doesNotContain(child.documentNumber());

    // print: the page's link, downloaded with the browser's session
    String printUrl = visible(By.id("print-a4")).getAttribute("href");
    HttpResponse<byte[]> printed = download(printUrl);
    assertThat(printed.statusCode()).isEqualTo(200);
    assertThat(printed.headers().firstValue("Content-Type")).hasValue("application/pdf");
    String decoded = NatFixtures.qrOf(printed.body());
    assertThat(decoded).isEqualTo(token);

    JsonNode atSampling = scanAsSampler(decoded);
    assertThat(atSampling.get("valid").asBoolean()).isTrue();
    assertThat(atSampling.get("codeType").asString()).isEqualTo("NAT");
    assertThat(atSampling.get("maskedName").asString()).isEqualTo("刘*轩");

    // she generates a new one: the printed sheet is void
    click(By.id("generate"));
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.alertIsPresent())
        .accept();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> !token.equals(d.findElement(By.id("qr")).getAttribute("data-token")));
    String renewed = shownToken();
    assertThat(textOf(By.id("done"))).contains("已生成新的核酸码", "已作废");

    JsonNode oldPrint = scanAsSampler(decoded);
    assertThat(oldPrint.get("valid").asBoolean()).isFalse();
    assertThat(oldPrint.get("reason").asString()).isEqualTo("revoked");
    assertThat(scanAsSampler(renewed).get("reason").asString()).isEqualTo("ok");
  }

  HttpResponse<byte[]> download(String url) throws Exception {
    String cookies =
        browser.manage().getCookies().stream()
            .map(c -> c.getName() + "=" + c.getValue())
            .collect(Collectors.joining("; "));
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  JsonNode scanAsSampler(String payload) throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (TestStaffAccounts.SAMPLER + ":" + TestStaffAccounts.PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
    var response =
        http.send(
            HttpRequest.newBuilder(URI.create(url("/api/scan")))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        json.writeValueAsString(java.util.Map.of("payload", payload))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return json.readTree(response.body());
  }
}
