package org.suishen.support;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for background work a test cannot drive itself (a running import, a scheduled task) by
 * asking again until the answer is what the test waits for. A wait that runs out fails the test
 * with what it waited for and the last answer; it never hands back an unfinished state.
 */
public final class Awaiting {

  private static final Duration PAUSE = Duration.ofMillis(50);

  private Awaiting() {}

  /** Asks {@code probe} until {@code done} holds for its answer, and returns that answer. */
  public static <T> T until(String what, Duration timeout, Supplier<T> probe, Predicate<T> done) {
    long deadline = System.nanoTime() + timeout.toNanos();
    T last = probe.get();
    while (!done.test(last)) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(
            "waited " + timeout + " for " + what + "; the last answer was: " + last);
      }
      pause();
      last = probe.get();
    }
    return last;
  }

  /** Waits until {@code condition} holds. */
  public static void until(String what, Duration timeout, Supplier<Boolean> condition) {
    until(what, timeout, condition, Boolean.TRUE::equals);
  }

  private static void pause() {
    try {
      Thread.sleep(PAUSE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting", e);
    }
  }
}
