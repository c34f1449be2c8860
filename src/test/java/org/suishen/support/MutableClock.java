package org.suishen.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A fixed clock that moves only when a test moves it: it starts at {@link #START} and stands there
 * until {@link #advance} or {@link #set} moves it; {@link #reset} takes it back to the start. No
 * test that uses it depends on today's date or on how long it runs. The whole application shares
 * the clock bean, so a test that moves it resets it before it starts.
 */
public final class MutableClock extends Clock {

  /** 10:00 in Shanghai on an ordinary Sunday, far from midnight and from any change of month. */
  public static final Instant START = Instant.parse("2026-03-01T02:00:00Z");

  private final ZoneId zone;
  private final AtomicReference<Instant> now;

  public MutableClock(ZoneId zone) {
    this(zone, new AtomicReference<>(START));
  }

  private MutableClock(ZoneId zone, AtomicReference<Instant> now) {
    this.zone = zone;
    this.now = now;
  }

  public void advance(Duration by) {
    now.updateAndGet(current -> current.plus(by));
  }

  public void set(Instant instant) {
    now.set(instant);
  }

  public void reset() {
    now.set(START);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new MutableClock(zone, now);
  }

  @Override
  public Instant instant() {
    return now.get();
  }
}
