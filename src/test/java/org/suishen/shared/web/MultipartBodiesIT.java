package org.suishen.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;
import org.suishen.support.IntegrationTest;
import org.suishen.support.RawHttp;
import org.suishen.support.TestSignInConfiguration;
import org.suishen.support.TestStaffAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every operation of the OpenAPI document that takes {@code multipart/form-data} is sent every kind
 * of broken body, over a real socket (so Tomcat parses it, as in production), by a caller of the
 * role the path needs and with a valid CSRF token where one is needed, so that the body is what is
 * refused. Each answer is problem+json with a stable code, and nothing is written. A new multipart
 * endpoint is covered as soon as it is in the document.
 */
@IntegrationTest
@Import(TestSignInConfiguration.class)
class MultipartBodiesIT {

  private static final String CSRF = "multipart-bodies-it-token";
  private static final String BOUNDARY = "suishen-boundary-7MA4YWxkTrZu0gW";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired Environment environment;

  RawHttp http;
  String citizenSession;

  /** A multipart operation as the OpenAPI document states it, with its path filled in. */
  record Operation(String method, String template, String path) {
    @Override
    public String toString() {
      return method + " " + template;
    }
  }

  /** A body that is not well-formed multipart/form-data, under the content type it claims. */
  record Broken(String name, String contentType, byte[] body) {}

  @BeforeEach
  void signIn() throws IOException {
    http = new RawHttp(port);
    var signIn =
        http.send(
            "GET",
            "/login/test-support/citizen?person=" + UUID.randomUUID(),
            List.of(),
            new byte[0]);
    citizenSession = signIn.header("set-cookie").orElseThrow().split(";")[0];
  }

  @Test
  void everyBrokenBodyIsAProblemWithItsCodeAndWritesNothing() throws Exception {
    List<Operation> operations = multipartOperations();
    for (Operation operation : operations) {
      for (Broken broken : brokenBodies()) {
        for (boolean withToken : tokenVariants(operation)) {
          String what =
              operation
                  + " with a "
                  + broken.name()
                  + " body"
                  + (withToken ? "" : " and no CSRF header");
          Map<String, Long> before = rowCounts();
          var headers = caller(operation, withToken);
          headers.add("Content-Type: " + broken.contentType());
          var answer = http.send(operation.method(), operation.path(), headers, broken.body());
          assertProblem(answer, 400, "request.multipart.malformed", what);
          assertThat(rowCounts()).as(what + ": nothing written").isEqualTo(before);
        }
      }
    }
  }

  @Test
  void aWellFormedBodyReachesTheController() throws Exception {
    // the control: the same callers with a readable body are not refused for the body or for
    // authentication, so the refusals above are the body's
    for (Operation operation : multipartOperations()) {
      var headers = caller(operation, true);
      headers.add("Content-Type: multipart/form-data; boundary=" + BOUNDARY);
      byte[] body =
          ("--"
                  + BOUNDARY
                  + "\r\nContent-Disposition: form-data; name=\"probe\"\r\n\r\nx\r\n--"
                  + BOUNDARY
                  + "--\r\n")
              .getBytes(StandardCharsets.UTF_8);
      var answer = http.send(operation.method(), operation.path(), headers, body);
      assertThat(answer.status()).as(operation + ": " + answer.body()).isLessThan(500);
      assertThat(answer.body())
          .as(operation.toString())
          .doesNotContain(
              "request.multipart", "\"auth.required\"", "\"auth.csrf\"", "\"auth.forbidden\"");
    }
  }

  @Test
  void anUploadOverTheRequestLimitIs413WithItsCode() throws Exception {
    long limit =
        DataSize.parse(environment.getProperty("spring.servlet.multipart.max-request-size"))
            .toBytes();
    for (Operation operation : multipartOperations()) {
      // the whole body is sent: Tomcat reads up to the limit, answers, and swallows the rest
      long fileSize = limit + 256 * 1024;
      assertUploadRefused(
          operation, fileSize, 1, "request.too-large", "a body over " + limit + " bytes");
    }
  }

  @Test
  void aFileOverTheFileLimitIs413WithItsCode() throws Exception {
    long limit =
        DataSize.parse(environment.getProperty("spring.servlet.multipart.max-file-size")).toBytes();
    for (Operation operation : multipartOperations()) {
      assertUploadRefused(
          operation, limit + 1024, 1, "request.too-large", "a file over " + limit + " bytes");
    }
  }

  @Test
  void tooManyPartsAre413WithTheirCode() throws Exception {
    for (Operation operation : multipartOperations()) {
      assertUploadRefused(operation, 1, 1000, "request.multipart.too-many-parts", "1000 parts");
    }
  }

