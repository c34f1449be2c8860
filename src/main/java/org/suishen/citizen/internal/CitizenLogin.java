package org.suishen.citizen.internal;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.shared.security.Actor;

/**
 * Log-in with a mobile number and a one-time code. The first successful log-in of a number creates
 * its account.
 */
@Service
public class CitizenLogin {

  private static final Logger log = LoggerFactory.getLogger(CitizenLogin.class);

  private final OneTimeCodes codes;
  private final CitizenAccounts accounts;
  private final AuditTrail audit;
  private final TransactionTemplate transaction;
  private final Clock clock;

  CitizenLogin(
      OneTimeCodes codes,
      CitizenAccounts accounts,
      AuditTrail audit,
      TransactionTemplate transaction,
      Clock clock) {
    this.codes = codes;
    this.accounts = accounts;
    this.audit = audit;
    this.transaction = transaction;
    this.clock = clock;
  }

  public OneTimeCodes.SentCode sendCode(String phoneInput, String clientAddress) {
    return codes.send(PhoneNumber.parse(phoneInput), CodePurpose.LOGIN, null, clientAddress);
  }

  /** The account of the phone, created on its first log-in, once the code is accepted. */
  public CitizenAccount logIn(String phoneInput, String code) {
    PhoneNumber phone = PhoneNumber.parse(phoneInput);
    codes.redeem(phone, CodePurpose.LOGIN, null, code);
    var account =
        accounts
            .findByPhone(phone)
            .orElseGet(
                () ->
                    transaction.execute(
                        status -> {
                          var created = accounts.createIfAbsent(phone, clock.instant());
                          created.ifPresent(
                              a ->
                                  audit.record(
                                      AuditEvent.of(
                                          Actor.citizen(a.id().toString()),
                                          "citizen.account.created",
                                          null,
                                          "first log-in with a one-time code")));
                          return created.or(() -> accounts.findByPhone(phone)).orElseThrow();
                        }));
    log.info("Citizen account {} logged in", account.id());
    return account;
  }
}
