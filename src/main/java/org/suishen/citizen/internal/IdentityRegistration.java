package org.suishen.citizen.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.citizen.IdentityClaim;
import org.suishen.citizen.IdentityClaimed;
import org.suishen.citizen.IdentityVerifier;
import org.suishen.identity.DocumentType;
import org.suishen.identity.IdentityDocument;
import org.suishen.identity.Names;
import org.suishen.identity.Person;
import org.suishen.identity.PopulationRegister;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;

/**
 * Real-name registration (实名注册, MISSION H1, H8): a logged-in account claims a registered identity
 * by document and name, passes the identity check, and from then on stands for that person. One
 * person, one account; one account, one person. Nothing is changed on refusal.
 */
@Service
public class IdentityRegistration {

  private final CitizenAccounts accounts;
  private final PopulationRegister register;
  private final IdentityVerifier verifier;
  private final RegistrationFailures failures;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transaction;
  private final Clock clock;

  IdentityRegistration(
      CitizenAccounts accounts,
      PopulationRegister register,
      IdentityVerifier verifier,
      RegistrationFailures failures,
      AuditTrail audit,
      ApplicationEventPublisher events,
      TransactionTemplate transaction,
      Clock clock) {
    this.accounts = accounts;
    this.register = register;
    this.verifier = verifier;
    this.failures = failures;
    this.audit = audit;
    this.events = events;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** Claims the identity for the account and returns the updated account. */
  public CitizenAccount claim(
      UUID accountId, @Nullable DocumentType type, @Nullable String number, @Nullable String name) {
    var account = accounts.find(accountId).orElseThrow(CitizenAccountGone::new);
    if (account.registered()) {
      throw SuishenException.conflict("citizen.identity.already-registered");
    }
    if (type == null) {
      throw SuishenException.badInput("citizen.identity.document-type");
    }
    if (number == null || number.isBlank()) {
      throw SuishenException.badInput("citizen.identity.document-number-required");
    }
    if (name == null || name.isBlank()) {
      throw SuishenException.badInput("citizen.identity.name-required");
    }
    IdentityDocument document = IdentityDocument.of(type, number);
    String claimedName = name.strip();
    // one transaction per attempt, attempts of one account one after the other: parallel requests
    // cannot pass the failure limit, and a failure is committed before its refusal is thrown
    SuishenException refusal =
        transaction.execute(status -> attempt(accountId, document, claimedName, clock.instant()));
    if (refusal != null) {
      throw refusal;
    }
    return accounts.find(accountId).orElseThrow(CitizenAccountGone::new);
  }

  /** One attempt under the account's lock: {@code null} when claimed, else a counted failure. */
  private @Nullable SuishenException attempt(
      UUID accountId, IdentityDocument document, String name, Instant now) {
    failures.lockAccount(accountId);
    if (accounts.find(accountId).orElseThrow(CitizenAccountGone::new).registered()) {
      throw SuishenException.conflict("citizen.identity.already-registered");
    }
    failures.requireBelowLimit(accountId);
    Person person = register.findByDocument(document).orElse(null);
    if (person == null) {
      return failed(accountId, SuishenException.notFound("citizen.identity.not-found"));
    }
    if (!Names.same(person.name(), name)) {
      return failed(accountId, SuishenException.badInput("citizen.identity.name-mismatch"));
    }
    if (!verifier.verify(new IdentityClaim(accountId, document, name), person)) {
      return failed(accountId, SuishenException.forbidden("citizen.identity.verification-failed"));
    }
    accounts
        .findByPerson(person.id())
        .filter(other -> !other.id().equals(accountId))
        .ifPresent(
            other -> {
              throw SuishenException.conflict("citizen.identity.already-claimed");
            });
    boolean bound;
    try {
      bound = accounts.bindPerson(accountId, person.id(), now);
    } catch (DuplicateKeyException e) {
      throw SuishenException.conflict("citizen.identity.already-claimed");
    }
    if (!bound) {
      throw SuishenException.conflict("citizen.identity.already-registered");
    }
    audit.record(
        AuditEvent.of(
            Actor.citizen(accountId.toString()),
            "citizen.identity.claimed",
            person.id(),
            "real-name registration: document and name matched the register, identity"
                + " check passed"));
    events.publishEvent(new IdentityClaimed(accountId, person.id(), now));
    return null;
  }

  private SuishenException failed(UUID accountId, SuishenException refusal) {
    failures.record(accountId);
    return refusal;
  }
}
