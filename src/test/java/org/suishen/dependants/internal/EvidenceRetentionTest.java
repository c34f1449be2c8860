package org.suishen.dependants.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.suishen.dependants.Binding;
import org.suishen.dependants.BindingState;
import org.suishen.dependants.DependantKind;
import org.suishen.dependants.Evidence;
import org.suishen.dependants.Relationship;
import org.suishen.dependants.RemovalCause;

class EvidenceRetentionTest {

  private static final Instant REQUESTED = Instant.parse("2024-01-10T02:00:00Z");
  private static final Instant DECIDED = Instant.parse("2024-03-01T04:00:00Z");

  private final EvidenceRetention rule =
      new EvidenceRetention(Duration.ofDays(90), Duration.ofDays(30), Duration.ZERO);

  private static Binding binding(
      BindingState state, @Nullable Instant approvedAt, @Nullable Instant endedAt) {
    return new Binding(
        UUID.randomUUID(),
        UUID.randomUUID(),
        UUID.randomUUID(),
        DependantKind.ELDERLY,
        Relationship.GRANDPARENT,
        Evidence.UPLOADED_PAGE,
        state,
        REQUESTED,
        approvedAt,
        endedAt,
        null,
        state == BindingState.REMOVED ? RemovalCause.HOLDER : null);
  }

  @Test
  void aPendingApplicationKeepsItsPageHoweverOld() {
    var pending = binding(BindingState.PENDING, null, null);
    assertThat(rule.purgeDue(pending)).isEmpty();
    assertThat(rule.due(pending, Instant.parse("2034-01-01T00:00:00Z"))).isFalse();
  }

  @Test
  void anApprovedPageIsKept90DaysAfterTheApproval() {
    var approved = binding(BindingState.APPROVED, DECIDED, null);
    // 2024 is a leap year: 1 March + 90 days = 30 May
    assertThat(rule.purgeDue(approved)).contains(Instant.parse("2024-05-30T04:00:00Z"));
    assertThat(rule.due(approved, Instant.parse("2024-05-30T03:59:59Z"))).isFalse();
    assertThat(rule.due(approved, Instant.parse("2024-05-30T04:00:00Z"))).isTrue();
  }

  @Test
  void aRejectedPageIsKept30DaysAfterTheRejection() {
    var rejected = binding(BindingState.REJECTED, null, DECIDED);
    assertThat(rule.purgeDue(rejected)).contains(Instant.parse("2024-03-31T04:00:00Z"));
    assertThat(rule.due(rejected, Instant.parse("2024-03-31T03:59:59Z"))).isFalse();
    assertThat(rule.due(rejected, Instant.parse("2024-03-31T04:00:00Z"))).isTrue();
  }

  @Test
  void aWithdrawnOrEndedBindingsPageGoesAtTheNextRun() {
    var removed = binding(BindingState.REMOVED, DECIDED, Instant.parse("2024-04-02T08:00:00Z"));
    assertThat(rule.purgeDue(removed)).contains(Instant.parse("2024-04-02T08:00:00Z"));
    assertThat(rule.due(removed, Instant.parse("2024-04-02T07:59:59Z"))).isFalse();
    assertThat(rule.due(removed, Instant.parse("2024-04-02T08:00:00Z"))).isTrue();
  }

  @Test
  void theCutoffsAreNowMinusEachPeriod() {
    var cutoffs = rule.cutoffs(Instant.parse("2024-06-01T00:00:00Z"));
    assertThat(cutoffs.approvedBy()).isEqualTo(Instant.parse("2024-03-03T00:00:00Z"));
    assertThat(cutoffs.rejectedBy()).isEqualTo(Instant.parse("2024-05-02T00:00:00Z"));
    assertThat(cutoffs.removedBy()).isEqualTo(Instant.parse("2024-06-01T00:00:00Z"));
  }

  @Test
  void negativePeriodsAreRefused() {
    assertThatThrownBy(
            () -> new EvidenceRetention(Duration.ofDays(-1), Duration.ZERO, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
