package org.suishen.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.suishen.support.FailingEndpoints;
import org.suishen.support.IntegrationTest;
import org.suishen.support.RawHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Framework refusals, a busy database and our own faults, over real HTTP: each has its own status
 * and code in problem+json on the API, and the error page in the person's language on pages — never
 * a 500 for bad input, never Spring Boot's Whitelabel page or its bare JSON.
 */
@IntegrationTest
@Import(FailingEndpoints.class)
class FrameworkRefusalsIT {

  private static final String API = FailingEndpoints.API;
  private static final String PAGES = FailingEndpoints.PAGES;
  private static final String CSRF = "framework-refusals-it";
  private static final String ADMIN =
      "Authorization: Basic "
          + Base64.getEncoder()
              .encodeToString("test.admin:Test-Admin-Passw0rd".getBytes(StandardCharsets.UTF_8));

  @LocalServerPort int port;
  @Autowired JsonMapper json;
  RawHttp http;

  @BeforeEach
  void client() {
    http = new RawHttp(port);
  }

  // ---- the API ----

  @Test
  void aMissingParameterNamesIt() throws Exception {
    JsonNode problem = problem(get(API + "/parameter"), 400, "request.parameter.missing");
    assertThat(violations(problem)).containsExactly("phone: required");
  }

  @Test
  void aParameterOfTheWrongTypeIsInvalid() throws Exception {
    JsonNode problem = problem(get(API + "/typed?page=two"), 400, "request.parameter.invalid");
    assertThat(problem.path("violations").get(0).path("field").asString()).isEqualTo("page");
  }

  @Test
  void aMissingHeaderNamesIt() throws Exception {
    JsonNode problem = problem(get(API + "/header"), 400, "request.header.missing");
    assertThat(problem.path("violations").get(0).path("field").asString()).isEqualTo("X-Device");
  }

  @Test
  void anIdThatIsNoIdInThePathIsInvalid() throws Exception {
    problem(get(API + "/by-id/not-a-uuid"), 400, "request.path.invalid");
  }

  @Test
  void methodValidationNamesTheParameterNotTheMethod() throws Exception {
    JsonNode problem = problem(get(API + "/validated?phone=123456789012"), 400, "request.invalid");
    assertThat(violations(problem)).containsExactly("phone: size");
    assertNoInternals(problem);
  }

  @Test
  void anInvalidBodyNamesItsFieldsOnly() throws Exception {
    var answer = postJson(API + "/body", "{\"phone\":\"\",\"name\":\"far too long\"}");
    JsonNode problem = problem(answer, 400, "request.invalid");
    assertThat(violations(problem)).containsExactlyInAnyOrder("phone: not-blank", "name: size");
    assertNoInternals(problem);
  }

  @Test
  void anUnreadableOrUnsupportedBody() throws Exception {
    problem(postJson(API + "/body", "{\"phone\":"), 400, "request.malformed");
    var xml =
        http.send(
            "POST",
            API + "/body",
            withCsrf("Content-Type: text/xml"),
            "<phone/>".getBytes(StandardCharsets.UTF_8));
    problem(xml, 415, "request.media-type");
  }

  @Test
  void aMethodNothingMapsIs405WithAllow() throws Exception {
    var answer = http.send("DELETE", API + "/typed?page=1", List.of(ADMIN), new byte[0]);
    problem(answer, 405, "request.method");
    assertThat(answer.header("allow"))
        .hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
  }

  @Test
  void aPathNothingMapsIs404() throws Exception {
    problem(
        http.send("GET", "/api/nothing-here", List.of(ADMIN), new byte[0]),
        404,
        "request.not-found");
  }

  @Test
  void aResponseStatusExceptionGetsTheCodeOfItsStatusAndNotItsReason() throws Exception {
    JsonNode problem = problem(get(API + "/status"), 409, "request.conflict");
    assertThat(problem.toString()).doesNotContain("internal reason");
  }

  @Test
  void aBusyConnectionPoolIs503WithRetryAfter() throws Exception {
    var answer = get(API + "/busy");
    problem(answer, 503, "server.busy");
    assertThat(answer.header("retry-after")).hasValue("5");
  }

  @Test
  void aBusyPoolInAFilterIsStillAProblem() throws Exception {
    var answer = get(API + "/filter-busy");
    problem(answer, 503, "server.busy");
    assertThat(answer.header("retry-after")).hasValue("5");
  }

  @Test
  void ourOwnFaultIs500AndSaysNothingOfIt() throws Exception {
    JsonNode problem = problem(get(API + "/unexpected"), 500, "server.unexpected");
    assertThat(problem.toString()).doesNotContain("SELECT", "secret", "IllegalStateException");
  }

  // ---- pages ----

  @Test
  void aPageWithAMissingParameterShowsTheErrorPageInChineseByDefault() throws Exception {
    var answer = get(PAGES + "/parameter");
    page(answer, 400, "request.parameter.missing", "缺少必填的请求参数。");
    assertThat(answer.body()).contains("返回首页");
  }

