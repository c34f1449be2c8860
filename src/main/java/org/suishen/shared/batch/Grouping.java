package org.suishen.shared.batch;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a context's {@link GroupCommit} is sized (a settings record, bound under its context's
 * prefix).
 *
 * @param queueCapacity writes that may wait for the worker; beyond, refused at once (503)
 * @param maxGroup the most writes in one transaction
 * @param commitTimeout how long a request waits for its group's commit
 */
public record Grouping(
    @DefaultValue("20000") int queueCapacity,
    @DefaultValue("500") int maxGroup,
    @DefaultValue("5s") Duration commitTimeout) {}
