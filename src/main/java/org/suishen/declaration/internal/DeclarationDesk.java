package org.suishen.declaration.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.declaration.DeclaredBy;
import org.suishen.declaration.FeverClinicAdvice;
import org.suishen.declaration.Guardian;
import org.suishen.declaration.HealthDeclaration;
import org.suishen.declaration.HealthDeclared;
import org.suishen.shared.limits.PersonWrite;
import org.suishen.shared.limits.PersonWriteLimits;
import org.suishen.shared.security.Actor;

/**
 * Takes a person's health declaration: checks it against the rules, appends it, records the change
 * in the audit trail and publishes {@link HealthDeclared}, all in one transaction.
 */
@Service
public class DeclarationDesk {

  static final String SUBMITTED = "declaration.submitted";

  /** The reason of the audit entries of a guardian's declarations and reads. */
  static final String BY_HOLDER = "by-holder";

  private final JdbcHealthDeclarations declarations;
  private final DeclarationRules rules;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transaction;
  private final Clock clock;

  private final PersonWriteLimits writeLimits;

  private final FeverClinicAdvice feverClinic;

  DeclarationDesk(
      PersonWriteLimits writeLimits,
      JdbcHealthDeclarations declarations,
      DeclarationProperties properties,
      AuditTrail audit,
      ApplicationEventPublisher events,
      TransactionTemplate transaction,
      FeverClinicAdvice feverClinic,
      Clock clock) {
    this.feverClinic = feverClinic;
    this.writeLimits = writeLimits;
    this.declarations = declarations;
    this.rules = new DeclarationRules(properties);
    this.audit = audit;
    this.events = events;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** The person's own declaration. */
  public HealthDeclaration declare(UUID personId, Actor actor, DeclarationForm form) {
    return declare(personId, null, actor, form);
  }

  /**
   * A guardian's declaration for the dependant: the same rules; recorded as declared by the holder
   * through the binding, audited with both people (subject = dependant, detail = holder).
   */
  public HealthDeclaration declareFor(Guardian guardian, Actor actor, DeclarationForm form) {
    return declare(guardian.dependantPersonId(), guardian.declaredBy(), actor, form);
  }

  private HealthDeclaration declare(
      UUID personId, @Nullable DeclaredBy declaredBy, Actor actor, DeclarationForm form) {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, clock.getZone());
    var accepted = rules.check(form, today);
    var declaration =
        new HealthDeclaration(
            UUID.randomUUID(),
            personId,
            now,
            accepted.symptoms(),
            accepted.temperature(),
            accepted.regionVisits(),
            accepted.contactWithCases(),
            accepted.arrivingFromOtherRegion(),
            declaredBy);
    transaction.executeWithoutResult(
        status -> {
          writeLimits.count(personId, PersonWrite.DECLARATION);
          declarations.append(declaration);
          audit.record(
              declaredBy == null
                  ? AuditEvent.of(actor, SUBMITTED, personId, "health declaration")
                  : new AuditEvent(
                      actor,
                      SUBMITTED,
                      personId,
                      BY_HOLDER,
                      declaredBy.holderPersonId().toString()));
          events.publishEvent(
              new HealthDeclared(
                  personId,
                  declaration.id(),
                  now,
                  declaration.regionVisits(),
                  declaration.contactWithCases(),
                  feverClinic.advises(declaration)));
        });
    return declaration;
  }
}
