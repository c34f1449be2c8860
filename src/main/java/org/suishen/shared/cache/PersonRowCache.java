package org.suishen.shared.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.Collection;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A node's copy of one row per person (also "no row") that the code display reads, kept true by
 * PostgreSQL: a trigger on the table notifies {@link #channel()} at commit which people changed
 * ({@code *}: everyone), {@link RowChangeListener} hears it on every node and drops them; a commit
 * on this node drops them here at once. Read outside a transaction only (a transaction reads what
 * it wrote itself). While the node does not listen the cache answers nothing, and a row read while
 * a drop happened is not kept, so an old row never outlives its drop.
 *
 * @param <V> what is kept per person
 */
public class PersonRowCache<V> {

  private final String channel;
  private final Cache<UUID, V> rows;
  private final AtomicLong drops = new AtomicLong();
  private volatile boolean enabled;
  private volatile boolean listening;

  /**
   * @param name the cache's name in the metrics ({@code cache.gets{cache=name}})
   * @param channel the notification channel of the table's trigger
   * @param enabled off: every read goes to the database
   * @param maxEntries people kept
   * @param maxAge the longest a row is kept without a change (a safety net, not the means)
   */
  public PersonRowCache(
      String name,
      String channel,
      boolean enabled,
      long maxEntries,
      Duration maxAge,
      MeterRegistry meters) {
    this.channel = channel;
    this.enabled = enabled;
    this.rows =
        Caffeine.newBuilder()
            .maximumSize(maxEntries)
            .expireAfterWrite(maxAge)
            .recordStats()
            .build();
    CaffeineCacheMetrics.monitor(meters, rows, name);
  }

  /** The channel whose notifications name the people whose rows changed. */
  public String channel() {
    return channel;
  }

  /** The person's row, from the cache where it may answer, else from {@code load}. */
  public V find(UUID personId, Function<UUID, V> load) {
    if (!enabled || !listening || TransactionSynchronizationManager.isActualTransactionActive()) {
      return load.apply(personId);
    }
    V kept = rows.getIfPresent(personId);
    if (kept != null) {
      return kept;
    }
    long before = drops.get();
    V read = load.apply(personId);
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

  /** A notification: these people's rows changed. */
  public void drop(Collection<UUID> personIds) {
    drops.incrementAndGet();
    rows.invalidateAll(personIds);
  }

  /** A notification for everyone, or one this node cannot read: nothing is kept. */
  public void dropAll() {
    drops.incrementAndGet();
    rows.invalidateAll();
  }

  /** Whether the cache may answer: only while this node hears of every change. */
  public void listening(boolean listening) {
    if (!listening) {
      this.listening = false;
      dropAll();
    } else {
      dropAll(); // what changed while nobody listened
      this.listening = true;
    }
  }

  /**
   * For tests and the benchmarks: the cache switched on or off. What it keeps stays, and stays
   * true: notifications drop rows whether it is on or not.
   */
  public void enable(boolean enabled) {
    this.enabled = enabled;
  }

  /** For tests: whether the person's row (or its absence) is kept. */
  public boolean keeps(UUID personId) {
    return rows.getIfPresent(personId) != null;
  }

  /** Whether this node hears of changes and keeps rows. */
  public boolean answering() {
    return enabled && listening;
  }

  /** The share of reads (since start) that this cache answered. */
  public double hitRate() {
    return rows.stats().hitRate();
  }

  /** For tests: how many people are kept. */
  public long size() {
    rows.cleanUp();
    return rows.estimatedSize();
  }
}
