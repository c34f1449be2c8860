package org.suishen.citizen.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.citizen.IdentityClaim;
import org.suishen.citizen.IdentityClaimed;
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
  private static final Logger log = LoggerFactory.getLogger(IdentityRegistration.class);

  private final IdentityCheckChain checks;
  private final RegistrationFailures failures;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transaction;
  private final TransactionTemplate separately;
  private final Clock clock;

  IdentityRegistration(
      CitizenAccounts accounts,
      PopulationRegister register,
      IdentityCheckChain checks,
      RegistrationFailures failures,
      AuditTrail audit,
      ApplicationEventPublisher events,
      TransactionTemplate transaction,
      Clock clock) {
    this.accounts = accounts;
    this.register = register;
    this.checks = checks;
    this.failures = failures;
    this.audit = audit;
    this.events = events;
    this.transaction = transaction;
    this.separately = new TransactionTemplate(transaction.getTransactionManager());
    this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /**
   * For an identity appeal (身份被冒用): the person whose register entry matches the document and the
   * name, checked under the same locks and limits as a registration attempt and refused with the
   * same uniform answer; a mismatch counts as a failed attempt, committed even when the caller's
   * transaction rolls back. So an appeal tells a prober no more than registration attempts do.
   */
  public UUID appealable(UUID accountId, IdentityDocument document, String name) {
    UUID personId =
        separately.execute(
            status -> {
              lockedUnregisteredAccount(accountId, document);
              Person person = register.findByDocument(document).orElse(null);
              if (person == null || !Names.same(person.name(), name)) {
                failures.record(accountId, document);
                log.info("Identity appeal of account {} refused at the register", accountId);
                return null;
              }
              return person.id();
            });
    if (personId == null) {
      throw SuishenException.unprocessable("citizen.identity.not-verified");
    }
    return personId;
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

  /**
   * One attempt under the account's and the document's locks: {@code null} when claimed, else a
   * counted failure. Every failed check, including an identity another account holds, gets the same
   * refusal, so that nobody learns which numbers exist, which names match or who registered.
   */
  private @Nullable SuishenException attempt(
      UUID accountId, IdentityDocument document, String name, Instant now) {
    var account = lockedUnregisteredAccount(accountId, document);
    Person person = register.findByDocument(document).orElse(null);
    var outcome =
        checks.check(new IdentityClaim(accountId, document, name, account.phone(), null), person);
    if (outcome != IdentityCheckChain.Outcome.PASSED || person == null) {
      return failed(accountId, document, outcome.name());
    }
    if (accounts
        .findByPerson(person.id())
        .filter(other -> !other.id().equals(accountId))
        .isPresent()) {
      return failed(accountId, document, "CLAIMED_BY_ANOTHER_ACCOUNT");
    }
    boolean bound;
    try {
      bound = accounts.bindPerson(accountId, person.id(), now);
    } catch (DuplicateKeyException e) { // another account claimed it a moment ago
      return failed(accountId, document, "CLAIMED_BY_ANOTHER_ACCOUNT");
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
                + " checks passed"));
    events.publishEvent(new IdentityClaimed(accountId, person.id(), now));
    return null;
  }

  /**
   * Locks the account, then the document (always in this order), and refuses an account that holds
   * an identity already or either of them over its failure limit.
   */
  private CitizenAccount lockedUnregisteredAccount(UUID accountId, IdentityDocument document) {
    failures.lockAccount(accountId);
    var account = accounts.find(accountId).orElseThrow(CitizenAccountGone::new);
    if (account.registered()) {
      throw SuishenException.conflict("citizen.identity.already-registered");
    }
    failures.requireBelowLimit(accountId);
    failures.lockDocument(document);
    failures.requireDocumentBelowLimit(document);
    return account;
  }

  private SuishenException failed(UUID accountId, IdentityDocument document, String step) {
    failures.record(accountId, document);
    // the step for operators (no document, no name); the caller sees one refusal for all
    log.info("Real-name registration of account {} refused at {}", accountId, step);
    return SuishenException.unprocessable("citizen.identity.not-verified");
  }
}
