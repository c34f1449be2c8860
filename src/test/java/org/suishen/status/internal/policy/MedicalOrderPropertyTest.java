package org.suishen.status.internal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.suishen.status.Colour;

/** Whatever the orders, a person is red exactly while at least one of them is in force. */
class MedicalOrderPropertyTest {

  static final Instant BASE = Instant.parse("2026-03-01T00:00:00Z");

  final StatusEvaluator evaluator = StatusEvaluatorTest.evaluator(14, false, 3);

  @Property
  void redExactlyWhileAnOrderIsInForce(
      @ForAll("orders") List<MedicalOrder> orders, @ForAll @IntRange(max = 2000) int hour) {
    Instant now = BASE.plus(Duration.ofHours(hour));
    var facts =
        new PersonFacts(
            java.util.UUID.randomUUID(),
            orders,
            List.of(),
            List.of(),
            null,
            null,
            null,
            null,
            false,
            TestResults.NONE);

    Verdict verdict = evaluator.evaluate(facts, now);

    boolean inForce = orders.stream().anyMatch(o -> o.inForceAt(now));
    assertThat(verdict.colour()).isEqualTo(inForce ? Colour.RED : Colour.GREEN);
    if (verdict.validUntil() != null) {
      assertThat(verdict.validUntil()).isAfter(now);
    }
  }

  @Provide
  Arbitrary<List<MedicalOrder>> orders() {
    Arbitrary<MedicalOrder> order =
        Combinators.combine(
                Arbitraries.of(OrderKind.class),
                Arbitraries.integers().between(0, 2000),
                Arbitraries.integers().between(0, 500).injectNull(0.3))
            .as(
                (kind, start, length) ->
                    new MedicalOrder(
                        "O",
                        kind,
                        BASE.plus(Duration.ofHours(start)),
                        length == null ? null : BASE.plus(Duration.ofHours(start + length)),
                        "authority-feed",
                        BASE));
    return order.list().ofMaxSize(5);
  }
}
