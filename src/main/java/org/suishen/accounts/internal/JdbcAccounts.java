package org.suishen.accounts.internal;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.suishen.accounts.Account;
import org.suishen.accounts.Accounts;

@Component
class JdbcAccounts implements Accounts {

  private final AccountStore store;

  JdbcAccounts(AccountStore store) {
    this.store = store;
  }

  @Override
  public Optional<Account> find(UUID id) {
    return store.findById(id).map(StoredAccount::account);
  }

  @Override
  public Optional<Account> findByLogin(String login) {
    return store.findByLogin(LoginNamePolicy.normalise(login)).map(StoredAccount::account);
  }
}
