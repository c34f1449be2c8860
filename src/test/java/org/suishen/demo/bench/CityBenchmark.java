package org.suishen.demo.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suishen.SuishenApplication;
import org.suishen.demo.generator.PopulationGenerator;
import org.suishen.identity.Person;
import org.suishen.identity.PopulationRegister;
import org.suishen.identity.RegisterImportJob;
import org.suishen.identity.RegisterImportStatus;
import org.suishen.identity.RegisterImports;
import org.suishen.identity.internal.ConsoleProgressBar;
import org.suishen.natcode.internal.NatCodes;
import org.suishen.offlinecode.internal.Channel;
import org.suishen.offlinecode.internal.OfflineCodes;
import org.suishen.sampling.SamplingSetup;
import org.suishen.sampling.bench.BenchCity;
import org.suishen.shared.security.Actor;
import org.suishen.status.internal.feed.FeedKind;
import org.suishen.status.internal.feed.FeedProcessor;
import org.suishen.status.internal.feed.FeedReport;
import org.suishen.venues.VenueSetup;

/**
 * bench/city: builds a whole generated city on a throw-away embedded PostgreSQL and reports how
 * long each part took. Everything that has an import path goes through it:
 *
 * <ol>
 *   <li>the register file (households of 1 to 6, {@link PopulationGenerator}) through the register
 *       import ({@link RegisterImports}: every row checked, COPY, indexes);
 *   <li>a health declaration for everyone, written in one statement as the declaration service
 *       would store it (a declaration has no import: each is a person's own request);
 *   <li>about 10 % yellow and 1 % red through the health authority's feeds (a key region, arrivals
 *       from it, medical-management orders: staging, set-based upsert, the status engine's
 *       evaluation of everyone touched, history and events);
 *   <li>dependants: in every household with a working-age adult (18-59), the eldest of them holds
 *       its minors and elders, approved on the household register, written in one statement as a
 *       binding of the same household is stored (a binding, too, is a person's own request);
 *   <li>a NAT code for every dependant, issued by its holder through the issuance path (signed,
 *       stored in groups, daily limit counted, audited), 1024 requests at once;
 *   <li>a printed offline code for every dependant of 70 or more, applied for at the portal by the
 *       holder through the offline-code service (signed, stored, audited), 64 at once;
 *   <li>venues (one per 1 000 people) and sampling sites (one per 5 000) through their provisioning
 *       services (venue, admission rule; site).
 * </ol>
 *
 * <p>Arguments: {@code [people, default 1000000] [seed, default 42]}.
 */
public final class CityBenchmark {

  private static final Actor CITY = Actor.system("bench-city");
  private static final String KEY_REGION = "440106";
  // the feed's row limit (a test sends smaller files to see the split)
  private static final int FEED_ROWS = Integer.getInteger("bench.city.feed-rows", 1_000_000);

  private final ConfigurableApplicationContext context;
  private final JdbcClient jdbc;
  private final DataSource dataSource;
  private final LocalDate today;
  private final Map<String, String> report = new LinkedHashMap<>();
  private final Map<String, String> loads = new LinkedHashMap<>();

  private CityBenchmark(ConfigurableApplicationContext context) {
    this.context = context;
    this.jdbc = context.getBean(JdbcClient.class);
    this.dataSource = context.getBean(DataSource.class);
    this.today = LocalDate.now(context.getBean(Clock.class));
  }

  public static void main(String[] args) throws Exception {
    long people = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
    build(people, seed);
  }

