package org.suishen.shared.cache;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Keeps what was read (also "nothing there") for a while: a change made on this node is dropped at
 * once with {@link #invalidate}; other nodes see it when their entry is older than the time to
 * live. Bounded: when full it starts again empty.
 */
public final class ExpiringCache<K, V> {

  private record Entry<V>(@Nullable V value, long readAt) {}

  private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
  private final long ttlNanos;
  private final int maxEntries;

  public ExpiringCache(Duration timeToLive, int maxEntries) {
    this.ttlNanos = timeToLive.toNanos();
    this.maxEntries = maxEntries;
  }

  /** The value kept for the key, or what {@code load} reads now (null: nothing there). */
  public @Nullable V get(K key, Function<K, @Nullable V> load) {
    Entry<V> entry = entries.get(key);
    if (entry == null || System.nanoTime() - entry.readAt() > ttlNanos) {
      if (entries.size() >= maxEntries) {
        entries.clear();
      }
      entry = new Entry<>(load.apply(key), System.nanoTime());
      entries.put(key, entry);
    }
    return entry.value();
  }

  public void invalidate(K key) {
    entries.remove(key);
  }
}
