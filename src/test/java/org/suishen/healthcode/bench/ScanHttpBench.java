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
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.SuishenApplication;
import org.suishen.healthcode.internal.code.LiveCodes;
import org.suishen.shared.security.CitizenPrincipal;

/**
 * The application as {@code bench/scan-http} runs it: embedded throw-away database, profile {@code
 * bench} (a long live-code validity, a scanner device account, the baseline endpoint {@code GET
 * /api/bench/empty}), one seeded person whose live code is written to {@code
 * <results>/scan-token.txt} once the application is ready.
 *
 * <p>Arguments: port, results folder.
 */
public final class ScanHttpBench {

  static final String SCANNER = "bench-sentinel";
  static final String PASSWORD = "bench-only";

  private ScanHttpBench() {}

  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 18080;
    String results = args.length > 1 ? args[1] : "bench/results";
    // command-line arguments: they outrank application.yaml (default properties would not)
    new SpringApplicationBuilder(SuishenApplication.class)
        .profiles("bench")
        .run(
            "--server.port=" + port,
            "--suishen.database.embedded.data-directory=",
            "--suishen.healthcode.generated-master-key-file=",
            // config override: a code that stays valid for the whole run
            "--suishen.healthcode.live-validity=1d",
            "--logging.level.root=WARN",
            // only the bundles this branch has: a missing bundle costs a failed lookup and a
            // warning on every message (the merged application has them all)
            "--spring.messages.basename=messages,i18n/healthcode",
            "--suishen.bench.results=" + results);
  }

  /** Found by component scanning (the test classes are on the class path), active in bench only. */
  @Configuration(proxyBeanMethods = false)
  @Profile("bench")
  static class BenchConfiguration {

    /**
     * The scanner device's account. Deliberately not a {@code UserDetailsPasswordService}: Spring
     * Security would otherwise "upgrade" the {noop} password to bcrypt after the first request, and
     * every Basic-authenticated scan would then cost one bcrypt check (~100 ms of CPU), which caps
     * the whole service at a few dozen scans per second (see docs/healthcode.md).
     */
    @Bean
    UserDetailsService benchScanners() {
      var accounts =
          new InMemoryUserDetailsManager(
              User.withUsername(SCANNER)
                  .password("{noop}" + PASSWORD)
                  .roles("VENUE_SENTINEL")
                  .build());
      return accounts::loadUserByUsername;
    }

    @Bean
    Seeder benchSeeder(JdbcClient jdbc, LiveCodes codes) {
      return new Seeder(jdbc, codes);
    }
  }

  /** The baseline: an authenticated endpoint of the same application that does nothing. */
  @RestController
  @Profile("bench")
  static class BenchEndpoints {

    private final JdbcClient jdbc;

    BenchEndpoints(JdbcClient jdbc) {
      this.jdbc = jdbc;
    }

    @GetMapping("/api/bench/empty")
    Map<String, Boolean> empty() {
      return Map.of("ok", true);
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
