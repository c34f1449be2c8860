package org.suishen.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.audit.internal.ChainReport.Problem;
import org.suishen.shared.security.Actor;
import org.suishen.support.IntegrationTest;

@IntegrationTest
class AuditChainIT {

  @Autowired AuditTrail trail;
  @Autowired Clock clock;
  @Autowired AuditSealer sealer;
  @Autowired AuditChainVerifier verifier;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;

  private AuditChainFixtures chain() {
    return new AuditChainFixtures(trail, sealer, jdbc);
  }

  private List<AuditEntry> recordAndSeal(String action, int count) {
    return chain().recordAndSeal(action, null, count);
  }

  private List<AuditEntry> entries(String action) {
    return chain().entries(action);
  }

  private static String uniqueAction() {
    return AuditChainFixtures.uniqueAction("test.chain.");
  }

  private void bypassingTheTrigger(Runnable change) {
    chain().bypassingTheTrigger(change);
  }

  @Test
  void committedEntriesAreSealedInIdOrderIntoAnIntactChain() {
    List<AuditEntry> sealed = recordAndSeal(uniqueAction(), 5);
    assertThat(sealed).hasSize(5).allMatch(AuditEntry::sealed);
    List<Long> seqs = sealed.stream().map(AuditEntry::chainSeq).toList();
    assertThat(seqs).isSorted().doesNotHaveDuplicates();
    // each hash links to the stored hash of the previous position
    for (AuditEntry entry : sealed) {
      byte[] previous =
          entry.chainSeq() == 1
              ? ChainEncoding.genesis()
              : jdbc.sql("SELECT hash FROM audit_event WHERE chain_seq = ?")
                  .param(entry.chainSeq() - 1)
                  .query((rs, row) -> rs.getBytes(1))
                  .single();
      assertThat(ChainEncoding.hash(previous, entry.chainSeq(), entry)).isEqualTo(entry.hash());
    }
    ChainReport report = verifier.verify(seqs.getFirst(), seqs.getLast());
    assertThat(report.intact()).isTrue();
    assertThat(report.verified()).isEqualTo(seqs.getLast() - seqs.getFirst() + 1);
    assertThat(verifier.verify().intact()).isTrue();
  }

  @Test
  void aChangedEntryIsDetectedAtItsPosition() {
    List<AuditEntry> sealed = recordAndSeal(uniqueAction(), 3);
    AuditEntry victim = sealed.get(1);
    bypassingTheTrigger(
        () ->
            jdbc.sql("UPDATE audit_event SET reason = 'nothing to see' WHERE id = ?")
                .param(victim.id())
                .update());
    try {
      ChainReport report = verifier.verify(sealed.getFirst().chainSeq(), null);
      assertThat(report.intact()).isFalse();
      assertThat(report.broken())
          .isEqualTo(new ChainReport.BrokenLink(victim.chainSeq(), victim.id(), Problem.TAMPERED));
      assertThat(verifier.verify().broken().seq()).isEqualTo(victim.chainSeq());
    } finally {
      bypassingTheTrigger(
          () ->
              jdbc.sql("UPDATE audit_event SET reason = ? WHERE id = ?")
                  .param(victim.reason())
                  .param(victim.id())
                  .update());
    }
    assertThat(verifier.verify().intact()).isTrue();
  }

  @Test
  void aDeletedEntryIsDetectedAtItsPosition() {
    List<AuditEntry> sealed = recordAndSeal(uniqueAction(), 3);
    AuditEntry victim = sealed.get(1);
    bypassingTheTrigger(
        () -> jdbc.sql("DELETE FROM audit_event WHERE id = ?").param(victim.id()).update());
    try {
      ChainReport report = verifier.verify();
      assertThat(report.intact()).isFalse();
      assertThat(report.broken())
          .isEqualTo(new ChainReport.BrokenLink(victim.chainSeq(), null, Problem.MISSING));
    } finally {
      restore(victim);
    }
    assertThat(verifier.verify().intact()).isTrue();
  }

  @Test
  void deletingTheNewestSealedEntryIsDetected() {
    AuditEntry newest = recordAndSeal(uniqueAction(), 1).getFirst();
    bypassingTheTrigger(
        () -> jdbc.sql("DELETE FROM audit_event WHERE id = ?").param(newest.id()).update());
    try {
      ChainReport report = verifier.verify(newest.chainSeq(), null);
      assertThat(report.broken())
          .isEqualTo(new ChainReport.BrokenLink(newest.chainSeq(), null, Problem.MISSING));
    } finally {
      restore(newest);
    }
    assertThat(verifier.verify(newest.chainSeq(), null).intact()).isTrue();
  }

