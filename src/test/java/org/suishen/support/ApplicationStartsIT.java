package org.suishen.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class ApplicationStartsIT {

  @Autowired JdbcClient jdbc;

  @Test
  void runsOnARealPostgresqlWithMigrationsApplied() {
    assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
    assertThat(
            jdbc.sql("select count(*) from flyway_schema_history where success")
                .query(Long.class)
                .single())
        .isPositive();
  }
}
