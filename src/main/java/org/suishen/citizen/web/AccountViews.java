package org.suishen.citizen.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.suishen.citizen.internal.CitizenAccount;
import org.suishen.citizen.internal.CitizenAccounts;
import org.suishen.identity.Person;
import org.suishen.identity.PopulationRegister;
import org.suishen.shared.problem.SuishenException;

/** Loads an account and, if registered, its person, for display to the account's owner. */
@Component
class AccountViews {

  private final CitizenAccounts accounts;
  private final PopulationRegister register;

  AccountViews(CitizenAccounts accounts, PopulationRegister register) {
    this.accounts = accounts;
    this.register = register;
  }

  AccountView of(UUID accountId) {
    return of(account(accountId));
  }

  CitizenAccount account(UUID accountId) {
    return accounts
        .find(accountId)
        .orElseThrow(
            () ->
                new SuishenException(
                    "auth.required", org.springframework.http.HttpStatus.UNAUTHORIZED));
  }

  AccountView of(CitizenAccount account) {
    return AccountView.of(account, person(account));
  }

  @Nullable Person person(CitizenAccount account) {
    var personId = account.personId();
    return personId == null ? null : register.find(personId).orElse(null);
  }
}
