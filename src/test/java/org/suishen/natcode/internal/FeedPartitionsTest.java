package org.suishen.natcode.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class FeedPartitionsTest {

  @Test
  void thePartitionsCoverEveryBucketOnceInContiguousRanges() {
    for (int partitions : new int[] {1, 3, 7, 16, 100, 4096}) {
      int expectedFirst = 0;
      for (int p = 0; p < partitions; p++) {
        int first = FeedPartitions.firstBucket(p, partitions);
        int last = FeedPartitions.lastBucket(p, partitions);
        assertThat(first).isEqualTo(expectedFirst);
        assertThat(last).isGreaterThanOrEqualTo(first);
        assertThat(FeedPartitions.partitionOf(first, partitions)).isEqualTo(p);
        assertThat(FeedPartitions.partitionOf(last, partitions)).isEqualTo(p);
        expectedFirst = last + 1;
      }
      assertThat(expectedFirst).isEqualTo(FeedPartitions.BUCKETS);
    }
  }

  @Test
  void theBucketIsTheFirstTwoBytesOfTheSha256OfTheCredentialId() {
    // SHA-256 of 16 zero bytes = 374708fff7719dd5979ec875d56cd2286f6d3cf7ec317a3b25632aab28ec37bb
    assertThat(FeedPartitions.bucketOf(new UUID(0, 0))).isEqualTo(0x3747);
  }

  @Test
  void randomCredentialsSpreadEvenlyOverThePartitions() {
    int[] counts = new int[16];
    for (int i = 0; i < 16_000; i++) {
      counts[FeedPartitions.partitionOf(FeedPartitions.bucketOf(UUID.randomUUID()), 16)]++;
    }
    for (int count : counts) {
      assertThat(count).isBetween(700, 1300);
    }
  }
}
