package org.suishen.healthcode.internal;

import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.suishen.healthcode.CodeType;

/**
 * The health code's figures (prefix {@code suishen.healthcode}; defaults in application.yaml).
 *
 * @param liveValidity how long a live code is valid after issue (H4)
 * @param refreshAfter after how long the code page fetches a new code
 * @param clockSkew tolerated difference between the issuing and the verifying clocks
 * @param masterKey Base64 of 32 bytes: the AES-256-GCM key that encrypts signing keys at rest
 * @param generateMasterKey without a master key, generate one (development only) instead of
 *     refusing to start
 * @param generatedMasterKeyFile where a generated master key is kept between runs ("" = memory)
 * @param photoDirectory the authority's photo library folder ({@code Person.photoFile} is relative
 *     to it)
 */
@ConfigurationProperties("suishen.healthcode")
public record HealthCodeProperties(
    @DefaultValue("60s") Duration liveValidity,
    @DefaultValue("30s") Duration refreshAfter,
    @DefaultValue("30s") Duration clockSkew,
    @Nullable String masterKey,
    @DefaultValue("false") boolean generateMasterKey,
    @DefaultValue("data/healthcode-master.key") String generatedMasterKeyFile,
    @DefaultValue("data/photos") String photoDirectory,
    @DefaultValue Keys keys,
    @DefaultValue Scan scan) {

  /**
   * @param gracePeriod how long a replaced key still verifies (VERIFY_ONLY) before it is retired
   * @param reloadInterval how often every node reloads the keys from the database
   * @param retireCheckInterval how often the retirement job runs
   * @param missReloadInterval at most one immediate reload per interval when a token names an
   *     unknown key id (a key rotated on another node)
   */
  public record Keys(
      @DefaultValue("1d") Duration gracePeriod,
      @DefaultValue("30s") Duration reloadInterval,
      @DefaultValue("60s") Duration retireCheckInterval,
      @DefaultValue("1s") Duration missReloadInterval) {}

  /**
   * @param acceptedCodeTypes the code types {@code POST /api/scan} accepts
   * @param queueCapacity scans waiting for their group before new scans are refused (503)
   * @param maxBatch most scans decided and recorded together (one transaction)
   * @param commitTimeout how long a scan waits for its group to be committed
   * @param workers group worker threads: one makes the largest groups (the least database work per
   *     scan); a second overlaps the round trips of its group with the other's
   * @param retention how long the scan records are kept, then dropped a day at a time: six months,
   *     the least a network operator keeps its logs (《网络安全法》第二十一条)
   * @param partitionsAhead days of scan-record partitions made ahead (nightly)
   */
  public record Scan(
      @DefaultValue({"LIVE", "PROXY"}) Set<CodeType> acceptedCodeTypes,
      @DefaultValue("50000") int queueCapacity,
      @DefaultValue("2000") int maxBatch,
      @DefaultValue("5s") Duration commitTimeout,
      @DefaultValue("1") int workers,
      @DefaultValue("180d") Duration retention,
      @DefaultValue("3") int partitionsAhead) {}
}
