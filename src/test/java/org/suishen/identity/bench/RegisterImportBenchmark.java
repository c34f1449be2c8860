package org.suishen.identity.bench;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
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
 * bench/register-import: generates a register file, starts the application without its web server
 * on a throw-away embedded PostgreSQL, and measures in the same run (a) a raw COPY of the file into
 * a bare table (text columns, no index) and (b) the full import (checks, staging COPY, merge into
 * {@code person}), then (c) re-importing the same file (nothing changes). Prints rows/s and the
 * ratio (b)/(a).
 *
 * <p>Arguments: {@code [rows, default 1000000] [file, default target/bench/register.csv] [seed]}.
 */
public final class RegisterImportBenchmark {

  private RegisterImportBenchmark() {}

  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000;
    Path file = Path.of(args.length > 1 ? args[1] : "target/bench/register.csv");
    String seed = args.length > 2 ? args[2] : "42";

    System.out.printf("== generating %,d rows%n", rows);
    PopulationGenerator.main(new String[] {Long.toString(rows), file.toString(), seed});

    System.out.println(
        "== starting the application (embedded PostgreSQL, throw-away data, no web)");
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(SuishenApplication.class)
            .run(
                "--suishen.database.embedded.data-directory=",
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--logging.level.org.suishen=INFO");
    try {
      DataSource dataSource = context.getBean(DataSource.class);
      RegisterImports imports = context.getBean(RegisterImports.class);

      System.out.println("== (a) raw COPY into a bare table");
      long rawRows;
      long started = System.nanoTime();
      try (Connection c = dataSource.getConnection()) {
        c.createStatement()
            .execute(
                "CREATE TABLE bench_raw_copy (document_type TEXT, document_number TEXT, name TEXT,"
                    + " sex TEXT, birth_date TEXT, household_id TEXT, district TEXT,"
                    + " photo_file TEXT, disability_certificate TEXT)");
        try (InputStream in = Files.newInputStream(file)) {
          rawRows =
              c.unwrap(PGConnection.class)
                  .getCopyAPI()
                  .copyIn("COPY bench_raw_copy FROM STDIN (FORMAT csv, HEADER true)", in, 1 << 16);
        }
      }
      double raw = seconds(started);
      System.out.printf("   %,d rows in %.2f s = %,.0f rows/s%n", rawRows, raw, rawRows / raw);

      System.out.println("== (b) full import into the register");
      started = System.nanoTime();
      RegisterImportJob job =
          imports.run(
              file,
              file.getFileName().toString(),
              Actor.system("benchmark"),
              new ConsoleProgressBar(System.out));
      double full = seconds(started);
      check(job);
      System.out.printf(
          "   %,d rows in %.2f s = %,.0f rows/s%n", job.rowsRead(), full, job.rowsRead() / full);

      System.out.println("== (c) re-import of the same file (nothing changes)");
      started = System.nanoTime();
      RegisterImportJob again =
          imports.run(
              file,
              file.getFileName().toString(),
              Actor.system("benchmark"),
              new ConsoleProgressBar(System.out));
      double repeat = seconds(started);
      check(again);
      System.out.printf(
          "   %,d rows in %.2f s = %,.0f rows/s, %,d merged%n",
          again.rowsRead(), repeat, again.rowsRead() / repeat, again.rowsMerged());

      double ratio = (job.rowsRead() / full) / (rawRows / raw);
      System.out.printf(
          "== RESULT raw COPY %,.0f rows/s | full import %,.0f rows/s | ratio %.0f %% (target >= 25 %%)"
              + " | re-import %,.0f rows/s%n",
          rawRows / raw, job.rowsRead() / full, ratio * 100, again.rowsRead() / repeat);
    } finally {
      context.close();
    }
  }

  private static void check(RegisterImportJob job) {
    if (job.status() != RegisterImportStatus.DONE) {
      throw new IllegalStateException("import " + job.status() + " " + job.failure());
    }
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }
}
