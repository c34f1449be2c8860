package org.suishen.venues.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the venue side.
 *
 * @param passageRetention how long the passage log is kept (whole days, then dropped, audited)
 * @param partitionsAhead how many days of passage partitions to keep created ahead
 * @param idempotencyKeptFor how long a device's idempotency key answers as the first time
 * @param offlineAcceptedFor the oldest offline passage an upload may carry
 * @param cacheFor how long a node keeps venues, rules and memberships before reading them again (a
 *     change made on this node takes effect at once; on the others within this time)
 * @param publicBaseUrl the address the venue poster's QR points at (the citizen's self-scan page)
 * @param groups how passages are written together
 */
@ConfigurationProperties("suishen.venues")
public record VenuesProperties(
    @DefaultValue("28d") Duration passageRetention,
    @DefaultValue("3") int partitionsAhead,
    @DefaultValue("7d") Duration idempotencyKeptFor,
    @DefaultValue("72h") Duration offlineAcceptedFor,
    @DefaultValue("30s") Duration cacheFor,
    @DefaultValue("http://localhost:8080") String publicBaseUrl,
    @DefaultValue Grouping groups) {

  /**
   * @param queueCapacity passages that may wait for the worker; beyond, refused at once (503)
   * @param maxGroup the most passages written in one transaction
   * @param commitTimeout how long a request waits for its group's commit
   * @param workers group workers (one overlaps its round trips with another's)
   */
  public record Grouping(
      @DefaultValue("20000") int queueCapacity,
      @DefaultValue("500") int maxGroup,
      @DefaultValue("5s") Duration commitTimeout,
      @DefaultValue("2") int workers) {}
}
