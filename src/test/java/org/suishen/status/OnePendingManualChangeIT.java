package org.suishen.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suishen.status.StatusTestSupport.person;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;
import org.suishen.status.internal.manual.ManualChange;
import org.suishen.status.internal.manual.ManualChangeProposal;
import org.suishen.status.internal.manual.ManualChangeService;
import org.suishen.support.Concurrently;
import org.suishen.support.IntegrationTest;

/**
 * One pending manual change per person, kept by the database (partial unique index V10_3): two
 * officers proposing at the same moment cannot both pass the check before the insert.
 */
@IntegrationTest
@Import(StatusTestSupport.class)
class OnePendingManualChangeIT {

  @Autowired ManualChangeService changes;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaction;

  private static ManualChangeProposal proposal(UUID personId, Colour colour) {
    return new ManualChangeProposal(
        personId, colour, "close-contact", "流调报告 2026-301 号：与确诊病例同乘航班", null, null);
  }

  private long pending(UUID personId) {
    return jdbc.sql(
            "SELECT count(*) FROM manual_status_change WHERE person_id = ? AND state = 'PROPOSED'")
        .param(personId)
        .query(Long.class)
        .single();
  }

  private long proposedAudits(UUID personId) {
    return jdbc.sql(
            "SELECT count(*) FROM audit_event WHERE subject = ? AND action = 'status.manual.proposed'")
        .param(personId)
        .query(Long.class)
        .single();
  }

  private static String code(Throwable failure) {
    assertThat(failure).isInstanceOf(SuishenException.class);
    return ((SuishenException) failure).code();
  }

  @Test
  void twoOfficersProposingAtOnceExactlyOneWinsTheOtherIsRefused() throws Exception {
    for (int round = 0; round < 3; round++) {
      UUID personId = person(jdbc).id();
      List<Concurrently.Outcome<ManualChange>> outcomes =
          Concurrently.run(
              List.of(
                  () -> changes.propose(proposal(personId, Colour.RED), Actor.staff("officer-a")),
                  () ->
                      changes.propose(
                          proposal(personId, Colour.YELLOW), Actor.staff("officer-b"))));
      assertThat(outcomes).filteredOn(Concurrently.Outcome::succeeded).hasSize(1);
      var refused = outcomes.stream().filter(o -> !o.succeeded()).toList();
      assertThat(refused).hasSize(1);
      assertThat(code(refused.getFirst().failure())).isEqualTo("status.manual.pending-exists");
      assertThat(pending(personId)).isEqualTo(1);
      assertThat(proposedAudits(personId)).as("the refused proposal left no trace").isEqualTo(1);
    }
  }

  @Test
  void aProposalThatPassedTheCheckBeforeTheOtherCommittedIsRefusedByTheIndex() throws Exception {
    UUID personId = person(jdbc).id();
    // own threads: the common pool may have a single one, and the first task blocks on purpose
    ExecutorService threads = Executors.newFixedThreadPool(2);
    var proposed = new CountDownLatch(1);
    var commit = new CountDownLatch(1);
    // the first proposal is written but not yet committed: the second one's check sees nothing
    var first =
        CompletableFuture.supplyAsync(
            () ->
                transaction.execute(
                    status -> {
                      var change =
                          changes.propose(proposal(personId, Colour.RED), Actor.staff("officer-a"));
                      proposed.countDown();
                      await(commit);
                      return change;
                    }),
            threads);
    assertThat(proposed.await(60, TimeUnit.SECONDS)).isTrue();
    var second =
        CompletableFuture.supplyAsync(
            () -> changes.propose(proposal(personId, Colour.YELLOW), Actor.staff("officer-b")),
            threads);
    // the second insert waits on the unique index for the first transaction's outcome
    Concurrently.awaitTransactionWait(jdbc);
    commit.countDown();

    assertThat(first.get(60, TimeUnit.SECONDS).state()).isEqualTo(ManualChange.State.PROPOSED);
    Throwable refused = second.handle((change, e) -> e).get(60, TimeUnit.SECONDS);
    assertThat(refused).isNotNull();
    assertThat(code(refused.getCause() == null ? refused : refused.getCause()))
        .isEqualTo("status.manual.pending-exists");
    assertThat(pending(personId)).isEqualTo(1);
    assertThat(proposedAudits(personId)).isEqualTo(1);
    threads.close();
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
