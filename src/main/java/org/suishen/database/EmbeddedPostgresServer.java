package org.suishen.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded PostgreSQL per JVM and data folder: every Spring context of a test run shares it,
 * and the default run keeps its data in a folder so that a restart keeps everything.
 */
final class EmbeddedPostgresServer {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  private static final Map<String, EmbeddedPostgres> RUNNING = new HashMap<>();
  private static final Map<String, Integer> LEASES = new HashMap<>();

  private EmbeddedPostgresServer() {}

  static synchronized EmbeddedPostgres lease(EmbeddedDatabaseProperties properties) {
    String key = key(properties);
    var postgres = RUNNING.computeIfAbsent(key, k -> launch(properties));
    LEASES.merge(key, 1, Integer::sum);
    return postgres;
  }

  static synchronized void release(EmbeddedDatabaseProperties properties) {
    String key = key(properties);
    if (LEASES.merge(key, -1, Integer::sum) > 0) {
      return;
    }
    LEASES.remove(key);
    var postgres = RUNNING.remove(key);
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        log.warn("Embedded PostgreSQL did not stop cleanly", e);
      }
    }
  }

  private static String key(EmbeddedDatabaseProperties properties) {
    return (properties.dataDirectory() == null ? "" : properties.dataDirectory())
        + (properties.durable() ? "" : "#not-durable");
  }

  private static EmbeddedPostgres launch(EmbeddedDatabaseProperties properties) {
    try {
      Path work = Path.of(System.getProperty("java.io.tmpdir"), "suishen-embedded-pg");
      var builder =
          EmbeddedPostgres.builder()
              .setPgBinaryResolver(new RootlessPostgresBinaries(work))
              .setOverrideWorkingDirectory(work.toFile())
              .setPGStartupWait(Duration.ofSeconds(60))
              .setRegisterShutdownHook(false)
              .setServerConfig("max_connections", "200")
              .setServerConfig("shared_buffers", "512MB")
              .setServerConfig("synchronous_commit", "on")
              // after the library's own -F (fsync off): the later setting wins
              .setServerConfig("fsync", properties.durable() ? "on" : "off")
              .setServerConfig("max_wal_size", "4GB")
              .setServerConfig("timezone", "UTC")
              .setLocaleConfig("locale", "C.UTF-8");
      if (properties.port() > 0) {
        builder.setPort(properties.port());
      }
      String dir = properties.dataDirectory();
      if (dir != null && !dir.isBlank()) {
        Path data = Path.of(dir).toAbsolutePath();
        Files.createDirectories(data.getParent());
        builder.setDataDirectory(data).setCleanDataDirectory(false);
      }
      var postgres = builder.start();
      log.info(
          "Embedded PostgreSQL listening on port {} (data: {})",
          postgres.getPort(),
          dir == null || dir.isBlank() ? "temporary" : dir);
      return postgres;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
    }
  }
}
