package org.suishen.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Facts that other contexts feed into the status engine. Each call stores the fact and, when it can
 * change the person's colour, evaluates the person at once (publishing {@link HealthStatusChanged}
 * on a change). Calls are idempotent: repeating a fact changes nothing.
 */
public interface StatusFacts {

  /**
   * A person arrived in the city from a region on a day. Hook for health declarations: the lead
   * wires {@code org.suishen.declaration.HealthDeclared} to one call per region visited, with
   * {@code source = "declaration"}.
   *
   * @param regionCode the region's code as on the authority's key-region list
   * @param source where the fact comes from, e.g. {@code declaration}, {@code authority-feed}
   */
  void recordArrival(UUID personId, String regionCode, LocalDate arrivedOn, String source);

  /**
   * Labs' results for people's samples, many at once (a tube's people, a lab's upload): stores each
   * person's latest results and evaluates, in the same transaction, those whose colour they can
   * change (a positive, or a person pending a retest or positive before). People of a positive
   * pooled tube get a retest recall notice ({@code status.retest-recall}), texted like every
   * notice.
   */
  void recordResults(List<TestResultFact> results);

  /** A person gave a test sample (for the optional no-recent-test rule). */
  void recordSample(UUID personId, Instant takenAt);

  /** {@link #recordSample} for many people at once (a group of registrations), in one statement. */
  void recordSamples(java.util.Map<UUID, Instant> takenAt);

  /**
   * A person declared their health information: clears the "please declare again" notice if the
   * authority's request is older, and records whether it reported a symptom or a fever (for the
   * optional symptoms rule). Hook for {@code HealthDeclared} (its {@code declaredAt}, {@code
   * symptoms}).
   */
  void declarationReceived(UUID personId, Instant at, boolean symptoms);
}
