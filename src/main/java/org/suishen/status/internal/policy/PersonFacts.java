package org.suishen.status.internal.policy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Everything the engine knows about one person that can affect their colour, plus the key-region
 * list the arrivals are judged against.
 *
 * @param lastSampleAt when the person last gave a test sample, if ever
 * @param redeclareRequestedAt the authority's latest request that the person declare again
 * @param declaredAt the person's latest health declaration
 * @param override the latest approved manual change, if any (in force or not)
 * @param declaredSymptoms the latest declaration reported a symptom or a fever
 * @param results the person's test results as the labs reported them
 */
public record PersonFacts(
    UUID personId,
    List<MedicalOrder> orders,
    List<RegionArrival> arrivals,
    List<KeyRegionListing> keyRegions,
    @Nullable Instant lastSampleAt,
    @Nullable Instant redeclareRequestedAt,
    @Nullable Instant declaredAt,
    @Nullable ManualOverride override,
    boolean declaredSymptoms,
    TestResults results) {

  public PersonFacts {
    orders = List.copyOf(orders);
    arrivals = List.copyOf(arrivals);
    keyRegions = List.copyOf(keyRegions);
  }

  /** A person the engine knows nothing about. */
  public static PersonFacts none(UUID personId) {
    return new PersonFacts(
        personId, List.of(), List.of(), List.of(), null, null, null, null, false, TestResults.NONE);
  }

  /**
   * The facts as they stand after a manual decision taken at {@code decidedAt}: orders and arrivals
   * known then were reviewed by the officers and are set aside; those recorded since still count.
   * The decision also counts as a check for the no-recent-test rule; test results reported before
   * it were reviewed too.
   */
  public PersonFacts reviewedAt(Instant decidedAt) {
    return new PersonFacts(
        personId,
        orders.stream().filter(o -> o.recordedAt().isAfter(decidedAt)).toList(),
        arrivals.stream().filter(a -> a.recordedAt().isAfter(decidedAt)).toList(),
        keyRegions,
        lastSampleAt == null || lastSampleAt.isBefore(decidedAt) ? decidedAt : lastSampleAt,
        redeclareRequestedAt,
        declaredAt,
        null,
        declaredSymptoms,
        results.reviewedAt(decidedAt));
  }

  /** The authority asked the person to declare again and they have not done so since. */
  public boolean redeclarationOutstanding() {
    return redeclareRequestedAt != null
        && (declaredAt == null || declaredAt.isBefore(redeclareRequestedAt));
  }
}
