package org.suishen.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.healthcode.HealthCodeIntegrationTest;

/**
 * Statements that run once per person on a city's tables find their rows through an index: with
 * sequential scans priced out, the plan names no table scan. (On a test's few rows the planner
 * would rightly scan; the question is whether it could do otherwise on 25 M.)
 */
@HealthCodeIntegrationTest
class HotPathIndexesIT {

  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;

  @ParameterizedTest
  @ValueSource(
      strings = {
        // a corrected name on every code of the person (CorrectedNamesOnCodes)
        "UPDATE code_subject SET masked_name = 'x' WHERE person_id = '%s'",
        // where a person passed (Traces)
        "SELECT * FROM passage WHERE person_id = '%s' AND passed_at >= now() - interval '30 days'"
            + " AND passed_at < now() ORDER BY passed_at, id LIMIT 1001",
        // who passed a venue, a later page (Traces)
        "SELECT * FROM passage WHERE venue_id = '%s' AND passed_at >= now() - interval '30 days'"
            + " AND passed_at < now() AND (passed_at, id) > (now() - interval '1 day',"
            + " gen_random_uuid()) ORDER BY passed_at, id LIMIT 1001"
      })
  void findsItsRowsThroughAnIndex(String statement) {
    String plan =
        transactions.execute(
            tx -> {
              jdbc.sql("SET LOCAL enable_seqscan = off").update();
              return String.join(
                  "\n",
                  jdbc.sql("EXPLAIN " + statement.formatted(UUID.randomUUID()))
                      .query(String.class)
                      .list());
            });
    assertThat(plan).contains("Index").doesNotContain("Seq Scan");
  }
}
