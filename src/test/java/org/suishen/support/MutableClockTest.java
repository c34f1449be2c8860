package org.suishen.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MutableClockTest {

  private final MutableClock clock = new MutableClock(ZoneId.of("Asia/Shanghai"));

  @Test
  void standsAtItsStartUntilATestMovesIt() throws InterruptedException {
    assertThat(clock.instant()).isEqualTo(MutableClock.START);
    Thread.sleep(5);
    assertThat(clock.instant()).isEqualTo(MutableClock.START);
  }

  @Test
  void movesByWhatItIsAdvancedAndResetsToItsStart() {
    clock.advance(Duration.ofDays(30));
    assertThat(clock.instant()).isEqualTo(MutableClock.START.plus(Duration.ofDays(30)));
    clock.reset();
    assertThat(clock.instant()).isEqualTo(MutableClock.START);
  }

  @Test
  void aCopyInAnotherZoneMovesWithIt() {
    var utc = clock.withZone(ZoneId.of("UTC"));
    clock.advance(Duration.ofMinutes(2));
    assertThat(utc.instant()).isEqualTo(clock.instant());
    assertThat(utc.getZone()).isEqualTo(ZoneId.of("UTC"));
  }
}
