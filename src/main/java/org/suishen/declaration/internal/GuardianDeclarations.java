package org.suishen.declaration.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.declaration.Guardian;
import org.suishen.declaration.Guardians;
import org.suishen.declaration.HealthDeclaration;
import org.suishen.declaration.HealthDeclarations;
import org.suishen.shared.security.Actor;

/**
 * Declarations a holder makes and reads for a dependant who cannot declare themselves (MISSION H1,
 * R1-R4). The binding is checked first ({@link Guardians}, answered by the dependants context), so
 * nothing of the dependant is read or written for a holder without a standing binding. Every read
 * is audited with both people, like every proxy action (subject = dependant, detail = holder).
 */
@Service
public class GuardianDeclarations {

  static final String READ = "declaration.read";

  private final Guardians guardians;
  private final DeclarationDesk desk;
  private final HealthDeclarations declarations;
  private final AuditTrail audit;

  GuardianDeclarations(
      Guardians guardians,
      DeclarationDesk desk,
      HealthDeclarations declarations,
      AuditTrail audit) {
    this.guardians = guardians;
    this.desk = desk;
    this.declarations = declarations;
    this.audit = audit;
  }

  /** The holder as guardian of the dependant; refused (403) without a standing binding. */
  public Guardian guardian(UUID holderPersonId, UUID dependantPersonId) {
    return guardians.requireGuardian(holderPersonId, dependantPersonId);
  }

  public HealthDeclaration declare(Guardian guardian, Actor actor, DeclarationForm form) {
    return desk.declareFor(guardian, actor, form);
  }

  public Optional<HealthDeclaration> latest(Guardian guardian, Actor actor) {
    read(guardian, actor);
    return declarations.latest(guardian.dependantPersonId());
  }

  public List<HealthDeclaration> history(Guardian guardian, Actor actor, int limit) {
    read(guardian, actor);
    return declarations.history(guardian.dependantPersonId(), limit);
  }

  private void read(Guardian guardian, Actor actor) {
    audit.record(
        new AuditEvent(
            actor,
            READ,
            guardian.dependantPersonId(),
            DeclarationDesk.BY_HOLDER,
            guardian.holderPersonId().toString()));
  }
}
