package org.suishen.healthcode.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.SuishenApplication;
import org.suishen.healthcode.internal.code.LiveCodes;
import org.suishen.shared.security.CitizenPrincipal;

/**
 * The application as {@code bench/scan-http} runs it: embedded throw-away database, profiles {@code
 * test} (development adapters) and {@code bench} (a long live-code validity, a scanner device
 * account, the baseline endpoint {@code GET /api/bench/empty}), one seeded person whose live code
 * is written to {@code <results>/scan-token.txt} once the application is ready.
 *
 * <p>Arguments: port, results folder.
 */
public final class ScanHttpBench {

  static final String SCANNER = "bench-sentinel";
  static final String PASSWORD = "Bench-Scanner-2026";

  private ScanHttpBench() {}

  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 18080;
    String results = args.length > 1 ? args[1] : "bench/results";
    // command-line arguments: they outrank application.yaml (default properties would not); the
    // test profile brings the development adapters and secrets (no production defaults exist)
    new SpringApplicationBuilder(SuishenApplication.class)
        .profiles("test", "bench")
        .run(
            "--server.port=" + port,
            "--suishen.database.embedded.data-directory=",
            "--suishen.healthcode.generated-master-key-file=",
            // config override: a code that stays valid for the whole run
            "--suishen.healthcode.live-validity=1d",
            "--logging.level.root=WARN",
            "--suishen.bench.results=" + results);
  }

  /** Found by component scanning (the test classes are on the class path), active in bench only. */
  @Configuration(proxyBeanMethods = false)
  @Profile("bench")
  static class BenchConfiguration {

    @Bean
    Seeder benchSeeder(
        JdbcClient jdbc, LiveCodes codes, org.suishen.accounts.AccountProvisioning accounts) {
      // a real device account: the accounts context caches verified credentials, so Basic
      // authentication costs one bcrypt check per device, not one per scan
      accounts.ensureDevice(
          SCANNER,
          "benchmark scanner",
          org.suishen.shared.security.Role.VENUE_SENTINEL,
          PASSWORD,
          org.suishen.shared.security.Actor.system("bench"));
      return new Seeder(jdbc, codes);
    }
  }

  /** The baseline: an authenticated endpoint of the same application that does nothing. */
  @RestController
  @Profile("bench")
  static class BenchEndpoints {

    private final JdbcClient jdbc;
    private final io.micrometer.core.instrument.MeterRegistry meters;

    BenchEndpoints(JdbcClient jdbc, io.micrometer.core.instrument.MeterRegistry meters) {
      this.jdbc = jdbc;
      this.meters = meters;
    }

    @GetMapping("/api/bench/empty")
    Map<String, Boolean> empty() {
      return Map.of("ok", true);
    }

    /** How many scans shared a database pass and commit, on average (since the start). */
    @GetMapping("/api/bench/scan-groups")
    Map<String, Double> scanGroups() {
      var sizes = meters.get("suishen.scan.group.size").summary();
      return Map.of("groups", (double) sizes.count(), "mean", sizes.mean(), "max", sizes.max());
    }

    @GetMapping("/api/bench/scan-count")
    Map<String, Long> scanCount() {
      return Map.of(
          "scans", jdbc.sql("SELECT count(*) FROM scan_record").query(Long.class).single());
    }
  }

  /** Seeds a person and writes a live code for the load generator. */
  static class Seeder {

    private final JdbcClient jdbc;
    private final LiveCodes codes;

    Seeder(JdbcClient jdbc, LiveCodes codes) {
      this.jdbc = jdbc;
      this.codes = codes;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) throws Exception {
      UUID person = UUID.randomUUID();
      jdbc.sql(
              "INSERT INTO person (id, document_type, document_number, name, name_normalised, sex,"
                  + " birth_date, registered_at, updated_at)"
                  + " VALUES (?, 'RESIDENT_ID', '310101199001011234', '王小明', '王小明', 'M', ?,"
                  + " now(), now())")
          .param(person)
          .param(LocalDate.of(1990, 1, 1))
          .update();
      // no health code without a health declaration (H1)
      jdbc.sql(
              "INSERT INTO health_declaration (id, person_id, declared_at, symptoms, temperature,"
                  + " region_visits, contact_with_cases, arriving_from_other_region)"
                  + " VALUES (?, ?, now(), ARRAY[]::text[], 36.5, '[]'::jsonb, false, false)")
          .params(UUID.randomUUID(), person)
          .update();
      String token =
          codes
              .issueFor(new CitizenPrincipal(UUID.randomUUID(), "13800000000", person))
              .code()
              .token();
      Path folder =
          Path.of(
              event
                  .getApplicationContext()
                  .getEnvironment()
                  .getProperty("suishen.bench.results", "bench/results"));
      Files.createDirectories(folder);
      Path file = folder.resolve("scan-token.txt");
      Files.writeString(folder.resolve("scan-token.tmp"), token);
      Files.move(
          folder.resolve("scan-token.tmp"), file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      System.out.println("BENCH READY " + file.toAbsolutePath());
    }
  }
}