  /**
   * Builds a city of that many people on a throw-away database of its own, prints the report and
   * answers what the city holds (the counts printed last), before the database goes.
   */
  public static Map<String, Long> build(long people, long seed) throws Exception {
    System.out.println("== starting the application (throw-away embedded PostgreSQL)");
    long started = System.nanoTime();
    // a database of its own (an empty data directory is the test run's shared server)
    Path data = Files.createTempDirectory("suishen-city");
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(SuishenApplication.class)
            .profiles("test")
            .run(
                "--suishen.database.embedded.data-directory=" + data.resolve("pg"),
                // the production grace period (the test profile's 1 day would warn about codes)
                "--suishen.healthcode.keys.grace-period=31d",
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--logging.level.org.suishen=WARN");
    try {
      return new CityBenchmark(context).build(people, seed, started);
    } finally {
      context.close();
      try (var files = Files.walk(data)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private Map<String, Long> build(long people, long seed, long started) throws Exception {
    Path file = Path.of("target", "bench", "city-register-" + people + ".csv");
    step(
        "register file generated",
        () -> {
          PopulationGenerator.main(
              new String[] {
                Long.toString(people), file.toString(), Long.toString(seed), today.toString()
              });
          return people;
        });
    step("register imported (RegisterImports)", () -> imported(file));
    step("declarations (one each, set-based)", () -> BenchCity.declareEveryone(jdbc));
    step("yellow: key region + arrivals feed (status engine)", this::arrivals);
    step("red: medical-management orders feed (status engine)", this::orders);
    step("dependants bound in households (set-based)", this::bindHouseholds);
    step("NAT codes of dependants, issued by holders", this::natCodes);
    step("offline codes of dependants 70+, at the portal", this::offlineCodes);
    step("venues (VenueSetup), 1 per 1 000 people", () -> venues(people / 1000));
    step("sampling sites (SamplingSetup), 1 per 5 000 people", () -> sites(people / 5000));
    jdbc.sql("ANALYZE").update();
    double total = (System.nanoTime() - started) / 1e9;

    System.out.printf("%n== RESULT city of %,d people (seed %d), %s%n", people, seed, today);
    report.forEach((name, line) -> System.out.printf("   %-55s %s%n", name, line));
    System.out.println("== where each part's time went");
    loads.forEach((name, load) -> System.out.printf("   %-55s %s%n", name, load));
    System.out.printf(
        "   %-55s %.0f s (%.1f min), database %s%n",
        "total, start-up included",
        total,
        total / 60,
        jdbc.sql("SELECT pg_size_pretty(pg_database_size(current_database()))")
            .query(String.class)
            .single());
    System.out.println("== what the city holds");
    Map<String, Long> counts = counts();
    counts.forEach((name, count) -> System.out.printf("   %-55s %,d%n", name, count));
    return counts;
  }

  private interface Work {
    long run() throws Exception;
  }

  /** Runs one part, printing and keeping its count, seconds and rate. */
  private void step(String name, Work work) throws Exception {
    System.out.println("== " + name);
    StepLoad before = StepLoad.before(jdbc);
    long count = work.run();
    StepLoad after = StepLoad.after(jdbc);
    double seconds = (after.nanos() - before.nanos()) / 1e9;
    String line =
        "%,12d in %7.1f s = %,9.0f /s".formatted(count, seconds, count / Math.max(seconds, 1e-3));
    System.out.println("   " + line);
    String load = after.since(before);
    System.out.println("   " + load);
    report.put(name, line);
    loads.put(name, load);
  }

  private long imported(Path file) {
    RegisterImportJob job =
        context
            .getBean(RegisterImports.class)
            .run(file, "city-register.csv", CITY, new ConsoleProgressBar(System.out));
    if (job.status() != RegisterImportStatus.DONE || job.rowsRejected() != 0) {
      throw new IllegalStateException("register import " + job);
    }
    return job.rowsInserted();
  }

  /** A key region since a month, and arrivals from it for 10 % of the city in the last 10 days. */
  private long arrivals() throws Exception {
    feed(
        FeedKind.KEY_REGIONS,
        "region_code,name,valid_from\n" + KEY_REGION + ",广州市天河区," + today.minusDays(30) + "\n");
    return feeds(
        FeedKind.ARRIVALS,
        "person_id,region_code,arrived_on",
        "SELECT id, '"
            + KEY_REGION
            + "', current_date - (abs(hashtext(id::text || 'day')) % 10)"
            + " FROM person WHERE abs(hashtext(id::text)) % 100 < 10");
  }

  /** A quarantine order since yesterday for 1 % of the city (none of them yellow). */
  private long orders() throws Exception {
    return feeds(
        FeedKind.ORDERS,
        "order_id,person_id,kind,starts_at",
        "SELECT 'bench-' || id, id, 'QUARANTINE',"
            + " to_char((now() - interval '1 day') AT TIME ZONE 'UTC',"
            + " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
            + " FROM person WHERE abs(hashtext(id::text)) % 100 = 10");
  }

  /**
   * The query's rows as the authority would send them: CSV files with the header, of at most the
   * feed's row limit each (suishen.status.feed.max-rows, 1 000 000). How many people they touched.
   */
  private long feeds(FeedKind kind, String header, String query) throws Exception {
    List<String> rows = copyOut(query).lines().toList();
    long touched = 0;
    for (int from = 0; from < rows.size(); from += FEED_ROWS) {
      List<String> file = rows.subList(from, Math.min(rows.size(), from + FEED_ROWS));
      touched += feed(kind, header + "\n" + String.join("\n", file) + "\n").peopleTouched();
    }
    return touched;
  }

  private FeedReport feed(FeedKind kind, String csv) {
    FeedReport report =
        context
            .getBean(FeedProcessor.class)
            .processCsv(
                kind,
                new java.io.ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                kind.name().toLowerCase() + ".csv",
                CITY);
    if (report.rowsRejected() != 0) {
      throw new IllegalStateException(
          "feed %s: %d rows rejected, first %s"
              .formatted(kind, report.rowsRejected(), report.rejections().getFirst()));
    }
    return report;
  }

  private String copyOut(String query) throws Exception {
    try (var connection = dataSource.getConnection()) {
      var out = new ByteArrayOutputStream();
      connection
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyOut("COPY (" + query + ") TO STDOUT (FORMAT csv)", out);
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  /**
   * As {@code DependantBindings} stores a binding within one household: approved at once on the
   * household register. The holder is the household's eldest member of 18 to 59; minors are its
   * children, elders its parents; at most ten a holder (the configured limit).
   */
  private long bindHouseholds() {
    return jdbc.sql(
            """
            WITH member AS (
              SELECT id, household_id, birth_date,
                     date_part('year', age(:today, birth_date)) AS years
                FROM person WHERE household_id IS NOT NULL),
            holder AS (
              SELECT DISTINCT ON (household_id) household_id, id
                FROM member WHERE years BETWEEN 18 AND 59
               ORDER BY household_id, birth_date, id),
            ward AS (
              SELECT m.id, m.birth_date, m.years, h.id AS holder_id,
                     row_number() OVER (PARTITION BY h.id ORDER BY m.birth_date) AS n
                FROM member m JOIN holder h USING (household_id)
               WHERE m.years < 18 OR m.years >= 60)
            INSERT INTO dependant_binding (id, holder_id, dependant_id, kind, evidence, state,
                requested_at, requested_by, approved_at, dependant_born_on, relationship)
            SELECT gen_random_uuid(), holder_id, id,
                   CASE WHEN years < 18 THEN 'MINOR' ELSE 'ELDERLY' END,
                   'HOUSEHOLD_REGISTER', 'APPROVED', now(), 'system:bench-city', now(),
                   CASE WHEN years < 18 THEN birth_date END,
                   CASE WHEN years < 18 THEN 'CHILD' ELSE 'PARENT' END
              FROM ward WHERE n <= 10
            """)
        .param("today", today)
        .update();
  }

  /** Every dependant's NAT code, issued by the holder: 1 024 requests in flight. */
  private long natCodes() throws Exception {
    NatCodes codes = context.getBean(NatCodes.class);
    return forEachDependant(
        "TRUE", null, 1024, (dependant, holder) -> codes.generate(dependant, CITY, holder));
  }

  /** An offline code for every dependant of 70 or more, applied for at the portal: 64 at once. */
  private long offlineCodes() throws Exception {
    OfflineCodes codes = context.getBean(OfflineCodes.class);
    return forEachDependant(
        "b.kind = 'ELDERLY'",
        "date_part('year', age(current_date, p.birth_date)) >= 70",
        64,
        (dependant, holder) -> codes.apply(dependant, Channel.PORTAL, CITY, holder));
  }

  private interface ForDependant {
    void run(Person dependant, UUID holder) throws Exception;
  }

  /**
   * Runs the work for each approved dependant whose binding and person match the conditions (SQL on
   * {@code b} and on {@code p}; no person condition: every one), on virtual threads with at most
   * {@code inFlight} at once. The bindings are read 10 000 at a time in the order of their key, and
   * only then their people by theirs: a page joined to the register would be planned as a scan of
   * the whole register, once per page (a 25 M city's NAT codes spent most of their time there).
   * Stops at the first failure.
   */
  private long forEachDependant(
      String bindingCondition, @Nullable String personCondition, int inFlight, ForDependant work)
      throws Exception {
    PopulationRegister register = context.getBean(PopulationRegister.class);
    var permits = new Semaphore(inFlight);
    var done = new AtomicLong();
    var failure = new AtomicReference<Throwable>();
    UUID after = new UUID(0, 0); // the smallest in PostgreSQL's (unsigned) order
    long total =
        jdbc.sql(
                "SELECT count(*) FROM dependant_binding b JOIN person p ON p.id = b.dependant_id"
                    + " WHERE b.state = 'APPROVED' AND "
                    + bindingCondition
                    + (personCondition == null ? "" : " AND " + personCondition))
            .query(Long.class)
            .single();
    long reported = 0;
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      while (failure.get() == null) {
        List<Map<String, Object>> page =
            jdbc.sql(
                    "SELECT b.id, b.dependant_id, b.holder_id FROM dependant_binding b"
                        + " WHERE b.state = 'APPROVED' AND b.id > :after AND "
                        + bindingCondition
                        + " ORDER BY b.id LIMIT 10000")
                .param("after", after)
                .query()
                .listOfRows();
        if (page.isEmpty()) {
          break;
        }
        after = (UUID) page.getLast().get("id");
        List<UUID> ids = new ArrayList<>(page.size());
        page.forEach(row -> ids.add((UUID) row.get("dependant_id")));
        List<UUID> chosen =
            personCondition == null
                ? ids
                : jdbc.sql("SELECT p.id FROM person p WHERE p.id = ANY(?) AND " + personCondition)
                    .param(ids.toArray(UUID[]::new))
                    .query(UUID.class)
                    .list();
        Map<UUID, Person> persons = register.findAll(chosen);
        for (Map<String, Object> row : page) {
          Person dependant = persons.get((UUID) row.get("dependant_id"));
          if (dependant == null) {
            continue; // not matching the person's condition
          }
          UUID holder = (UUID) row.get("holder_id");
          permits.acquire();
          threads.execute(
              () -> {
                try {
                  work.run(dependant, holder);
                  done.incrementAndGet();
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                } finally {
                  permits.release();
                }
              });
        }
        if (done.get() - reported >= Math.max(total / 10, 1)) {
          reported = done.get();
          System.out.printf("   %,d of %,d%n", reported, total);
        }
      }
    }
    if (failure.get() != null) {
      throw new IllegalStateException("stopped after " + done.get(), failure.get());
    }
    return done.get();
  }

  private long venues(long count) {
    VenueSetup setup = context.getBean(VenueSetup.class);
    for (long i = 0; i < count; i++) {
      String district =
          PopulationGenerator.DISTRICTS.get((int) (i % PopulationGenerator.DISTRICTS.size()));
      setup.ensureVenue(
          "场所" + i,
          district + "路" + i + "号",
          district,
          "街道" + (i % 200),
          "居委" + (i % 4000),
          i % 3 == 0 ? "MALL" : i % 3 == 1 ? "OFFICE" : "TRANSPORT_HUB",
          "venue-manager-" + (i / 10),
          i % 4 == 0 ? 48 : null,
          List.of(),
          CITY);
    }
    return count;
  }

  private long sites(long count) {
    SamplingSetup setup = context.getBean(SamplingSetup.class);
    for (long i = 0; i < count; i++) {
      String district =
          PopulationGenerator.DISTRICTS.get((int) (i % PopulationGenerator.DISTRICTS.size()));
      setup.ensureSite(
          "S%06d".formatted(i),
          "采样点" + i,
          district + "采样路" + i + "号",
          district,
          "街道" + (i % 200),
          "居委" + (i % 4000),
          List.of(),
          CITY);
    }
    return count;
  }

  private Map<String, Long> counts() {
    String[][] queries = {
      {"people", "SELECT count(*) FROM person"},
      {"households", "SELECT count(DISTINCT household_id) FROM person"},
      {"health declarations", "SELECT count(*) FROM health_declaration"},
      {"yellow", "SELECT count(*) FROM health_status WHERE colour = 'YELLOW'"},
      {"red", "SELECT count(*) FROM health_status WHERE colour = 'RED'"},
      {"dependants bound", "SELECT count(*) FROM dependant_binding WHERE state = 'APPROVED'"},
      {"holders", "SELECT count(DISTINCT holder_id) FROM dependant_binding"},
      {
        "dependants of 70 or more",
        "SELECT count(*) FROM dependant_binding b JOIN person p ON p.id = b.dependant_id"
            + " WHERE b.kind = 'ELDERLY' AND date_part('year', age(current_date, p.birth_date)) >= 70"
      },
      {
        "bindings outside the holder's household (none)",
        "SELECT count(*) FROM dependant_binding b JOIN person h ON h.id = b.holder_id"
            + " JOIN person d ON d.id = b.dependant_id WHERE h.household_id <> d.household_id"
            + " OR date_part('year', age(current_date, h.birth_date)) NOT BETWEEN 18 AND 59"
      },
      {"NAT codes", "SELECT count(*) FROM nat_credential"},
      {"offline codes", "SELECT count(*) FROM offline_credential"},
      {"venues", "SELECT count(*) FROM venue"},
      {"sampling sites", "SELECT count(*) FROM sampling_site"},
      {"audit entries", "SELECT count(*) FROM audit_event"}
    };
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String[] q : queries) {
      counts.put(q[0], jdbc.sql(q[1]).query(Long.class).single());
    }
    return counts;
  }
}
