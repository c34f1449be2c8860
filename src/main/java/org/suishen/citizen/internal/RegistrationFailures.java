package org.suishen.citizen.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.suishen.identity.IdentityDocument;
import org.suishen.shared.problem.SuishenException;

/**
 * Failed real-name registration attempts per account (table {@code citizen_identity_failure}), so
 * that nobody can try names against a document number, or document numbers against the register,
 * without end, and per document number (table {@code citizen_identity_document_failure}, a keyed
 * hash of the number), so that many accounts together cannot either. Holds no personal data. The
 * attempts of one account run one after the other ({@link #lockAccount}), so that parallel requests
 * cannot all pass the limit.
 */
@Component
class RegistrationFailures {

  /** The first key of the advisory locks that serialise registration attempts per account. */
  private static final int LOCK_SPACE = 3_001;

  /** The first key of the advisory locks that serialise attempts on one document number. */
  private static final int DOCUMENT_LOCK_SPACE = 3_002;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final CitizenProperties.Identity settings;
  private final CodeHasher hasher;

  RegistrationFailures(JdbcClient jdbc, Clock clock, CitizenProperties properties) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.settings = properties.identity();
    this.hasher = CodeHasher.fromSecret(properties.otp().hashSecret());
  }

  /** Serialises the account's registration attempts until the transaction ends. */
  void lockAccount(UUID accountId) {
    jdbc.sql("SELECT pg_advisory_xact_lock(?, hashtext(?))")
        .param(LOCK_SPACE)
        .param(accountId.toString())
        .query()
        .singleRow();
  }

  /**
   * Serialises attempts on one document number until the transaction ends (taken after the
   * account's lock, always in that order, so two attempts never wait for each other in a circle).
   */
  void lockDocument(IdentityDocument document) {
    jdbc.sql("SELECT pg_advisory_xact_lock(?, hashtext(encode(?, 'hex')))")
        .param(DOCUMENT_LOCK_SPACE)
        .param(hasher.documentKey(document))
        .query()
        .singleRow();
  }

  /** Refuses (429) once the document number reached its limit within the window. */
  void requireDocumentBelowLimit(IdentityDocument document) {
    int failures =
        jdbc.sql(
                "SELECT count(*) FROM citizen_identity_document_failure"
                    + " WHERE document_key = ? AND failed_at > ?")
            .param(hasher.documentKey(document))
            .param(now().minus(settings.failureWindow()))
            .query(Integer.class)
            .single();
    if (failures >= settings.documentFailureLimit()) {
      throw SuishenException.tooMany("citizen.identity.too-many-attempts");
    }
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

  /**
   * Records a failure of the account and of the document number, in the attempt's transaction
   * (committed before the refusal is thrown).
   */
  void record(UUID accountId, IdentityDocument document) {
    jdbc.sql("INSERT INTO citizen_identity_failure (account_id, failed_at) VALUES (?, ?)")
        .param(accountId)
        .param(now())
        .update();
    jdbc.sql(
            "INSERT INTO citizen_identity_document_failure (document_key, failed_at) VALUES (?, ?)")
        .param(hasher.documentKey(document))
        .param(now())
        .update();
  }

  void deleteBefore(java.time.Instant cutoff) {
    jdbc.sql("DELETE FROM citizen_identity_failure WHERE failed_at < ?")
        .param(cutoff.atOffset(ZoneOffset.UTC))
        .update();
    jdbc.sql("DELETE FROM citizen_identity_document_failure WHERE failed_at < ?")
        .param(cutoff.atOffset(ZoneOffset.UTC))
        .update();
  }

  private OffsetDateTime now() {
    return clock.instant().atOffset(ZoneOffset.UTC);
  }
}
