package org.suishen.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Replaces {@code spring.datasource.url} with the embedded PostgreSQL when it is enabled. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "suishen.database.embedded.enabled", havingValue = "true")
class EmbeddedDatabaseConfiguration {

  @Bean
  @ConfigurationProperties("spring.datasource.hikari")
  HikariDataSource dataSource(
      EmbeddedDatabaseProperties embedded, DataSourceProperties properties) {
    var postgres = EmbeddedPostgresServer.lease(embedded);
    HikariDataSource dataSource =
        properties.initializeDataSourceBuilder().type(LeasedDataSource.class).build();
    ((LeasedDataSource) dataSource).lease = embedded;
    dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    dataSource.setUsername("postgres");
    dataSource.setPassword("");
    return dataSource;
  }

  /** Releases the lease on the embedded server once the pool is closed. */
  static class LeasedDataSource extends HikariDataSource {

    @org.jspecify.annotations.Nullable EmbeddedDatabaseProperties lease;

    @Override
    public void close() {
      super.close();
      var held = lease;
      lease = null;
      if (held != null) {
        EmbeddedPostgresServer.release(held);
      }
    }
  }
}
