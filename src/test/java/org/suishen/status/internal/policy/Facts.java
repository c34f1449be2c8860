package org.suishen.status.internal.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.status.Colour;
import org.suishen.status.TestOutcome;
import org.suishen.status.TestResultFact;

/** Builds a person's facts for the rule tests, in the city's time zone. */
final class Facts {

  static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
  static final Instant LONG_AGO = at(2020, 1, 1, 0, 0);

  private final UUID personId = UUID.randomUUID();
  private final List<MedicalOrder> orders = new ArrayList<>();
  private final List<RegionArrival> arrivals = new ArrayList<>();
  private final List<KeyRegionListing> keyRegions = new ArrayList<>();
  private @Nullable Instant lastSample;
  private @Nullable Instant redeclareRequested;
  private @Nullable Instant declared;
  private @Nullable ManualOverride override;
  private boolean symptoms;
  private TestResults results = TestResults.NONE;

  static Facts person() {
    return new Facts();
  }

  static Instant at(int year, int month, int day, int hour, int minute) {
    return LocalDateTime.of(year, month, day, hour, minute).atZone(CITY).toInstant();
  }

  static Instant startOf(LocalDate day) {
    return day.atStartOfDay(CITY).toInstant();
  }

  Facts order(OrderKind kind, Instant start, @Nullable Instant end) {
    return order(kind, start, end, LONG_AGO);
  }

  Facts order(OrderKind kind, Instant start, @Nullable Instant end, Instant recordedAt) {
    orders.add(
        new MedicalOrder("O-" + orders.size(), kind, start, end, "authority-feed", recordedAt));
    return this;
  }

  Facts keyRegion(String code, LocalDate from, @Nullable LocalDate to) {
    keyRegions.add(new KeyRegionListing(code, from, to));
    return this;
  }

  Facts arrival(String code, LocalDate on) {
    return arrival(code, on, LONG_AGO);
  }

  Facts arrival(String code, LocalDate on, Instant recordedAt) {
    arrivals.add(new RegionArrival(code, on, "declaration", recordedAt));
    return this;
  }

  Facts sample(Instant takenAt) {
    lastSample = takenAt;
    return this;
  }

  Facts redeclareRequested(Instant at) {
    redeclareRequested = at;
    return this;
  }

  Facts declared(Instant at) {
    declared = at;
    return this;
  }

  /** The latest declaration, at {@code at}, reports a symptom or a fever. */
  Facts declaredWithSymptoms(Instant at) {
    declared = at;
    symptoms = true;
    return this;
  }

  /** A lab's result for a sample of this person. */
  Facts result(Instant sampledAt, boolean pooled, TestOutcome outcome, Instant reportedAt) {
    results = results.with(new TestResultFact(personId, sampledAt, pooled, outcome, reportedAt));
    return this;
  }

  Facts override(Colour colour, Instant decidedAt, @Nullable Instant until) {
    override =
        new ManualOverride(
            UUID.randomUUID(), colour, "manual.data-correction", "manual", decidedAt, until);
    return this;
  }

  PersonFacts build() {
    return new PersonFacts(
        personId,
        orders,
        arrivals,
        keyRegions,
        lastSample,
        redeclareRequested,
        declared,
        override,
        symptoms,
        results);
  }
}
