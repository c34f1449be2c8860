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
 * without end. Holds only the account id and the time. The attempts of one account run one after
 * the other ({@link #lockAccount}), so that parallel requests cannot all pass the limit.
 */
@Component
class RegistrationFailures {

  /** The first key of the advisory locks that serialise registration attempts per account. */
  private static final int LOCK_SPACE = 3_001;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final CitizenProperties.Identity settings;

  RegistrationFailures(JdbcClient jdbc, Clock clock, CitizenProperties properties) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.settings = properties.identity();
  }

  /** Serialises the account's registration attempts until the transaction ends. */
  void lockAccount(UUID accountId) {
    jdbc.sql("SELECT pg_advisory_xact_lock(?, hashtext(?))")
        .param(LOCK_SPACE)
        .param(accountId.toString())
        .query()
        .singleRow();
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

  /** Records a failure, in the attempt's transaction (committed before the refusal is thrown). */
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
