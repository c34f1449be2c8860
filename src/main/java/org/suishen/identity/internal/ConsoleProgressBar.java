package org.suishen.identity.internal;

import java.io.PrintStream;
import java.util.function.Consumer;
import org.suishen.identity.RegisterImportJob;
import org.suishen.identity.RegisterImportPhase;

/**
 * A text progress bar for the command line: {@code [#########-----------] 45 % READING 450 000
 * rows, 12 rejected}, redrawn in place; a final line when the import has finished.
 */
public final class ConsoleProgressBar implements Consumer<RegisterImportJob> {

  private static final int WIDTH = 30;
  private final PrintStream out;

  public ConsoleProgressBar(PrintStream out) {
    this.out = out;
  }

  @Override
  public void accept(RegisterImportJob job) {
    int filled = job.percent() * WIDTH / 100;
    String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
    out.printf(
        "\r[%s] %3d %%  %-8s %,d rows read, %,d rejected",
        bar, job.percent(), job.phase(), job.rowsRead(), job.rowsRejected());
    if (job.phase() == RegisterImportPhase.FINISHED) {
      out.println();
      out.printf(
          "%s: %,d rows read, %,d rejected, %,d new persons, %,d updated, %,d unchanged%s%n",
          job.status(),
          job.rowsRead(),
          job.rowsRejected(),
          job.rowsInserted(),
          job.rowsUpdated(),
          job.rowsUnchanged(),
          job.failure() == null ? "" : " (" + job.failure() + ")");
    }
    out.flush();
  }
}
