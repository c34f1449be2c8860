package org.suishen.status.internal.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.suishen.status.internal.StatusProperties;
import org.suishen.status.internal.StoredStatus;

/**
 * A node's status rows (also "no row": green, nothing known), read outside a transaction only: a
 * transaction reads what it wrote itself. Dropped when a change commits, on this node at once and
 * on every node by the notification {@link StatusChangeListener} receives. A row read while a
 * change was being dropped is not kept (the drop count moved), so an old row never outlives its
 * drop.
 */
@Component
public class StatusRowCache {

  private final Cache<UUID, Optional<StoredStatus>> rows;
  private volatile boolean enabled;
  private final AtomicLong drops = new AtomicLong();
  private volatile boolean listening;

  StatusRowCache(StatusProperties properties, MeterRegistry meters) {
    var cache = properties.cache();
    this.enabled = cache.enabled();
    this.rows =
        Caffeine.newBuilder()
            .maximumSize(cache.maxEntries())
            .expireAfterWrite(cache.maxAge())
            .recordStats()
            .build();
    CaffeineCacheMetrics.monitor(meters, rows, "status-rows");
  }

  /** The person's row, from the cache where it may answer, else from {@code load}. */
  public Optional<StoredStatus> find(UUID personId, Function<UUID, Optional<StoredStatus>> load) {
    if (!enabled || !listening || TransactionSynchronizationManager.isActualTransactionActive()) {
      return load.apply(personId);
    }
    Optional<StoredStatus> kept = rows.getIfPresent(personId);
    if (kept != null) {
      return kept;
    }
    long before = drops.get();
    Optional<StoredStatus> read = load.apply(personId);
    if (drops.get() == before && listening) {
      rows.put(personId, read);
    }
    return read;
  }

  /**
   * These people's rows were written: dropped at commit (at once outside a transaction). Other
   * nodes hear of it from the database.
   */
  public void changed(Collection<UUID> personIds) {
    if (personIds.isEmpty()) {
      return;
    }
    afterCommit(() -> drop(personIds));
  }

  /** Rows of people not known here were written (a statement over a table): all dropped. */
  public void changedAll() {
    afterCommit(this::dropAll);
  }

  private static void afterCommit(Runnable drop) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              drop.run();
            }
          });
    } else {
      drop.run();
    }
  }

  void drop(Collection<UUID> personIds) {
    drops.incrementAndGet();
    rows.invalidateAll(personIds);
  }

  void dropAll() {
    drops.incrementAndGet();
    rows.invalidateAll();
  }

  /** Whether the cache may answer: only while this node hears of every change. */
  void listening(boolean listening) {
    if (!listening) {
      this.listening = false;
      dropAll();
    } else {
      dropAll(); // what changed while nobody listened
      this.listening = true;
    }
  }

  /** For tests: the cache switched on or off (off: emptied). */
  void enable(boolean enabled) {
    this.enabled = enabled;
    dropAll();
  }

  /** For tests: whether the person's row (or its absence) is kept. */
  boolean keeps(UUID personId) {
    return rows.getIfPresent(personId) != null;
  }

  /** For tests and metrics: whether this node hears of changes and keeps rows. */
  public boolean answering() {
    return enabled && listening;
  }

  /** For tests: how many people are kept. */
  public long size() {
    rows.cleanUp();
    return rows.estimatedSize();
  }
}
