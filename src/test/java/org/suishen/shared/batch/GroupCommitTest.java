package org.suishen.shared.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Group writing without a database: answers in order, groups formed, failures and a full queue. */
class GroupCommitTest {

  private final List<Integer> sizes = new CopyOnWriteArrayList<>();
  private GroupCommit<Integer, String> groups;

  @AfterEach
  void stop() {
    if (groups != null) {
      groups.stop();
    }
  }

  @Test
  void everyJobGetsItsOwnResultAndJobsArrivingMeanwhileShareAGroup() throws Exception {
    var gate = new CountDownLatch(1);
    groups =
        new GroupCommit<>(
            "test",
            100,
            50,
            Duration.ofSeconds(5),
            1,
            jobs -> {
              try {
                gate.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return jobs.stream().map(j -> "done " + j).toList();
            },
            sizes::add);
    groups.start();
    try (var pool = Executors.newFixedThreadPool(10)) {
      var answers = new ArrayList<Future<String>>();
      for (int i = 0; i < 10; i++) {
        int job = i;
        answers.add(pool.submit(() -> groups.submit(job)));
      }
      // the first group is held in the writer until all the others wait behind it
      while (sizes.isEmpty() || groups.waiting() < 10 - sizes.getFirst()) {
        Thread.onSpinWait();
      }
      gate.countDown();
      for (int i = 0; i < 10; i++) {
        assertThat(answers.get(i).get()).isEqualTo("done " + i);
      }
    }
    // what arrived while the first group was in the writer went together as the second
    assertThat(sizes).hasSize(2);
    assertThat(sizes.get(0) + sizes.get(1)).isEqualTo(10);
  }

  @Test
  void aFailedGroupAndAStoppedWorkerAreRefusalsWithTheirReason() {
    groups =
        new GroupCommit<>(
            "test",
            10,
            10,
            Duration.ofSeconds(5),
            1,
            jobs -> List.of(), // one result short
            sizes::add);
    assertThatThrownBy(() -> groups.submit(1))
        .isInstanceOfSatisfying(
            GroupCommit.NotWritten.class,
            e -> assertThat(e.reason()).isEqualTo(GroupCommit.Reason.BUSY));
    groups.start();
    assertThatThrownBy(() -> groups.submit(1))
        .isInstanceOfSatisfying(
            GroupCommit.NotWritten.class,
            e -> assertThat(e.reason()).isEqualTo(GroupCommit.Reason.FAILED));
  }
}
