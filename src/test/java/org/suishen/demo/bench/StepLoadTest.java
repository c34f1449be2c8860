package org.suishen.demo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StepLoadTest {

  @Test
  void aStepsLineSharesTheMachinesTimeAndCountsWhatTheDatabaseDid() {
    var before = new StepLoad(0, 0, 1_000, 50, 2_000, 900, 100, 0, 10, 100, 4);
    // 10 s on 2 cores = 2 000 ticks: JVM 5 s (500), the rest 300, waiting 400, idle 800
    var after =
        new StepLoad(
            10_000_000_000L,
            5_000_000_000L,
            1_800,
            450,
            2_800,
            1_800,
            200,
            3L * 1024 * 1024,
            70,
            300,
            6);

    assertThat(after.since(before))
        .isEqualTo(
            "CPU: JVM 25 %, PostgreSQL and the rest 15 %, waiting on the disk 20 %, idle 40 %;"
                + " blocks 1,000, 10.0 % read outside the buffers; WAL 3 MB,"
                + " 30 % of records with a full-page image, 2 checkpoints");
  }

  @Test
  void nothingHappenedIsNoShareAtAll() {
    var same = new StepLoad(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    assertThat(same.since(same)).contains("JVM 0 %", "blocks 0, 0.0 %", "0 checkpoints");
  }
}
