package org.suishen.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.suishen.support.IntegrationTest;
import org.suishen.support.RawHttp;
import org.suishen.support.TestSignInConfiguration;
import tools.jackson.databind.json.JsonMapper;

/**
 * A missing or wrong CSRF token is {@code auth.csrf} (open the page again), not {@code
 * auth.forbidden} (not allowed): over the API as problem+json, on a page as the error page with a
 * link back to the form. A form body that cannot be read cannot carry a token either: it is refused
 * for the body.
 */
@IntegrationTest
@Import(TestSignInConfiguration.class)
class CsrfRefusalsIT {

  private static final String TOKEN = "csrf-refusals-it-token";

  @LocalServerPort int port;
  @Autowired JsonMapper json;
  RawHttp http;
  String session;

  @BeforeEach
  void signIn() throws Exception {
    http = new RawHttp(port);
    session =
        http.send(
                "GET",
                "/login/test-support/citizen?person=" + UUID.randomUUID(),
                List.of(),
                new byte[0])
            .header("set-cookie")
            .orElseThrow()
            .split(";")[0];
  }

  private RawHttp.Answer postForm(String path, List<String> extra, String body) throws Exception {
    var headers = new ArrayList<>(extra);
    headers.add("Content-Type: application/x-www-form-urlencoded");
    return http.send("POST", path, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  private String code(RawHttp.Answer answer) {
    assertThat(answer.contentType()).startsWith("application/problem+json");
    return json.readTree(answer.body()).path("code").asString();
  }

  @Test
  void anApiCallWithoutTheTokenIsAuthCsrf() throws Exception {
    var answer =
        postForm(
            "/api/me/appeals", List.of("Cookie: " + session + "; XSRF-TOKEN=" + TOKEN), "kind=");
    assertThat(answer.status()).isEqualTo(403);
    assertThat(code(answer)).isEqualTo("auth.csrf");
    assertThat(json.readTree(answer.body()).path("messageEn").asString()).contains("open it again");
  }

  @Test
  void anApiCallWithAWrongTokenIsAuthCsrf() throws Exception {
    var answer =
        postForm(
            "/api/me/appeals",
            List.of("Cookie: " + session + "; XSRF-TOKEN=" + TOKEN, "X-XSRF-TOKEN: stale"),
            "kind=");
    assertThat(answer.status()).isEqualTo(403);
    assertThat(code(answer)).isEqualTo("auth.csrf");
  }

  @Test
  void theRightTokenPassesAndAWrongRoleIsStillAuthForbidden() throws Exception {
    List<String> withToken =
        List.of("Cookie: " + session + "; XSRF-TOKEN=" + TOKEN, "X-XSRF-TOKEN: " + TOKEN);
    var passed = postForm("/api/me/appeals", withToken, "kind=");
    assertThat(code(passed)).isNotIn("auth.csrf", "auth.forbidden", "auth.required");

    var wrongRole =
        http.send(
            "POST",
            "/api/admin/accounts",
            withContentType(withToken, "application/json"),
            "{}".getBytes(StandardCharsets.UTF_8));
    assertThat(wrongRole.status()).isEqualTo(403);
    assertThat(code(wrongRole)).isEqualTo("auth.forbidden");
  }

  @Test
  void aPageFormWithAStaleTokenShowsAPageThatSaysToOpenItAgain() throws Exception {
    String form = "http://localhost:" + port + "/me/appeals";
    var answer =
        postForm(
            "/me/appeals",
            List.of("Cookie: " + session + "; XSRF-TOKEN=" + TOKEN, "Referer: " + form),
            "_csrf=stale&kind=WRONG_COLOUR");
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.contentType()).startsWith("text/html");
    assertThat(answer.body())
        .contains("页面已过期，请重新打开页面后再提交。", "id=\"error-code\">auth.csrf<")
        .contains("id=\"error-retry\"", "href=\"/me/appeals\"", "重新打开页面");

    var english =
        postForm(
            "/me/appeals",
            List.of(
                "Cookie: " + session + "; XSRF-TOKEN=" + TOKEN + "; suishen-lang=en",
                "Referer: " + form),
            "_csrf=stale");
    assertThat(english.body()).contains("This page has expired", "Open the page again");
  }

  @Test
  void aRefererFromElsewhereIsNoWayBack() throws Exception {
    var answer =
        postForm(
            "/me/appeals",
            List.of(
                "Cookie: " + session + "; XSRF-TOKEN=" + TOKEN,
                "Referer: https://evil.example/phish"),
            "_csrf=stale");
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.body()).doesNotContain("error-retry", "evil.example").contains("error-back");
  }

  @Test
  void aBrokenMultipartPageFormIsRefusedForTheBodyOnAPage() throws Exception {
    String boundary = "page-boundary";
    byte[] truncated =
        ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\nabc")
            .getBytes(StandardCharsets.UTF_8);
    var answer =
        http.send(
            "POST",
            "/me/appeals",
            List.of(
                "Cookie: " + session + "; XSRF-TOKEN=" + TOKEN,
                "Content-Type: multipart/form-data; boundary=" + boundary),
            truncated);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("text/html");
    assertThat(answer.body())
        .contains("id=\"error-code\">request.multipart.malformed<", "上传的表单内容不完整");
  }

  private static List<String> withContentType(List<String> headers, String type) {
    var all = new ArrayList<>(headers);
    all.add("Content-Type: " + type);
    return all;
  }
}