  @Test
  void anEntryOfARolledBackTransactionLeavesNoTraceAndNoGap() {
    String action = uniqueAction();
    trail.record(AuditEvent.of(Actor.staff("chain.tester"), action, null, "before"));
    transactions.executeWithoutResult(
        status -> {
          trail.record(AuditEvent.of(Actor.staff("chain.tester"), action, null, "rolled back"));
          status.setRollbackOnly();
        });
    trail.record(AuditEvent.of(Actor.staff("chain.tester"), action, null, "after"));
    sealer.seal(true);

    List<AuditEntry> sealed = entries(action);
    assertThat(sealed).extracting(AuditEntry::reason).containsExactly("before", "after");
    long first = sealed.getFirst().chainSeq();
    long last = sealed.getLast().chainSeq();
    assertThat(
            jdbc.sql("SELECT count(*) FROM audit_event WHERE chain_seq BETWEEN ? AND ?")
                .param(first)
                .param(last)
                .query(Long.class)
                .single())
        .as("every position between the two entries is taken")
        .isEqualTo(last - first + 1);
    assertThat(verifier.verify(first, last).intact()).isTrue();
  }

  @Test
  void theTableRefusesEveryChangeButTheOneTimeSeal() {
    AuditEntry sealed = recordAndSeal(uniqueAction(), 1).getFirst();
    List<Runnable> attacks = new ArrayList<>();
    attacks.add(
        () ->
            jdbc.sql("UPDATE audit_event SET reason = 'x' WHERE id = ?")
                .param(sealed.id())
                .update());
    attacks.add(
        () ->
            jdbc.sql("UPDATE audit_event SET chain_seq = chain_seq + 1000000000 WHERE id = ?")
                .param(sealed.id())
                .update());
    attacks.add(() -> jdbc.sql("DELETE FROM audit_event WHERE id = ?").param(sealed.id()).update());
    attacks.add(() -> jdbc.sql("TRUNCATE audit_event").update());
    for (Runnable attack : attacks) {
      assertThatThrownBy(attack::run)
          .isInstanceOf(DataAccessException.class)
          .rootCause()
          .hasMessageContaining("append-only");
    }
    assertThat(entries(sealed.action()))
        .extracting(AuditEntry::id, AuditEntry::reason, AuditEntry::chainSeq)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(sealed.id(), sealed.reason(), sealed.chainSeq()));

    // an unsealed row may be sealed once, but its content may not change while doing so
    transactions.executeWithoutResult(
        status -> {
          status.setRollbackOnly();
          trail.record(AuditEvent.of(Actor.staff("chain.tester"), "test.unsealed", null, "r"));
          long id =
              jdbc.sql("SELECT max(id) FROM audit_event WHERE action = 'test.unsealed'")
                  .query(Long.class)
                  .single();
          assertThatThrownBy(
                  () ->
                      jdbc.sql(
                              "UPDATE audit_event SET chain_seq = -1, hash = '\\x00', reason = 'y'"
                                  + " WHERE id = ?")
                          .param(id)
                          .update())
              .rootCause()
              .hasMessageContaining("append-only");
        });
  }

  @Test
  void entriesLeftUnsealedTooLongAreReported() {
    transactions.executeWithoutResult(
        status -> {
          status.setRollbackOnly();
          jdbc.sql(
                  "INSERT INTO audit_event (occurred_at, actor, action, reason) VALUES (?, ?, ?, ?)")
              .param(OffsetDateTime.now(clock).minusHours(1))
              .param("system:test")
              .param("test.stuck")
              .param("an entry nobody sealed")
              .update();
          ChainReport report = verifier.verify();
          assertThat(report.unsealedOverdue()).isPositive();
          assertThat(report.oldestUnsealedAt()).isNotNull();
          assertThat(report.healthy()).isFalse();
        });
  }

  @Test
  void verifyingBeyondTheHeadFindsNothingToCheck() {
    long head = jdbc.sql("SELECT chain_seq FROM audit_chain_head").query(Long.class).single();
    ChainReport report = verifier.verify(head + 10, null);
    assertThat(report.intact()).isTrue();
    assertThat(report.verified()).isZero();
  }

  private void restore(AuditEntry entry) {
    bypassingTheTrigger(
        () ->
            jdbc.sql(
                    "INSERT INTO audit_event (id, occurred_at, actor, action, subject, reason,"
                        + " detail, chain_seq, hash) OVERRIDING SYSTEM VALUE"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .param(entry.id())
                .param(entry.occurredAt().atOffset(java.time.ZoneOffset.UTC))
                .param(entry.actor())
                .param(entry.action())
                .param(entry.subject())
                .param(entry.reason())
                .param(entry.detail())
                .param(entry.chainSeq())
                .param(entry.hash())
                .update());
  }
}
