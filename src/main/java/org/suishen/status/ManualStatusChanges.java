package org.suishen.status;

import java.util.UUID;
import org.suishen.shared.security.Actor;

/**
 * Corrections of a colour by people, through the same audited path as the health authority's
 * two-person manual changes: recorded with its basis, in the history, audited, and the person
 * notified ({@link PersonNotified}).
 */
public interface ManualStatusChanges {

  /**
   * An appeal (我要申诉) was upheld: the colour becomes {@code colour} at once, in place of what the
   * data known now say (newer data still count). The appeal's own review is the second person;
   * {@code reviewer} is recorded as the decider. Idempotent per {@code appealId}.
   *
   * @return the person's status after the correction
   */
  HealthStatus applyUpheldAppeal(UUID personId, Colour colour, UUID appealId, Actor reviewer);
}
