package org.suishen.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that tests move: it follows the system clock plus an offset that {@link #advance} and
 * {@link #reset} change. The whole application shares the clock bean, so a test that moves it
 * resets it afterwards.
 */
public final class MutableClock extends Clock {

  private final ZoneId zone;
  private final AtomicReference<Duration> offset;

  public MutableClock(ZoneId zone) {
    this(zone, new AtomicReference<>(Duration.ZERO));
  }

  private MutableClock(ZoneId zone, AtomicReference<Duration> offset) {
    this.zone = zone;
    this.offset = offset;
  }

  public void advance(Duration by) {
    offset.updateAndGet(current -> current.plus(by));
  }

  public void reset() {
    offset.set(Duration.ZERO);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new MutableClock(zone, offset);
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset.get());
  }
}
