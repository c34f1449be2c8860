package org.suishen.status.internal.policy;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.suishen.status.Colour;

/**
 * Yellow while the person's latest declaration reports a symptom or a fever, until a later
 * declaration without, or a negative result of a sample taken after the declaration. Off unless
 * configured ({@code suishen.status.symptoms.enabled}): the seeds define yellow by key-region
 * arrival only; a city that wants symptoms to count turns it on.
 */
public final class SymptomsPolicy implements StatusPolicy {

  private final boolean enabled;

  public SymptomsPolicy(boolean enabled) {
    this.enabled = enabled;
  }

  @Override
  public String rule() {
    return Rules.SYMPTOMS;
  }

  @Override
  public Optional<Finding> assess(PersonFacts facts, Instant now) {
    Instant declaredAt = facts.declaredAt();
    if (!enabled || !facts.declaredSymptoms() || declaredAt == null || declaredAt.isAfter(now)) {
      return Optional.empty();
    }
    Instant negative = facts.results().negativeSampledAt();
    if (negative != null && negative.isAfter(declaredAt)) {
      return Optional.empty();
    }
    return Optional.of(
        new Finding(
            Colour.YELLOW, rule(), Rules.REASON_SYMPTOMS, Rules.SOURCE_DECLARATION, declaredAt));
  }

  @Override
  public Stream<Instant> boundaries(PersonFacts facts) {
    return Stream.empty();
  }
}
