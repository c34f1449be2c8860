package org.suishen.citizen.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.suishen.shared.problem.SuishenException;

/**
 * Failed real-name registration attempts per account (table {@code citizen_identity_failure}), so
 * that nobody can try names against a document number, or document numbers against the register,
 * without end. Holds only the account id and the time.
 */
@Component
class RegistrationFailures {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final CitizenProperties.Identity settings;

  RegistrationFailures(JdbcClient jdbc, Clock clock, CitizenProperties properties) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.settings = properties.identity();
  }

  /** Refuses (429) once the account reached the limit within the window. */
  void requireBelowLimit(UUID accountId) {
    int failures =
        jdbc.sql(
                "SELECT count(*) FROM citizen_identity_failure"
                    + " WHERE account_id = ? AND failed_at > ?")
            .param(accountId)
            .param(now().minus(settings.failureWindow()))
            .query(Integer.class)
            .single();
    if (failures >= settings.failureLimit()) {
      throw SuishenException.tooMany("citizen.identity.too-many-attempts");
    }
  }

  /** Records a failure; committed on its own, whatever happens to the request afterwards. */
  void record(UUID accountId) {
    jdbc.sql("INSERT INTO citizen_identity_failure (account_id, failed_at) VALUES (?, ?)")
        .param(accountId)
        .param(now())
        .update();
  }

  void deleteBefore(java.time.Instant cutoff) {
    jdbc.sql("DELETE FROM citizen_identity_failure WHERE failed_at < ?")
        .param(cutoff.atOffset(ZoneOffset.UTC))
        .update();
  }

  private OffsetDateTime now() {
    return clock.instant().atOffset(ZoneOffset.UTC);
  }
}
