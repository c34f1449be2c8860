package org.suishen.venues.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.suishen.shared.batch.Grouping;

/**
 * Settings of the venue side.
 *
 * @param passageRetention how long the passage log is kept (whole days, then dropped, audited)
 * @param partitionsAhead how many days of passage partitions to keep created ahead
 * @param idempotencyKeptFor how long a device's idempotency key answers as the first time
 * @param cacheFor how long a node keeps venues, rules and memberships before reading them again (a
 *     change made on this node takes effect at once; on the others within this time)
 * @param offlineAcceptedFor how old a passage a sentinel decided offline may be when it is uploaded
 *     (a device away longer than this is repaired, not trusted)
 * @param traceMaxSpan the longest time range one trace query covers
 * @param groups how passages are written together (one transaction per group)
 */
@ConfigurationProperties("suishen.venues")
public record VenuesProperties(
    @DefaultValue("28d") Duration passageRetention,
    @DefaultValue("3") int partitionsAhead,
    @DefaultValue("7d") Duration idempotencyKeptFor,
    @DefaultValue("30s") Duration cacheFor,
    @DefaultValue("72h") Duration offlineAcceptedFor,
    @DefaultValue("31d") Duration traceMaxSpan,
    @DefaultValue Grouping groups) {}
