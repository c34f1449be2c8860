package org.suishen.venues.internal.rule;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.suishen.status.Colour;
import org.suishen.status.LatestTests.Latest;

/**
 * What a door asks today: the venue's own rule and every city rule in force over its kind. The
 * stricter wins: a person is admitted only if every rule admits them (the colours they all admit,
 * the lowest temperature limit, each rule's test requirement).
 */
public record EffectiveRule(List<AdmissionRule> rules) {

  public EffectiveRule {
    if (rules.isEmpty()) {
      throw new IllegalArgumentException("a door has at least its own rule");
    }
    rules = List.copyOf(rules);
  }

  public Set<Colour> admittedColours() {
    Set<Colour> colours = EnumSet.allOf(Colour.class);
    rules.forEach(r -> colours.retainAll(r.admittedColours()));
    return colours;
  }

  public BigDecimal maxTemperature() {
    return rules.stream()
        .map(AdmissionRule::maxTemperature)
        .min(BigDecimal::compareTo)
        .orElseThrow();
  }

  /** The shortest negative-test window asked (for display), or null. */
  public @Nullable Integer negativeWithinHours() {
    return rules.stream()
        .map(AdmissionRule::negativeWithinHours)
        .filter(java.util.Objects::nonNull)
        .min(Integer::compare)
        .orElse(null);
  }

  /** The shortest sampling window asked (for display), or null. */
  public @Nullable Integer sampledWithinHours() {
    return rules.stream()
        .map(AdmissionRule::sampledWithinHours)
        .filter(java.util.Objects::nonNull)
        .min(Integer::compare)
        .orElse(null);
  }

  /**
   * The door's decision for a person whose code or card was accepted: fever first (the device
   * measured it, whatever the code says), then the colour, then the tests.
   */
  public DoorReason decide(
      Colour colour, @Nullable Latest latest, @Nullable BigDecimal temperature, Instant at) {
    if (temperature != null && temperature.compareTo(maxTemperature()) > 0) {
      return DoorReason.FEVER;
    }
    if (!admittedColours().contains(colour)) {
      return DoorReason.COLOUR_NOT_ADMITTED;
    }
    for (AdmissionRule rule : rules) {
      if (!rule.testMet(latest, at)) {
        return DoorReason.NO_RECENT_TEST;
      }
    }
    return DoorReason.ADMITTED;
  }
}