  @Test
  void theErrorPageFollowsTheChosenLanguage() throws Exception {
    var answer =
        http.send("GET", PAGES + "/parameter", List.of("Cookie: suishen-lang=en"), new byte[0]);
    page(answer, 400, "request.parameter.missing", "A required request parameter is missing.");
    assertThat(answer.body()).contains("Back to start");
  }

  @Test
  void pagesGetTheirStatusForFrameworkRefusalsAndABusyPool() throws Exception {
    page(get(PAGES + "/status"), 410, "request.gone", "请求的内容已不存在。");
    var busy = get(PAGES + "/busy");
    page(busy, 503, "server.busy", "系统繁忙");
    assertThat(busy.header("retry-after")).hasValue("5");
    page(get(PAGES + "/filter-busy"), 503, "server.busy", "系统繁忙");
  }

  @Test
  void aPageThatFailsUnexpectedlyShowsTheErrorPageNotTheWhitelabelPage() throws Exception {
    var answer = get(PAGES + "/unexpected");
    page(answer, 500, "server.unexpected", "请稍后再试");
    assertThat(answer.body())
        .doesNotContain("SELECT", "secret", "Whitelabel", "IllegalStateException");
  }

  @Test
  void aPageNothingMapsIs404OnTheErrorPage() throws Exception {
    page(get("/login/nothing-here"), 404, "request.not-found", "找不到请求的内容。");
  }

  // ---- content negotiation: a browser gets the page, a JSON client problem+json ----

  private static final String BROWSER =
      "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
  private static final String JSON_CLIENT = "Accept: application/json";

  @Test
  void aPageThatDoesNotExistIsAPageForBrowsersAndAProblemForJsonClients() throws Exception {
    page(send("/login/nothing-here", BROWSER), 404, "request.not-found", "找不到请求的内容。");
    problem(send("/login/nothing-here", JSON_CLIENT), 404, "request.not-found");
    problem(
        send("/login/nothing-here", "Accept: application/problem+json"), 404, "request.not-found");
    // the API answers problem+json whatever the client accepts
    problem(send("/api/nothing-here", BROWSER), 401, "auth.required");
    problem(send("/api/nothing-here", BROWSER, ADMIN), 404, "request.not-found");
  }

  @Test
  void aPageSomeoneMayNotSeeIsAPageForBrowsersAndAProblemForJsonClients() throws Exception {
    // an administrator is not a reviewer
    page(send("/review/appeals", BROWSER, ADMIN), 403, "auth.forbidden", "您没有权限");
    problem(send("/review/appeals", JSON_CLIENT, ADMIN), 403, "auth.forbidden");
  }

  @Test
  void aPageRefusalInAControllerFollowsTheAcceptHeaderToo() throws Exception {
    page(send(PAGES + "/parameter", BROWSER), 400, "request.parameter.missing", "缺少必填的请求参数。");
    problem(send(PAGES + "/parameter", JSON_CLIENT), 400, "request.parameter.missing");
    problem(send(PAGES + "/unexpected", JSON_CLIENT), 500, "server.unexpected");
  }

  private RawHttp.Answer send(String path, String... headers) throws Exception {
    return http.send("GET", path, List.of(headers), new byte[0]);
  }

  // ---- helpers ----

  private RawHttp.Answer get(String path) throws Exception {
    return http.send("GET", path, List.of(), new byte[0]);
  }

  private List<String> withCsrf(String... headers) {
    var all = new ArrayList<>(List.of(headers));
    all.add("Cookie: XSRF-TOKEN=" + CSRF);
    all.add("X-XSRF-TOKEN: " + CSRF);
    return all;
  }

  private RawHttp.Answer postJson(String path, String body) throws Exception {
    return http.send(
        "POST",
        path,
        withCsrf("Content-Type: application/json"),
        body.getBytes(StandardCharsets.UTF_8));
  }

  private JsonNode problem(RawHttp.Answer answer, int status, String code) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    JsonNode problem = json.readTree(answer.body());
    assertThat(problem.path("code").asString()).isEqualTo(code);
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("messageZh").asString()).isNotBlank();
    assertThat(problem.path("messageEn").asString()).isNotBlank();
    assertThat(problem.has("timestamp")).as("not Spring Boot's error JSON").isFalse();
    return problem;
  }

  private static void page(RawHttp.Answer answer, int status, String code, String message) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith("text/html");
    assertThat(answer.body())
        .contains("id=\"error-code\">" + code + "<", message, "id=\"error-back\"")
        .doesNotContain("Whitelabel");
  }

  /** Each violation as "field: code"; a violation has exactly these two members. */
  private static List<String> violations(JsonNode problem) {
    List<String> found = new ArrayList<>();
    for (JsonNode violation : problem.path("violations")) {
      assertThat(violation.propertyNames()).containsExactlyInAnyOrder("field", "code");
      found.add(violation.get("field").asString() + ": " + violation.get("code").asString());
    }
    return found;
  }

  private static void assertNoInternals(JsonNode problem) {
    assertThat(problem.toString())
        .doesNotContain("Api.", "validated(", "body(", "Registration", "arg0", "org.suishen");
  }
}
