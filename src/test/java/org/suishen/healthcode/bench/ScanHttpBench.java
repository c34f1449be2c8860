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
 * test} (development adapters), {@code bench} (a long live-code validity, a scanner device account,
 * the baseline endpoints {@code GET /api/bench/empty} (authenticated) and {@code GET
 * /images/bench/empty} (public), one seeded person whose live code is written to {@code
 * <results>/scan-token.txt}) and {@code bench-scan}: a register of {@code people} (1 million by
 * default) with a declaration each and about 10 % yellow and 1 % red, and a live code each for
 * {@code scanned} distinct people of it (100 000 by default) in {@code <results>/scan-tokens.txt},
 * one per line.
 *
 * <p>Arguments: port, results folder, people, scanned people, scan records already in the table
 * (spread over the 30 days before today, {@link ScanHistory}; default 0).
 */
public final class ScanHttpBench {

  static final String SCANNER = "bench-sentinel";
  static final String PASSWORD = "Bench-Scanner-2026";

  private ScanHttpBench() {}

  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 18080;
    String results = args.length > 1 ? args[1] : "bench/results";
    int people = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
    int scanned = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
    long history = args.length > 4 ? Long.parseLong(args[4]) : 0;
    // command-line arguments: they outrank application.yaml (default properties would not); the
    // test profile brings the development adapters and secrets (no production defaults exist)
    new SpringApplicationBuilder(SuishenApplication.class)
        .profiles("test", "bench", "bench-scan")
        .run(
            "--server.port=" + port,
            "--suishen.database.embedded.data-directory=",
            "--suishen.healthcode.generated-master-key-file=",
            // config override: a code that stays valid for the whole run
            "--suishen.healthcode.live-validity=1d",
            // the caches of production (the test profile has them off)
            "--suishen.status.cache.enabled=true",
            "--suishen.row-caches.enabled=true",
            // one device token for the whole run (production: 10 minutes, then the next)
            "--suishen.accounts.device-tokens.validity=2h",
            "--suishen.bench.people=" + people,
            "--suishen.bench.scanned=" + scanned,
            "--suishen.bench.scan-history=" + history,
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

    private final java.time.Clock clock;

    BenchEndpoints(
        JdbcClient jdbc,
        io.micrometer.core.instrument.MeterRegistry meters,
        java.time.Clock clock) {
      this.jdbc = jdbc;
      this.meters = meters;
      this.clock = clock;
    }

    @GetMapping("/api/bench/empty")
    Map<String, Boolean> empty() {
      return Map.of("ok", true);
    }

    /**
     * The unauthenticated baseline: a public path of the security rules (static images) with no
     * admission class, so the filter chain runs for an anonymous caller and nothing else.
     */
    @GetMapping("/images/bench/empty")
    Map<String, Boolean> open() {
      return Map.of("ok", true);
    }

    /**
     * Blocks of the application's tables and indexes PostgreSQL found in its buffers and blocks it
     * had to read (from the disk or the OS cache), since the statistics began.
     */
    @GetMapping(path = "/api/bench/blocks", produces = "text/plain")
    String blocks() {
      // "hit read" (statistics are flushed by each backend about once a second)
      return jdbc.sql(
              "SELECT coalesce(sum(heap_blks_hit + coalesce(idx_blks_hit, 0)), 0)::bigint || ' ' ||"
                  + " coalesce(sum(heap_blks_read + coalesce(idx_blks_read, 0)), 0)::bigint"
                  + " FROM pg_statio_user_tables")
          .query(String.class)
          .single();
    }

    /** How many scans shared a database pass and commit, on average (since the start). */
    @GetMapping("/api/bench/scan-groups")
    Map<String, Double> scanGroups() {
      var sizes = meters.get("suishen.scan.group.size").summary();
      return Map.of("groups", (double) sizes.count(), "mean", sizes.mean(), "max", sizes.max());
    }

    /** The scan records of today (the history loaded before the run lies in earlier days). */
    @GetMapping("/api/bench/scan-count")
    Map<String, Long> scanCount() {
      java.time.OffsetDateTime today =
          java.time.LocalDate.now(clock).atStartOfDay(clock.getZone()).toOffsetDateTime();
      return Map.of(
          "scans",
          jdbc.sql("SELECT count(*) FROM scan_record WHERE scanned_at >= ?")
              .param(today)
              .query(Long.class)
              .single());
    }
  }

  /** The city to scan: a register, declarations, colours, and live codes of distinct people. */
  @org.springframework.stereotype.Component
  @Profile("bench-scan")
  static class ScanCity {

    private final javax.sql.DataSource dataSource;
    private final JdbcClient jdbc;
    private final LiveCodes codes;
    private final org.springframework.core.env.Environment environment;
    private final java.time.Clock clock;

    ScanCity(
        javax.sql.DataSource dataSource,
        JdbcClient jdbc,
        LiveCodes codes,
        org.springframework.core.env.Environment environment,
        java.time.Clock clock) {
      this.dataSource = dataSource;
      this.jdbc = jdbc;
      this.codes = codes;
      this.environment = environment;
      this.clock = clock;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) throws Exception {
      int people = environment.getProperty("suishen.bench.people", Integer.class, 1_000_000);
      int scanned = environment.getProperty("suishen.bench.scanned", Integer.class, 100_000);
      if (scanned > people) {
        throw new IllegalArgumentException("more scanned people than people");
      }
      Path folder = Path.of(environment.getProperty("suishen.bench.results", "bench/results"));
      Files.createDirectories(folder);
      long started = System.nanoTime();
      java.util.List<UUID> ids =
          org.suishen.sampling.bench.BenchCity.loadRegister(dataSource, people);
      org.suishen.sampling.bench.BenchCity.declareEveryone(jdbc);
      int coloured = org.suishen.sampling.bench.BenchCity.colourSome(jdbc);
      jdbc.sql("ANALYZE").update();
      System.out.printf(
          "BENCH register: %d people, declared, %d yellow or red, in %.1f s%n",
          people, coloured, (System.nanoTime() - started) / 1e9);
      long history = environment.getProperty("suishen.bench.scan-history", Long.class, 0L);
      if (history > 0) {
        ScanHistory.load(dataSource, history, 30, clock.getZone(), java.time.LocalDate.now(clock));
      }

      // distinct people spread over the register: code i is person (i * 7919) mod people
      started = System.nanoTime();
      String[] tokens = new String[scanned];
      int threads = 8;
      try (var pool = java.util.concurrent.Executors.newFixedThreadPool(threads)) {
        var done = new java.util.ArrayList<java.util.concurrent.Future<?>>();
        for (int t = 0; t < threads; t++) {
          int first = t;
          done.add(
              pool.submit(
                  () -> {
                    for (int i = first; i < scanned; i += threads) {
                      UUID person = ids.get((int) ((i * 7919L) % people));
                      tokens[i] =
                          codes
                              .issueFor(
                                  new CitizenPrincipal(UUID.randomUUID(), "13800000000", person))
                              .code()
                              .token();
                    }
                    return null;
                  }));
        }
        for (var f : done) {
          f.get();
        }
      }
      System.out.printf(
          "BENCH live codes: %d distinct people in %.1f s%n",
          scanned, (System.nanoTime() - started) / 1e9);
      Path tmp = folder.resolve("scan-tokens.tmp");
      try (var out = Files.newBufferedWriter(tmp)) {
        for (String token : tokens) {
          out.write(token + "\n");
        }
      }
      Files.move(
          tmp, folder.resolve("scan-tokens.txt"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      System.out.println("BENCH READY " + folder.resolve("scan-tokens.txt").toAbsolutePath());
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
