package org.suishen.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Refusals by the security filters are problem+json in the caller's language, Chinese by default.
 */
@IntegrationTest
class SecurityProblemsIT {

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anAnonymousApiCallerIsAskedToLogInInChineseByDefault() throws Exception {
    var response = get("/api/me");
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body())
        .contains("\"code\":\"auth.required\"", "\"detail\":\"请先登录。\"", "Please log in first.");
  }

  @Test
  void theLanguageCookieSwitchesTheMessageToEnglish() throws Exception {
    var response = get("/api/me", "Cookie", "suishen-lang=en");
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("\"detail\":\"Please log in first.\"");
  }

  @Test
  void aWrongRoleIsForbiddenWithAProblem() throws Exception {
    String basic =
        java.util.Base64.getEncoder()
            .encodeToString(
                (TestStaffAccounts.SAMPLER + ":" + TestStaffAccounts.PASSWORD).getBytes());
    var response = get("/api/admin/accounts", "Authorization", "Basic " + basic);
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("\"code\":\"auth.forbidden\"");
  }
}
