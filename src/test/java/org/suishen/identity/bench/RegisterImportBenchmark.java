package org.suishen.identity.bench;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.suishen.SuishenApplication;
import org.suishen.demo.generator.PopulationGenerator;
import org.suishen.identity.RegisterImportJob;
import org.suishen.identity.RegisterImportStatus;
import org.suishen.identity.RegisterImports;
import org.suishen.identity.internal.ConsoleProgressBar;
import org.suishen.shared.security.Actor;

/**
 * bench/register-import: generates a register file, starts the application (throw-away embedded
 * PostgreSQL, random port) and measures in the same run:
 *
 * <ol>
 *   <li>(a) a raw COPY of the file into a bare table (text columns, no index, no checks);
 *   <li>(b) the full import of the file into the empty register (every row checked, duplicates
 *       refused, COPY, indexes built);
 *   <li>(a) and (b) are repeated (3 rounds by default, the tables emptied before each) and the best
 *       of each counts: the first round warms the JVM up like a long-running server, and the best
 *       time is the least disturbed by other work on a shared machine;
 *   <li>(c) re-importing the same file (nothing changes: staging table + merge);
 *   <li>(d) importing it again with every tenth row changed (staging table + merge, 10 % updates).
 * </ol>
 *
 * Prints rows/s, CPU seconds of the application and the database, and the ratio (b)/(a).
 *
 * <p>Arguments: {@code [rows, default 1000000] [file, default target/bench/register.csv] [seed]
 * [rounds, default 3]}.
 */
public final class RegisterImportBenchmark {

  private RegisterImportBenchmark() {}

  record Result(long rows, double seconds, double cpu, double applicationCpu) {
    double rate() {
      return rows / seconds;
    }

    @Override
    public String toString() {
      return "%,d rows in %.2f s = %,.0f rows/s (CPU: %.2f s, of which application %.2f s)"
          .formatted(rows, seconds, rate(), cpu, applicationCpu);
    }
  }

  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000;
    Path file = Path.of(args.length > 1 ? args[1] : "target/bench/register.csv");
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;

    System.out.printf("== generating %,d rows (seed %d)%n", rows, seed);
    PopulationGenerator.main(
        new String[] {Long.toString(rows), file.toString(), Long.toString(seed)});
    Path changed = file.resolveSibling("register-changed.csv");
    changeEveryTenthRow(file, changed);

    System.out.println("== starting the application (throw-away embedded PostgreSQL, random port)");
    ConfigurableApplicationContext context =
        // the test profile: embedded database and development adapters (production has no defaults)
        new SpringApplicationBuilder(SuishenApplication.class)
            .profiles("test")
            .run(
                "--suishen.database.embedded.data-directory=",
                // the production grace period (the test profile's 1 day would warn about NAT codes)
                "--suishen.healthcode.keys.grace-period=31d",
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--logging.level.org.suishen=INFO");
    try {
      DataSource dataSource = context.getBean(DataSource.class);
      RegisterImports imports = context.getBean(RegisterImports.class);
      var cpu = new CpuMeter(dataSource);

      try (Connection c = dataSource.getConnection()) {
        c.createStatement()
            .execute(
                "CREATE TABLE bench_raw_copy (document_type TEXT, document_number TEXT,"
                    + " name TEXT, sex TEXT, birth_date TEXT, household_id TEXT,"
                    + " district TEXT, photo_file TEXT, disability_certificate TEXT)");
      }
      Result raw = null;
      Result full = null;
      for (int round = 1; round <= rounds; round++) {
        System.out.printf(
            "== round %d of %d: (a) raw COPY into a bare table (text columns, no index)%n",
            round, rounds);
        empty(dataSource, "bench_raw_copy");
        Result r =
            cpu.measure(
                () -> {
                  try (Connection c = dataSource.getConnection();
                      InputStream in = Files.newInputStream(file)) {
                    return c.unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn(
                            "COPY bench_raw_copy FROM STDIN (FORMAT csv, HEADER true)",
                            in,
                            1 << 16);
                  }
                });
        System.out.println("   " + r);
        System.out.printf(
            "== round %d of %d: (b) full import into the empty register%n", round, rounds);
        empty(dataSource, "person CASCADE");
        Result f = cpu.measure(() -> imported(imports, file, 0));
        System.out.println("   " + f);
        raw = raw == null || r.seconds() < raw.seconds() ? r : raw;
        full = full == null || f.seconds() < full.seconds() ? f : full;
      }

      System.out.println("== (c) re-import of the same file (nothing changes)");
      Result again = cpu.measure(() -> imported(imports, file, -1));
      System.out.println("   " + again);

      System.out.println("== (d) import with every tenth row changed (10 % updates)");
      Result update = cpu.measure(() -> imported(imports, changed, rows / 10));
      System.out.println("   " + update);

      System.out.printf(
          "== RESULT %,d rows, best of %d rounds: raw COPY %,.0f rows/s | full import %,.0f rows/s"
              + " = %.0f %% of raw COPY (target >= 25 %%) | re-import %,.0f rows/s"
              + " | 10 %% updates %,.0f rows/s%n",
          rows,
          rounds,
          raw.rate(),
          full.rate(),
          full.rate() / raw.rate() * 100,
          again.rate(),
          update.rate());
      System.out.printf(
          "== CPU seconds (application + database) of those runs: raw COPY %.2f | full import %.2f"
              + " (%.0f %% of the rate per CPU-second) | re-import %.2f | updates %.2f%n",
          raw.cpu(), full.cpu(), raw.cpu() / full.cpu() * 100, again.cpu(), update.cpu());
    } finally {
      context.close();
    }
  }

