package org.suishen.status.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.suishen.shared.security.Actor;

/**
 * When the rules' figures changed since the last run (e.g. the no-recent-test rule was switched
 * on), every stored status is evaluated again in the background and changes are published. Until
 * then reads evaluate such statuses on the spot, so they are right in the meantime.
 */
@Component
class RulesChangeCatchUp {

  private static final Logger log = LoggerFactory.getLogger(RulesChangeCatchUp.class);

  private final StatusEngine engine;
  private final JdbcClient jdbc;

  RulesChangeCatchUp(StatusEngine engine, JdbcClient jdbc) {
    this.engine = engine;
    this.jdbc = jdbc;
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    Thread.ofVirtual().name("status-rules-catch-up").start(this::catchUp);
  }

  void catchUp() {
    try {
      run();
    } catch (RuntimeException e) {
      log.error("Status rules catch-up failed; it runs again on the next start", e);
    }
  }

  private void run() {
    String current = engine.fingerprint();
    String stored =
        jdbc.sql("SELECT value FROM status_engine_state WHERE name = 'fingerprint'")
            .query(String.class)
            .optional()
            .orElse(null);
    if (current.equals(stored)) {
      return;
    }
    log.info("Status rules changed ({} -> {}): re-evaluating every stored status", stored, current);
    int changed =
        engine.reevaluateEveryone(new Cause(Actor.system("status-engine"), "rules-changed"));
    jdbc.sql(
            "INSERT INTO status_engine_state (name, value) VALUES ('fingerprint', ?)"
                + " ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value")
        .param(current)
        .update();
    log.info("Status rules catch-up done: {} statuses changed", changed);
  }
}
