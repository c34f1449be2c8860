package org.suishen.database;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the embedded PostgreSQL keeps its data.
 *
 * @param enabled start an embedded PostgreSQL instead of connecting to {@code
 *     spring.datasource.url}
 * @param dataDirectory folder for the data, kept across restarts; empty = a throw-away folder
 *     (tests)
 * @param port TCP port on localhost; 0 = any free port
 * @param durable every commit reaches the disk before it is answered ({@code fsync} on, as in
 *     production). The embedded server's library starts PostgreSQL with {@code -F} (fsync off)
 *     unless told otherwise, which would let a benchmark's "committed before the answer" and the
 *     default run's data rest in the page cache only; {@code false} is for throw-away experiments.
 */
@ConfigurationProperties("suishen.database.embedded")
public record EmbeddedDatabaseProperties(
    boolean enabled,
    @Nullable String dataDirectory,
    int port,
    @org.springframework.boot.context.properties.bind.DefaultValue("true") boolean durable) {}
