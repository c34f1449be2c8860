package org.suishen.natcode.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.shared.feed.CommitOrderedPages;
import org.suishen.shared.problem.SuishenException;

/**
 * The revocation feed for terminals (N2 offline): voided NAT credentials of one partition whose
 * version is above {@code since}, oldest first. Versions are handed out only once final (below the
 * oldest running transaction), so a terminal that continues from {@code next} never misses one. A
 * page is never cut inside one version.
 */
@Service
public class RevocationFeed {

  private final NatCredentialStore store;
  private final NatCodeProperties properties;

  RevocationFeed(NatCredentialStore store, NatCodeProperties properties) {
    this.store = store;
    this.properties = properties;
  }

  public int partitions() {
    return properties.feed().partitions();
  }

  @Transactional(readOnly = true)
  public Page page(@Nullable String sinceText, @Nullable String partitionText) {
    long since = parse(sinceText, 0, "natcode.feed.since");
    int partitions = partitions();
    long partition = parse(partitionText, -1, "natcode.feed.partition", partitions - 1);
    if (partition < 0 || partition >= partitions) {
      throw SuishenException.badInput("natcode.feed.partition", partitions - 1);
    }
    int first = FeedPartitions.firstBucket((int) partition, partitions);
    int last = FeedPartitions.lastBucket((int) partition, partitions);
    var page =
        CommitOrderedPages.page(
            since,
            store.horizon(),
            properties.feed().pageSize(),
            (from, horizon, limit) -> store.revokedSince(from, horizon, first, last, limit),
            Revocation::version,
            version -> store.revokedAt(version, first, last));
    return new Page((int) partition, partitions, since, page.next(), page.more(), page.entries());
  }

  private static long parse(@Nullable String text, long absent, String code, Object... arguments) {
    if (text == null || text.isBlank()) {
      if (absent < 0) {
        throw SuishenException.badInput(code, arguments);
      }
      return absent;
    }
    try {
      long value = Long.parseLong(text.strip());
      if (value < 0) {
        throw SuishenException.badInput(code, arguments);
      }
      return value;
    } catch (NumberFormatException e) {
      throw SuishenException.badInput(code, arguments);
    }
  }

  /**
   * One answer of the feed.
   *
   * @param next the {@code since} for the next request: everything of this partition up to it has
   *     been handed out
   * @param more whether the page was full (ask again at once with {@code next})
   */
  public record Page(
      int partition,
      int partitions,
      long since,
      long next,
      boolean more,
      List<Revocation> revoked) {}
}
