package org.suishen.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test client for the running application: the JSON API with HTTP Basic, and the staff form login
 * as a browser does it (login page, hidden CSRF field, session cookie).
 */
public final class StaffClient {

  /** The first administrator configured in application-test.yaml. */
  public static final String ADMIN = "test.admin";

  public static final String ADMIN_PASSWORD = "Test-Admin-Passw0rd";

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  private final int port;
  private final JsonMapper json;
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  public StaffClient(int port, JsonMapper json) {
    this.port = port;
    this.json = json;
  }

  /** A unique login for one test, e.g. {@code it.auditor.3f9a1c}. */
  public static String uniqueLogin(String prefix) {
    return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
  }

  public Response get(String path, String login, String password) {
    return send(request(path).header("Authorization", basic(login, password)).GET());
  }

  /** A request with {@code Authorization: Bearer <token>} (a device token). */
  public Response getBearer(String path, String token) {
    return send(request(path).header("Authorization", "Bearer " + token).GET());
  }

  /** A POST without a body with {@code Authorization: Bearer <token>}. */
  public Response postBearer(String path, String token) {
    return send(
        request(path)
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.noBody()));
  }

  public Response getAnonymous(String path) {
    return send(request(path).GET());
  }

  public Response post(String path, String login, String password, Object body) {
    return send(
        request(path)
            .header("Authorization", basic(login, password))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
  }

  public Response postEmpty(String path, String login, String password) {
    return send(
        request(path)
            .header("Authorization", basic(login, password))
            .POST(HttpRequest.BodyPublishers.noBody()));
  }

  /** Creates a staff account as the test administrator; returns its id. */
  public String createStaff(String username, String password, String... roles) {
    Response created =
        post(
            "/api/admin/accounts/staff",
            ADMIN,
            ADMIN_PASSWORD,
            Map.of(
                "login", username,
                "password", password,
                "description", "integration test",
                "roles", roles));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  /** Creates a device account as the test administrator; returns (id, secret). */
  public Device createDevice(String deviceId, String role) {
    Response created =
        post(
            "/api/admin/accounts/devices",
            ADMIN,
            ADMIN_PASSWORD,
            Map.of("login", deviceId, "roles", List.of(role), "description", "Test hall, gate 1"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return new Device(
        created.json().get("account").get("id").asString(),
        created.json().get("secret").asString());
  }

  /** Logs in by the staff form, as a browser: the answer is the redirect after the POST. */
  public Session formLogin(String username, String password) {
    var session = new Session(new CookieManager());
    Response page = session.get("/staff/login");
    assertThat(page.status()).isEqualTo(200);
    Matcher csrf = CSRF.matcher(page.body());
    assertThat(csrf.find()).as("login form carries a CSRF field").isTrue();
    session.lastLogin =
        session.postForm(
            "/staff/login",
            Map.of("username", username, "password", password, "_csrf", csrf.group(1)));
    return session;
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept-Language", "zh-CN");
  }

  private Response send(HttpRequest.Builder request) {
    return send(http, request);
  }

  private Response send(HttpClient client, HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.headers().firstValue("Location").orElse(""),
          response.body(),
          response.headers().firstValue("Retry-After").orElse(""),
          json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String basic(String login, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** A browser-like session: keeps cookies, does not follow redirects. */
  public final class Session {

    private final HttpClient client;
    private Response lastLogin;

    private Session(CookieManager cookies) {
      this.client =
          HttpClient.newBuilder()
              .cookieHandler(cookies)
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
    }

    /** The answer to the login POST (a redirect to /staff or to /staff/login?error). */
    public Response login() {
      return lastLogin;
    }

    public Response get(String path) {
      return send(client, request(path).GET());
    }

    /** Opens a page and submits its form as a browser would, with the page's CSRF field. */
    public Response submit(String pagePath, String postPath, Map<String, String> form) {
      Response page = get(pagePath);
      assertThat(page.status()).isEqualTo(200);
      Matcher csrf = CSRF.matcher(page.body());
      assertThat(csrf.find()).as("form carries a CSRF field").isTrue();
      var fields = new java.util.LinkedHashMap<>(form);
      fields.put("_csrf", csrf.group(1));
      return postForm(postPath, fields);
    }

    Response postForm(String path, Map<String, String> form) {
      String body =
          form.entrySet().stream()
              .map(
                  e ->
                      URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                          + "="
                          + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      return send(
          client,
          request(path)
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body)));
    }
  }

  public record Device(String id, String secret) {}

  public record Response(
      int status,
      String contentType,
      String location,
      String body,
      String retryAfter,
      JsonMapper mapper) {

    public JsonNode json() {
      return mapper.readTree(body);
    }

    /** The stable error code of a problem+json answer. */
    public String code() {
      assertThat(contentType).startsWith("application/problem+json");
      return json().get("code").asString();
    }
  }
}
