package org.suishen.identity.internal;

import java.io.*;
import java.nio.file.*;
import java.time.LocalDate;

public class ScratchText {
  public static void main(String[] a) throws Exception {
    var rules = new RegisterRowRules(LocalDate.of(2025, 1, 1), 100);
    String[] f = new String[9];
    try (var lines = new RegisterFileReader(Files.newInputStream(Path.of(a[0])), 8192);
        var w =
            new StagingTable.RowWriter(
                new BufferedOutputStream(Files.newOutputStream(Path.of(a[1]))),
                new RandomIds(),
                a.length > 2 ? "\t2025-01-01T00:00:00Z\t2025-01-01T00:00:00Z" : "")) {
      lines.next();
      while (lines.next()) {
        lines.split(f);
        w.write(rules.check(f));
      }
    }
  }
}
