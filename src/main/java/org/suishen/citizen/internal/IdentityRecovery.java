package org.suishen.citizen.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.citizen.CardRead;
import org.suishen.citizen.IdentityClaim;
import org.suishen.citizen.IdentityRecovered;
import org.suishen.citizen.IdentityRecoveries;
import org.suishen.citizen.sms.SmsDeliveryException;
import org.suishen.citizen.sms.SmsSender;
import org.suishen.identity.IdentityDocument;
import org.suishen.identity.Person;
import org.suishen.identity.PopulationRegister;
import org.suishen.shared.masking.Masking;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;

/**
 * Identity recovery (身份找回, MISSION H1) at a staff desk, or after an upheld appeal with evidence
 * ({@link IdentityRecoveries}). At the desk a person whose identity another account claimed comes
 * with their ID card; the desk's reader reads the chip, the staff member checks the person against
 * the card's photo and confirms, and the identity moves to the account of the phone the person
 * brings. The earlier claim is voided, its sessions end, its phone is told, and all of it is
 * audited, in one transaction (the text message after the commit).
 */
@Service
public class IdentityRecovery implements IdentityRecoveries {

  private static final Logger log = LoggerFactory.getLogger(IdentityRecovery.class);

  private final CitizenAccounts accounts;
  private final IdentityRegistration registration;
  private final PopulationRegister register;
  private final IdentityCheckChain checks;
  private final RegistrationFailures locks;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final SmsSender sms;
  private final MessageSource messages;
  private final TransactionTemplate transaction;
  private final Clock clock;

  IdentityRecovery(
      CitizenAccounts accounts,
      IdentityRegistration registration,
      PopulationRegister register,
      IdentityCheckChain checks,
      RegistrationFailures locks,
      AuditTrail audit,
      ApplicationEventPublisher events,
      SmsSender sms,
      MessageSource messages,
      TransactionTemplate transaction,
      Clock clock) {
    this.accounts = accounts;
    this.registration = registration;
    this.register = register;
    this.checks = checks;
    this.locks = locks;
    this.audit = audit;
    this.events = events;
    this.sms = sms;
    this.messages = messages;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** What the desk did. */
  public record Recovered(Person person, CitizenAccount account, boolean earlierClaimVoided) {}

  /**
   * @param staff the desk's staff member
   * @param phoneText the mobile number of the account that is to stand for the person (created if
   *     the number has none yet)
   * @param card what the desk's card reader read from the chip
   * @param personChecked the staff member confirms the person matches the card's photo
   */
  public Recovered atDesk(
      Actor staff,
      @Nullable String phoneText,
      @Nullable CardRead card,
      boolean personChecked,
      @Nullable String note) {
    if (card == null || card.name().isBlank()) {
      throw SuishenException.badInput("citizen.recovery.card-required");
    }
    if (!personChecked) {
      throw SuishenException.badInput("citizen.recovery.confirmation-required");
    }
    PhoneNumber phone = PhoneNumber.parse(phoneText);
    Instant now = clock.instant();
    Recovered recovered =
        transaction.execute(
            status -> {
              var account =
                  accounts
                      .createIfAbsent(phone, now)
                      .or(() -> accounts.findByPhone(phone))
                      .orElseThrow(CitizenAccountGone::new);
              locks.lockAccount(account.id());
              locks.lockDocument(card.document());
              account = accounts.find(account.id()).orElseThrow(CitizenAccountGone::new);
              Person person = register.findByDocument(card.document()).orElse(null);
              var claim =
                  new IdentityClaim(
                      account.id(), card.document(), card.name(), phone.value(), card);
              if (person == null
                  || checks.check(claim, person) != IdentityCheckChain.Outcome.PASSED) {
                throw SuishenException.unprocessable("citizen.recovery.card-mismatch");
              }
              return recover(
                  staff,
                  account,
                  person,
                  "identity recovery at a desk: ID card chip read, person checked against the card"
                      + " by staff",
                  note,
                  now);
            });
    return java.util.Objects.requireNonNull(recovered);
  }

  @Override
  public UUID appealable(UUID accountId, IdentityDocument document, String name) {
    return registration.appealable(accountId, document, name);
  }

  @Override
  public Optional<Holder> holderOf(UUID personId) {
    return accounts
        .findByPerson(personId)
        .map(a -> new Holder(a.id(), Masking.phone(a.phone()), a.updatedAt()));
  }

  @Override
  public Optional<String> maskedPhoneOf(UUID accountId) {
    return accounts.find(accountId).map(a -> Masking.phone(a.phone()));
  }

  @Override
  public void recoverAfterAppeal(
      UUID personId, UUID appellantAccount, Actor reviewer, String reference) {
    Instant now = clock.instant();
    transaction.executeWithoutResult(
        status -> {
          Person person =
              register
                  .find(personId)
                  .orElseThrow(() -> SuishenException.conflict("citizen.recovery.person-gone"));
          locks.lockAccount(appellantAccount);
          locks.lockDocument(person.document());
          var account =
              accounts
                  .find(appellantAccount)
                  .orElseThrow(() -> SuishenException.conflict("citizen.recovery.account-gone"));
          recover(
              reviewer,
              account,
              person,
              "identity recovery through an upheld appeal with evidence (" + reference + ")",
              null,
              now);
        });
  }

  /**
   * The common end of every recovery, under the account's and the document's locks: the earlier
   * claim voided and told, the identity bound to {@code account}, both audited, the event out.
   */
  private Recovered recover(
      Actor actor,
      CitizenAccount account,
      Person person,
      String how,
      @Nullable String note,
      Instant now) {
    if (person.id().equals(account.personId())) {
      throw SuishenException.conflict("citizen.recovery.already-holds");
    }
    if (account.registered()) {
      throw SuishenException.conflict("citizen.recovery.account-registered");
    }
    var earlier = accounts.findByPerson(person.id()).orElse(null);
    if (earlier != null) {
      accounts.releasePerson(earlier.id(), now);
      accounts.endSessions(earlier.id(), SessionEnd.IDENTITY_RECOVERED);
      audit.record(
          AuditEvent.of(
              actor,
              "citizen.identity.claim-voided",
              person.id(),
              how
                  + ": the earlier claim of account "
                  + earlier.id()
                  + " was voided and its sessions ended"));
      tellAfterCommit(earlier.phone());
    }
    accounts.bindPerson(account.id(), person.id(), now);
    audit.record(
        AuditEvent.of(
            actor,
            "citizen.identity.recovered",
            person.id(),
            how
                + "; now account "
                + account.id()
                + (note == null || note.isBlank() ? "" : "; note: " + note.strip())));
    events.publishEvent(
        new IdentityRecovered(
            person.id(), account.id(), earlier == null ? null : earlier.id(), now));
    return new Recovered(
        person, accounts.find(account.id()).orElseThrow(CitizenAccountGone::new), earlier != null);
  }

  /** The earlier phone learns of it once the change stands; a failed text changes nothing. */
  private void tellAfterCommit(String phone) {
    String text =
        messages.getMessage(
            "citizen.recovery.sms",
            new Object[] {phone.substring(phone.length() - 4)},
            Locale.SIMPLIFIED_CHINESE);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            try {
              sms.send(phone, text);
            } catch (SmsDeliveryException e) {
              log.warn(
                  "Could not tell the earlier phone of an identity recovery: {}", e.getMessage());
            }
          }
        });
  }
}
