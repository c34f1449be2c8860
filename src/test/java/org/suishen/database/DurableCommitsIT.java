package org.suishen.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suishen.healthcode.HealthCodeIntegrationTest;

/**
 * The embedded PostgreSQL commits durably, as production must: its library starts the server with
 * {@code -F} (fsync off), which the platform overrides, so that "committed before the answer" in
 * the benchmarks and the default run's data mean on the disk.
 */
@HealthCodeIntegrationTest
class DurableCommitsIT {

  @Autowired JdbcClient jdbc;

  @Test
  void everyCommitReachesTheDiskBeforeItIsAnswered() {
    assertThat(show("fsync")).isEqualTo("on");
    assertThat(show("synchronous_commit")).isEqualTo("on");
    assertThat(show("full_page_writes")).isEqualTo("on");
  }

  private String show(String setting) {
    return jdbc.sql("SELECT current_setting(?)").param(setting).query(String.class).single();
  }
}
