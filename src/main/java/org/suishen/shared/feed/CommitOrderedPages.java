package org.suishen.shared.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;
import org.suishen.shared.problem.SuishenException;

/**
 * Paging of a feed whose entries carry the id (xid8) of the transaction that wrote them. Versions
 * are handed out only below the horizon, the oldest transaction still running: below it every
 * version is final, so a terminal that continues from {@code next} never misses an entry that
 * commits late, and entries of one transaction (same version) are never split across pages.
 */
public final class CommitOrderedPages {

  /** Reads the entries with since &lt; version &lt; horizon in version order, at most limit. */
  @FunctionalInterface
  public interface Range<T> {
    List<T> read(long since, long horizon, int limit);
  }

  /**
   * One page of a feed.
   *
   * @param next the {@code since} of the next request: every entry up to it has been handed out
   * @param more whether the page was full (ask again at once with {@code next})
   */
  public record Page<T>(long since, long next, boolean more, List<T> entries) {}

  private CommitOrderedPages() {}

  /**
   * The {@code since} a terminal sent: the last version it has, 0 when absent; anything but a whole
   * number of at least 0 is refused (400) with the feed's code.
   */
  public static long since(@Nullable String text, String refusalCode) {
    if (text == null || text.isBlank()) {
      return 0;
    }
    try {
      long value = Long.parseLong(text.strip());
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw SuishenException.badInput(refusalCode);
  }

  /**
   * @param horizon the oldest running transaction id, read in the same snapshot as the entries
   * @param range reads entries of a version range
   * @param all reads all entries of one version (when one transaction wrote more than a page)
   */
  public static <T> Page<T> page(
      long since,
      long horizon,
      int limit,
      Range<T> range,
      ToLongFunction<T> version,
      LongFunction<List<T>> all) {
    List<T> rows = range.read(since, horizon, limit + 1);
    if (rows.size() <= limit) {
      long next = Math.max(since, horizon - 1);
      if (!rows.isEmpty()) {
        next = Math.max(next, version.applyAsLong(rows.getLast()));
      }
      return new Page<>(since, next, false, rows);
    }
    long cut = version.applyAsLong(rows.get(limit));
    List<T> kept = new ArrayList<>(limit);
    for (T row : rows) {
      if (version.applyAsLong(row) < cut) {
        kept.add(row);
      }
    }
    if (kept.isEmpty()) { // one version larger than a page: hand it out whole
      kept = all.apply(cut);
    }
    return new Page<>(since, version.applyAsLong(kept.getLast()), true, kept);
  }
}
