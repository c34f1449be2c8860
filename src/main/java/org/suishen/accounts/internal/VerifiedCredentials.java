package org.suishen.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers, for a short time, that a login's presented secret matched its stored hash. Devices
 * send HTTP Basic credentials with every request; a bcrypt check costs tens of milliseconds of CPU,
 * which a city's sentinels would multiply by thousands per second. The account row is still read on
 * every request (enabled flag, roles), and an entry only counts while the stored hash is the same,
 * so a disabled account or a changed secret takes effect at once.
 *
 * <p>Only a keyed HMAC of the secret is kept (key random per process), never the secret itself.
 */
final class VerifiedCredentials {

  private final byte[] key = new byte[32];
  private final Duration timeToLive;
  private final int maxEntries;
  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  VerifiedCredentials(Duration timeToLive, int maxEntries) {
    new SecureRandom().nextBytes(key);
    this.timeToLive = timeToLive;
    this.maxEntries = maxEntries;
  }

  boolean matches(String login, String storedHash, String presented, Instant now) {
    Entry entry = entries.get(login);
    if (entry == null
        || !entry.storedHash().equals(storedHash)
        || now.isAfter(entry.verifiedAt().plus(timeToLive))) {
      return false;
    }
    return MessageDigest.isEqual(entry.tag(), tag(login, presented));
  }

  /**
   * Whether this secret was verified for this login within the time to live, whatever the stored
   * hash is now (for the address lock only: a client presenting a recently proven credential is not
   * guessing; the login itself still checks the stored hash).
   */
  boolean presentedRecently(String login, String presented, Instant now) {
    Entry entry = entries.get(login);
    return entry != null
        && !now.isAfter(entry.verifiedAt().plus(timeToLive))
        && MessageDigest.isEqual(entry.tag(), tag(login, presented));
  }

  void remember(String login, String storedHash, String presented, Instant now) {
    if (maxEntries <= 0 || timeToLive.isZero() || timeToLive.isNegative()) {
      return;
    }
    if (entries.size() >= maxEntries) {
      entries.clear();
    }
    entries.put(login, new Entry(storedHash, tag(login, presented), now));
  }

  private byte[] tag(String login, String presented) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(login.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return mac.doFinal(presented.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
    }
  }

  private record Entry(String storedHash, byte[] tag, Instant verifiedAt) {}
}
