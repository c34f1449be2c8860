package org.suishen.venues.bench;

import java.io.BufferedWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.SuishenApplication;
import org.suishen.accounts.AccountProvisioning;
import org.suishen.healthcode.internal.code.LiveCodes;
import org.suishen.sampling.bench.BenchCity;
import org.suishen.shared.security.Actor;
import org.suishen.shared.security.CitizenPrincipal;
import org.suishen.shared.security.Role;
import org.suishen.status.Colour;
import org.suishen.status.StatusFacts;
import org.suishen.status.TestOutcome;
import org.suishen.status.TestResultFact;
import org.suishen.venues.internal.rule.AdmissionRule;
import org.suishen.venues.internal.rule.VenueRules;
import org.suishen.venues.internal.venue.Venue;
import org.suishen.venues.internal.venue.Venues;

/**
 * The application as {@code bench/sentinel-http} runs it: a morning at a city's doors. Embedded
 * throw-away database (fsync and synchronous_commit on), profiles {@code test} (development
 * adapters), {@code bench} (the baseline {@code GET /api/bench/empty}, see {@code ScanHttpBench})
 * and {@code bench-sentinel}: a register of {@code people} (1 million by default) loaded by COPY,
 * each with a health declaration; lab results for most of them (negative within 48 h, negative of
 * last week, positive pooled tubes, a few positive single tubes: the status engine's facts); eight
 * venues with a realistic mix of rules (green only; green and a negative within 48 h), four
 * sentinel devices each; a live code for each of {@code requests} distinct people (issued by {@link
 * LiveCodes}, the citizen's path) and a request file for the load generator: one presentation a
 * line, every person once, a device's Basic header and a unique idempotency key. Once ready it
 * writes {@code <results>/sentinel-requests.tsv}.
 *
 * <p>Arguments: port, results folder, people, requests.
 */
public final class SentinelHttpBench {

  static final String PASSWORD = "Door-Check-2026-Xuhui";
  static final int SENTINELS = 32;
  static final String MANAGER = "bench.venue.manager";

  /** The venues: name, kind, and whether they ask a negative test within 48 h. */
  private record BenchVenue(String name, String kind, boolean negative48h) {}

  private static final List<BenchVenue> VENUES =
      List.of(
          new BenchVenue("基准正大广场", "MALL", true),
          new BenchVenue("基准第一医院门诊", "HOSPITAL", true),
          new BenchVenue("基准陆家嘴写字楼", "OFFICE", true),
          new BenchVenue("基准虹桥站南入口", "TRANSPORT_HUB", true),
          new BenchVenue("基准联华超市", "SUPERMARKET", false),
          new BenchVenue("基准菜市场", "MARKET", false),
          new BenchVenue("基准小区东门", "RESIDENTIAL_COMPOUND", false),
          new BenchVenue("基准面馆", "RESTAURANT", false));

