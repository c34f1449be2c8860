package org.suishen.accounts.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.accounts.Account;
import org.suishen.accounts.AccountKind;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.shared.security.Actor;
import org.suishen.shared.security.Role;

/**
 * At start-up, if no administrator account exists, creates the first one from {@code
 * suishen.accounts.bootstrap-admin} (see {@link FirstAdministrator}). Several nodes starting at
 * once serialise on an advisory lock, so exactly one creates it. A generated password is printed
 * once, after the account is committed; once an administrator exists nothing is created or printed
 * again.
 */
@Component
class BootstrapAdministrator implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(BootstrapAdministrator.class);

  private final AccountStore store;
  private final PasswordEncoder encoder;
  private final LoginNamePolicy logins;
  private final PasswordPolicy passwords;
  private final SecretGenerator generator;
  private final AuditTrail audit;
  private final AccountsProperties properties;
  private final TransactionTemplate transactions;
  private final Clock clock;

  BootstrapAdministrator(
      AccountStore store,
      PasswordEncoder encoder,
      LoginNamePolicy logins,
      PasswordPolicy passwords,
      SecretGenerator generator,
      AuditTrail audit,
      AccountsProperties properties,
      TransactionTemplate transactions,
      Clock clock) {
    this.store = store;
    this.encoder = encoder;
    this.logins = logins;
    this.passwords = passwords;
    this.generator = generator;
    this.audit = audit;
    this.properties = properties;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    createIfNoAdministrator();
  }

  /** Creates the first administrator if there is none; returns whether one was created. */
  boolean createIfNoAdministrator() {
    FirstAdministrator created =
        transactions.execute(
            status -> {
              store.lockAdministrators();
              if (store.anyAdministrator()) {
                return null;
              }
              FirstAdministrator first =
                  FirstAdministrator.from(
                      properties.bootstrapAdmin(),
                      logins,
                      passwords,
                      generator,
                      properties.generatedPasswordLength());
              if (store.findByLogin(first.username()).isPresent()) {
                throw new IllegalStateException(
                    "suishen.accounts.bootstrap-admin.username names an existing account that is"
                        + " not an administrator; configure another username");
              }
              Instant now = clock.instant();
              var account =
                  new Account(
                      UUID.randomUUID(),
                      AccountKind.STAFF,
                      first.username(),
                      "",
                      List.of(Role.ADMINISTRATOR),
                      true,
                      now,
                      now);
              store.insert(new StoredAccount(account, encoder.encode(first.password()), 1));
              audit.record(
                  new AuditEvent(
                      Actor.system("accounts-bootstrap"),
                      "accounts.admin.bootstrapped",
                      null,
                      "no administrator existed at start-up",
                      "account=" + account.id() + " generated=" + first.generated()));
              return first;
            });
    if (created == null) {
      return false;
    }
    if (created.generated()) {
      log.warn(created.notice());
    } else {
      log.info("Created the first administrator from suishen.accounts.bootstrap-admin");
    }
    return true;
  }
}
