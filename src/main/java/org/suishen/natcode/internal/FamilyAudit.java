package org.suishen.natcode.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.shared.security.Actor;

/**
 * The audit entries of this module (MISSION X1). The subject is the person whose code it is; when a
 * family member acts for a dependant, the detail is the holder's person id (the dependants module's
 * convention). Reasons are codes, never free text.
 */
@Component
class FamilyAudit {

  /** A NAT code was generated (reason {@code generated} or {@code regenerated}: earlier voided). */
  static final String ISSUED = "natcode.issued";

  /** A family member was shown a dependant's NAT code. */
  static final String VIEWED = "natcode.viewed";

  /** A family member downloaded a dependant's printable NAT code. */
  static final String PRINTED = "natcode.printed";

  /** A family member was shown (issued) a dependant's proxy code. */
  static final String PROXY_SHOWN = "natcode.proxy-code.shown";

  /** The dependant's photo was shown with their proxy code on the holder's phone (H3). */
  static final String PROXY_PHOTO_SHOWN = "natcode.proxy-photo.shown";

  private final AuditTrail trail;

  FamilyAudit(AuditTrail trail) {
    this.trail = trail;
  }

  void record(Actor actor, String action, UUID subject, String reason, @Nullable UUID holder) {
    trail.record(
        new AuditEvent(actor, action, subject, reason, holder == null ? null : holder.toString()));
  }
}
