package org.suishen.appeals.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EvidenceRetentionTest {

  private static final Instant ANSWERED = Instant.parse("2024-02-10T06:30:00Z");

  private final EvidenceRetention rule = new EvidenceRetention(Duration.ofDays(180));

  @Test
  void openAppealsKeepTheirFilesHoweverOld() {
    Instant muchLater = Instant.parse("2030-01-01T00:00:00Z");
    assertThat(rule.purgeDue(AppealState.SUBMITTED, null)).isEmpty();
    assertThat(rule.due(AppealState.SUBMITTED, null, muchLater)).isFalse();
    assertThat(rule.due(AppealState.IN_REVIEW, null, muchLater)).isFalse();
  }

  @Test
  void decidedAppealsKeepTheirFiles180DaysAfterTheAnswer() {
    // 2024 is a leap year: 10 February + 180 days = 8 August
    Instant due = Instant.parse("2024-08-08T06:30:00Z");
    assertThat(rule.purgeDue(AppealState.UPHELD, ANSWERED)).contains(due);
    assertThat(rule.purgeDue(AppealState.REJECTED, ANSWERED)).contains(due);
    assertThat(rule.due(AppealState.REJECTED, ANSWERED, Instant.parse("2024-08-08T06:29:59Z")))
        .isFalse();
    assertThat(rule.due(AppealState.REJECTED, ANSWERED, due)).isTrue();
    assertThat(rule.due(AppealState.UPHELD, ANSWERED, Instant.parse("2024-12-01T00:00:00Z")))
        .isTrue();
  }

  @Test
  void theCutoffIsNowMinusTheRetention() {
    assertThat(rule.decidedBy(Instant.parse("2024-08-08T06:30:00Z"))).isEqualTo(ANSWERED);
  }

  @Test
  void zeroDeletesAtTheNextRunAndNegativeIsRefused() {
    var atOnce = new EvidenceRetention(Duration.ZERO);
    assertThat(atOnce.due(AppealState.UPHELD, ANSWERED, ANSWERED)).isTrue();
    assertThatThrownBy(() -> new EvidenceRetention(Duration.ofDays(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
