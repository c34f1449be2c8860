package org.suishen.venues.internal.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.suishen.shared.problem.SuishenException;
import org.suishen.status.Colour;
import org.suishen.status.LatestTests.Latest;

class EffectiveRuleTest {

  static final Instant NOW = Instant.parse("2022-06-10T02:00:00Z");

  static Latest negativeHoursAgo(int hours) {
    Instant t = NOW.minus(Duration.ofHours(hours));
    return new Latest(t, t, t.plus(Duration.ofHours(8)));
  }

  static final AdmissionRule MALL_48H = AdmissionRule.of(EnumSet.of(Colour.GREEN), 48, null, null);

  @Test
  void aGreenPersonWithANegativeYesterdayIsAdmittedAtAMallAsking48h() {
    var rule = new EffectiveRule(List.of(MALL_48H));
    assertThat(rule.decide(Colour.GREEN, negativeHoursAgo(24), null, NOW))
        .isEqualTo(DoorReason.ADMITTED);
  }

  @Test
  void aNegativeThreeDaysAgoIsNoRecentTest() {
    var rule = new EffectiveRule(List.of(MALL_48H));
    assertThat(rule.decide(Colour.GREEN, negativeHoursAgo(72), null, NOW))
        .isEqualTo(DoorReason.NO_RECENT_TEST);
    assertThat(rule.decide(Colour.GREEN, null, null, NOW)).isEqualTo(DoorReason.NO_RECENT_TEST);
  }

  @Test
  void yellowIsRefusedByColourAndFeverComesFirst() {
    var rule = new EffectiveRule(List.of(AdmissionRule.DEFAULT));
    assertThat(rule.decide(Colour.YELLOW, null, null, NOW))
        .isEqualTo(DoorReason.COLOUR_NOT_ADMITTED);
    assertThat(rule.decide(Colour.GREEN, null, new BigDecimal("37.3"), NOW))
        .isEqualTo(DoorReason.ADMITTED);
    assertThat(rule.decide(Colour.YELLOW, null, new BigDecimal("38.2"), NOW))
        .isEqualTo(DoorReason.FEVER);
  }

  @Test
  void aSampleWithin24hIsTheAlternativeToA72hNegative() {
    var shanghai = AdmissionRule.of(EnumSet.of(Colour.GREEN), 72, 24, null);
    var rule = new EffectiveRule(List.of(shanghai));
    Instant sampled = NOW.minus(Duration.ofHours(5));
    var sampledOnly = new Latest(sampled, null, null);
    assertThat(rule.decide(Colour.GREEN, sampledOnly, null, NOW)).isEqualTo(DoorReason.ADMITTED);
    assertThat(rule.decide(Colour.GREEN, negativeHoursAgo(70), null, NOW))
        .isEqualTo(DoorReason.ADMITTED);
    assertThat(rule.decide(Colour.GREEN, negativeHoursAgo(80), null, NOW))
        .isEqualTo(DoorReason.NO_RECENT_TEST);
  }

  @Test
  void theStricterRuleWins() {
    var venue =
        AdmissionRule.of(
            EnumSet.of(Colour.GREEN, Colour.YELLOW), null, null, new BigDecimal("37.5"));
    var city = AdmissionRule.of(EnumSet.of(Colour.GREEN), 72, null, new BigDecimal("37.0"));
    var rule = new EffectiveRule(List.of(venue, city));
    assertThat(rule.admittedColours()).containsExactly(Colour.GREEN);
    assertThat(rule.maxTemperature()).isEqualByComparingTo("37.0");
    assertThat(rule.negativeWithinHours()).isEqualTo(72);
    assertThat(rule.decide(Colour.GREEN, negativeHoursAgo(100), null, NOW))
        .isEqualTo(DoorReason.NO_RECENT_TEST);
    assertThat(rule.decide(Colour.GREEN, negativeHoursAgo(10), new BigDecimal("37.2"), NOW))
        .isEqualTo(DoorReason.FEVER);
  }

  @Test
  void impossibleRulesAreRefusedWithTheirCodes() {
    assertThatThrownBy(() -> AdmissionRule.of(EnumSet.noneOf(Colour.class), null, null, null))
        .isInstanceOfSatisfying(
            SuishenException.class, e -> assertThat(e.code()).isEqualTo("venues.rule.no-colour"));
    assertThatThrownBy(() -> AdmissionRule.of(EnumSet.of(Colour.GREEN), 0, null, null))
        .isInstanceOfSatisfying(
            SuishenException.class,
            e -> assertThat(e.code()).isEqualTo("venues.rule.window-invalid"));
    assertThatThrownBy(() -> AdmissionRule.of(EnumSet.of(Colour.GREEN), null, 1000, null))
        .isInstanceOfSatisfying(
            SuishenException.class,
            e -> assertThat(e.code()).isEqualTo("venues.rule.window-invalid"));
    assertThatThrownBy(
            () -> AdmissionRule.of(EnumSet.of(Colour.GREEN), null, null, new BigDecimal("45")))
        .isInstanceOfSatisfying(
            SuishenException.class,
            e -> assertThat(e.code()).isEqualTo("venues.rule.temperature-invalid"));
  }
}
