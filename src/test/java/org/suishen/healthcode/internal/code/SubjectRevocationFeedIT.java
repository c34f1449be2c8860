package org.suishen.healthcode.internal.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.healthcode.HealthCodeIntegrationTest;
import org.suishen.status.StatusTestSupport;

/**
 * The feed of withdrawn references never skips one: not two withdrawn in the same instant across a
 * page boundary (the clock is fixed in tests, so every withdrawal here has the same time), and not
 * one whose transaction commits after a later one.
 */
@HealthCodeIntegrationTest
class SubjectRevocationFeedIT {

  @Autowired SubjectRevocationFeed feed;
  @Autowired JdbcCodeSubjects subjects;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired MockMvc mvc;

  @Test
  void twoWithdrawalsOfTheSameInstantAreBothDeliveredAcrossPages() {
    long since = everythingSoFar();
    UUID first = withdraw(StatusTestSupport.person(jdbc).id());
    UUID second = withdraw(StatusTestSupport.person(jdbc).id());

    var one = feed.page(since, 1);
    var two = feed.page(one.next(), 1);

    assertThat(one.entries())
        .extracting(JdbcCodeSubjects.Revoked::personRef)
        .containsExactly(first);
    assertThat(one.more()).isTrue();
    assertThat(two.entries())
        .extracting(JdbcCodeSubjects.Revoked::personRef)
        .containsExactly(second);
    assertThat(one.entries().getFirst().revokedAt())
        .isEqualTo(two.entries().getFirst().revokedAt());
  }

  @Test
  void aWithdrawalThatCommitsLateIsDeliveredAfterALaterOne() throws Exception {
    long since = everythingSoFar();
    UUID early = StatusTestSupport.person(jdbc).id();
    UUID late = StatusTestSupport.person(jdbc).id();
    subjects.referenceOf(early);
    subjects.referenceOf(late);
    var withdrawn = new CountDownLatch(1);
    var commit = new CountDownLatch(1);
    // the earlier transaction withdraws first and stays open while a later one commits
    CompletableFuture<UUID> slow =
        CompletableFuture.supplyAsync(
            () ->
                transaction.execute(
                    status -> {
                      UUID ref = subjects.referenceOf(early);
                      subjects.renew(early);
                      withdrawn.countDown();
                      await(commit);
                      return ref;
                    }));
    assertThat(withdrawn.await(10, TimeUnit.SECONDS)).isTrue();
    UUID fast = withdraw(late);

    var whileOpen = feed.page(since, 1000);
    assertThat(whileOpen.entries()).isEmpty(); // the open transaction holds the horizon back
    commit.countDown();
    UUID slowRef = slow.get(10, TimeUnit.SECONDS);

    var delivered = new ArrayList<UUID>();
    long next = whileOpen.next();
    boolean more;
    do {
      var page = feed.page(next, 1000);
      page.entries().forEach(r -> delivered.add(r.personRef()));
      next = page.next();
      more = page.more();
    } while (more);
    assertThat(delivered).contains(slowRef, fast);
  }

  @Test
  void theApiPagesByVersionAndRefusesABadSince() throws Exception {
    mvc.perform(get("/api/revocations/subjects").param("since", "0"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.since").value(0))
        .andExpect(jsonPath("$.next").isNumber())
        .andExpect(header().exists("ETag"));
    for (String bad : List.of("-1", "yesterday", "2026-03-01T00:00:00Z")) {
      mvc.perform(get("/api/revocations/subjects").param("since", bad).param("lang", "en"))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("healthcode.revocations.since"));
    }
  }

  /** The version up to which everything earlier tests withdrew has been delivered. */
  private long everythingSoFar() {
    long since = 0;
    while (true) {
      var page = feed.page(since, 1000);
      since = page.next();
      if (!page.more()) {
        return since;
      }
    }
  }

  private UUID withdraw(UUID personId) {
    UUID ref = subjects.referenceOf(personId);
    subjects.renew(personId);
    return ref;
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test did not let the transaction commit");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
