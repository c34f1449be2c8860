package org.suishen.status.internal;

import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Whether the engine has taken in a person's health declaration. A declaration reaches the engine
 * by an event after its own commit ({@link DeclarationsFeedTheEngine}), which records the regions,
 * the declaration time and the new evaluation in one transaction: once the time is here, the stored
 * status follows from that declaration.
 */
@Repository
public class DeclarationsTakenIn {

  private final JdbcClient jdbc;

  DeclarationsTakenIn(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether a declaration made at {@code declaredAt} or later has been evaluated. */
  public boolean includes(UUID personId, Instant declaredAt) {
    return jdbc.sql(
            "SELECT EXISTS (SELECT 1 FROM declaration_state WHERE person_id = ?"
                + " AND declared_at >= ?)")
        .param(personId)
        .param(Sql.time(declaredAt))
        .query(Boolean.class)
        .single();
  }
}
