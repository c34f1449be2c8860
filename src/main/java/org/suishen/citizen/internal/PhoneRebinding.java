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
import org.suishen.citizen.PhoneRebound;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;

/**
 * Binding a new mobile number to a registered account (更换手机号, MISSION H8): a code is sent to the
 * new number and confirmed from the logged-in session. Afterwards only the new number logs in to
 * the account; the old number, if used again, starts a new, unregistered account. Every other
 * session of the account ends (its session epoch is raised): sign the current session in again with
 * the returned account ({@link CitizenSessions#signIn}).
 */
@Service
public class PhoneRebinding {

  private final CitizenAccounts accounts;
  private final OneTimeCodes codes;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transaction;
  private final Clock clock;

  PhoneRebinding(
      CitizenAccounts accounts,
      OneTimeCodes codes,
      AuditTrail audit,
      ApplicationEventPublisher events,
      TransactionTemplate transaction,
      Clock clock) {
    this.accounts = accounts;
    this.codes = codes;
    this.audit = audit;
    this.events = events;
    this.transaction = transaction;
    this.clock = clock;
  }

  public OneTimeCodes.SentCode sendCode(
      UUID accountId, @Nullable String newPhoneInput, String clientAddress) {
    var account = registeredAccount(accountId);
    PhoneNumber phone = availableNewPhone(account, newPhoneInput);
    return codes.send(phone, CodePurpose.PHONE_REBIND, accountId, clientAddress);
  }

  /** Binds the new number once its code is accepted; returns the updated account. */
  public CitizenAccount confirm(
      UUID accountId, @Nullable String newPhoneInput, @Nullable String code) {
    var account = registeredAccount(accountId);
    PhoneNumber phone = availableNewPhone(account, newPhoneInput);
    codes.redeem(phone, CodePurpose.PHONE_REBIND, accountId, code);
    UUID personId = java.util.Objects.requireNonNull(account.personId());
    Instant now = clock.instant();
    transaction.executeWithoutResult(
        status -> {
          try {
            accounts.changePhone(accountId, phone, now);
          } catch (DuplicateKeyException e) {
            throw SuishenException.conflict("citizen.phone.taken");
          }
          // the account's other sessions end; the caller re-signs the current one (new epoch)
          accounts.endSessions(accountId, SessionEnd.PHONE_REBOUND);
          audit.record(
              AuditEvent.of(
                  Actor.citizen(accountId.toString()),
                  "citizen.phone.rebound",
                  personId,
                  "new mobile number confirmed with a one-time code"));
          events.publishEvent(new PhoneRebound(personId, now));
        });
    return accounts.find(accountId).orElseThrow(CitizenAccountGone::new);
  }

  private CitizenAccount registeredAccount(UUID accountId) {
    var account = accounts.find(accountId).orElseThrow(CitizenAccountGone::new);
    if (!account.registered()) {
      throw SuishenException.forbidden("citizen.registration.required");
    }
    return account;
  }

  private PhoneNumber availableNewPhone(CitizenAccount account, @Nullable String input) {
    PhoneNumber phone = PhoneNumber.parse(input);
    if (phone.value().equals(account.phone())) {
      throw SuishenException.badInput("citizen.phone.unchanged");
    }
    if (accounts.findByPhone(phone).isPresent()) {
      throw SuishenException.conflict("citizen.phone.taken");
    }
    return phone;
  }
}
