package org.suishen.shared.jobs;

import java.util.Arrays;
import java.util.function.IntSupplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A purge of rows that only accumulate, in chunks so that no statement holds the table long: the
 * statement deletes at most {@link #CHUNK} rows (its last parameter, e.g. {@code ... WHERE id IN
 * (SELECT id ... LIMIT ?)}) and runs again until it deletes fewer.
 */
public final class ChunkedDelete {

  public static final int CHUNK = 10_000;

  private ChunkedDelete() {}

  /** Runs the deleting statement with these parameters and the chunk size; how many it deleted. */
  public static long run(JdbcClient jdbc, String sql, Object... parameters) {
    Object[] all = Arrays.copyOf(parameters, parameters.length + 1);
    all[parameters.length] = CHUNK;
    return repeat(() -> jdbc.sql(sql).params(all).update());
  }

  /**
   * Runs {@code chunk} (which deletes at most {@link #CHUNK} rows and says how many, e.g. in a
   * transaction of its own) until it deletes fewer; how many in all.
   */
  public static long repeat(IntSupplier chunk) {
    long deleted = 0;
    int last;
    do {
      last = chunk.getAsInt();
      deleted += last;
    } while (last == CHUNK);
    return deleted;
  }
}
