package org.suishen.venues.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.suishen.SuishenApplication;
import org.suishen.accounts.AccountProvisioning;
import org.suishen.sampling.bench.BenchCity;
import org.suishen.shared.partition.DayPartitions;
import org.suishen.shared.security.Actor;
import org.suishen.shared.security.Role;

/**
 * {@code bench/venue-trace}: the health authority's two trace queries over 30 days of a city's
 * passage log. Starts the application on an embedded database in a data folder of its own (profiles
 * {@code test} and {@code bench-trace}; the passage retention raised so that the application keeps
 * the 30 days), fills it with bulk SQL and then asks the application over HTTP, as an
 * epidemiologist's account, one query after the other: who passed venue V in the 30 days ({@code
 * POST /api/authority/traces/venue}), where person P passed ({@code /api/authority/traces/person}),
 * for random venues and people; and the same SQL as {@code Traces} runs it under {@code EXPLAIN
 * (ANALYZE, BUFFERS)} for a sample of them. Writes {@code <results>/venue-trace-summary.txt} and
 * stops.
 *
 * <p>The city scales with the number of passages N so that the rows per venue and per person are
 * those of the full city (200 M passages in 30 days, 1.9 M venues, 10 M people): venues N / 105,
 * people N / 20. Venues' traffic is skewed (venue index {@code floor(V * r^2)}: the busiest get
 * thousands a day, most a few), people's mildly ({@code floor(P * r^1.5)}). Each day is generated
 * into its day partition in time order (as the log is appended), two days at once, with the three
 * indexes of the migration dropped first and created again after the load with the same definitions
 * (checked), then vacuumed and analysed as autovacuum would leave a past day.
 *
 * <p>Arguments: port, results folder, passages, queries per kind.
 */
public final class VenueTraceBench {

  static final String EPIDEMIOLOGIST = "bench.epidemiologist";
  static final String PASSWORD = "Trace-Query-2026-Xuhui";
  static final int DAYS = 30;
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final String TRACE_VENUE_SQL =
      "SELECT * FROM passage WHERE venue_id = ? AND passed_at >= ? AND passed_at < ?"
          + " ORDER BY passed_at, id LIMIT ?";
  static final String TRACE_PERSON_SQL =
      "SELECT * FROM passage WHERE person_id = ? AND passed_at >= ? AND passed_at < ?"
          + " ORDER BY passed_at, id LIMIT ?";

