package org.suishen.sampling.bench;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suishen.SuishenApplication;
import org.suishen.accounts.AccountProvisioning;
import org.suishen.sampling.SamplingSetup;
import org.suishen.sampling.internal.LabResults;
import org.suishen.sampling.internal.ResultReport;
import org.suishen.sampling.internal.ResultRow;
import org.suishen.sampling.internal.TubeBarcode;
import org.suishen.shared.security.Actor;
import org.suishen.shared.security.Role;

/**
 * The lab-result fan-out of a testing round as {@code bench/lab-fanout} runs it (issue 12): a lab
 * reports pooled tubes of ten and every member gets their result, with the status effects (the
 * status engine's per-person state, recalls and their SMS for the few positive pools, a re-sample
 * for the few invalid tubes), through {@link LabResults} as the API and the CSV upload call it;
 * against a raw PostgreSQL COPY of the same person rows into a table shaped like the status
 * engine's (same columns, same key), committed in the same chunks, in the same run.
 *
 * <p>Each round uses tubes and people of its own, drawn at random from the generated register (no
 * hot row); tubes are sealed and received by the lab before the clock starts. Every upload is
 * durably committed chunk by chunk before the next one starts.
 *
 * <p>Arguments: tubes per round (default 50 000, i.e. 500 000 people), rounds (default 3), results
 * folder.
 */
public final class LabFanOutBench {

  static final String SITE = "BENCH-PD-001";
  static final String LAB = "BENCH-LAB";
  static final String LAB_STAFF = "bench.lab";
  static final int POOL = 10;

  /** Rows per COPY transaction: the fan-out's own chunk (2 000 tubes of ten). */
  static final int COPY_CHUNK = 20_000;

  /** Tubes per upload: the most one upload may carry. */
  static final int UPLOAD = 100_000;

  private LabFanOutBench() {}

