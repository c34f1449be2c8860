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
 */
@ConfigurationProperties("suishen.database.embedded")
public record EmbeddedDatabaseProperties(
    boolean enabled, @Nullable String dataDirectory, int port) {}