  /** Imports and checks the counts; answers rows read. {@code expectMerged} -1 means none. */
  private static long imported(RegisterImports imports, Path file, long expectMerged) {
    RegisterImportJob job =
        imports.run(
            file,
            file.getFileName().toString(),
            Actor.system("benchmark"),
            new ConsoleProgressBar(System.out));
    check(job);
    if (job.rowsRejected() != 0
        || (expectMerged == 0 && job.rowsInserted() != job.rowsRead())
        || (expectMerged < 0 && job.rowsMerged() != 0)
        || (expectMerged > 0 && job.rowsUpdated() != expectMerged)) {
      throw new IllegalStateException("unexpected counts " + job);
    }
    return job.rowsRead();
  }

  private static void empty(DataSource dataSource, String table) throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.createStatement().execute("TRUNCATE " + table);
    }
  }

  private static void check(RegisterImportJob job) {
    if (job.status() != RegisterImportStatus.DONE) {
      throw new IllegalStateException("import " + job.status() + " " + job.failure());
    }
  }

  /** The same register with the district of every tenth person changed. */
  private static void changeEveryTenthRow(Path from, Path to) throws Exception {
    try (var lines = Files.lines(from, StandardCharsets.UTF_8);
        BufferedWriter out = Files.newBufferedWriter(to, StandardCharsets.UTF_8)) {
      long[] n = {0};
      for (String line : (Iterable<String>) lines::iterator) {
        String[] f = line.split(",", -1);
        if (n[0]++ > 0 && n[0] % 10 == 0) {
          f[6] = f[6].equals("浦东新区") ? "黄浦区" : "浦东新区";
        }
        out.write(String.join(",", f));
        out.write('\n');
      }
    }
  }

  /**
   * CPU time of this JVM and of the embedded PostgreSQL (the postmaster and all its children), from
   * /proc: on a machine shared with other work, wall-clock rates vary, CPU seconds much less.
   */
  static final class CpuMeter {
    private final long postmaster;

    CpuMeter(DataSource dataSource) throws Exception {
      try (Connection c = dataSource.getConnection();
          var rs = c.createStatement().executeQuery("SELECT pg_backend_pid()")) {
        rs.next();
        this.postmaster = Long.parseLong(stat(rs.getLong(1))[1]);
      }
    }

    Result measure(Callable<Long> work) throws Exception {
      long started = System.nanoTime();
      double jvm = jvm();
      double database = database();
      long rows = work.call();
      double seconds = (System.nanoTime() - started) / 1e9;
      double jvmUsed = jvm() - jvm;
      return new Result(rows, seconds, jvmUsed + database() - database, jvmUsed);
    }

    double jvm() {
      return ((com.sun.management.OperatingSystemMXBean)
                  java.lang.management.ManagementFactory.getOperatingSystemMXBean())
              .getProcessCpuTime()
          / 1e9;
    }

    double database() throws Exception {
      long ticks = 0;
      try (var processes = Files.list(Path.of("/proc"))) {
        for (Path p : (Iterable<Path>) processes::iterator) {
          String name = p.getFileName().toString();
          if (!name.chars().allMatch(Character::isDigit)) {
            continue;
          }
          String[] f = stat(Long.parseLong(name));
          if (f != null
              && (Long.parseLong(name) == postmaster || Long.parseLong(f[1]) == postmaster)) {
            ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
          }
        }
      }
      return ticks / 100.0;
    }

    /** The fields of /proc/pid/stat after the command name (state, ppid, ...), or null. */
    private static String[] stat(long pid) {
      try {
        String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return s.substring(s.lastIndexOf(')') + 2).split(" ");
      } catch (java.io.IOException e) {
        return null;
      }
    }
  }
}
