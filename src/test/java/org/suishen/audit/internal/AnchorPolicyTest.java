package org.suishen.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.suishen.audit.internal.ChainCheckpoint.Status;
import org.suishen.audit.internal.ChainReport.Problem;

class AnchorPolicyTest {

  private static final Instant NOW = Instant.parse("2026-05-01T08:00:00Z");
  private final AnchorPolicy policy = new AnchorPolicy(Duration.ofMinutes(10));

  private static ChainCheckpoint verified(long seq, Instant anchoredAt) {
    return new ChainCheckpoint(
        1, seq, new byte[32], Status.VERIFIED, NOW, seq, null, null, null, anchoredAt, null);
  }

  @Test
  void aNewVerifiedHeadIsAnchoredAtMostOncePerInterval() {
    assertThat(policy.due(verified(5, null), null, NOW)).as("never anchored").isTrue();
    assertThat(policy.due(verified(5, null), NOW.minus(Duration.ofMinutes(10)), NOW)).isTrue();
    assertThat(policy.due(verified(5, null), NOW.minus(Duration.ofMinutes(9)), NOW)).isFalse();
  }

  @Test
  void nothingIsAnchoredTwiceNorWhileBrokenNorBeforeTheFirstEntry() {
    assertThat(policy.due(verified(5, NOW.minusSeconds(3600)), NOW.minusSeconds(3600), NOW))
        .isFalse();
    assertThat(policy.due(verified(0, null), null, NOW)).isFalse();
    assertThat(policy.due(null, null, NOW)).isFalse();
    var broken =
        new ChainCheckpoint(
            2, 5, new byte[32], Status.BROKEN, NOW, 0, 6L, 99L, Problem.TAMPERED, null, null);
    assertThat(policy.due(broken, null, NOW)).isFalse();
  }
}
