package org.suishen.status.internal.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.suishen.status.Colour;

/**
 * Computes a person's status from their facts at an instant: red beats yellow beats green; on equal
 * colours the earlier rule in the list gives the reason. An approved manual change in force
 * replaces the rules' answer on the facts it reviewed, unless newer facts give a more severe
 * colour. Green when nothing applies, with the re-declaration notice when the authority asked for
 * one.
 */
public final class StatusEvaluator {

  private final List<StatusPolicy> policies;

  public StatusEvaluator(List<StatusPolicy> policies) {
    this.policies = List.copyOf(policies);
  }

  public Verdict evaluate(PersonFacts facts, Instant now) {
    ManualOverride override =
        facts.override() != null && facts.override().inForceAt(now) ? facts.override() : null;
    PersonFacts considered = override == null ? facts : facts.reviewedAt(override.decidedAt());

    Finding worst = null;
    for (StatusPolicy policy : policies) {
      var finding = policy.assess(considered, now);
      if (finding.isPresent()
          && (worst == null || finding.get().colour().compareTo(worst.colour()) > 0)) {
        worst = finding.get();
      }
    }
    Finding decided = worst;
    if (override != null && (worst == null || worst.colour().compareTo(override.colour()) <= 0)) {
      decided =
          new Finding(
              override.colour(),
              Rules.MANUAL,
              override.reason(),
              override.source(),
              override.decidedAt());
    }

    List<Instant> boundaries = boundaries(facts, considered);
    Instant validUntil =
        boundaries.stream().filter(b -> b.isAfter(now)).min(Comparator.naturalOrder()).orElse(null);
    if (decided != null) {
      return new Verdict(
          decided.colour(),
          decided.rule(),
          decided.reason(),
          decided.source(),
          decided.since(),
          validUntil,
          false);
    }
    Instant greenSince =
        boundaries.stream()
            .filter(b -> !b.isAfter(now))
            .max(Comparator.naturalOrder())
            .orElse(null);
    MedicalOrder released =
        considered.orders().stream()
            .filter(o -> o.endedBy(now))
            .max(Comparator.comparing(MedicalOrder::endsAt))
            .orElse(null);
    return new Verdict(
        Colour.GREEN,
        Rules.NO_ANOMALY,
        released == null ? Rules.REASON_NO_ANOMALY : Rules.REASON_RELEASED,
        released == null ? Rules.SOURCE_ENGINE : released.source(),
        greenSince,
        validUntil,
        facts.redeclarationOutstanding());
  }

  private List<Instant> boundaries(PersonFacts facts, PersonFacts considered) {
    var all = new ArrayList<Instant>();
    for (StatusPolicy policy : policies) {
      policy.boundaries(facts).forEach(all::add);
      if (considered != facts) {
        policy.boundaries(considered).forEach(all::add);
      }
    }
    ManualOverride latest = facts.override();
    if (latest != null) {
      Stream.of(latest.decidedAt(), latest.validUntil()).filter(Objects::nonNull).forEach(all::add);
    }
    return all;
  }
}
