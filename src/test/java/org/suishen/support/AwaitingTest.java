package org.suishen.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitingTest {

  @Test
  void returnsTheFirstAnswerThatIsWhatItWaitsFor() {
    var asked = new AtomicInteger();
    int answer =
        Awaiting.until("three", Duration.ofSeconds(5), asked::incrementAndGet, n -> n == 3);
    assertThat(answer).isEqualTo(3);
  }

  @Test
  void failsWithWhatItWaitedForAndTheLastAnswerWhenItRunsOut() {
    assertThatThrownBy(
            () ->
                Awaiting.until(
                    "the job to finish", Duration.ofMillis(120), () -> "RUNNING", "DONE"::equals))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("the job to finish")
        .hasMessageContaining("RUNNING");
  }
}
