package org.suishen.status.internal.policy;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.suishen.status.Colour;

/**
 * Red while the person is under medical management: a confirmed case until discharged, a suspected
 * case until excluded, quarantine or isolation until released (MISSION H2). With several orders in
 * force at once the most severe kind gives the reason; the person stays red until the last ends.
 */
public final class MedicalManagementPolicy implements StatusPolicy {

  @Override
  public String rule() {
    return Rules.MEDICAL_MANAGEMENT;
  }

  @Override
  public Optional<Finding> assess(PersonFacts facts, Instant now) {
    var inForce = facts.orders().stream().filter(o -> o.inForceAt(now)).toList();
    if (inForce.isEmpty()) {
      return Optional.empty();
    }
    MedicalOrder mostSevere =
        inForce.stream().min(Comparator.comparing(MedicalOrder::kind)).orElseThrow();
    Instant since =
        inForce.stream().map(MedicalOrder::startsAt).min(Comparator.naturalOrder()).orElseThrow();
    return Optional.of(
        new Finding(Colour.RED, rule(), mostSevere.kind().reason(), mostSevere.source(), since));
  }

  @Override
  public Stream<Instant> boundaries(PersonFacts facts) {
    return facts.orders().stream()
        .flatMap(o -> Stream.of(o.startsAt(), o.endsAt()))
        .filter(Objects::nonNull);
  }
}
