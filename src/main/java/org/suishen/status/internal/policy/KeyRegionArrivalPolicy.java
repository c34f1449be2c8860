package org.suishen.status.internal.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.suishen.status.Colour;

/**
 * Yellow (observe) for a number of days (14 by default) from an arrival from a region that the
 * authority listed as a key region on the day of arrival (MISSION H2). The days are calendar days
 * in the city's time zone: arriving on day 0, the person is yellow through day 13 and green from
 * the first moment of day 14.
 */
public final class KeyRegionArrivalPolicy implements StatusPolicy {

  private final int observationDays;
  private final ZoneId zone;

  public KeyRegionArrivalPolicy(int observationDays, ZoneId zone) {
    if (observationDays < 1) {
      throw new IllegalArgumentException("observation days must be positive");
    }
    this.observationDays = observationDays;
    this.zone = zone;
  }

  @Override
  public String rule() {
    return Rules.KEY_REGION_ARRIVAL;
  }

  @Override
  public Optional<Finding> assess(PersonFacts facts, Instant now) {
    var observed =
        qualifying(facts).filter(a -> !now.isBefore(startOf(a)) && now.isBefore(endOf(a))).toList();
    if (observed.isEmpty()) {
      return Optional.empty();
    }
    RegionArrival longest = observed.stream().max(Comparator.comparing(this::endOf)).orElseThrow();
    Instant since =
        observed.stream().map(this::startOf).min(Comparator.naturalOrder()).orElseThrow();
    return Optional.of(
        new Finding(Colour.YELLOW, rule(), Rules.REASON_KEY_REGION, longest.source(), since));
  }

  @Override
  public Stream<Instant> boundaries(PersonFacts facts) {
    return qualifying(facts).flatMap(a -> Stream.of(startOf(a), endOf(a)));
  }

  /** The last day (inclusive) on which an arrival on {@code arrivedOn} keeps a person yellow. */
  public LocalDate lastObservedDay(LocalDate arrivedOn) {
    return arrivedOn.plusDays(observationDays - 1L);
  }

  private Stream<RegionArrival> qualifying(PersonFacts facts) {
    return facts.arrivals().stream()
        .filter(
            a ->
                facts.keyRegions().stream().anyMatch(k -> k.covers(a.regionCode(), a.arrivedOn())));
  }

  private Instant startOf(RegionArrival arrival) {
    return arrival.arrivedOn().atStartOfDay(zone).toInstant();
  }

  private Instant endOf(RegionArrival arrival) {
    return arrival.arrivedOn().plusDays(observationDays).atStartOfDay(zone).toInstant();
  }
}
