package org.suishen.healthcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.suishen.healthcode.internal.code.SubjectRenewal;
import org.suishen.shared.security.Actor;
import org.suishen.status.Colour;
import org.suishen.support.Concurrently;

/**
 * An administrator's action and its audit entry commit together: when the audit entry cannot be
 * written, the action has not happened (here the database refuses the entry by a trigger).
 */
@HealthCodeIntegrationTest
class AdminActionAuditIT {

  private static final String TRIGGER = "admin_action_audit_it_refuses";

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Autowired CodeTokens tokens;
  @Autowired SubjectRenewal renewal;

  /** From now on the audit trail refuses entries that match {@code condition} (SQL on NEW). */
  private void refuseAuditEntries(String condition) {
    jdbc.sql(
            "CREATE OR REPLACE FUNCTION "
                + TRIGGER
                + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " RAISE EXCEPTION 'audit entry refused by AdminActionAuditIT'; END $$")
        .update();
    jdbc.sql(
            "CREATE TRIGGER "
                + TRIGGER
                + " BEFORE INSERT ON audit_event FOR EACH ROW WHEN ("
                + condition
                + ") EXECUTE FUNCTION "
                + TRIGGER
                + "()")
        .update();
  }

  @AfterEach
  void acceptAuditEntriesAgain() {
    jdbc.sql("DROP TRIGGER IF EXISTS " + TRIGGER + " ON audit_event").update();
    jdbc.sql("DROP FUNCTION IF EXISTS " + TRIGGER + "()").update();
  }

  /** Whether each of the person's references is withdrawn, the withdrawn ones first. */
  private List<Boolean> referencesRevoked(UUID personId) {
    return jdbc.sql(
            "SELECT revoked_at IS NOT NULL FROM code_subject WHERE person_id = ?"
                + " ORDER BY revoked_at IS NULL")
        .param(personId)
        .query(Boolean.class)
        .list();
  }

  private long audited(String action, UUID subject) {
    return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = ? AND subject = ?")
        .param(action)
        .param(subject)
        .query(Long.class)
        .single();
  }

  private int renew(UUID personId) throws Exception {
    return mvc.perform(
            post("/api/admin/code-subjects/" + personId + "/renew")
                .with(user("admin").roles("ADMINISTRATOR"))
                .with(HealthCodeFixtures.xsrf()))
        .andReturn()
        .getResponse()
        .getStatus();
  }

  @Test
  void aRenewalWhoseAuditEntryFailsLeavesTheReferenceAsItWas() throws Exception {
    var person = new HealthCodeFixtures(jdbc, clock).person();
    tokens.issue(CodeType.LIVE, person.id(), null, Duration.ofMinutes(1), Colour.GREEN);
    assertThat(referencesRevoked(person.id())).containsExactly(false);

    refuseAuditEntries(
        "NEW.action = 'healthcode.subject.renewed' AND NEW.subject = '" + person.id() + "'");
    assertThat(renew(person.id())).isEqualTo(500);
    assertThat(referencesRevoked(person.id())).as("no renewal").containsExactly(false);
    assertThat(audited("healthcode.subject.renewed", person.id())).isZero();

    acceptAuditEntriesAgain();
    assertThat(renew(person.id())).isEqualTo(200);
    assertThat(referencesRevoked(person.id())).containsExactly(true, false);
    assertThat(audited("healthcode.subject.renewed", person.id())).isEqualTo(1);
  }

  @Test
  void twoRenewalsAtOnceBothTakeEffectOneAfterTheOther() throws Exception {
    var person = new HealthCodeFixtures(jdbc, clock).person();
    tokens.issue(CodeType.LIVE, person.id(), null, Duration.ofMinutes(1), Colour.GREEN);
    var outcomes =
        Concurrently.run(
            List.<java.util.concurrent.Callable<UUID>>of(
                () -> renewal.renew(person.id(), Actor.staff("admin"), "lost phone"),
                () -> renewal.renew(person.id(), Actor.staff("admin2"), "lost phone")));
    assertThat(outcomes).allMatch(Concurrently.Outcome::succeeded);
    // the first reference and the first renewal's are withdrawn; one reference is current
    assertThat(referencesRevoked(person.id())).containsExactly(true, true, false);
    assertThat(audited("healthcode.subject.renewed", person.id())).isEqualTo(2);
  }

  @Test
  void aRotationWhoseAuditEntryFailsLeavesTheKeysAsTheyWere() throws Exception {
    var keysBefore =
        jdbc.sql("SELECT key_id || ':' || status FROM signing_key ORDER BY key_id")
            .query(String.class)
            .list();
    refuseAuditEntries("NEW.action = 'healthcode.key.rotated'");
    int status =
        mvc.perform(
                post("/api/admin/keys/rotate")
                    .with(user("admin").roles("ADMINISTRATOR"))
                    .with(HealthCodeFixtures.xsrf()))
            .andReturn()
            .getResponse()
            .getStatus();
    assertThat(status).isEqualTo(500);
    assertThat(
            jdbc.sql("SELECT key_id || ':' || status FROM signing_key ORDER BY key_id")
                .query(String.class)
                .list())
        .as("no new key, the signer unchanged")
        .isEqualTo(keysBefore);
    // the node still signs with the key it had: a fresh code is accepted
    var code =
        tokens.issue(
            CodeType.LIVE,
            new HealthCodeFixtures(jdbc, clock).person().id(),
            null,
            Duration.ofMinutes(1),
            Colour.GREEN);
    assertThat(tokens.check(code.token(), java.util.Set.of(CodeType.LIVE)).reason())
        .isEqualTo(ScanReason.OK);
  }
}
