package org.suishen.citizen.web;

import java.util.UUID;
import org.springframework.stereotype.Component;
import org.suishen.citizen.internal.CitizenAccount;
import org.suishen.citizen.internal.CitizenAccounts;
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
    CitizenAccount account =
        accounts
            .find(accountId)
            .orElseThrow(
                () ->
                    new SuishenException(
                        "auth.required", org.springframework.http.HttpStatus.UNAUTHORIZED));
    return of(account);
  }

  AccountView of(CitizenAccount account) {
    var personId = account.personId();
    return AccountView.of(account, personId == null ? null : register.find(personId).orElse(null));
  }
}
