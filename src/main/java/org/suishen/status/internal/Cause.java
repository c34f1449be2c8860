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

  /** The cause recorded on a row marked due ({@code due_by}, {@code due_cause}). */
  public static Cause recorded(String by, String reference) {
    int colon = by.indexOf(':');
    Actor actor =
        colon < 0 ? Actor.system(by) : new Actor(by.substring(0, colon), by.substring(colon + 1));
    return new Cause(actor, reference);
  }
}