  @Test
  void aPartHeaderOverTheLimitIs413WithItsCode() throws Exception {
    for (Operation operation : multipartOperations()) {
      var headers = caller(operation, true);
      headers.add("Content-Type: multipart/form-data; boundary=" + BOUNDARY);
      byte[] body =
          ("--"
                  + BOUNDARY
                  + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                  + "a".repeat(4000)
                  + ".csv\"\r\n\r\nx\r\n--"
                  + BOUNDARY
                  + "--\r\n")
              .getBytes(StandardCharsets.UTF_8);
      Map<String, Long> before = rowCounts();
      var answer = http.send(operation.method(), operation.path(), headers, body);
      assertProblem(answer, 413, "request.too-large", operation + " with a 4 kB part header");
      assertThat(rowCounts()).isEqualTo(before);
    }
  }

  @Test
  void aFormBodyOverTheContainersFormLimitIs413WithItsCode() throws Exception {
    // Tomcat's max-http-form-post-size (2 MB) for application/x-www-form-urlencoded
    var operation = new Operation("POST", "/api/me/appeals", "/api/me/appeals");
    var headers = caller(operation, true);
    headers.add("Content-Type: application/x-www-form-urlencoded");
    byte[] body =
        ("kind=WRONG_COLOUR&text=" + "a".repeat(3 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8);
    Map<String, Long> before = rowCounts();
    var answer = http.send("POST", operation.path(), headers, body);
    assertProblem(answer, 413, "request.too-large", "a 3 MB form body");
    assertThat(rowCounts()).isEqualTo(before);
  }

  @Test
  void theOpenApiDocumentListsTheKnownMultipartEndpoints() throws Exception {
    // a floor, so that a mistake in reading the document cannot make the tests above pass empty
    assertThat(multipartOperations())
        .extracting(Operation::toString)
        .contains(
            "POST /api/me/appeals",
            "POST /api/me/dependants",
            "POST /api/admin/register/imports",
            "POST /api/authority/feeds/{kind}");
  }

  // ---- the operations ----

  private List<Operation> multipartOperations() throws IOException {
    var answer = http.send("GET", "/v3/api-docs", List.of(), new byte[0]);
    assertThat(answer.status()).isEqualTo(200);
    JsonNode document = json.readTree(answer.body());
    List<Operation> found = new ArrayList<>();
    for (var path : document.get("paths").properties()) {
      for (var method : path.getValue().properties()) {
        JsonNode content = method.getValue().path("requestBody").path("content");
        if (content.has("multipart/form-data")) {
          found.add(
              new Operation(
                  method.getKey().toUpperCase(java.util.Locale.ROOT),
                  path.getKey(),
                  fill(path.getKey(), method.getValue())));
        }
      }
    }
    return found;
  }

  /** The path with each variable set to its example, first enum value, a UUID, or a word. */
  private static String fill(String template, JsonNode operation) {
    String path = template;
    for (JsonNode parameter : operation.path("parameters")) {
      if (!"path".equals(parameter.path("in").asString())) {
        continue;
      }
      JsonNode schema = parameter.path("schema");
      String value;
      if (parameter.has("example")) {
        value = parameter.get("example").asString();
      } else if (schema.has("example")) {
        value = schema.get("example").asString();
      } else if (schema.has("enum")) {
        value = schema.get("enum").get(0).asString();
      } else if ("uuid".equals(schema.path("format").asString())) {
        value = UUID.randomUUID().toString();
      } else if (schema.path("type").asString().matches("integer|number")) {
        value = "1";
      } else {
        value = "orders";
      }
      path = path.replace("{" + parameter.get("name").asString() + "}", value);
    }
    assertThat(path).as("every path variable of " + template + " is filled").doesNotContain("{");
    return path;
  }

  // ---- who calls ----

  private static final Map<String, String> STAFF_BY_PREFIX = new LinkedHashMap<>();

  static {
    STAFF_BY_PREFIX.put("/api/admin/", "test.admin:Test-Admin-Passw0rd");
    STAFF_BY_PREFIX.put(
        "/api/authority/", TestStaffAccounts.AUTHORITY + ":" + TestStaffAccounts.PASSWORD);
    STAFF_BY_PREFIX.put(
        "/api/review/", TestStaffAccounts.REVIEWER + ":" + TestStaffAccounts.PASSWORD);
    STAFF_BY_PREFIX.put(
        "/api/audit/", TestStaffAccounts.AUDITOR + ":" + TestStaffAccounts.PASSWORD);
    STAFF_BY_PREFIX.put("/api/lab/", TestStaffAccounts.LAB + ":" + TestStaffAccounts.PASSWORD);
    STAFF_BY_PREFIX.put(
        "/api/scan", TestStaffAccounts.VENUE_STAFF + ":" + TestStaffAccounts.PASSWORD);
    STAFF_BY_PREFIX.put("/api/device/", TestStaffAccounts.KIOSK + ":" + TestStaffAccounts.PASSWORD);
  }

  private static boolean citizen(Operation operation) {
    return operation.template().startsWith("/api/me/") || operation.template().equals("/api/me");
  }

  /** Citizens call with their session and the CSRF token; staff with Basic (no CSRF). */
  private List<Boolean> tokenVariants(Operation operation) {
    return citizen(operation) ? List.of(true, false) : List.of(true);
  }

  private List<String> caller(Operation operation, boolean withToken) {
    List<String> headers = new ArrayList<>();
    headers.add("Accept: application/json");
    if (citizen(operation)) {
      headers.add("Cookie: " + citizenSession + "; XSRF-TOKEN=" + CSRF);
      if (withToken) {
        headers.add("X-XSRF-TOKEN: " + CSRF);
      }
      return headers;
    }
    String credentials =
        STAFF_BY_PREFIX.entrySet().stream()
            .filter(e -> operation.template().startsWith(e.getKey()))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        operation + ": no caller known for this path; add its role to the test"));
    headers.add(
        "Authorization: Basic "
            + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    return headers;
  }

