package org.suishen.audit.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives committed entries their place in the hash chain. Runs on every node every second or so, but
 * only the node holding the PostgreSQL advisory lock seals; the others skip the round. Each batch
 * is one short transaction: read the chain head, take the oldest unsealed committed entries in id
 * order, set {@code chain_seq} and {@code hash} once on each (the append-only trigger permits
 * exactly that), move the head.
 *
 * <p>An entry whose transaction commits late (a lower id committed after a higher one) is simply
 * sealed in a later batch: the chain records the order of sealing, and it has no gaps.
 */
@Component
public class AuditSealer {

  /** Advisory lock key of the sealer ("suishen audit sealer"). */
  static final long LOCK_KEY = 0x5375_6953_6561_6CL;

  private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final AuditProperties properties;

  AuditSealer(
      JdbcClient jdbc, TransactionTemplate transactions, Clock clock, AuditProperties properties) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.clock = clock;
    this.properties = properties;
  }

  @Scheduled(
      fixedDelayString = "${suishen.audit.seal-interval}",
      initialDelayString = "${suishen.audit.seal-interval}")
  @SchedulerLock(name = "audit.auditSealer")
  void sealScheduled() {
    try {
      int sealed = seal(false);
      if (sealed > 0) {
        log.debug("Sealed {} audit entries", sealed);
      }
    } catch (RuntimeException e) {
      // the next round tries again; entries stay safely unsealed meanwhile
      log.error("Sealing the audit trail failed; retrying next round", e);
    }
  }

  /**
   * Seals every entry committed before the call (up to the configured batches per run).
   *
   * @param waitForLock wait for another sealer to finish instead of skipping the round
   * @return the number of entries sealed
   */
  public int seal(boolean waitForLock) {
    int total = 0;
    for (int batch = 0; batch < properties.sealMaxBatches(); batch++) {
      Integer sealed = transactions.execute(status -> sealBatch(waitForLock));
      if (sealed == null || sealed < 0) {
        break; // another node is sealing
      }
      total += sealed;
      if (sealed < properties.sealBatchSize()) {
        break;
      }
    }
    return total;
  }

  /** One batch; -1 if another sealer holds the lock. */
  private int sealBatch(boolean waitForLock) {
    if (waitForLock) {
      jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK_KEY).query(Object.class).single();
    } else if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(?)")
        .param(LOCK_KEY)
        .query(Boolean.class)
        .single()) {
      return -1;
    }
    List<AuditEntry> pending =
        jdbc.sql(
                "SELECT "
                    + AuditRows.COLUMNS
                    + " FROM audit_event WHERE chain_seq IS NULL ORDER BY id LIMIT ?")
            .param(properties.sealBatchSize())
            .query(AuditRows::entry)
            .list();
    if (pending.isEmpty()) {
      return 0;
    }
    var head =
        jdbc.sql("SELECT chain_seq, hash FROM audit_chain_head FOR UPDATE")
            .query((rs, row) -> new Head(rs.getLong("chain_seq"), rs.getBytes("hash")))
            .single();
    long seq = head.seq();
    byte[] previous = head.hash();
    int n = pending.size();
    Long[] seqs = new Long[n];
    String[] hashes = new String[n];
    Long[] ids = new Long[n];
    String[] times = new String[n];
    for (int i = 0; i < n; i++) {
      AuditEntry entry = pending.get(i);
      seq++;
      previous = ChainEncoding.hash(previous, seq, entry);
      seqs[i] = seq;
      hashes[i] = java.util.HexFormat.of().formatHex(previous);
      ids[i] = entry.id();
      times[i] = entry.occurredAt().toString();
    }
    // one statement for the whole batch (a row an UPDATE would cost a round of work each); the
    // time of each entry finds its day's partition
    int sealed =
        jdbc.sql(
                "UPDATE audit_event e SET chain_seq = v.s, hash = decode(v.h, 'hex')"
                    + " FROM unnest(?::bigint[], ?::text[], ?::bigint[], ?::timestamptz[])"
                    + " AS v(s, h, i, t) WHERE e.id = v.i AND e.occurred_at = v.t"
                    + " AND e.chain_seq IS NULL")
            .param(seqs)
            .param(hashes)
            .param(ids)
            .param(times)
            .update();
    if (sealed != n) {
      // only this (locked) sealer sets chain_seq: a row sealed meanwhile means a second sealer
      throw new IllegalStateException("Audit entry sealed concurrently; batch rolled back");
    }
    jdbc.sql("UPDATE audit_chain_head SET chain_seq = ?, hash = ?, sealed_at = ?")
        .param(seq)
        .param(previous)
        .param(OffsetDateTime.now(clock))
        .update();
    return pending.size();
  }

  private record Head(long seq, byte[] hash) {}
}
