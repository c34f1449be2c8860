package org.suishen.status.internal.policy;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/** A named rule that may make a person yellow or red. */
public interface StatusPolicy {

  /** The rule's name, as statuses and history carry it. */
  String rule();

  /** What the rule says about the person at {@code now}; empty when it has nothing against them. */
  Optional<Finding> assess(PersonFacts facts, Instant now);

  /**
   * The instants at which the rule's answer for these facts may change by the passage of time alone
   * (an order starting or ending, an observation period running out).
   */
  Stream<Instant> boundaries(PersonFacts facts);
}