  private VenueTraceBench() {}

  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 18083;
    String results = args.length > 1 ? args[1] : "bench/results";
    String passages = args.length > 2 ? args[2] : "200000000";
    String queries = args.length > 3 ? args[3] : "200";
    String data = args.length > 4 ? args[4] : results + "/venue-trace-db";
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(SuishenApplication.class)
            .profiles("test", "bench-trace")
            .run(
                "--server.port=" + port,
                "--suishen.database.embedded.data-directory=" + data,
                "--suishen.healthcode.generated-master-key-file=",
                // the application would drop the days past 28 (the default retention) at start
                "--suishen.venues.passage-retention=60d",
                "--logging.level.root=WARN",
                "--suishen.bench.results=" + results,
                "--suishen.bench.passages=" + passages,
                "--suishen.bench.queries=" + queries,
                "--suishen.bench.port=" + port);
    int code = context.getBean(Run.class).failed ? 1 : 0;
    context.close();
    System.exit(code);
  }

  /** Person i's and venue i's ids, the same in Java and in SQL ({@code md5('p' || i)::uuid}). */
  static UUID id(String prefix, long i) {
    try {
      byte[] md5 =
          MessageDigest.getInstance("MD5").digest((prefix + i).getBytes(StandardCharsets.US_ASCII));
      long msb = 0;
      long lsb = 0;
      for (int k = 0; k < 8; k++) {
        msb = (msb << 8) | (md5[k] & 0xff);
        lsb = (lsb << 8) | (md5[8 + k] & 0xff);
      }
      return new UUID(msb, lsb);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Component
  @Profile("bench-trace")
  static class Run {

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final AccountProvisioning accounts;
    private final Environment environment;
    private final StringBuilder summary = new StringBuilder();
    volatile boolean failed;

    Run(
        DataSource dataSource,
        JdbcClient jdbc,
        AccountProvisioning accounts,
        Environment environment) {
      this.dataSource = dataSource;
      this.jdbc = jdbc;
      this.accounts = accounts;
      this.environment = environment;
    }

    private void say(String format, Object... args) {
      String line = String.format(Locale.ROOT, format, args);
      System.out.println("BENCH " + line);
      summary.append(line).append('\n');
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
      try {
        run();
      } catch (Exception e) {
        failed = true;
        e.printStackTrace();
      }
    }

    private void run() throws Exception {
      long passages = environment.getProperty("suishen.bench.passages", Long.class, 200_000_000L);
      int queries = environment.getProperty("suishen.bench.queries", Integer.class, 200);
      int port = environment.getProperty("suishen.bench.port", Integer.class, 18083);
      Path folder = Path.of(environment.getProperty("suishen.bench.results", "bench/results"));
      Files.createDirectories(folder);
      int venues = (int) Math.max(1000, passages * 19 / 2000);
      int people = (int) Math.max(1000, passages / 20);
      long perDay = passages / DAYS;

      jdbc.sql(
              "CREATE TABLE IF NOT EXISTS bench_trace_city (passages BIGINT, venues INT, people"
                  + " INT, first_day DATE, loaded_at TIMESTAMPTZ)")
          .update();
      var loaded =
          jdbc.sql("SELECT first_day FROM bench_trace_city WHERE passages = ?")
              .param(passages)
              .query(LocalDate.class)
              .optional();
      LocalDate first;
      if (loaded.isPresent()) {
        first = loaded.get();
        say("city kept from an earlier run (KEEP=1): %,d passages from %s", passages, first);
      } else {
        if (jdbc.sql("SELECT count(*) FROM bench_trace_city").query(Long.class).single() > 0) {
          throw new IllegalStateException(
              "the data folder holds a city of another size: remove it first");
        }
        first = LocalDate.now(ZONE).minusDays(DAYS);
        load(passages, venues, people, perDay, first);
      }
      say(
          "city: %,d passages in %d days (%,d a day), %,d venues, %,d people: %.0f passages per"
              + " venue and %.0f per person in 30 days on average",
          perDay * DAYS,
          DAYS,
          perDay,
          venues,
          people,
          (double) perDay * DAYS / venues,
          (double) perDay * DAYS / people);
      say(
          "passage log on disk: %s (heap %s, indexes %s); database %s",
          jdbc.sql(
                  "SELECT pg_size_pretty(sum(pg_total_relation_size(inhrelid))) FROM pg_inherits"
                      + " WHERE inhparent = 'passage'::regclass")
              .query(String.class)
              .single(),
          jdbc.sql(
                  "SELECT pg_size_pretty(sum(pg_relation_size(inhrelid))) FROM pg_inherits"
                      + " WHERE inhparent = 'passage'::regclass")
              .query(String.class)
              .single(),
          jdbc.sql(
                  "SELECT pg_size_pretty(sum(pg_indexes_size(inhrelid))) FROM pg_inherits"
                      + " WHERE inhparent = 'passage'::regclass")
              .query(String.class)
              .single(),
          jdbc.sql("SELECT pg_size_pretty(pg_database_size(current_database()))")
              .query(String.class)
              .single());
      for (String index :
          jdbc.sql("SELECT indexdef FROM pg_indexes WHERE tablename = 'passage' ORDER BY indexname")
              .query(String.class)
              .list()) {
        say("index: %s", index);
      }

      accounts.ensureStaff(
          EPIDEMIOLOGIST,
          "bench epidemiologist",
          PASSWORD,
          List.of(Role.HEALTH_AUTHORITY),
          Actor.system("bench"));
      Instant from = first.atStartOfDay(ZONE).toInstant();
      Instant to = first.plusDays(DAYS).atStartOfDay(ZONE).toInstant();
      query(port, queries, venues, people, from, to, folder);
      Files.writeString(folder.resolve("venue-trace-summary.txt"), summary.toString());
      System.out.println(
          "BENCH DONE " + folder.resolve("venue-trace-summary.txt").toAbsolutePath());
    }

    // ---------------------------------------------------------------- load

    private void load(long passages, int venues, int people, long perDay, LocalDate first)
        throws Exception {
      long started = System.nanoTime();
      BenchCity.loadRegister(dataSource, people, i -> id("p", i));
      say("register: %,d people by COPY in %.0f s", people, seconds(started));

      started = System.nanoTime();
      jdbc.sql(
              "INSERT INTO venue (id, name, address, district, street, community, kind, manager,"
                  + " venue_code, code_rotated_at, registered_at, registered_by)"
                  + " SELECT md5('v' || i)::uuid, '基准场所 ' || i, '基准路 ' || i || ' 号',"
                  + " (ARRAY['黄浦区','徐汇区','长宁区','静安区','普陀区','虹口区','杨浦区','闵行区',"
                  + "'宝山区','嘉定区','浦东新区','金山区','松江区','青浦区','奉贤区','崇明区'])[1 + i % 16],"
                  + " '基准街道', '基准居委会',"
                  + " (ARRAY['MALL','MARKET','SUPERMARKET','RESTAURANT','HOSPITAL','OFFICE','SCHOOL',"
                  + "'RESIDENTIAL_COMPOUND','TRANSPORT_HUB','HOTEL','ENTERTAINMENT','GOVERNMENT',"
                  + "'OTHER'])[1 + i % 13],"
                  + " 'bench.venue.manager', md5('c' || i), now(), now(), 'system:bench'"
                  + " FROM generate_series(0, ? - 1) AS i")
          .param(venues)
          .update();
      say("venues: %,d by INSERT ... generate_series in %.0f s", venues, seconds(started));

      // the migration's indexes, to be made again with the same definitions after the load
      List<String> before = indexes();
      jdbc.sql("DROP INDEX passage_venue").update();
      jdbc.sql("DROP INDEX passage_person").update();
      jdbc.sql("ALTER TABLE passage DROP CONSTRAINT passage_pkey").update();
      // the days' partitions, as the application makes them
      DayPartitions.ensure(jdbc, "passage", first, DAYS + 3, ZONE);

      started = System.nanoTime();
      var days = new ConcurrentLinkedQueue<LocalDate>();
      for (int d = 0; d < DAYS; d++) {
        days.add(first.plusDays(d));
      }
      parallel(
          2,
          connection -> {
            try (var s = connection.createStatement()) {
              s.execute("SET synchronous_commit = off");
            }
            LocalDate day;
            while ((day = days.poll()) != null) {
              long t = System.nanoTime();
              fillDay(connection, day, perDay, venues, people);
              System.out.printf(
                  "BENCH   day %s: %,d passages in %.0f s%n", day, perDay, seconds(t));
            }
          });
      double fill = seconds(started);
      say(
          "passages: %,d by INSERT ... generate_series into the day partitions, 2 sessions, in %.0f"
              + " s (%,.0f rows/s)",
          perDay * DAYS, fill, perDay * DAYS / fill);

      started = System.nanoTime();
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(true);
        try (var s = c.createStatement()) {
          s.execute("SET maintenance_work_mem = '1GB'");
          s.execute("SET max_parallel_maintenance_workers = 2");
          s.execute("ALTER TABLE passage ADD PRIMARY KEY (passed_at, id)");
          s.execute("CREATE INDEX passage_venue ON passage (venue_id, passed_at)");
          s.execute(
              "CREATE INDEX passage_person ON passage (person_id, passed_at)"
                  + " WHERE person_id IS NOT NULL");
        }
      }
      say("indexes: built after the load in %.0f s", seconds(started));
      List<String> after = indexes();
      if (!before.equals(after)) {
        throw new IllegalStateException("indexes differ from the migration's: " + before + after);
      }
      say("indexes: the same definitions as the migration's (checked against pg_indexes)");

      started = System.nanoTime();
      var partitions =
          new ConcurrentLinkedQueue<>(
              jdbc.sql(
                      "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                          + " WHERE i.inhparent = 'passage'::regclass")
                  .query(String.class)
                  .list());
      parallel(
          2,
          connection -> {
            String p;
            while ((p = partitions.poll()) != null) {
              try (var s = connection.createStatement()) {
                s.execute("VACUUM (ANALYZE) " + p);
              }
            }
          });
      jdbc.sql("ANALYZE").update();
      say("vacuum and analyze: %.0f s", seconds(started));
      jdbc.sql("INSERT INTO bench_trace_city VALUES (?, ?, ?, ?, now())")
          .params(passages, venues, people, first)
          .update();
    }

    private List<String> indexes() {
      return jdbc.sql(
              "SELECT indexname || ': ' || indexdef FROM pg_indexes WHERE tablename = 'passage'"
                  + " ORDER BY indexname")
          .query(String.class)
          .list();
    }

    private void fillDay(Connection connection, LocalDate day, long n, int venues, int people)
        throws Exception {
      String partition = DayPartitions.partitionOf("passage", day);
      // arrivals evenly from 07:00 to 22:00 in time order (the log is appended as people pass);
      // 85 % sentinels, 10 % staff checks, 5 % self-scans; 93 % admitted
      String sql =
          "INSERT INTO "
              + partition
              + " (passed_at, id, venue_id, provenance, recorded_by, person_id, credential,"
              + " admitted, reason, colour, temperature, offline)"
              + " SELECT ?::timestamptz + make_interval(secs => 25200 + g * 54000.0 / ?),"
              + " gen_random_uuid(), md5('v' || v)::uuid,"
              + " CASE WHEN k < 0.85 THEN 'SENTINEL' WHEN k < 0.95 THEN 'STAFF_CHECK' ELSE"
              + " 'SELF_SCAN' END,"
              + " CASE WHEN k < 0.85 THEN 'device:sentinel-' || v || '-' || (g % 3) WHEN k < 0.95"
              + " THEN 'staff:venue.staff.' || v ELSE 'citizen:' || md5('a' || p)::uuid END,"
              + " md5('p' || p)::uuid,"
              + " CASE WHEN k >= 0.95 THEN 'SELF' WHEN a < 0.03 THEN 'ID_CARD' WHEN a < 0.05"
              + " THEN 'PROXY' ELSE 'LIVE' END,"
              + " a < 0.93,"
              + " CASE WHEN a < 0.93 THEN 'admitted' WHEN a < 0.975 THEN 'no-recent-test' WHEN a"
              + " < 0.995 THEN 'colour-not-admitted' ELSE 'fever' END,"
              + " CASE WHEN a < 0.975 OR a >= 0.995 THEN 'GREEN' ELSE 'YELLOW' END,"
              + " CASE WHEN k < 0.85 THEN round((36.0 + t * 1.3)::numeric, 1) END,"
              + " k < 0.85 AND t < 0.01"
              + " FROM (SELECT g, floor(? * r1 * r1)::bigint AS v,"
              + " floor(? * power(r2, 1.5))::bigint AS p, k, a, t FROM (SELECT g, random() AS r1,"
              + " random() AS r2, random() AS k, random() AS a, random() AS t"
              + " FROM generate_series(0, ? - 1) AS g) r) s";
      try (var ps = connection.prepareStatement(sql)) {
        ps.setTimestamp(1, Timestamp.from(day.atStartOfDay(ZONE).toInstant()));
        ps.setLong(2, n);
        ps.setInt(3, venues);
        ps.setInt(4, people);
        ps.setLong(5, n);
        ps.executeUpdate();
      }
    }

    interface Work {
      void on(Connection connection) throws Exception;
    }

    private void parallel(int sessions, Work work) throws Exception {
      try (ExecutorService pool = Executors.newFixedThreadPool(sessions)) {
        var done = new ArrayList<Future<?>>();
        for (int s = 0; s < sessions; s++) {
          done.add(
              pool.submit(
                  () -> {
                    try (Connection c = dataSource.getConnection()) {
                      c.setAutoCommit(true);
                      work.on(c);
                    }
                    return null;
                  }));
        }
        for (Future<?> f : done) {
          f.get();
        }
      }
    }

    // ---------------------------------------------------------------- queries

    private record Kind(String name, String path, boolean venue, boolean byTraffic) {}

    private void query(
        int port, int queries, int venues, int people, Instant from, Instant to, Path folder)
        throws Exception {
      var http = HttpClient.newHttpClient();
      String auth =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(
                      (EPIDEMIOLOGIST + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
      var random = new SplittableRandom(14);
      var kinds =
          List.of(
              new Kind("venue, uniformly drawn", "venue", true, false),
              new Kind("venue, drawn by traffic (busy venues)", "venue", true, true),
              new Kind("person, uniformly drawn", "person", false, false),
              new Kind(
                  "person, drawn by traffic (people who go out a lot)", "person", false, true));
      say(
          "queries: %d of each kind, one at a time over HTTP as %s (HEALTH_AUTHORITY), window %s .."
              + " %s (30 days); and a tenth as many of other venues and people as EXPLAIN (ANALYZE, BUFFERS) of Traces' SQL",
          queries, EPIDEMIOLOGIST, from, to);
      // warm-up: the JIT and the connection pool, not the data (other venues and people)
      for (int i = 0; i < 20; i++) {
        for (Kind kind : kinds) {
          ask(http, port, auth, kind, pick(kind, random, venues, people), from, to);
        }
      }
      var plans = new StringBuilder();
      for (Kind kind : kinds) {
        long[] micros = new long[queries];
        long[] rows = new long[queries];
        var sqlMicros = new ArrayList<Long>();
        var sqlPages = new ArrayList<Long>();
        int truncated = 0;
        var following = new ArrayList<Long>();
        long readPages = 0;
        for (int q = 0; q < queries; q++) {
          long index = pick(kind, random, venues, people);
          long t = System.nanoTime();
          String body = ask(http, port, auth, kind, index, from, to);
          micros[q] = (System.nanoTime() - t) / 1000;
          rows[q] = count(body, "\"passageId\"");
          if (body.contains("\"truncated\":true")) {
            truncated++;
            // the pages that follow: keyset paging, so a late page should cost what the first did
            String next = nextOf(body);
            for (int p = 0; p < 3 && next != null; p++) {
              long started = System.nanoTime();
              String page = ask(http, port, auth, kind, index, from, to, next);
              following.add((System.nanoTime() - started) / 1000);
              next = nextOf(page);
            }
          }
          if (q % 10 == 0) {
            // another venue or person than the one asked over HTTP: neither warms the other's pages
            String plan = explain(kind, pick(kind, random, venues, people), from, to);
            sqlMicros.add(executionMicros(plan));
            sqlPages.add(pages(plan));
            readPages += readPages(plan);
            if (q == 0) {
              plans.append("== ").append(kind.name()).append('\n').append(plan).append('\n');
            }
          }
        }
        long[] sortedRows = rows.clone();
        Arrays.sort(sortedRows);
        Arrays.sort(micros);
        long[] sql = sqlMicros.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] touched = sqlPages.stream().mapToLong(Long::longValue).sorted().toArray();
        say(
            "%-52s HTTP p50 %6.1f ms, p99 %6.1f ms, max %6.1f ms | SQL (EXPLAIN ANALYZE, %d) p50"
                + " %6.1f ms, max %6.1f ms, pages p50 %d max %d (read from outside shared buffers:"
                + " %d) | rows p50 %d, max %d, %d with a next page (1 000 per page)",
            kind.name(),
            micros[queries / 2] / 1000.0,
            micros[(int) Math.min(queries - 1, Math.ceil(queries * 0.99) - 1)] / 1000.0,
            micros[queries - 1] / 1000.0,
            sql.length,
            sql[sql.length / 2] / 1000.0,
            sql[sql.length - 1] / 1000.0,
            touched[touched.length / 2],
            touched[touched.length - 1],
            readPages,
            sortedRows[queries / 2],
            sortedRows[queries - 1],
            truncated);
        if (!following.isEmpty()) {
          long[] later = following.stream().mapToLong(Long::longValue).sorted().toArray();
          say(
              "%-52s HTTP p50 %6.1f ms, p99 %6.1f ms, max %6.1f ms (%d pages 2-4 of the answers"
                  + " above that had more)",
              "  following pages",
              later[later.length / 2] / 1000.0,
              later[(int) Math.min(later.length - 1, Math.ceil(later.length * 0.99) - 1)] / 1000.0,
              later[later.length - 1] / 1000.0,
              later.length);
        }
      }
      Files.writeString(folder.resolve("venue-trace-plans.txt"), plans.toString());
    }

    private static long pick(Kind kind, SplittableRandom random, int venues, int people) {
      double r = random.nextDouble();
      if (kind.venue()) {
        return kind.byTraffic() ? (long) Math.floor(venues * r * r) : random.nextInt(venues);
      }
      return kind.byTraffic()
          ? (long) Math.floor(people * Math.pow(r, 1.5))
          : random.nextInt(people);
    }

    private static @org.jspecify.annotations.Nullable String nextOf(String body) {
      var m = java.util.regex.Pattern.compile("\"next\":\"([^\"]+)\"").matcher(body);
      return m.find() ? m.group(1) : null;
    }

    private String ask(
        HttpClient http, int port, String auth, Kind kind, long index, Instant from, Instant to)
        throws Exception {
      return ask(http, port, auth, kind, index, from, to, null);
    }

    private String ask(
        HttpClient http,
        int port,
        String auth,
        Kind kind,
        long index,
        Instant from,
        Instant to,
        @org.jspecify.annotations.Nullable String after)
        throws Exception {
      String who =
          kind.venue()
              ? "\"venueId\":\"" + id("v", index) + "\""
              : "\"documentType\":\"RESIDENT_ID\",\"documentNumber\":\""
                  + BenchCity.documentNumber((int) index)
                  + "\"";
      String body =
          "{"
              + who
              + ",\"from\":\""
              + from
              + "\",\"to\":\""
              + to
              + "\",\"legalBasis\":\"《传染病防治法》第十二条 流行病学调查\",\"caseRef\":\"BENCH-2026-"
              + index
              + (after == null ? "" : "\",\"after\":\"" + after)
              + "\"}";
      var response =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://127.0.0.1:" + port + "/api/authority/traces/" + kind.path()))
                  .header("Authorization", auth)
                  .header("Content-Type", "application/json")
                  .header("Accept", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "trace "
                + kind.path()
                + " "
                + index
                + ": "
                + response.statusCode()
                + " "
                + response.body());
      }
      return response.body();
    }

    private String explain(Kind kind, long index, Instant from, Instant to) throws Exception {
      try (Connection c = dataSource.getConnection();
          var ps =
              c.prepareStatement(
                  "EXPLAIN (ANALYZE, BUFFERS) "
                      + (kind.venue() ? TRACE_VENUE_SQL : TRACE_PERSON_SQL))) {
        ps.setObject(1, id(kind.venue() ? "v" : "p", index));
        ps.setTimestamp(2, Timestamp.from(from));
        ps.setTimestamp(3, Timestamp.from(to));
        ps.setInt(4, 1_001); // a page of the API and one to know more follow
        var plan = new StringBuilder();
        try (var rs = ps.executeQuery()) {
          while (rs.next()) {
            plan.append(rs.getString(1)).append('\n');
          }
        }
        return plan.toString();
      }
    }

    /** The 8 kB pages the whole plan touched (its top node's shared hit + read). */
    private static long pages(String plan) {
      var m =
          java.util.regex.Pattern.compile("Buffers: shared((?: hit=\\d+)?(?: read=\\d+)?)")
              .matcher(plan);
      if (!m.find()) {
        return 0;
      }
      long n = 0;
      for (var part : m.group(1).trim().split(" ")) {
        if (!part.isEmpty()) {
          n += Long.parseLong(part.substring(part.indexOf('=') + 1));
        }
      }
      return n;
    }

    private static long readPages(String plan) {
      var m =
          java.util.regex.Pattern.compile("Buffers: shared(?: hit=\\d+)? read=(\\d+)")
              .matcher(plan);
      return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static long executionMicros(String plan) {
      var m = java.util.regex.Pattern.compile("Execution Time: ([0-9.]+) ms").matcher(plan);
      return m.find() ? (long) (Double.parseDouble(m.group(1)) * 1000) : -1;
    }

    private static long count(String text, String what) {
      long n = 0;
      for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
        n++;
      }
      return n;
    }

    private static double seconds(long started) {
      return (System.nanoTime() - started) / 1e9;
    }
  }
}
