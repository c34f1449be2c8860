package org.suishen.sampling.internal;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of mass-testing sampling.
 *
 * @param tubeSizes how many people a tube may take: 1 (single) and the pooled sizes
 * @param partitionsAhead how many days of registration partitions to keep created ahead
 * @param idempotencyKeptFor how long a terminal's idempotency key answers as the first time
 * @param retention how long registrations are kept (their day partitions are dropped after it)
 * @param groups how registrations are written together ({@link RegistrationGroups})
 */
@ConfigurationProperties("suishen.sampling")
public record SamplingProperties(
    @DefaultValue({"1", "5", "10", "20"}) Set<Integer> tubeSizes,
    @DefaultValue("7") int partitionsAhead,
    @DefaultValue("7d") Duration idempotencyKeptFor,
    @DefaultValue("180d") Duration retention,
    @DefaultValue org.suishen.shared.batch.Grouping groups) {}