  private SentinelHttpBench() {}

  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 18082;
    String results = args.length > 1 ? args[1] : "bench/results";
    String people = args.length > 2 ? args[2] : "1000000";
    String requests = args.length > 3 ? args[3] : "300000";
    new SpringApplicationBuilder(SuishenApplication.class)
        .profiles("test", "bench", "bench-sentinel")
        .run(
            "--server.port=" + port,
            "--suishen.database.embedded.data-directory=",
            "--suishen.healthcode.generated-master-key-file=",
            // config override: codes that stay valid for the whole run
            "--suishen.healthcode.live-validity=1d",
            "--logging.level.root=WARN",
            "--suishen.bench.results=" + results,
            "--suishen.bench.people=" + people,
            "--suishen.bench.requests=" + requests);
  }

  static String sentinel(int index) {
    return String.format("bench-sentinel-%02d", index + 1);
  }

  /** How many passages were committed, and their reasons (the script checks and prints them). */
  @RestController
  @Profile("bench-sentinel")
  static class Counts {

    private final JdbcClient jdbc;
    private final io.micrometer.core.instrument.MeterRegistry meters;

    Counts(JdbcClient jdbc, io.micrometer.core.instrument.MeterRegistry meters) {
      this.jdbc = jdbc;
      this.meters = meters;
    }

    /** How many passages shared a transaction and commit, on average (since the start). */
    @GetMapping("/api/bench/passage-groups")
    Map<String, Double> groups() {
      var sizes = meters.get("suishen.venues.passage.group.size").summary();
      return Map.of("groups", (double) sizes.count(), "mean", sizes.mean(), "max", sizes.max());
    }

    @GetMapping("/api/bench/passage-count")
    Map<String, Long> count() {
      return Map.of(
          "passages", jdbc.sql("SELECT count(*) FROM passage").query(Long.class).single());
    }

    @GetMapping("/api/bench/passage-reasons")
    Map<String, Long> reasons() {
      var reasons = new LinkedHashMap<String, Long>();
      jdbc.sql("SELECT reason, count(*) AS n FROM passage GROUP BY reason ORDER BY n DESC, reason")
          .query((rs, n) -> reasons.put(rs.getString(1), rs.getLong(2)))
          .list();
      return reasons;
    }
  }

  @Component
  @Profile("bench-sentinel")
  static class City {

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final AccountProvisioning accounts;
    private final Venues venues;
    private final VenueRules rules;
    private final StatusFacts facts;
    private final LiveCodes codes;
    private final Environment environment;

    City(
        DataSource dataSource,
        JdbcClient jdbc,
        AccountProvisioning accounts,
        Venues venues,
        VenueRules rules,
        StatusFacts facts,
        LiveCodes codes,
        Environment environment) {
      this.dataSource = dataSource;
      this.jdbc = jdbc;
      this.accounts = accounts;
      this.venues = venues;
      this.rules = rules;
      this.facts = facts;
      this.codes = codes;
      this.environment = environment;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) throws Exception {
      int people = environment.getProperty("suishen.bench.people", Integer.class, 1_000_000);
      int requests = environment.getProperty("suishen.bench.requests", Integer.class, 300_000);
      if (requests > people) {
        throw new IllegalArgumentException("more requests than people: each person comes once");
      }
      Path folder = Path.of(environment.getProperty("suishen.bench.results", "bench/results"));
      Files.createDirectories(folder);
      long started = System.nanoTime();
      List<UUID> ids = BenchCity.loadRegister(dataSource, people);
      System.out.printf(
          "BENCH register: %d people in %.1f s%n", people, (System.nanoTime() - started) / 1e9);

      started = System.nanoTime();
      BenchCity.declareEveryone(jdbc);
      System.out.printf(
          "BENCH declarations: %d in %.1f s%n", people, (System.nanoTime() - started) / 1e9);

      started = System.nanoTime();
      int[] mix = recordResults(ids);
      System.out.printf(
          "BENCH lab results (status facts): %d negative within 48 h, %d negative 3-6 days ago,"
              + " %d positive pooled (retest), %d positive single, %d never tested; %.1f s%n",
          mix[0], mix[1], mix[2], mix[3], mix[4], (System.nanoTime() - started) / 1e9);

      // eight venues (four ask a negative within 48 h), four sentinels each
      Actor bench = Actor.system("bench");
      Actor manager = Actor.staff(MANAGER);
      accounts.ensureStaff(
          MANAGER, "bench venue manager", PASSWORD + "-Staff", List.of(Role.VENUE_STAFF), bench);
      List<Venue> registered = new ArrayList<>();
      for (BenchVenue v : VENUES) {
        Venue venue =
            venues.register(
                new Venues.NewVenue(
                    v.name(), "浦东新区陆家嘴西路 168 号", "浦东新区", "陆家嘴街道", "梅园居委会", v.kind(), MANAGER),
                manager);
        rules.setVenueRule(
            venue,
            AdmissionRule.of(
                EnumSet.of(Colour.GREEN),
                v.negative48h() ? 48 : null,
                null,
                new BigDecimal("37.3")),
            VenueRules.OfflineIdCard.REFUSE,
            manager);
        registered.add(venue);
      }
      String[] auth = new String[SENTINELS];
      for (int s = 0; s < SENTINELS; s++) {
        accounts.ensureDevice(sentinel(s), "bench sentinel", Role.VENUE_SENTINEL, PASSWORD, bench);
        venues.assign(registered.get(s % registered.size()).id(), sentinel(s), manager);
        auth[s] =
            "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        (sentinel(s) + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
      }

      // every person once: request i is person (i * 7919) mod people, a bijection; a live code
      // each, issued as the citizen's app gets it (in parallel: the setup, not the benchmark)
      started = System.nanoTime();
      String[] tokens = new String[requests];
      int threads = 8;
      try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
        var done = new ArrayList<Future<?>>();
        for (int t = 0; t < threads; t++) {
          int first = t;
          done.add(
              pool.submit(
                  () -> {
                    for (int i = first; i < requests; i += threads) {
                      UUID person = ids.get(person(i, people));
                      tokens[i] =
                          codes
                              .issueFor(
                                  new CitizenPrincipal(
                                      UUID.randomUUID(), "138" + String.format("%08d", i), person))
                              .code()
                              .token();
                    }
                    return null;
                  }));
        }
        for (Future<?> f : done) {
          f.get();
        }
      }
      System.out.printf(
          "BENCH live codes: %d in %.1f s%n", requests, (System.nanoTime() - started) / 1e9);

      var random = new SplittableRandom(14);
      Path tmp = folder.resolve("sentinel-requests.tmp");
      try (BufferedWriter out = Files.newBufferedWriter(tmp)) {
        for (int i = 0; i < requests; i++) {
          // 36.0-37.2 °C mostly; one in a hundred with a fever (refused at 37.3)
          String temperature =
              random.nextInt(100) == 0
                  ? "37." + (5 + random.nextInt(4))
                  : String.format("%.1f", 36.0 + random.nextInt(13) / 10.0);
          String body =
              "{\"token\":\""
                  + tokens[i]
                  + "\",\"temperature\":"
                  + temperature
                  + ",\"key\":\"bench-passage-"
                  + i
                  + "\"}";
          out.write(auth[i % SENTINELS] + "\t" + body + "\n");
        }
      }
      jdbc.sql("ANALYZE").update();
      Files.move(tmp, folder.resolve("sentinel-requests.tsv"), StandardCopyOption.ATOMIC_MOVE);
      System.out.println("BENCH READY " + folder.resolve("sentinel-requests.tsv").toAbsolutePath());
    }

    static int person(int request, int people) {
      return (int) ((request * 7919L) % people);
    }

    /**
     * Lab results as the labs report them, through the status engine's facts: 45 % negative sampled
     * 6-40 h ago, 25 % negative of 3-6 days ago, 2 % of a positive pooled tube this morning
     * (pending a retest), 0.3 % positive single tubes (red), the rest never tested.
     */
    private int[] recordResults(List<UUID> ids) {
      var random = new SplittableRandom(2022);
      Instant now = Instant.now();
      int[] mix = new int[5];
      var batch = new ArrayList<TestResultFact>(10_000);
      for (UUID id : ids) {
        int draw = random.nextInt(1000);
        TestResultFact fact;
        if (draw < 450) {
          Instant sampled = now.minus(Duration.ofMinutes(360 + random.nextInt(34 * 60)));
          fact =
              new TestResultFact(
                  id, sampled, true, TestOutcome.NEGATIVE, sampled.plusSeconds(6 * 3600));
          mix[0]++;
        } else if (draw < 700) {
          Instant sampled = now.minus(Duration.ofMinutes(72 * 60 + random.nextInt(72 * 60)));
          fact =
              new TestResultFact(
                  id, sampled, true, TestOutcome.NEGATIVE, sampled.plusSeconds(8 * 3600));
          mix[1]++;
        } else if (draw < 720) {
          Instant sampled = now.minus(Duration.ofHours(5));
          fact = new TestResultFact(id, sampled, true, TestOutcome.POSITIVE, now.minusSeconds(600));
          mix[2]++;
        } else if (draw < 723) {
          Instant sampled = now.minus(Duration.ofHours(20));
          fact =
              new TestResultFact(id, sampled, false, TestOutcome.POSITIVE, now.minusSeconds(3600));
          mix[3]++;
        } else {
          mix[4]++;
          continue;
        }
        batch.add(fact);
        if (batch.size() == 10_000) {
          facts.recordResults(List.copyOf(batch));
          batch.clear();
        }
      }
      if (!batch.isEmpty()) {
        facts.recordResults(List.copyOf(batch));
      }
      return mix;
    }
  }
}
