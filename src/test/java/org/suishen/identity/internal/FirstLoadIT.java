package org.suishen.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.suishen.audit.AuditEvent;
import org.suishen.identity.RegisterImportJob;
import org.suishen.identity.RegisterImportStatus;
import org.suishen.identity.RegisterImports;
import org.suishen.identity.ResidentIdNumbers;
import org.suishen.identity.Sex;
import org.suishen.shared.problem.ErrorMessages;
import org.suishen.shared.security.Actor;
import org.suishen.support.IntegrationTest;

/**
 * The first load of an empty register (bulk: COPY into {@code person}, indexes built afterwards) on
 * a database of its own, since the shared test database is never empty.
 */
@IntegrationTest
class FirstLoadIT {

  private static final Instant NOW = Instant.parse("2022-06-01T02:00:00Z");

  @Autowired DataSource shared;
  @Autowired ErrorMessages messages;
  @Autowired IdentityProperties properties;

  private String database;
  private JdbcClient jdbc;
  private JdbcRegisterImports imports;
  private final List<AuditEvent> audited = new ArrayList<>();

  @BeforeEach
  void emptyDatabase() {
    database = "first_load_" + System.nanoTime();
    JdbcClient.create(shared).sql("CREATE DATABASE " + database).update();
    String url =
        ((HikariDataSource) shared).getJdbcUrl().replace("/postgres?", "/" + database + "?");
    var dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), url, "postgres", "");
    Flyway.configure().dataSource(dataSource).outOfOrder(true).load().migrate();
    jdbc = JdbcClient.create(dataSource);
    imports =
        new JdbcRegisterImports(
            dataSource,
            jdbc,
            new RegisterImportJobs(jdbc, new JdbcTemplate(dataSource)),
            audited::add,
            event -> {},
            messages,
            Clock.fixed(NOW, ZoneOffset.UTC),
            properties,
            new DataSourceTransactionManager(dataSource));
  }

  @AfterEach
  void dropDatabase() throws Exception {
    imports.destroy();
    JdbcClient.create(shared).sql("DROP DATABASE " + database + " WITH (FORCE)").update();
  }

  @Test
  void loadsAnEmptyRegisterInBulkAndLeavesItsIndexesAsTheyWere() throws IOException {
    List<String> indexesBefore = indexes();
    List<String> defaultsBefore = defaults();
    LocalDate born = LocalDate.of(1980, 5, 17);
    String a = ResidentIdNumbers.generate("310104", born, 1, Sex.MALE);
    String b = ResidentIdNumbers.generate("310104", born, 1, Sex.FEMALE);
    RegisterImportJob job =
        run(
            row(a, "王伟", "M", "H1")
                + row(b, "李娜", "F", "H1")
                + row(a, "王伟", "M", "H1") // duplicate: refused, so the unique index builds
                + "FOREIGN_PASSPORT,e1234567,John SMITH,M,1980-05-17,,徐汇区,,false\n");

    assertThat(job.status()).isEqualTo(RegisterImportStatus.DONE);
    assertThat(job.rowsInserted()).isEqualTo(3);
    assertThat(job.rowsRejected()).isEqualTo(1);
    assertThat(indexes()).isEqualTo(indexesBefore);
    assertThat(defaults()).isEqualTo(defaultsBefore);
    assertThat(
            jdbc.sql(
                    "SELECT name_normalised || ' ' || household_id || ' ' || registered_at"
                        + " || ' ' || (id IS NOT NULL) FROM person WHERE document_number = ?")
                .param(a)
                .query(String.class)
                .single())
        .isEqualTo("王伟 H1 2022-06-01 02:00:00+00 true");
    assertThat(
            jdbc.sql("SELECT name_normalised FROM person WHERE document_number = 'E1234567'")
                .query(String.class)
                .single())
        .isEqualTo("john smith");
    assertThat(audited)
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("inserted=3"));

    RegisterImportJob update = run(row(a, "王伟", "M", "H2") + row(b, "李娜", "F", "H1"));
    assertThat(update.rowsMerged()).isEqualTo(1);
    assertThat(update.rowsInserted()).isZero();
    assertThat(
            jdbc.sql("SELECT household_id FROM person WHERE document_number = ?")
                .param(a)
                .query(String.class)
                .single())
        .isEqualTo("H2");
  }

  @Test
  void aFailedFirstLoadLeavesTheRegisterEmptyWithItsIndexes() throws IOException {
    List<String> indexesBefore = indexes();
    var rows = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      rows.append(
          row(
              ResidentIdNumbers.generate(
                  "310105", LocalDate.of(1970, 1, 1).plusDays(i), 3, Sex.MALE),
              "赵强",
              "M",
              ""));
    }
    Path file = Files.createTempFile("first-load", ".csv");
    Files.write(
        file,
        (RegisterImports.HEADER + "\n" + rows).getBytes(StandardCharsets.UTF_8),
        java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
    Files.write(
        file,
        "RESIDENT_ID,x,赵强,M,1970-01-01,,,,false\n".getBytes(Charset.forName("GBK")),
        java.nio.file.StandardOpenOption.APPEND);

    RegisterImportJob job = imports.run(file, "gbk.csv", Actor.system("test"), j -> {});

    assertThat(job.status()).isEqualTo(RegisterImportStatus.FAILED);
    assertThat(job.failure()).isEqualTo("identity.import.encoding");
    assertThat(jdbc.sql("SELECT count(*) FROM person").query(Long.class).single()).isZero();
    assertThat(indexes()).isEqualTo(indexesBefore);
    assertThat(audited).isEmpty();
    Files.delete(file);
  }

  private RegisterImportJob run(String rows) throws IOException {
    Path file = Files.createTempFile("first-load", ".csv");
    Files.writeString(file, RegisterImports.HEADER + "\n" + rows);
    try {
      return imports.run(file, "register.csv", Actor.system("test"), j -> {});
    } finally {
      Files.delete(file);
    }
  }

  private List<String> indexes() {
    return jdbc.sql("SELECT indexdef FROM pg_indexes WHERE tablename = 'person' ORDER BY indexname")
        .query(String.class)
        .list();
  }

  private List<String> defaults() {
    return jdbc.sql(
            "SELECT a.attname || '=' || pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d"
                + " JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum"
                + " WHERE d.adrelid = 'person'::regclass ORDER BY 1")
        .query(String.class)
        .list();
  }

  private static String row(String id, String name, String sex, String household) {
    return "RESIDENT_ID,%s,%s,%s,1980-05-17,%s,徐汇区,,false\n"
        .formatted(id, name, sex, household)
        .replace(
            "1980-05-17",
            "%s-%s-%s".formatted(id.substring(6, 10), id.substring(10, 12), id.substring(12, 14)));
  }
}
