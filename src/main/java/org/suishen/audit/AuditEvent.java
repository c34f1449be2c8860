package org.suishen.audit;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.shared.security.Actor;

/**
 * One entry of the audit trail: who did what to whose data and why. {@code subject} is the person's
 * opaque id; {@code detail} must hold no personal data (no names, document or phone numbers).
 *
 * @param action a stable dotted name, e.g. {@code identity.person.read}, {@code
 *     citizen.phone.rebound}
 */
public record AuditEvent(
    Actor actor, String action, @Nullable UUID subject, String reason, @Nullable String detail) {

  public static AuditEvent of(Actor actor, String action, @Nullable UUID subject, String reason) {
    return new AuditEvent(actor, action, subject, reason, null);
  }
}
