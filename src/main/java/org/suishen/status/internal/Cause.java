package org.suishen.status.internal;

import org.suishen.shared.security.Actor;

/**
 * Who or what caused an evaluation, as the history records it.
 *
 * @param reference e.g. {@code feed:<id>}, {@code manual:<id>}, {@code expiry}, {@code sample}
 */
public record Cause(Actor actor, String reference) {

  public static Cause sweep() {
    return new Cause(Actor.system("status-sweep"), "expiry");
  }
}
