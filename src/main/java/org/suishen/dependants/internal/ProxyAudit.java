package org.suishen.dependants.internal;

import java.util.UUID;
import org.springframework.stereotype.Component;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.shared.security.Actor;

/**
 * Audits a proxy action with both people: the subject is the dependant, the detail the holder's
 * person id (MISSION X1). Reasons are codes, never free text (which could hold personal data).
 */
@Component
class ProxyAudit {

  static final String REQUESTED = "dependants.binding.requested";
  static final String APPROVED = "dependants.binding.approved";
  static final String REJECTED = "dependants.binding.rejected";
  static final String REMOVED = "dependants.binding.removed";
  static final String REGROUNDED = "dependants.binding.regrounded";
  static final String VIEWED = "dependants.dependant.viewed";
  static final String REVIEWED = "dependants.binding.read";
  static final String EVIDENCE_READ = "dependants.evidence.read";
  static final String EVIDENCE_PURGED = "dependants.evidence.purged";

  private final AuditTrail trail;

  ProxyAudit(AuditTrail trail) {
    this.trail = trail;
  }

  void record(Actor actor, String action, UUID holder, UUID dependant, String reason) {
    trail.record(new AuditEvent(actor, action, dependant, reason, holder.toString()));
  }
}
