package org.suishen.dependants.internal;

/** The dependants' audit actions, recorded with both people through {@code ProxyAudit}. */
final class AuditActions {

  static final String REQUESTED = "dependants.binding.requested";
  static final String APPROVED = "dependants.binding.approved";
  static final String REJECTED = "dependants.binding.rejected";
  static final String REMOVED = "dependants.binding.removed";
  static final String REGROUNDED = "dependants.binding.regrounded";
  static final String VIEWED = "dependants.dependant.viewed";
  static final String REVIEWED = "dependants.binding.read";
  static final String EVIDENCE_READ = "dependants.evidence.read";
  static final String EVIDENCE_PURGED = "dependants.evidence.purged";

  private AuditActions() {}
}
