package org.suishen.healthcode.internal.keys;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.suishen.healthcode.internal.HealthCodeProperties;
import org.suishen.healthcode.internal.token.KeyLookup;
import org.suishen.healthcode.internal.token.KeyRing;
import org.suishen.healthcode.internal.token.SigningKey;

/**
 * The keys in memory, so that signing and verifying never touch the database. Every node reloads
 * them periodically; a token that names a key id this node does not know yet (rotated on another
 * node a moment ago) triggers an immediate reload, at most once per {@code miss-reload-interval}.
 */
@Component
public class KeyRingHolder implements KeyLookup, SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(KeyRingHolder.class);

  private final SigningKeyStore store;
  private final Clock clock;
  private final long missReloadNanos;
  private final AtomicLong lastMissReload = new AtomicLong(System.nanoTime() - Long.MAX_VALUE / 2);
  private volatile KeyRing ring = new KeyRing(List.of());

  KeyRingHolder(SigningKeyStore store, Clock clock, HealthCodeProperties properties) {
    this.store = store;
    this.clock = clock;
    this.missReloadNanos = properties.keys().missReloadInterval().toNanos();
  }

  @Override
  public void afterSingletonsInstantiated() {
    store.ensureActiveKey(clock.instant());
    reload();
  }

  /** Loads the usable keys from the database. */
  public synchronized void reload() {
    ring = new KeyRing(store.usableKeys());
  }

  /** The scheduled reload: a failure (database away) keeps the keys it had. */
  public void reloadQuietly() {
    try {
      reload();
    } catch (RuntimeException e) {
      log.warn("Could not reload the signing keys; keeping the {} loaded", ring.keys().size(), e);
    }
  }

  @Override
  public SigningKey signer() {
    KeyRing current = ring;
    if (!current.hasSigner()) {
      store.ensureActiveKey(clock.instant());
      reload();
      current = ring;
    }
    return current.signer();
  }

  @Override
  public @Nullable SigningKey verifier(int keyId) {
    SigningKey key = ring.verifier(keyId);
    if (key != null) {
      return key;
    }
    long now = System.nanoTime();
    long last = lastMissReload.get();
    if (now - last >= missReloadNanos && lastMissReload.compareAndSet(last, now)) {
      reloadQuietly();
      return ring.verifier(keyId);
    }
    return null;
  }
}
