package org.suishen.shared.cache;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens on the channels of every {@link PersonRowCache} (the tables' triggers notify them at
 * commit) on a connection of its own, outside the pool (a pool connection held for ever would be
 * one fewer for requests), and drops the people named from the caches of that channel. While the
 * connection is down the caches answer nothing; it is made again after a second, then after longer
 * pauses up to half a minute.
 */
@Component
public class RowChangeListener implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(RowChangeListener.class);
  private static final int WAIT_MILLIS = 5_000;

  private final DataSource dataSource;
  private final List<PersonRowCache<?>> caches;
  private volatile boolean running;
  private @Nullable Thread thread;
  private volatile @Nullable Connection connection;

  RowChangeListener(DataSource dataSource, List<PersonRowCache<?>> caches) {
    this.dataSource = dataSource;
    this.caches = List.copyOf(caches);
  }

  @Override
  public void start() {
    running = true;
    if (caches.isEmpty()) {
      return;
    }
    Thread listener =
        Thread.ofPlatform().daemon().name("row-change-listener").unstarted(this::listen);
    thread = listener;
    listener.start();
  }

  @Override
  public void stop() {
    running = false;
    listening(false);
    closeQuietly(connection);
    Thread listener = thread;
    if (listener != null) {
      listener.interrupt();
      try {
        listener.join(WAIT_MILLIS * 2L);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void listen() {
    long pause = 1_000;
    while (running) {
      try (Connection c = open()) {
        connection = c;
        try (Statement statement = c.createStatement()) {
          for (String channel : channels()) {
            statement.execute("LISTEN " + channel);
          }
        }
        listening(true);
        pause = 1_000;
        PGConnection pg = c.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
          if (notifications == null || notifications.length == 0) {
            // a quiet connection may be a dead one: ask, so that a broken one is noticed
            try (Statement statement = c.createStatement()) {
              statement.execute("SELECT 1");
            }
            continue;
          }
          for (PGNotification notification : notifications) {
            take(notification.getName(), notification.getParameter());
          }
        }
      } catch (SQLException | RuntimeException e) {
        listening(false);
        if (!running) {
          return;
        }
        log.warn("Row caches: not listening for changes ({}); again in {} ms", e.toString(), pause);
        try {
          Thread.sleep(pause);
        } catch (InterruptedException interrupted) {
          return;
        }
        pause = Math.min(30_000, pause * 2);
      } finally {
        connection = null;
      }
    }
  }

  private LinkedHashSet<String> channels() {
    var channels = new LinkedHashSet<String>();
    for (PersonRowCache<?> cache : caches) {
      // channel names are the caches' constants, checked here since LISTEN takes no parameter
      if (!cache.channel().matches("[a-z_]{1,63}")) {
        throw new IllegalStateException("Not a channel name: " + cache.channel());
      }
      channels.add(cache.channel());
    }
    return channels;
  }

  private void listening(boolean listening) {
    caches.forEach(cache -> cache.listening(listening));
  }

  /** A payload of a trigger: person ids comma-separated, or '*' for everyone. */
  void take(String channel, String payload) {
    List<PersonRowCache<?>> of = caches.stream().filter(c -> c.channel().equals(channel)).toList();
    if (payload.equals("*")) {
      of.forEach(PersonRowCache::dropAll);
      return;
    }
    var people = new ArrayList<UUID>();
    for (String id : payload.split(",")) {
      try {
        people.add(UUID.fromString(id.trim()));
      } catch (IllegalArgumentException e) {
        of.forEach(PersonRowCache::dropAll); // not ours to read: safe, never stale
        return;
      }
    }
    of.forEach(cache -> cache.drop(people));
  }

  private Connection open() throws SQLException {
    if (dataSource.isWrapperFor(HikariDataSource.class)) {
      HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
      if (hikari.getJdbcUrl() != null) {
        var properties = new java.util.Properties();
        properties.putAll(hikari.getDataSourceProperties());
        if (hikari.getUsername() != null) {
          properties.setProperty("user", hikari.getUsername());
        }
        if (hikari.getPassword() != null) {
          properties.setProperty("password", hikari.getPassword());
        }
        properties.setProperty("ApplicationName", "suishen row-change-listener");
        return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
      }
    }
    return dataSource.getConnection();
  }

  private static void closeQuietly(@Nullable Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        // closing to stop: nothing to do
      }
    }
  }
}
