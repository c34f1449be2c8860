package org.suishen.accounts.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What a loaded login knows about its failed attempts (see {@link LoginThrottle}). */
interface ThrottledLogin {

  /** The end of the lock on the login name as loaded (perhaps already passed), or {@code null}. */
  @Nullable Instant lockedUntil();

  /** Whether failures were counted for the name (a successful login then forgets them). */
  boolean failuresCounted();
}
