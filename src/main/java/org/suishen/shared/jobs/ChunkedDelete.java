package org.suishen.shared.jobs;

import java.util.Arrays;
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
    long deleted = 0;
    int chunk;
    do {
      chunk = jdbc.sql(sql).params(all).update();
      deleted += chunk;
    } while (chunk == CHUNK);
    return deleted;
  }
}
