package org.suishen.dependants.internal;

import java.io.Serial;
import org.suishen.shared.problem.RetryLater;

/**
 * 429 {@code dependants.binding.too-many-attempts}: the holder reached the limit of failed binding
 * attempts. The message names the time of the next possible attempt; the API also sends it as
 * {@code Retry-After}.
 */
public final class BindingAttemptsExhausted extends RetryLater {

  @Serial private static final long serialVersionUID = 1L;

  public static final String CODE = "dependants.binding.too-many-attempts";

  BindingAttemptsExhausted(String retryAtText, long retryAfterSeconds) {
    super(CODE, retryAfterSeconds, retryAtText);
  }
}
