package org.suishen.natcode.internal;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * How the revocation feed is partitioned: a credential's <em>bucket</em> is the first two bytes of
 * SHA-256 over its 16 id bytes (0..65535); with P partitions, partition {@code floor(bucket * P /
 * 65536)}. Each partition is a contiguous range of buckets. Terminals compute the same.
 */
public final class FeedPartitions {

  public static final int BUCKETS = 65_536;

  private FeedPartitions() {}

  public static int bucketOf(UUID credentialId) {
    byte[] id =
        ByteBuffer.allocate(16)
            .putLong(credentialId.getMostSignificantBits())
            .putLong(credentialId.getLeastSignificantBits())
            .array();
    byte[] hash;
    try {
      hash = MessageDigest.getInstance("SHA-256").digest(id);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
    return ((hash[0] & 0xff) << 8) | (hash[1] & 0xff);
  }

  public static int partitionOf(int bucket, int partitions) {
    return (int) ((long) bucket * partitions / BUCKETS);
  }

  /** The first bucket of a partition (inclusive). */
  public static int firstBucket(int partition, int partitions) {
    return (int) ceilDiv((long) partition * BUCKETS, partitions);
  }

  /** The last bucket of a partition (inclusive). */
  public static int lastBucket(int partition, int partitions) {
    return (int) ceilDiv((long) (partition + 1) * BUCKETS, partitions) - 1;
  }

  private static long ceilDiv(long a, long b) {
    return Math.ceilDiv(a, b);
  }
}
