package org.suishen.shared.admission;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code suishen.admission.*}: how many requests of each class of work may be in progress on one
 * node at once. Each is well under the container's threads (200), so no class can take them all; a
 * request over its class's budget is refused at once with 503 and {@code Retry-After}. The budgets
 * bound what is in progress, not the rate: on 2 cores and a pool of 16 connections, 64 requests in
 * progress already queue on the pool, and more only wait longer. The code display's budget is
 * therefore scaled to the node's cores ({@link #CODE_DISPLAY_PER_CORE}): with 16 in flight on two
 * cores a flood of three times the sustainable rate was admitted at 63 % with a p99 of 245 ms, with
 * 64 at 44 % and 1.2 s (docs/performance.md, "Overload").
 *
 * <p>When a class's places are all taken, as many more requests as it has places may wait up to
 * {@code max-wait} for one, in order; a request beyond those is refused at once. Requests arrive in
 * bursts: without the short wait a node refuses part of a load it could serve (at the sustainable
 * rate, open loop, three in five were refused); with it, the excess of a flood is still refused at
 * once, because the waiting places stay full.
 */
@ConfigurationProperties("suishen.admission")
public record AdmissionProperties(
    Boolean enabled,
    Map<WorkClass, Integer> maxInFlight,
    Integer retryAfterSeconds,
    @org.jspecify.annotations.Nullable Duration maxWait) {

  /** How long a request may wait for a place of its class when all are taken, unless set. */
  static final Duration DEFAULT_MAX_WAIT = Duration.ofMillis(100);

  /** Code displays in progress per core of the node, unless set. */
  static final int CODE_DISPLAY_PER_CORE = 8;

  static final Map<WorkClass, Integer> DEFAULTS =
      Map.of(
          WorkClass.CODE_DISPLAY,
          CODE_DISPLAY_PER_CORE * Runtime.getRuntime().availableProcessors(),
          WorkClass.DOOR,
          128,
          WorkClass.SAMPLING,
          128,
          WorkClass.CITIZEN,
          32,
          WorkClass.STAFF,
          24,
          WorkClass.FEEDS,
          8);

  public AdmissionProperties {
    enabled = enabled == null || enabled;
    var budgets = new EnumMap<WorkClass, Integer>(DEFAULTS);
    if (maxInFlight != null) {
      maxInFlight.forEach(
          (work, budget) -> {
            if (budget == null || budget < 1) {
              throw new IllegalArgumentException(
                  "suishen.admission.max-in-flight." + work + " must be at least 1");
            }
            budgets.put(work, budget);
          });
    }
    maxInFlight = Map.copyOf(budgets);
    retryAfterSeconds = retryAfterSeconds == null ? 1 : Math.max(1, retryAfterSeconds);
    maxWait = maxWait == null ? DEFAULT_MAX_WAIT : maxWait;
    if (maxWait.isNegative()) {
      throw new IllegalArgumentException("suishen.admission.max-wait must not be negative");
    }
  }
}
