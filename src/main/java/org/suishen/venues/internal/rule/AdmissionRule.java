package org.suishen.venues.internal.rule;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.suishen.shared.problem.SuishenException;
import org.suishen.status.Colour;
import org.suishen.status.LatestTests.Latest;

/**
 * What one rule asks at the door (D2): the colours it admits, a test requirement and a temperature
 * limit. The test requirement is a negative result sampled within {@code negativeWithinHours}, or a
 * sample taken within {@code sampledWithinHours}; with both set, either will do (Shanghai, June
 * 2022: a 72 h negative or a 24 h sampling record); with neither, no test is asked.
 */
public record AdmissionRule(
    Set<Colour> admittedColours,
    @Nullable Integer negativeWithinHours,
    @Nullable Integer sampledWithinHours,
    BigDecimal maxTemperature) {

  /** A week: a longer window is no requirement at all, a shorter than an hour impossible. */
  static final int MAX_HOURS = 168;

  static final BigDecimal MIN_LIMIT = new BigDecimal("35.0");
  static final BigDecimal MAX_LIMIT = new BigDecimal("42.0");

  /** Green only, no test, 37.3 °C: what a venue admits until its manager says otherwise. */
  public static final AdmissionRule DEFAULT =
      new AdmissionRule(EnumSet.of(Colour.GREEN), null, null, new BigDecimal("37.3"));

  public AdmissionRule {
    admittedColours = Set.copyOf(admittedColours);
  }

  /** The rule as given, or a refusal naming what is impossible about it. */
  public static AdmissionRule of(
      @Nullable Set<Colour> colours,
      @Nullable Integer negativeWithinHours,
      @Nullable Integer sampledWithinHours,
      @Nullable BigDecimal maxTemperature) {
    if (colours == null || colours.isEmpty()) {
      throw SuishenException.badInput("venues.rule.no-colour");
    }
    for (Integer hours : new Integer[] {negativeWithinHours, sampledWithinHours}) {
      if (hours != null && (hours < 1 || hours > MAX_HOURS)) {
        throw SuishenException.badInput("venues.rule.window-invalid", hours, MAX_HOURS);
      }
    }
    BigDecimal limit = maxTemperature == null ? DEFAULT.maxTemperature() : maxTemperature;
    if (limit.compareTo(MIN_LIMIT) < 0 || limit.compareTo(MAX_LIMIT) > 0) {
      throw SuishenException.badInput("venues.rule.temperature-invalid", MIN_LIMIT, MAX_LIMIT);
    }
    return new AdmissionRule(
        EnumSet.copyOf(colours), negativeWithinHours, sampledWithinHours, limit.setScale(1));
  }

  /** Whether this rule asks for a test at all. */
  public boolean asksForTest() {
    return negativeWithinHours != null || sampledWithinHours != null;
  }

  /** Whether the person's latest tests meet this rule's test requirement at {@code at}. */
  public boolean testMet(@Nullable Latest latest, Instant at) {
    if (!asksForTest()) {
      return true;
    }
    if (latest == null) {
      return false;
    }
    return within(latest.negativeSampledAt(), negativeWithinHours, at)
        || within(latest.sampledAt(), sampledWithinHours, at);
  }

  private static boolean within(@Nullable Instant time, @Nullable Integer hours, Instant at) {
    return time != null
        && hours != null
        && !time.isAfter(at.plusSeconds(60))
        && !time.isBefore(at.minus(Duration.ofHours(hours)));
  }
}