  // ---- the bodies ----

  private static List<Broken> brokenBodies() {
    String type = "multipart/form-data; boundary=" + BOUNDARY;
    String part =
        "--"
            + BOUNDARY
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\nline1\r\n--"
            + BOUNDARY
            + "--\r\n";
    return List.of(
        new Broken("truncated", type, bytes(part.substring(0, part.indexOf("line1") + 3))),
        new Broken("boundary-less", "multipart/form-data", bytes(part)),
        new Broken("wrong-boundary", "multipart/form-data; boundary=another-boundary", bytes(part)),
        new Broken(
            "nameless-part",
            type,
            bytes(
                "--"
                    + BOUNDARY
                    + "\r\nContent-Disposition: form-data; filename=\"a.csv\"\r\n\r\n"
                    + "line1\r\n--"
                    + BOUNDARY
                    + "--\r\n")),
        new Broken(
            "part-without-disposition",
            type,
            bytes(
                "--"
                    + BOUNDARY
                    + "\r\nContent-Type: text/plain\r\n\r\nline1\r\n--"
                    + BOUNDARY
                    + "--\r\n")),
        new Broken("json", type, bytes("{\"kind\":\"WRONG_COLOUR\",\"text\":\"x\"}")),
        new Broken("empty", type, new byte[0]));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Sends {@code parts} parts, the first a file of {@code fileSize} bytes, streamed. */
  private void assertUploadRefused(
      Operation operation, long fileSize, int parts, String code, String what) throws IOException {
    byte[] fileHead =
        bytes(
            "--"
                + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n");
    byte[] field =
        bytes("\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nv");
    byte[] end = bytes("\r\n--" + BOUNDARY + "--\r\n");
    long length = fileHead.length + fileSize + (long) (parts - 1) * field.length + end.length;
    var headers = caller(operation, true);
    headers.add("Content-Type: multipart/form-data; boundary=" + BOUNDARY);
    headers.add("Content-Length: " + length);
    Consumer<OutputStream> body =
        out -> {
          try {
            out.write(fileHead);
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'a');
            for (long left = fileSize; left > 0; left -= chunk.length) {
              out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
            for (int i = 1; i < parts; i++) {
              out.write(field);
            }
            out.write(end);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        };
    Map<String, Long> before = rowCounts();
    var answer = http.send(operation.method(), operation.path(), headers, body);
    assertProblem(answer, 413, code, operation + " with " + what);
    assertThat(rowCounts()).as(operation + " with " + what + ": nothing written").isEqualTo(before);
  }

  // ---- the checks ----

  private void assertProblem(RawHttp.Answer answer, int status, String code, String what) {
    assertThat(answer.status()).as(what + ": " + answer.body()).isEqualTo(status);
    assertThat(answer.contentType()).as(what).startsWith("application/problem+json");
    JsonNode problem = json.readTree(answer.body());
    assertThat(problem.path("code").asString()).as(what).isEqualTo(code);
    assertThat(problem.path("type").asString()).as(what).endsWith("/" + code);
    assertThat(problem.path("messageZh").asString()).as(what).isNotBlank().isNotEqualTo(code);
    assertThat(problem.path("messageEn").asString()).as(what).isNotBlank().isNotEqualTo(code);
  }

  /** The number of rows of every table of the application. */
  private Map<String, Long> rowCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table :
        jdbc.sql(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                    + " AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history'"
                    + " ORDER BY table_name")
            .query(String.class)
            .list()) {
      counts.put(
          table, jdbc.sql("SELECT count(*) FROM \"" + table + "\"").query(Long.class).single());
    }
    return counts;
  }
}
