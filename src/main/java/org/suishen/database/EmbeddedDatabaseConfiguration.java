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
    var postgres = EmbeddedPostgresServer.start(embedded);
    HikariDataSource dataSource =
        properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    dataSource.setUsername("postgres");
    dataSource.setPassword("");
    return dataSource;
  }
}
