package org.suishen.dependants;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.shared.security.Actor;

/**
 * The audit entry of an action on a person's data or codes, taken for them by a family member or by
 * themselves (MISSION R3, X1): the subject is the person whose data or code it is (the dependant),
 * the detail the holder's person id — none when the person acted themselves. Every context that
 * acts for dependants (bindings, NAT codes, proxy codes) records through here, so the trail names
 * both people the same way everywhere. Reasons are codes, never free text (which could hold
 * personal data); each context names its own actions.
 */
@Component
public class ProxyAudit {

  private final AuditTrail trail;

  ProxyAudit(AuditTrail trail) {
    this.trail = trail;
  }

  /**
   * @param person the person whose data or code it is (the dependant)
   * @param holder the family member who acted for them, or null if the person acted themselves
   */
  public void record(
      Actor actor, String action, UUID person, String reason, @Nullable UUID holder) {
    trail.record(new Entry(actor, action, person, reason, holder).event());
  }

  /** Several entries in this order with one statement (a group of NAT codes, say). */
  public void recordAll(List<Entry> entries) {
    trail.recordAll(entries.stream().map(Entry::event).toList());
  }

  /** One entry of {@link #recordAll}; the fields as in {@link #record}. */
  public record Entry(
      Actor actor, String action, UUID person, String reason, @Nullable UUID holder) {

    AuditEvent event() {
      return new AuditEvent(
          actor, action, person, reason, holder == null ? null : holder.toString());
    }
  }
}
