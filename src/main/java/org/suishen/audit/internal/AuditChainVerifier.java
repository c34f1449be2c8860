package org.suishen.audit.internal;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.suishen.audit.internal.ChainReport.BrokenLink;
import org.suishen.audit.internal.ChainReport.Problem;
import org.suishen.audit.internal.ChainStore.Head;

/**
 * Recomputes the hash chain and reports the first broken link: an entry whose content no longer
 * matches its hash (changed), a position without entry (deleted), or an end that does not match the
 * head the sealer recorded (the newest entries deleted or rewritten). Reads in chain order with
 * keyset batches over the {@code chain_seq} index; verifies at most the configured number of
 * entries per call and says where to continue. Also reports entries left unsealed for too long.
 */
@Component
public class AuditChainVerifier {

  private final JdbcClient jdbc;
  private final ChainStore store;
  private final Clock clock;
  private final AuditProperties properties;

  AuditChainVerifier(JdbcClient jdbc, ChainStore store, Clock clock, AuditProperties properties) {
    this.jdbc = jdbc;
    this.store = store;
    this.clock = clock;
    this.properties = properties;
  }

  /** Verifies the whole chain (up to the per-call limit). */
  public ChainReport verify() {
    return verify(1, null);
  }

  /**
   * Verifies chain positions {@code fromSeq..toSeq} (to the head if {@code toSeq} is null), linking
   * the first to the stored hash of its predecessor.
   */
  public ChainReport verify(long fromSeq, @Nullable Long toSeq) {
    // positions up to the base were dropped past the retention: the chain starts after it
    Head base = store.base();
    long from = Math.max(base.seq() + 1, fromSeq);
    Head head = store.head();
    Unsealed unsealed = unsealedOverdue();
    if (from > head.seq() + 1) {
      // nothing sealed there yet
      return new ChainReport(
          true,
          from,
          from - 1,
          0,
          head.seq(),
          true,
          null,
          head.seq(),
          unsealed.count(),
          unsealed.oldest());
    }
    long end = toSeq == null ? head.seq() : Math.min(toSeq, head.seq());
    long limitEnd = from - 1 + properties.verifyMaxEntries();
    boolean truncated = end > limitEnd;
    long last = truncated ? limitEnd : end;

    BrokenLink broken = null;
    long verified = 0;
    long expected = from;
    byte[] previous;
    if (from == base.seq() + 1) {
      previous = base.seq() == 0 ? ChainEncoding.genesis() : base.hash();
    } else {
      previous =
          jdbc.sql("SELECT hash FROM audit_event WHERE chain_seq = ?")
              .param(from - 1)
              .query((rs, row) -> rs.getBytes("hash"))
              .optional()
              .orElse(null);
      if (previous == null) {
        broken = new BrokenLink(from - 1, null, Problem.MISSING);
      }
    }
    byte[] lastHash = previous;
    while (broken == null && expected <= last) {
      List<AuditEntry> batch =
          jdbc.sql(
                  "SELECT "
                      + AuditRows.COLUMNS
                      + " FROM audit_event WHERE chain_seq >= ? AND chain_seq <= ?"
                      + " ORDER BY chain_seq LIMIT ?")
              .param(expected)
              .param(last)
              .param(properties.verifyBatchSize())
              .query(AuditRows::entry)
              .list();
      if (batch.isEmpty()) {
        broken = new BrokenLink(expected, null, Problem.MISSING);
        break;
      }
      for (AuditEntry entry : batch) {
        long seq = entry.chainSeq() == null ? -1 : entry.chainSeq();
        if (seq != expected) {
          broken = new BrokenLink(expected, null, Problem.MISSING);
          break;
        }
        byte[] computed = ChainEncoding.hash(previous, seq, entry);
        if (entry.hash() == null || !MessageDigest.isEqual(computed, entry.hash())) {
          broken = new BrokenLink(seq, entry.id(), Problem.TAMPERED);
          break;
        }
        previous = computed;
        lastHash = computed;
        verified++;
        expected++;
      }
    }
    if (broken == null
        && !truncated
        && last == head.seq()
        && head.seq() > 0
        && (lastHash == null || !MessageDigest.isEqual(lastHash, head.hash()))) {
      broken = new BrokenLink(head.seq(), null, Problem.HEAD_MISMATCH);
    }
    return new ChainReport(
        broken == null,
        from,
        from - 1 + verified,
        verified,
        head.seq(),
        broken != null || !truncated,
        broken,
        head.seq(),
        unsealed.count(),
        unsealed.oldest());
  }

  private Unsealed unsealedOverdue() {
    Instant threshold = clock.instant().minus(properties.unsealedAlarmAfter());
    return jdbc.sql(
            "SELECT count(*) AS n, min(occurred_at) AS oldest FROM audit_event"
                + " WHERE chain_seq IS NULL AND occurred_at < ?")
        .param(threshold.atOffset(java.time.ZoneOffset.UTC))
        .query(
            (rs, row) -> {
              OffsetDateTime oldest = rs.getObject("oldest", OffsetDateTime.class);
              return new Unsealed(rs.getLong("n"), oldest == null ? null : oldest.toInstant());
            })
        .single();
  }

  private record Unsealed(long count, @Nullable Instant oldest) {}
}
