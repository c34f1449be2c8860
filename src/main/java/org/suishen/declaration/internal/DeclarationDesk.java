package org.suishen.declaration.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.declaration.HealthDeclaration;
import org.suishen.declaration.HealthDeclared;
import org.suishen.shared.security.Actor;

/**
 * Takes a person's health declaration: checks it against the rules, appends it, records the change
 * in the audit trail and publishes {@link HealthDeclared}, all in one transaction.
 */
@Service
public class DeclarationDesk {

  private final JdbcHealthDeclarations declarations;
  private final DeclarationRules rules;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transaction;
  private final Clock clock;

  DeclarationDesk(
      JdbcHealthDeclarations declarations,
      DeclarationProperties properties,
      AuditTrail audit,
      ApplicationEventPublisher events,
      TransactionTemplate transaction,
      Clock clock) {
    this.declarations = declarations;
    this.rules = new DeclarationRules(properties);
    this.audit = audit;
    this.events = events;
    this.transaction = transaction;
    this.clock = clock;
  }

  public HealthDeclaration declare(UUID personId, Actor actor, DeclarationForm form) {
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
            accepted.arrivingFromOtherRegion());
    transaction.executeWithoutResult(
        status -> {
          declarations.append(declaration);
          audit.record(
              AuditEvent.of(actor, "declaration.submitted", personId, "health declaration"));
          events.publishEvent(
              new HealthDeclared(
                  personId,
                  declaration.id(),
                  now,
                  declaration.regionVisits(),
                  declaration.contactWithCases(),
                  declaration.hasSymptoms()));
        });
    return declaration;
  }
}
