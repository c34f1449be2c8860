package org.suishen.natcode.internal;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.suishen.shared.batch.Grouping;
import org.suishen.shared.security.Role;

/**
 * The NAT code's figures (prefix {@code suishen.natcode}; defaults in application.yaml).
 *
 * @param validity how long a NAT code is valid after it was generated (N1: 30 days)
 * @param acceptedBy the scanners (by role) that accept NAT codes at {@code POST /api/scan}:
 *     sampling staff and sampling terminals (N4); venues do not
 * @param feed the revocation feed for terminals
 * @param issuance how new codes are stored together (one transaction per group)
 */
@ConfigurationProperties("suishen.natcode")
public record NatCodeProperties(
    @DefaultValue("30d") Duration validity,
    @DefaultValue({"SAMPLER", "SAMPLING_TERMINAL"}) Set<Role> acceptedBy,
    @DefaultValue Feed feed,
    @DefaultValue Grouping issuance) {

  public NatCodeProperties {
    if (validity.isNegative()
        || validity.isZero()
        || validity.compareTo(Duration.ofDays(3650)) > 0) {
      throw new IllegalArgumentException(
          "suishen.natcode.validity must be between 1 s and 10 years");
    }
  }

  /**
   * @param partitions P: the feed is split by a hash of the credential id into partitions 0..P-1
   * @param pageSize most entries per answer (more are fetched with the returned {@code next})
   * @param maxAge how long caches may keep the feed's latest page (full pages are immutable)
   */
  public record Feed(
      @DefaultValue("16") int partitions,
      @DefaultValue("1000") int pageSize,
      @DefaultValue("30s") Duration maxAge) {

    public Feed {
      if (partitions < 1 || partitions > 4096) {
        throw new IllegalArgumentException("suishen.natcode.feed.partitions must be 1 to 4096");
      }
      if (pageSize < 1 || pageSize > 10_000) {
        throw new IllegalArgumentException("suishen.natcode.feed.page-size must be 1 to 10000");
      }
    }
  }
}