  public static void main(String[] args) throws Exception {
    int tubes = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path results = Path.of(args.length > 2 ? args[2] : "bench/results");
    Files.createDirectories(results);
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(SuishenApplication.class)
            .profiles("test", "bench")
            .run(
                "--server.port=0",
                "--suishen.database.embedded.data-directory=",
                "--suishen.healthcode.generated-master-key-file=",
                "--logging.level.root=WARN")) {
      var summary = new Round(app).run(tubes, rounds);
      Files.writeString(results.resolve("lab-fanout-summary.txt"), summary);
      // the header and the rounds were printed as they came
      System.out.print(summary.substring(summary.indexOf("fan-out / COPY")));
    }
  }

  private static final class Round {

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final LabResults labResults;
    private final Random random = new Random(20220404);

    Round(ConfigurableApplicationContext app) {
      this.dataSource = app.getBean(DataSource.class);
      this.jdbc = app.getBean(JdbcClient.class);
      this.labResults = app.getBean(LabResults.class);
      Actor bench = Actor.system("bench");
      app.getBean(AccountProvisioning.class)
          .ensureStaff(LAB_STAFF, "bench lab", "Bench-Lab-2026", List.of(Role.LAB), bench);
      var setup = app.getBean(SamplingSetup.class);
      setup.ensureSite(
          SITE, "浦东新区基准采样点", "浦东新区世纪大道 1 号", "浦东新区", "陆家嘴街道", "陆家嘴社区", List.of(), bench);
      setup.ensureLab(LAB, "基准检测实验室", List.of(LAB_STAFF), bench);
      jdbc.sql("CREATE TABLE bench_copied_result (LIKE test_result_state INCLUDING ALL)").update();
    }

    String run(int tubes, int rounds) throws Exception {
      int people = tubes * POOL * rounds;
      long started = System.nanoTime();
      List<UUID> register = BenchCity.loadRegister(dataSource, people);
      Collections.shuffle(register, random);
      var out = new StringBuilder();
      out.append(
          String.format(
              "==> Lab-result fan-out: %d rounds of %d pooled tubes of %d (%d people each),"
                  + " register of %d people loaded in %.1f s%n",
              rounds, tubes, POOL, tubes * POOL, people, seconds(started)));
      System.out.print(out);
      double copyTotal = 0;
      double fanOutTotal = 0;
      var perRound = new StringBuilder();
      for (int r = 0; r < rounds; r++) {
        List<UUID> members = register.subList(r * tubes * POOL, (r + 1) * tubes * POOL);
        Instant sampledAt = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MICROS);
        List<String> barcodes = prepare(r, tubes, members, sampledAt);

        double copySeconds = copy(members, sampledAt);

        List<ResultRow> rows = new ArrayList<>(tubes);
        for (int t = 0; t < tubes; t++) {
          // a round's few positive pools (recalled for single-tube retests) and invalid tubes
          String result = t % 2_000 == 1 ? "POSITIVE" : t % 5_000 == 2 ? "INVALID" : "NEGATIVE";
          rows.add(new ResultRow(t + 1, barcodes.get(t), result));
        }
        long fanOutStarted = System.nanoTime();
        int reached = 0;
        for (int from = 0; from < tubes; from += UPLOAD) {
          ResultReport report =
              labResults.record(
                  rows.subList(from, Math.min(tubes, from + UPLOAD)), Actor.staff(LAB_STAFF));
          if (!report.rejected().isEmpty()) {
            throw new IllegalStateException("rows rejected: " + report.rejected().getFirst());
          }
          reached += report.people();
        }
        double fanOutSeconds = seconds(fanOutStarted);
        if (reached != members.size()) {
          throw new IllegalStateException(
              reached + " people reached, " + members.size() + " sampled");
        }
        double copyRate = members.size() / copySeconds;
        double fanOutRate = members.size() / fanOutSeconds;
        copyTotal += copySeconds;
        fanOutTotal += fanOutSeconds;
        String line =
            String.format(
                "round %d: COPY %,.0f rows/s (%.1f s), fan-out %,.0f people/s (%.1f s): %.0f %%%n",
                r + 1,
                copyRate,
                copySeconds,
                fanOutRate,
                fanOutSeconds,
                100 * fanOutRate / copyRate);
        System.out.print(line);
        perRound.append(line);
      }
      long negatives =
          jdbc.sql("SELECT count(*) FROM test_result_state WHERE negative_sampled_at IS NOT NULL")
              .query(Long.class)
              .single();
      long recalled = jdbc.sql("SELECT count(*) FROM sampling_recall").query(Long.class).single();
      out.append(perRound);
      out.append(
          String.format(
              "fan-out / COPY: %.0f %% (all rounds; target at least 25 %%)%n"
                  + "people with a negative result: %d, recalled: %d"
                  + " (every member of every tube reached)%n",
              100 * copyTotal / fanOutTotal, negatives, recalled));
      return out.toString();
    }

    /** Sealed tubes received by the lab, and their members' registrations: not timed. */
    private List<String> prepare(int round, int tubes, List<UUID> members, Instant sampledAt)
        throws Exception {
      List<String> barcodes = new ArrayList<>(tubes);
      var tubeRows = new StringBuilder();
      var registrationRows = new StringBuilder();
      String at = sampledAt.toString();
      for (int t = 0; t < tubes; t++) {
        String barcode = TubeBarcode.of(91_000_000_000L + (long) round * 10_000_000 + t).value();
        barcodes.add(barcode);
        tubeRows
            .append(barcode)
            .append(',')
            .append(SITE)
            .append(",10,10,")
            .append(at)
            .append(",device:bench-terminal,")
            .append(at)
            .append(",device:bench-terminal,")
            .append(LAB)
            .append('\n');
        for (int m = 0; m < POOL; m++) {
          registrationRows
              .append(at)
              .append(',')
              .append(UUID.randomUUID())
              .append(',')
              .append(barcode)
              .append(',')
              .append(members.get(t * POOL + m))
              .append(',')
              .append(SITE)
              .append(",bench-terminal,bench.sampler,ID_CARD\n");
        }
      }
      try (Connection connection = dataSource.getConnection()) {
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        copy.copyIn(
            "COPY tube (barcode, site_code, capacity, members, opened_at, opened_by, sealed_at,"
                + " sealed_by, lab_code) FROM STDIN (FORMAT csv)",
            new StringReader(tubeRows.toString()));
        copy.copyIn(
            "COPY sampling_registration (registered_at, id, tube_barcode, person_id, site_code,"
                + " terminal, sampler, credential) FROM STDIN (FORMAT csv)",
            new StringReader(registrationRows.toString()));
        if (!connection.getAutoCommit()) {
          connection.commit();
        }
      }
      jdbc.sql("ANALYZE tube").update();
      jdbc.sql("ANALYZE sampling_registration").update();
      return barcodes;
    }

    /**
     * The baseline: the same person rows by COPY, committed chunk by chunk; the seconds it took
     * (the text is written before the clock starts).
     */
    private double copy(List<UUID> members, Instant sampledAt) throws Exception {
      String at = sampledAt.toString();
      String now = Instant.now().toString();
      List<String> chunks = new ArrayList<>();
      var rows = new StringBuilder();
      for (int i = 0; i < members.size(); i++) {
        rows.append(members.get(i))
            .append(',')
            .append(at)
            .append(',')
            .append(now)
            .append(',')
            .append(now)
            .append('\n');
        if ((i + 1) % COPY_CHUNK == 0 || i == members.size() - 1) {
          chunks.add(rows.toString());
          rows.setLength(0);
        }
      }
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(false);
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        long started = System.nanoTime();
        for (String chunk : chunks) {
          copy.copyIn(
              "COPY bench_copied_result (person_id, negative_sampled_at, negative_reported_at,"
                  + " updated_at) FROM STDIN (FORMAT csv)",
              new StringReader(chunk));
          connection.commit();
        }
        return seconds(started);
      }
    }

    private static double seconds(long since) {
      return (System.nanoTime() - since) / 1e9;
    }
  }
}
