package org.suishen.shared.cache;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rows the code display reads besides the status, kept on each node ({@link PersonRowCache}):
 * the register's person, the latest health declaration and the code's reference. Each is dropped at
 * the commit of any change on any node.
 *
 * @param enabled off: every display reads them from the database
 * @param maxEntries people kept in each (a few hundred bytes each)
 * @param maxAge the longest a row is kept without a change (a safety net, not the means)
 */
@ConfigurationProperties("suishen.row-caches")
public record RowCacheProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("300000") long maxEntries,
    @DefaultValue("10m") Duration maxAge) {}
