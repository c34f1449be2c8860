package org.suishen.demo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StepLoadTest {

  @Test
  void aStepsLineSharesTheMachinesTimeAndCountsWhatTheDatabaseDid() {
    var before =
        new StepLoad(
            0,
            0,
            1_000,
            50,
            2_000,
            900,
            100,
            0,
            10,
            100,
            4,
            Map.of("person", 500L, "person_pkey", 100L, "audit_event_unsealed_idx", 0L));
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
            6,
            Map.of(
                "person", 600L,
                "person_pkey", 300L,
                "audit_event_unsealed_idx", 700L,
                "venue", 10L));

    assertThat(after.since(before))
        .isEqualTo(
            "CPU: JVM 25 %, PostgreSQL and the rest 15 %, waiting on the disk 20 %, idle 40 %;"
                + " blocks 1,000, 10.0 % read outside the buffers; WAL 3 MB,"
                + " 30 % of records with a full-page image, 2 checkpoints;"
                + " most touched: audit_event_unsealed_idx 70 %, person_pkey 20 %, person 10 %");
    // 1 000 codes: 5 s of the JVM's and 3 s of the rest's CPU
    assertThat(after.cpuPer(before, 1_000, "code"))
        .isEqualTo("CPU per code: JVM 5000.0 µs, PostgreSQL and the rest 3000.0 µs");
  }

  @Test
  void nothingHappenedIsNoShareAtAll() {
    var same = new StepLoad(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of());

    assertThat(same.since(same)).contains("JVM 0 %", "blocks 0, 0.0 %", "0 checkpoints");
  }
}
