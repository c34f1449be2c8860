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
    long since = CommitOrderedPages.since(sinceText, "natcode.feed.since");
    int partitions = partitions();
    int partition = partition(partitionText, partitions);
    int first = FeedPartitions.firstBucket(partition, partitions);
    int last = FeedPartitions.lastBucket(partition, partitions);
    var page =
        CommitOrderedPages.page(
            since,
            store.horizon(),
            properties.feed().pageSize(),
            (from, horizon, limit) -> store.revokedSince(from, horizon, first, last, limit),
            Revocation::version,
            version -> store.revokedAt(version, first, last));
    return new Page(partition, partitions, since, page.next(), page.more(), page.entries());
  }

  /** The partition asked for (required): 0 to partitions - 1. */
  private static int partition(@Nullable String text, int partitions) {
    try {
      if (text != null) {
        int partition = Integer.parseInt(text.strip());
        if (partition >= 0 && partition < partitions) {
          return partition;
        }
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw SuishenException.badInput("natcode.feed.partition", partitions - 1);
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
