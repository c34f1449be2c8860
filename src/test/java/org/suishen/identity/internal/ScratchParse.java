package org.suishen.identity.internal;

import java.io.*;
import java.nio.file.*;
import java.time.LocalDate;

public class ScratchParse {
  public static void main(String[] a) throws Exception {
    for (int round = 0; round < 5; round++) {
      long t0 = System.nanoTime();
      var rules = new RegisterRowRules(LocalDate.of(2025, 1, 1), 100);
      var seen = new DocumentKeys(Files.size(Path.of(a[0])) / 80);
      String[] f = new String[9];
      long n = 0;
      long user0 =
          java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
      try (var lines = new RegisterFileReader(Files.newInputStream(Path.of(a[0])), 8192);
          var w = new StagingTable.RowWriter(OutputStream.nullOutputStream(), new RandomIds())) {
        lines.next();
        while (lines.next()) {
          lines.split(f);
          var row = rules.check(f);
          seen.firstLine(row.document(), (int) lines.lineNumber());
          w.write(row);
          n++;
        }
      }
      long cpu =
          java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()
              - user0;
      System.out.printf(
          "%d rows wall %.2f s cpu %.2f s%n", n, (System.nanoTime() - t0) / 1e9, cpu / 1e9);
    }
  }
}
