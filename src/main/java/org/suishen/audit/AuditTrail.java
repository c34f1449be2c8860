package org.suishen.audit;

/**
 * The append-only audit trail. {@link #record} joins the caller's transaction, so a change and its
 * audit entry are committed together or not at all.
 */
public interface AuditTrail {

  void record(AuditEvent event);

  /** Several entries at once, in this order (a group of registrations, say), in one statement. */
  default void recordAll(java.util.List<AuditEvent> events) {
    events.forEach(this::record);
  }
}
