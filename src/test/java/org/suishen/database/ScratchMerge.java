package org.suishen.database;

import java.io.*;
import java.nio.file.*;
import java.sql.*;
import org.postgresql.PGConnection;

public class ScratchMerge {
  static int pid;

  static double cpu() throws Exception {
    String[] f = Files.readString(Path.of("/proc/" + pid + "/stat")).split("\\) ")[1].split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
  }

  public static void main(String[] a) throws Exception {
    var pg = EmbeddedPostgresServer.start(new EmbeddedDatabaseProperties(true, "", 0));
    try (Connection c = DriverManager.getConnection(pg.getJdbcUrl("postgres", "postgres"))) {
      Statement s = c.createStatement();
      var rp = s.executeQuery("select pg_backend_pid()");
      rp.next();
      pid = rp.getInt(1);
      var rs0 =
          s.executeQuery(
              "select datcollate, datlocprovider from pg_database where datname='postgres'");
      rs0.next();
      System.out.println("collation " + rs0.getString(1) + " " + rs0.getString(2));
      s.execute(
          Files.readString(
              Path.of("src/main/resources/db/migration/V2_1__population_register.sql")));
      s.execute(
          Files.readString(
              Path.of("src/main/resources/db/migration/V2_3__person_document_indexes.sql")));
      s.execute(
          "CREATE UNLOGGED TABLE stg (document_type TEXT NOT NULL, document_number TEXT NOT NULL, name TEXT NOT NULL, name_normalised TEXT, sex CHAR(1) NOT NULL, birth_date DATE NOT NULL, household_id TEXT, district TEXT, photo_file TEXT, disability_certificate BOOLEAN NOT NULL)");
      s.execute(
          "CREATE TABLE raw (a text, b text, c text, d text, e text, f text, g text, h text, i text)");
      long t = System.nanoTime();
      double c0 = cpu();
      try (InputStream in = Files.newInputStream(Path.of(a[0]))) {
        ((PGConnection) c).getCopyAPI().copyIn("COPY raw FROM STDIN (FORMAT csv, HEADER true)", in);
      }
      System.out.printf("raw copy in %.2f s cpu %.2f%n", (System.nanoTime() - t) / 1e9, cpu() - c0);
      t = System.nanoTime();
      c0 = cpu();
      try (InputStream in = Files.newInputStream(Path.of(a[0]))) {
        ((PGConnection) c)
            .getCopyAPI()
            .copyIn(
                "COPY stg (document_type, document_number, name, sex, birth_date, household_id, district, photo_file, disability_certificate) FROM STDIN (FORMAT csv, HEADER true)",
                in);
      }
      s.execute("UPDATE stg SET name_normalised = name");
      System.out.printf("staged in %.2f s cpu %.2f%n", (System.nanoTime() - t) / 1e9, cpu() - c0);
      s.execute("VACUUM ANALYZE stg");
      for (String sql : a[1].split(";;")) {
        c.setAutoCommit(false);
        t = System.nanoTime();
        c0 = cpu();
        if (sql.startsWith("COPYFILE ")) {
          String[] parts = sql.substring(9).split("\\|", 2);
          try (InputStream in = Files.newInputStream(Path.of(parts[0]))) {
            ((PGConnection) c).getCopyAPI().copyIn(parts[1], in);
          }
        } else if (sql.startsWith("EXPLAIN")) {
          var rs = s.executeQuery(sql);
          while (rs.next()) System.out.println(rs.getString(1));
        } else {
          s.execute(sql);
        }
        c.commit();
        c.setAutoCommit(true);
        System.out.printf(
            "%.2f s cpu %.2f : %s%n",
            (System.nanoTime() - t) / 1e9,
            cpu() - c0,
            sql.substring(0, Math.min(80, sql.length())).replace('\n', ' '));
      }
    }
    System.exit(0);
  }
}
