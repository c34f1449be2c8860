package org.suishen.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import org.suishen.identity.DocumentType;
import org.suishen.identity.IdentityDocument;
import org.suishen.identity.Person;
import org.suishen.identity.PopulationRegister;
import org.suishen.identity.RegisterImportJob;
import org.suishen.identity.RegisterImportPhase;
import org.suishen.identity.RegisterImportStatus;
import org.suishen.identity.RegisterImports;
import org.suishen.identity.ResidentIdNumbers;
import org.suishen.identity.Sex;
import org.suishen.shared.security.Actor;
import org.suishen.support.Awaiting;
import org.suishen.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class RegisterImportIT {

  private static final String HEADER = RegisterImports.HEADER + "\n";

  @LocalServerPort int port;
  @Autowired PopulationRegister register;
  @Autowired RegisterImports imports;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Autowired JsonMapper json;

  @Test
  void importsTheGoodRowsAndReportsEveryBadOneWithItsLineAndReason() throws Exception {
    LocalDate born = randomBirthDate();
    String man = residentId(born, Sex.MALE);
    String woman = residentId(born.plusDays(1), Sex.FEMALE);
    String passport = "E" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    String household = "HH-" + UUID.randomUUID();
    String csv =
        HEADER
            + row("RESIDENT_ID", man.toLowerCase(), "阿依古丽 • 买买提", "M", born, household)
            + row("RESIDENT_ID", woman, "王 小红", "F", born.plusDays(1), household)
            + row("FOREIGN_PASSPORT", passport.toLowerCase(), "John SMITH", "M", born, household)
            + "RESIDENT_ID,only,three\n" // line 5: malformed
            + row("RESIDENT_ID", brokenCheck(residentId(born, Sex.MALE)), "甲", "M", born, "") // 6
            + row("RESIDENT_ID", residentId(born, Sex.MALE), "乙", "M", "1990-02-30", "") // 7
            + row("RESIDENT_ID", residentId(born, Sex.MALE), "丙", "X", born, "") // 8
            + row("RESIDENT_ID", residentId(born, Sex.MALE), "丁", "M", born.plusDays(2), "") // 9
            + row("RESIDENT_ID", man, "阿依古丽·买买提", "M", born, household) // 10: duplicate of 2
            + row("ID_CARD", "123", "戊", "M", born, "") // 11
            + "\n"; // a blank line is skipped

    ResponseEntity<String> accepted = upload(csv, "register.csv", "test.admin:Test-Admin-Passw0rd");
    assertThat(accepted.getStatusCode().value()).isEqualTo(202);
    JsonNode started = json.readTree(accepted.getBody());
    assertThat(started.get("status").asString()).isEqualTo("RUNNING");
    assertThat(started.get("fileName").asString()).isEqualTo("register.csv");
    assertThat(accepted.getHeaders().getLocation()).hasToString(started.get("self").asString());

    JsonNode done = awaitFinished(started.get("id").asString());
    assertThat(done.get("status").asString()).isEqualTo("DONE");
    assertThat(done.get("percent").asInt()).isEqualTo(100);
    assertThat(done.get("rowsRead").asLong()).isEqualTo(10);
    assertThat(done.get("rowsRejected").asLong()).isEqualTo(7);
    assertThat(done.get("rowsMerged").asLong()).isEqualTo(3);
    assertThat(done.get("rowsInserted").asLong()).isEqualTo(3);
    assertThat(done.get("startedBy").asString()).isEqualTo("staff:test.admin");

    List<String> rejections =
        get(done.get("rejections").asString(), "test.admin:Test-Admin-Passw0rd")
            .getBody()
            .lines()
            .toList();
    assertThat(rejections.getFirst())
        .isEqualTo("\uFEFFline,reason,detail,document,messageZh,messageEn");
    assertThat(rejections.subList(1, rejections.size()))
        .extracting(line -> line.substring(0, line.indexOf(',', line.indexOf(',') + 1)))
        .containsExactly(
            "5,identity.import.malformed-row",
            "6,identity.document.check-digit",
            "7,identity.import.birth-date",
            "8,identity.import.sex",
            "9,identity.import.birth-date-mismatch",
            "10,identity.import.duplicate",
            "11,identity.document.unknown-type");
    assertThat(rejections.get(6)).contains(",2,").contains("同一证件在文件第 2 行已出现").doesNotContain(man);
    assertThat(rejections.get(2)).contains("document_number").contains("check digit");

    Person aygul =
        register.findByDocument(IdentityDocument.of(DocumentType.RESIDENT_ID, man)).orElseThrow();
    assertThat(aygul.name()).isEqualTo("阿依古丽 • 买买提");
    assertThat(aygul.sex()).isEqualTo(Sex.MALE);
    assertThat(aygul.birthDate()).isEqualTo(born);
    assertThat(aygul.householdId()).isEqualTo(household);
    assertThat(aygul.district()).isEqualTo("徐汇区");
    assertThat(nameNormalised(aygul.id())).isEqualTo("阿依古丽·买买提");
    assertThat(register.householdOf(aygul.id())).hasSize(3);
    Person john =
        register
            .findByDocument(IdentityDocument.of(DocumentType.FOREIGN_PASSPORT, passport))
            .orElseThrow();
    assertThat(nameNormalised(john.id())).isEqualTo("john smith");

    assertThat(
            jdbc.sql(
                    "SELECT actor || ' ' || reason || ' ' || detail FROM audit_event"
                        + " WHERE action = 'identity.register.imported' AND detail LIKE ?")
                .param("import=" + started.get("id").asString() + "%")
                .query(String.class)
                .single())
        .isEqualTo(
            "staff:test.admin population register import import=%s read=10 rejected=7 merged=3 inserted=3"
                .formatted(started.get("id").asString()));
  }

  @Test
  void reimportingChangesNothingAndAChangedRowUpdatesThePersonKeepingItsId() throws Exception {
    LocalDate born = randomBirthDate();
    String first = residentId(born, Sex.FEMALE);
    String second = residentId(born, Sex.MALE);
    String csv =
        HEADER
            + row("RESIDENT_ID", first, "李梅", "F", born, "")
            + row("RESIDENT_ID", second, "李雷", "M", born, "");

    assertThat(importNow(csv).rowsInserted()).isEqualTo(2);
    Person before =
        register.findByDocument(IdentityDocument.of(DocumentType.RESIDENT_ID, first)).orElseThrow();
    var updatedAt = updatedAt(before.id());

    RegisterImportJob again = importNow(csv);
    assertThat(again.status()).isEqualTo(RegisterImportStatus.DONE);
    assertThat(again.rowsMerged()).isZero();
    assertThat(again.rowsUnchanged()).isEqualTo(2);
    assertThat(register.findByDocument(IdentityDocument.of(DocumentType.RESIDENT_ID, first)))
        .contains(before);
    assertThat(updatedAt(before.id())).isEqualTo(updatedAt);

    String changed =
        HEADER
            + row("RESIDENT_ID", first, "李梅梅", "F", born, "H-new", "true")
            + row("RESIDENT_ID", second, "李雷", "M", born, "");
    RegisterImportJob update = importNow(changed);
    assertThat(update.rowsMerged()).isEqualTo(1);
    assertThat(update.rowsInserted()).isZero();
    assertThat(update.rowsUpdated()).isEqualTo(1);
    Person after =
        register.findByDocument(IdentityDocument.of(DocumentType.RESIDENT_ID, first)).orElseThrow();
    assertThat(after.id()).isEqualTo(before.id());
    assertThat(after.name()).isEqualTo("李梅梅");
    assertThat(after.householdId()).isEqualTo("H-new");
    assertThat(after.disabilityCertificate()).isTrue();
    assertThat(nameNormalised(after.id())).isEqualTo("李梅梅");
  }

  @Test
  void reportsProgressPhaseByPhase() {
    LocalDate born = randomBirthDate();
    var seen = new ArrayList<RegisterImportPhase>();
    RegisterImportJob job =
        imports.run(
            file(HEADER + row("RESIDENT_ID", residentId(born, Sex.MALE), "赵强", "M", born, "")),
            "progress.csv",
            Actor.system("test"),
            snapshot -> seen.add(snapshot.phase()));
    assertThat(job.status()).isEqualTo(RegisterImportStatus.DONE);
    assertThat(seen)
        .containsSubsequence(
            RegisterImportPhase.QUEUED, RegisterImportPhase.MERGING, RegisterImportPhase.FINISHED);
    assertThat(seen.getLast()).isEqualTo(RegisterImportPhase.FINISHED);
  }

  @Test
  void aFileWithAWrongHeaderIsRefusedAtOnceAndChangesNothing() throws Exception {
    LocalDate born = randomBirthDate();
    String id = residentId(born, Sex.MALE);
    long importsBefore = countImports();
    ResponseEntity<String> refused =
        upload(
            "name,document\n" + row("RESIDENT_ID", id, "钱多", "M", born, ""),
            "bad.csv",
            "test.admin:Test-Admin-Passw0rd");
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    JsonNode problem = json.readTree(refused.getBody());
    assertThat(problem.get("code").asString()).isEqualTo("identity.import.header");
    assertThat(problem.get("messageZh").asString()).contains("document_type,document_number");
    assertThat(problem.get("messageEn").asString()).startsWith("The first line");
    assertThat(countImports()).isEqualTo(importsBefore);
    assertThat(register.findByDocument(IdentityDocument.of(DocumentType.RESIDENT_ID, id)))
        .isEmpty();

    ResponseEntity<String> empty = upload("", "empty.csv", "test.admin:Test-Admin-Passw0rd");
    assertThat(json.readTree(empty.getBody()).get("code").asString())
        .isEqualTo("identity.import.header");
  }

  @Test
  void aFileThatIsNotUtf8FailsAsAWholeAndChangesNothing() throws Exception {
    LocalDate born = randomBirthDate();
    var good = new ArrayList<String>();
    var bytes = new ByteArrayOutputStream();
    bytes.write(HEADER.getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < 500; i++) {
      String id = residentId(born.plusDays(i), Sex.MALE);
      good.add(id);
      bytes.write(
          row("RESIDENT_ID", id, "孙悟", "M", born.plusDays(i), "").getBytes(StandardCharsets.UTF_8));
    }
    bytes.write(gbkRow(born));
    ResponseEntity<String> accepted =
        upload(bytes.toByteArray(), "gbk.csv", "test.admin:Test-Admin-Passw0rd");
    assertThat(accepted.getStatusCode().value()).isEqualTo(202);

    JsonNode failed = awaitFinished(json.readTree(accepted.getBody()).get("id").asString());
    assertThat(failed.get("status").asString()).isEqualTo("FAILED");
    assertThat(failed.get("failure").asString()).isEqualTo("identity.import.encoding");
    assertThat(failed.get("failureMessageEn").asString()).contains("UTF-8");
    assertThat(failed.get("rowsMerged").asLong()).isZero();
    assertThat(good)
        .allSatisfy(
            id ->
                assertThat(
                        register.findByDocument(IdentityDocument.of(DocumentType.RESIDENT_ID, id)))
                    .isEmpty());
  }

  @Test
  void aFileWhoseHeaderIsNotUtf8IsRefusedAtOnce() throws Exception {
    long importsBefore = countImports();
    var bytes = new ByteArrayOutputStream();
    bytes.write("证件类型,证件号码,姓名\n".getBytes(java.nio.charset.Charset.forName("GBK")));
    bytes.write(gbkRow(randomBirthDate()));
    ResponseEntity<String> refused =
        upload(bytes.toByteArray(), "gbk.csv", "test.admin:Test-Admin-Passw0rd");
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(json.readTree(refused.getBody()).get("code").asString())
        .isEqualTo("identity.import.encoding");
    assertThat(countImports()).isEqualTo(importsBefore);
  }

  @Test
  void acceptsTheFileAsTheRawRequestBody() throws Exception {
    LocalDate born = randomBirthDate();
    String id = residentId(born, Sex.FEMALE);
    ResponseEntity<String> accepted =
        client("test.admin:Test-Admin-Passw0rd")
            .post()
            .uri("/api/admin/register/imports?fileName={name}", "大文件.csv")
            .contentType(MediaType.parseMediaType("text/csv"))
            .body(
                (HEADER + row("RESIDENT_ID", id, "周芳", "F", born, ""))
                    .getBytes(StandardCharsets.UTF_8))
            .retrieve()
            .toEntity(String.class);
    assertThat(accepted.getStatusCode().value()).isEqualTo(202);
    JsonNode done = awaitFinished(json.readTree(accepted.getBody()).get("id").asString());
    assertThat(done.get("status").asString()).isEqualTo("DONE");
    assertThat(done.get("fileName").asString()).isEqualTo("大文件.csv");
    assertThat(register.findByDocument(IdentityDocument.of(DocumentType.RESIDENT_ID, id)))
        .isPresent();
  }

  @Test
  void refusesUnauthenticatedCallersWith401AndOtherStaffWith403() throws Exception {
    LocalDate born = randomBirthDate();
    String csv = HEADER + row("RESIDENT_ID", residentId(born, Sex.MALE), "吴", "M", born, "");
    ResponseEntity<String> anonymous = get("/api/admin/register/imports", null);
    assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
    assertThat(anonymous.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    assertThat(json.readTree(anonymous.getBody()).get("code").asString())
        .isEqualTo("auth.required");
    ResponseEntity<String> wrongPassword = upload(csv, "a.csv", "test.admin:wrong");
    assertThat(wrongPassword.getStatusCode().value()).isEqualTo(401);
    assertThat(json.readTree(wrongPassword.getBody()).get("code").asString())
        .isEqualTo("auth.required");

    ResponseEntity<String> auditor = upload(csv, "a.csv", "auditor:Test-Staff-Passw0rd");
    assertThat(auditor.getStatusCode().value()).isEqualTo(403);
    assertThat(auditor.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    assertThat(json.readTree(auditor.getBody()).get("code").asString()).isEqualTo("auth.forbidden");
    assertThat(
            get("/api/admin/register/imports", "auditor:Test-Staff-Passw0rd")
                .getStatusCode()
                .value())
        .isEqualTo(403);
  }

  @Test
  void answersAnUnknownImportWith404() throws Exception {
    ResponseEntity<String> missing =
        get("/api/admin/register/imports/" + UUID.randomUUID(), "test.admin:Test-Admin-Passw0rd");
    assertThat(missing.getStatusCode().value()).isEqualTo(404);
    assertThat(json.readTree(missing.getBody()).get("code").asString())
        .isEqualTo("identity.import.not-found");
    assertThat(
            get(
                    "/api/admin/register/imports/" + UUID.randomUUID() + "/rejections",
                    "test.admin:Test-Admin-Passw0rd")
                .getStatusCode()
                .value())
        .isEqualTo(404);
  }

  @Test
  void marksAnImportWhoseServerStoppedAsInterrupted() throws Exception {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO register_import (id, file_name, started_by, status, phase, bytes_total,"
                + " started_at, updated_at) VALUES (?, 'lost.csv', 'staff:x', 'RUNNING', 'READING', 10, ?, ?)")
        .param(id)
        .param(OffsetDateTime.now(clock).minusHours(1))
        .param(OffsetDateTime.now(clock).minusHours(1))
        .update();
    JsonNode job =
        json.readTree(
            get("/api/admin/register/imports/" + id, "test.admin:Test-Admin-Passw0rd").getBody());
    assertThat(job.get("status").asString()).isEqualTo("FAILED");
    assertThat(job.get("failure").asString()).isEqualTo("identity.import.interrupted");
  }

  @Test
  void showsTheUploadFormProgressAndRefusedRowsOnTheAdminPage() {
    LocalDate born = randomBirthDate();
    RegisterImportJob job =
        imports.run(
            file(
                HEADER
                    + row("RESIDENT_ID", residentId(born, Sex.MALE), "郑", "M", "1900-13-01", "")),
            "page.csv",
            Actor.system("test"),
            j -> {});
    String page =
        get("/admin/register?job=" + job.id(), "test.admin:Test-Admin-Passw0rd").getBody();
    assertThat(page)
        .contains("id=\"register-upload-form\"")
        .contains("/js/identity-import.js")
        .contains("page.csv")
        .contains("导入完成")
        .contains("identity.import.birth-date")
        .contains("出生日期须为 yyyy-MM-dd 格式");
    String english =
        get("/admin/register?lang=en&job=" + job.id(), "test.admin:Test-Admin-Passw0rd").getBody();
    assertThat(english).contains("Import complete").contains("The birth date must be a real date");
    assertThat(get("/admin/register", "auditor:Test-Staff-Passw0rd").getStatusCode().value())
        .isEqualTo(403);
  }

  @Test
  void thePagesPlainFormStartsAnImportAndShowsIt() {
    LocalDate born = randomBirthDate();
    String id = residentId(born, Sex.MALE);
    var parts = new LinkedMultiValueMap<String, Object>();
    parts.add(
        "file",
        new ByteArrayResource(
            (HEADER + row("RESIDENT_ID", id, "冯军", "M", born, ""))
                .getBytes(StandardCharsets.UTF_8)) {
          @Override
          public String getFilename() {
            return "form.csv";
          }
        });
    ResponseEntity<String> posted =
        client("test.admin:Test-Admin-Passw0rd")
            .post()
            .uri("/admin/register")
            .contentType(MediaType.MULTIPART_FORM_DATA)
            .body(parts)
            .retrieve()
            .toEntity(String.class);
    assertThat(posted.getStatusCode().value()).isEqualTo(302);
    String location = posted.getHeaders().getLocation().toString();
    assertThat(location).contains("/admin/register?job=");
    String job = location.substring(location.indexOf("job=") + 4);
    assertThat(awaitFinished(job).get("status").asString()).isEqualTo("DONE");
    assertThat(register.findByDocument(IdentityDocument.of(DocumentType.RESIDENT_ID, id)))
        .isPresent();
  }

  // --- helpers ---

  private RegisterImportJob importNow(String csv) {
    return imports.run(file(csv), "test.csv", Actor.system("test"), job -> {});
  }

  private static Path file(String csv) {
    try {
      Path file = Files.createTempFile("register-it", ".csv");
      Files.writeString(file, csv);
      file.toFile().deleteOnExit();
      return file;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The job once it no longer runs; fails the test if it still runs after two minutes. */
  private JsonNode awaitFinished(String id) {
    return Awaiting.until(
        "register import " + id + " to finish",
        Duration.ofMinutes(2),
        () ->
            json.readTree(
                get("/api/admin/register/imports/" + id, "test.admin:Test-Admin-Passw0rd")
                    .getBody()),
        job -> !job.get("status").asString().equals("RUNNING"));
  }

  private ResponseEntity<String> upload(String csv, String name, String credentials) {
    return upload(csv.getBytes(StandardCharsets.UTF_8), name, credentials);
  }

  private ResponseEntity<String> upload(byte[] content, String name, String credentials) {
    var parts = new LinkedMultiValueMap<String, Object>();
    parts.add(
        "file",
        new ByteArrayResource(content) {
          @Override
          public String getFilename() {
            return name;
          }
        });
    return client(credentials)
        .post()
        .uri("/api/admin/register/imports")
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .body(parts)
        .retrieve()
        .toEntity(String.class);
  }

  private ResponseEntity<String> get(String path, String credentials) {
    return client(credentials).get().uri(path).retrieve().toEntity(String.class);
  }

  private RestClient client(String credentials) {
    var builder =
        RestClient.builder()
            .baseUrl("http://localhost:" + port)
            .defaultStatusHandler(status -> true, (request, response) -> {});
    if (credentials != null) {
      String[] parts = credentials.split(":");
      builder.defaultHeaders(
          headers -> headers.setBasicAuth(parts[0], parts[1], StandardCharsets.UTF_8));
    }
    return builder.build();
  }

  private String nameNormalised(UUID personId) {
    return jdbc.sql("SELECT name_normalised FROM person WHERE id = ?")
        .param(personId)
        .query(String.class)
        .single();
  }

  private java.time.OffsetDateTime updatedAt(UUID personId) {
    return jdbc.sql("SELECT updated_at FROM person WHERE id = ?")
        .param(personId)
        .query(java.time.OffsetDateTime.class)
        .single();
  }

  private long countImports() {
    return jdbc.sql("SELECT count(*) FROM register_import").query(Long.class).single();
  }

  private static String row(
      String type, String number, String name, String sex, Object born, String household) {
    return row(type, number, name, sex, born, household, "false");
  }

  private static String row(
      String type,
      String number,
      String name,
      String sex,
      Object born,
      String household,
      String disability) {
    return String.join(
            ",", type, number, name, sex, born.toString(), household, "徐汇区", "", disability)
        + "\n";
  }

  private static LocalDate randomBirthDate() {
    return LocalDate.of(1930, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 30_000));
  }

  private static String residentId(LocalDate born, Sex sex) {
    var random = ThreadLocalRandom.current();
    return ResidentIdNumbers.generate(
        "3101%02d".formatted(random.nextInt(1, 20)), born, random.nextInt(0, 500), sex);
  }

  private static byte[] gbkRow(LocalDate born) {
    return row("RESIDENT_ID", residentId(born, Sex.FEMALE), "孙丽", "F", born, "")
        .getBytes(java.nio.charset.Charset.forName("GBK"));
  }

  private static String brokenCheck(String number) {
    return number.substring(0, 17) + (number.charAt(17) == '0' ? '1' : '0');
  }
}
