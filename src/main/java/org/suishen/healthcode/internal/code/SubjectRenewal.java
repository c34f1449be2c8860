package org.suishen.healthcode.internal.code;

import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.healthcode.CodeSubjects;
import org.suishen.shared.security.Actor;

/**
 * An administrator withdraws a person's code reference (e.g. a lost phone): the renewal and its
 * audit entry commit together, or neither does.
 */
@Service
public class SubjectRenewal {

  static final String RENEWED = "healthcode.subject.renewed";

  private final CodeSubjects subjects;
  private final AuditTrail audit;

  SubjectRenewal(CodeSubjects subjects, AuditTrail audit) {
    this.subjects = subjects;
    this.audit = audit;
  }

  /** Returns the person's new reference. */
  @Transactional
  public UUID renew(UUID personId, Actor administrator, String reason) {
    UUID reference = subjects.renew(personId);
    audit.record(AuditEvent.of(administrator, RENEWED, personId, reason));
    return reference;
  }
}
