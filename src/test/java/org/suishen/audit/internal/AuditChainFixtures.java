package org.suishen.audit.internal;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.shared.security.Actor;

/** Entries on the real chain for the audit ITs, and tampering as someone with table rights. */
record AuditChainFixtures(AuditTrail trail, AuditSealer sealer, JdbcClient jdbc) {

  /** A fresh action name, so that a test finds its own entries in the shared database. */
  static String uniqueAction(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * Records entries with this action (about {@code person}, or each about someone new if null),
   * seals, and returns them in id order.
   */
  List<AuditEntry> recordAndSeal(String action, @Nullable UUID person, int count) {
    for (int i = 0; i < count; i++) {
      trail.record(
          new AuditEvent(
              Actor.staff("chain.tester"),
              action,
              person == null ? UUID.randomUUID() : person,
              "test " + i,
              "n=" + i));
    }
    sealer.seal(true);
    return entries(action);
  }

  List<AuditEntry> entries(String action) {
    return jdbc.sql(
            "SELECT " + AuditRows.COLUMNS + " FROM audit_event WHERE action = ? ORDER BY id")
        .param(action)
        .query(AuditRows::entry)
        .list();
  }

  /** Runs SQL with the append-only trigger switched off, as an attacker with table rights could. */
  void bypassingTheTrigger(Runnable change) {
    jdbc.sql("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only").update();
    try {
      change.run();
    } finally {
      jdbc.sql("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only").update();
    }
  }
}
