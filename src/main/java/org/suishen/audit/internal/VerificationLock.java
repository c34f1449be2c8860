package org.suishen.audit.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The PostgreSQL advisory lock that lets one node at a time verify and anchor the chain. Taken per
 * transaction ({@code pg_*_advisory_xact_lock}): released at commit or rollback, also when a node
 * dies.
 */
@Component
class VerificationLock {

  /** "SuiSVeri". */
  static final long KEY = 0x5375_6953_5665_7269L;

  private final JdbcClient jdbc;

  VerificationLock(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Takes the lock for the current transaction.
   *
   * @param wait wait for the holder instead of giving up
   * @return whether this transaction holds it
   */
  boolean acquire(boolean wait) {
    if (wait) {
      jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(KEY).query(Object.class).single();
      return true;
    }
    return jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(KEY).query(Boolean.class).single();
  }
}
